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
  phasing = profile.quarter_end
}

# 受注は四半期末の月に集中する(顧客の予算消化)。4月〜翌3月の重み。
profile "quarter_end" {
  title   = "四半期末に山"
  weights = [2, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 4]
}

kpi "expansion" {
  title = "既存顧客のアップセル"
  value = "6,000万円"
}

kpi "marketing_cac" {
  title   = "マーケティングCAC"
  formula = budget.marketing.spend / funnel.new_business.won.volume
}
