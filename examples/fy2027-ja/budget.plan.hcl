budget "marketing" {
  title    = "マーケティング予算"
  cap      = "1.4億円"
  channels = []

  item "ma_tool" {
    title  = "MAツール"
    amount = "480万円"
  }
  item "content" {
    title  = "コンテンツ制作"
    amount = "287.5万円"
  }
}

budget "programs" {
  title    = "イベント・パートナー"
  parent   = budget.marketing
  cap      = "8,000万円"
  channels = [channel.webinar, channel.exhibition, channel.partner]
}

budget "digital" {
  title    = "デジタル"
  parent   = budget.marketing
  cap      = "3,500万円"
  channels = [channel.seo, channel.ads]
}
