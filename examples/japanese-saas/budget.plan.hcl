# 予算とチェック。channels を省略した予算はすべてのチャネルの費用を払う。

budget "marketing" {
  title       = "マーケティング施策予算"
  owner       = "マーケティング本部長"
  description = "施策費のみ。人件費とツール費は含まない。"
  cap         = "2億円"
}

check "payback" {
  condition = kpi.payback <= "12ヶ月"
  message   = "CAC は12か月以内に回収できなければならない。"
}

check "cac" {
  condition = kpi.cac <= funnel.new_business.deal_size
  message   = "CAC が受注単価(年間契約額)を超えている。"
}

check "exhibition_cpa" {
  condition = channel.exhibition.cpa <= "3万円"
  message   = "展示会のリード単価は3万円以内に抑える。"
  severity  = "warning"
}
