# 既存顧客。カスタマーサクセス部が、期首の顧客の契約更新(継続)と
# アップセルを担う。期首の顧客数から前向きに計算する:
#
#   継続        500社 × 96% = 480社(解約 20社、ロゴ解約率 4%)
#   アップセル  480社 × 25% = 120社 × 140万円 = ARR +1億6,800万円
#   解約ARR     20社 × 240万円 = 4,800万円
#   NRR         (12億円 − 4,800万円 + 1億6,800万円) / 12億円 = 110%

funnel "expansion" {
  title       = "既存顧客ファネル(継続・アップセル)"
  owner       = "カスタマーサクセス部"
  description = "期首の既存顧客のうち、期中に契約を更新し、さらに上位プランやオプションを追加契約する顧客。収益はアップセルによる ARR の増加分。"
  deal_size   = "140万円" # アップセル1社あたりの ARR 増加(月額約11.7万円)

  stage "customers" {
    title       = "期首の既存顧客"
    owner       = "カスタマーサクセス部"
    unit        = "社"
    description = "2027年3月末時点で契約中の顧客。全社が年間契約で、期中に1回ずつ更新日を迎える。"
  }

  stage "renewed" {
    title       = "継続(契約更新)"
    owner       = "カスタマーサクセス部"
    team        = team.customer_success
    unit        = "社"
    rate        = "96%"
    description = "更新日の90日前から、利用状況のレビューと更新の提案を行う。更新しなかった顧客が解約。"
  }

  stage "upsell" {
    title       = "アップセル"
    owner       = "カスタマーサクセス部"
    unit        = "社"
    rate        = "25%"
    description = "更新した顧客のうち、ユーザー追加・上位プラン・オプションを追加契約した顧客。"
  }
}

kpi "customers_at_start" {
  title       = "期首顧客数"
  owner       = "カスタマーサクセス部"
  description = "2027年3月末の契約中の顧客数(実績)。"
  unit        = "社"
  value       = 500
  formula     = funnel.expansion.customers.volume
}

kpi "arr_per_customer" {
  title       = "既存顧客の平均ARR"
  owner       = "カスタマーサクセス部"
  description = "期首の顧客1社あたりの ARR(実績)。解約で失う ARR の計算に使う。"
  value       = "240万円"
}

kpi "starting_arr" {
  title       = "期首ARR"
  owner       = "CEO"
  description = "2027年3月末の ARR: 期首顧客数 × 平均 ARR。"
  formula     = kpi.customers_at_start * kpi.arr_per_customer
}

kpi "churned_customers" {
  title       = "解約社数"
  owner       = "カスタマーサクセス部"
  description = "期中に更新日を迎えて更新しなかった顧客の数。"
  formula     = funnel.expansion.customers.volume - funnel.expansion.renewed.volume
}

kpi "churn_rate" {
  title       = "解約率(ロゴ)"
  owner       = "カスタマーサクセス部"
  description = "期首顧客のうち期中に解約した割合。"
  formula     = kpi.churned_customers / funnel.expansion.customers.volume
}

kpi "churned_arr" {
  title       = "解約ARR"
  owner       = "カスタマーサクセス部"
  description = "解約した顧客が払っていた ARR。解約した顧客の ARR は平均と同じとみなす。"
  formula     = kpi.churned_customers * kpi.arr_per_customer
}

kpi "expansion_arr" {
  title       = "アップセルARR"
  owner       = "カスタマーサクセス部"
  description = "既存顧客のアップセルによる ARR の増加。"
  formula     = funnel.expansion.revenue
}

kpi "nrr" {
  title       = "NRR(売上継続率)"
  owner       = "カスタマーサクセス部"
  description = "期首の顧客から1年後に得る ARR の、期首 ARR に対する比率: (期首 ARR − 解約 ARR + アップセル ARR) / 期首 ARR。100% を超えれば、新規受注がなくても ARR が伸びる。"
  formula     = (kpi.starting_arr - kpi.churned_arr + kpi.expansion_arr) / kpi.starting_arr
}
