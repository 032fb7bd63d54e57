# 2027年度 事業計画(B2B SaaS・THE MODEL 型の分業体制)
#
# 売上をつくる活動を4つの部門で分業し、各部門が担当する段階の数字に責任を持つ:
#
#   マーケティング部        リードを獲得し、MQL に育てる
#   インサイドセールス部    MQL に接触し、商談を設定する(商談化)
#   フィールドセールス部    商談を案件化し、受注する
#   カスタマーサクセス部    既存顧客の継続(更新)とアップセルを担う
#
# KGI は ARR の純増額。新規受注の ARR に、既存顧客のアップセルによる
# ARR の増加を足し、解約で失う ARR を引いたもの。既存顧客の数字は期首の
# 顧客数から前向きに、新規の数字は KGI から逆算して planc が求める。
#
# ファイル構成(planc はこのディレクトリの *.plan.hcl をすべて読む):
#
#   plan.plan.hcl            計画と KGI(ARR純増額)、ARR の内訳
#   funnel.plan.hcl          新規顧客獲得ファネル(リード → MQL → 商談化 → 案件化 → 受注)
#   success.plan.hcl         既存顧客ファネル(期首顧客 → 継続 → アップセル)と解約・NRR
#   teams.plan.hcl           部門の人数と1人あたりの処理能力
#   channels.plan.hcl        リード獲得チャネル(構成比と獲得単価)
#   unit_economics.plan.hcl  ユニットエコノミクス(CAC・LTV・CAC回収期間)
#   budget.plan.hcl          予算、チェック、ルール
#
# 参照名(kpi.cac など)は ASCII の識別子、表示用の文字列は日本語で書く。
#
# 試す:  planc solve examples/the-model

plan {
  title       = "2027年度 ARR成長計画(THE MODEL)"
  currency    = "JPY"
  period      = "2027年4月〜2028年3月"
  owner       = "CEO"
  description = <<-EOT
    **2027年度(2027年4月〜2028年3月)** の ARR 成長計画。

    期首 ARR 12億円(既存顧客500社)から、期末 ARR **16.8億円** を目指す。
    ARR 純増額 4.8億円の内訳:

    | 内訳 | ARR |
    |---|---|
    | 新規受注(150社 × 240万円) | +3億6,000万円 |
    | アップセル(120社 × 140万円) | +1億6,800万円 |
    | 解約(20社 × 240万円) | −4,800万円 |

    既存顧客の継続とアップセルで NRR は 110%。新規に必要な 150社の受注から、
    商談・MQL・リードの件数、チャネル別の費用、各部門に必要な人数を逆算する。
  EOT
}

kgi "net_new_arr" {
  title       = "ARR純増額"
  owner       = "CEO"
  description = <<-EOT
    期中に増えた ARR(年間経常収益)の純額:
    新規受注の ARR + アップセルによる ARR の増加 − 解約で失った ARR。
    取締役会で決定した目標。
  EOT
  target      = "4.8億円"
  formula     = funnel.new_business.revenue + kpi.expansion_arr - kpi.churned_arr
}

kpi "new_arr" {
  title       = "新規ARR"
  owner       = "営業本部長"
  description = "期中に受注した新規顧客の年間契約額の合計。KGI から既存顧客の増減を差し引いた残りで、新規顧客獲得ファネルはここから逆算される。"
  formula     = funnel.new_business.revenue
}

kpi "ending_arr" {
  title       = "期末ARR"
  owner       = "CEO"
  description = "期首 ARR に ARR 純増額を足したもの。2028年3月末の ARR。"
  formula     = kpi.starting_arr + kgi.net_new_arr
}

kpi "arr_growth" {
  title       = "ARR成長率"
  owner       = "CEO"
  description = "ARR 純増額の期首 ARR に対する比率。"
  formula     = kgi.net_new_arr / kpi.starting_arr
}
