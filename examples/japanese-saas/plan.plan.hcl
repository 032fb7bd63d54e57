# 2027年度 新規事業計画(B2B SaaS・THE MODEL型の分業体制)
#
# マーケティング → インサイドセールス → フィールドセールス の順にリードを
# 受け渡す。売上目標(KGI)から逆算して、各段階の件数、チャネルごとの
# リード数と費用、マーケティング予算の消化額を planc が求める。
#
# ファイル構成:
#   plan.plan.hcl      計画・KGI・KPI
#   funnel.plan.hcl    ファネル(各段階の定義と担当)
#   channels.plan.hcl  チャネル(構成比とリード単価)
#   budget.plan.hcl    予算とチェック
#
# 参照名(kpi.cac など)は ASCII の識別子、表示用の文字列は日本語で書く。

plan {
  title       = "2027年度 新規顧客獲得計画"
  currency    = "JPY"
  period      = "2027-04 .. 2028-03"
  owner       = "マーケティング本部長"
  description = <<-EOT
    **2027年度(2027年4月〜2028年3月)** の新規顧客獲得計画。

    売上目標は経営会議で決定済み。残りの数字はすべて目標から逆算する:
    受注数、案件数、商談数、MQL数、リード数、チャネルごとのリード数と費用、
    そしてマーケティング予算の消化額。
  EOT
}

kgi "revenue" {
  title       = "新規受注売上(年間契約額)"
  owner       = "営業本部長"
  description = "期間中に**受注**した新規顧客の年間契約額の合計。既存顧客のアップセル・更新は含まない。"
  target      = "3.6億円"
  formula     = funnel.new_business.revenue
}

kpi "mqls" {
  title       = "MQL数"
  owner       = "マーケティング部"
  description = "マーケティング部がインサイドセールス部に引き渡すリードの数。マーケティング部の主要KPI。"
  unit        = "件"
  target      = 4000
  formula     = funnel.new_business.mql.volume
}

kpi "meetings" {
  title       = "商談数"
  owner       = "インサイドセールス部"
  description = "インサイドセールス部が設定し、フィールドセールス部に引き渡す商談の数。"
  formula     = funnel.new_business.sql.volume
}

kpi "cac" {
  title       = "顧客獲得単価(CAC)"
  owner       = "マーケティング本部長"
  description = "マーケティング費用を受注数で割ったもの。人件費は含まない。"
  formula     = budget.marketing.spend / funnel.new_business.won.volume
}

kpi "mrr_per_customer" {
  title       = "顧客あたり月額料金"
  owner       = "営業本部長"
  description = "平均受注単価(年間契約額)を月額に直したもの。"
  formula     = funnel.new_business.deal_size / "12ヶ月"
}

kpi "payback" {
  title       = "CAC回収期間"
  owner       = "CFO"
  description = "CAC を月額料金で回収するのにかかる月数。"
  formula     = kpi.cac / kpi.mrr_per_customer
}

kpi "sales_cycle" {
  title       = "平均商談期間"
  owner       = "フィールドセールス部"
  description = "初回商談から受注までの平均日数(参考値。今のバージョンでは期ずれは計算しない)。"
  value       = "90日"
}
