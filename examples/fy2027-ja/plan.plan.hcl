# FY2027 の事業計画: 売上目標 3億円 を、新規顧客(ファネル)と既存顧客の
# アップセルに分け、新規の売上から逆算して、チャネルごとのリードと予算を求める。

plan {
  title       = "FY2027 事業計画"
  owner       = "マーケティング部"
  period      = "2027年4月〜2028年3月"
  description = <<-EOT
    売上目標 **3億円** のうち 6,000万円 は既存顧客のアップセル、残る 2.4億円 を
    新規顧客から得る。展示会とリスティング広告は、ほかのチャネルと転換率が違う。
  EOT
}

kgi "revenue" {
  title   = "売上目標"
  target  = "3億円"
  formula = funnel.new_business.revenue + kpi.expansion
}

kpi "expansion" {
  title = "既存顧客のアップセル"
  value = "6,000万円"
}

kpi "marketing_cac" {
  title   = "マーケティングCAC"
  formula = budget.marketing.spend / funnel.new_business.won.volume
}
