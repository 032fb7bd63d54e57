# 予算とチェック。channels を省略した予算はすべてのチャネルの費用を払う。
# チャネル費用の合計(消化額)が上限(cap)を超えると planc はエラーを出す。

budget "marketing" {
  title       = "マーケティング施策予算"
  owner       = "マーケティング本部長"
  description = "リード獲得の施策費のみ(1億4,400万円の見込み)。人件費とツール費は含まない。"
  cap         = "1.6億円"
}

check "cac_below_deal_size" {
  title     = "CAC は年間契約額以内"
  condition = kpi.cac <= funnel.new_business.deal_size
  message   = "CAC が新規顧客の年間契約額(240万円)を超えている。"
}

check "nrr" {
  title     = "NRR 105% 以上"
  condition = kpi.nrr >= "105%"
  message   = "NRR が105%を下回っている。解約率かアップセル率を見直す。"
}

check "exhibition_cpa" {
  title     = "展示会のリード単価"
  condition = channel.exhibition.cpa <= "3万円"
  message   = "展示会のリード単価は3万円以内に抑える。"
  severity  = "warning"
}

# 標準チェックの設定。当社の方針では、CAC回収期間12か月超と LTV / CAC 3倍
# 未満は警告ではなくエラーにする(計画として承認しない)。
rule "payback-too-long" {
  max      = "12 months"
  severity = "error"
}

rule "ltv-cac-low" {
  min      = 3
  severity = "error"
}
