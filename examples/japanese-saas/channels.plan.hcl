# チャネル。share はリード段階に占める構成比で、合計は100%。
# cpa はそのチャネルのリード1件あたりの獲得単価。

channel "webinar" {
  title       = "ウェビナー"
  owner       = "マーケティング部"
  description = "毎月の自社ウェビナーと、パートナー企業との共催ウェビナー。"
  funnel      = funnel.new_business
  share       = "30%"
  cpa         = "1.5万円"
}

channel "exhibition" {
  title       = "展示会"
  owner       = "マーケティング部"
  description = "年4回の業界展示会への出展。ブース・人員の交通費・ノベルティを含む。"
  funnel      = funnel.new_business
  share       = "20%"
  cpa         = "3万円"
}

channel "seo" {
  title       = "SEO・コンテンツ"
  owner       = "マーケティング部"
  description = "オウンドメディアとホワイトペーパーからの自然検索流入。"
  funnel      = funnel.new_business
  share       = "25%"
  cpa         = "8千円"
}

channel "ads" {
  title       = "広告"
  owner       = "マーケティング部"
  description = "リスティング広告と SNS 広告(リード獲得フォーム)。"
  funnel      = funnel.new_business
  share       = "15%"
  cpa         = "2万円"
}

channel "referral" {
  title       = "紹介・パートナー"
  owner       = "アライアンス部"
  description = "販売パートナーと既存顧客からの紹介。紹介手数料を獲得単価とみなす。"
  funnel      = funnel.new_business
  share       = "10%"
  cpa         = "2.5万円"
}
