funnel "new_business" {
  title     = "新規顧客獲得"
  deal_size = "180万円"
  opening   = { sql = 140 } # 期初に進行中の商談

  stage "inquiry" {
    title = "問い合わせ"
    owner = "マーケティング部"
    unit  = "件"
  }
  stage "mql" {
    title      = "MQL"
    rate       = "28%"
    lag        = "2週間"
    owner      = "マーケティング部"
    definition = "スコア 60 点以上、かつ従業員 100 名以上の企業。"
  }
  stage "sal" {
    title      = "SAL"
    rate       = "65%"
    lag        = "1週間"
    owner      = "インサイドセールス"
    team       = team.inside_sales
    definition = "インサイドセールスが架電し、課題と予算の時期を確認した。"
  }
  stage "sql" {
    title      = "SQL"
    rate       = "40〜50％" # 実績のばらつき: 90%の確率でこの範囲、計画は中央の45%
    lag        = "3週間"
    owner      = "フィールドセールス"
    team       = team.field_sales
    definition = "決裁者との商談が設定された。"
  }
  stage "won" {
    title = "受注"
    rate  = "22%"
    lag   = "3ヶ月"
    owner = "フィールドセールス"
    unit  = "社"
    team  = team.customer_success
  }
}
