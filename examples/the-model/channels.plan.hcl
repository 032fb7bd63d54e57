# リード獲得チャネル。share はリード段階(12,000件)に占める構成比で、
# share のない広告が残りを埋める。cpa はリード1件あたりの獲得単価。
#
#   ウェビナー       30%  3,600件 × 1万円   = 3,600万円
#   展示会           20%  2,400件 × 2.5万円 = 6,000万円
#   SEO・コンテンツ  25%  3,000件 × 5千円   = 1,500万円
#   広告             残り 3,000件 × 1.1万円 = 3,300万円
#                         12,000件            1億4,400万円

channel "webinar" {
  title       = "ウェビナー"
  owner       = "マーケティング部"
  description = "毎月の自社ウェビナーと、パートナー企業との共催ウェビナー。"
  funnel      = funnel.new_business
  share       = "30%"
  cpa         = "1万円"
}

channel "exhibition" {
  title       = "展示会"
  owner       = "マーケティング部"
  description = "年4回の業界展示会への出展。ブース・人員の交通費・ノベルティを含む。"
  funnel      = funnel.new_business
  share       = "20%"
  cpa         = "2.5万円"
}

channel "seo" {
  title       = "SEO・コンテンツ"
  owner       = "マーケティング部"
  description = "オウンドメディアとホワイトペーパーからの自然検索流入。記事制作費を獲得単価とみなす。"
  funnel      = funnel.new_business
  share       = "25%"
  cpa         = "5千円"
}

channel "ads" {
  title       = "広告"
  owner       = "マーケティング部"
  description = "リスティング広告と SNS 広告(リード獲得フォーム)。他のチャネルで足りない分を埋める。"
  funnel      = funnel.new_business
  cpa         = "1.1万円"
}
