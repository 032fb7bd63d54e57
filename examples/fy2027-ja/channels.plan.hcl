channel "webinar" {
  title  = "ウェビナー"
  funnel = funnel.new_business
  share  = "35%"
  cpa    = "1万2000円"
}

# 展示会のリードは商談化しやすく、案件も大きい。
channel "exhibition" {
  title     = "展示会"
  funnel    = funnel.new_business
  share     = "25%"
  cpa       = "2万8000円"
  rates     = { sql = "55%" }
  deal_size = "240万円"
}

channel "seo" {
  title  = "SEO"
  funnel = funnel.new_business
  share  = "20%"
  cpa    = "8,000円"
}

# 残り(20%)を埋める。広告のリードは MQL になりにくい。
channel "ads" {
  title  = "リスティング広告"
  funnel = funnel.new_business
  cpa    = "1万5500円"
  rates  = { mql = "18%" }
}

# パートナーの紹介は SAL から入る。
channel "partner" {
  title  = "パートナー紹介"
  funnel = funnel.new_business
  stage  = "sal"
  source = "partner"
  leads  = 40
  cpa    = "5万円"
}
