# ユニットエコノミクス。CAC にはマーケティング施策費に加えて、新規獲得を
# 担うインサイドセールス部とフィールドセールス部の人件費を含める。
#
#   人件費        6人 × 800万円 + 7人 × 1,200万円 = 1億3,200万円
#   CAC           (1億4,400万円 + 1億3,200万円) / 150社 = 184万円
#   月額粗利      20万円 × 80% = 16万円
#   CAC回収期間   184万円 / 16万円 = 11.5か月
#   LTV           16万円 × 60か月 = 960万円(LTV / CAC = 5.2倍)

kpi "mrr_per_customer" {
  title       = "顧客あたり月額料金(MRR)"
  owner       = "営業本部長"
  description = "新規顧客の受注単価(年間契約額)を月額に直したもの。"
  formula     = funnel.new_business.deal_size / "12ヶ月"
}

kpi "gross_margin" {
  title       = "粗利率"
  owner       = "CFO"
  description = "売上からホスティング費とカスタマーサポート費を引いた粗利の比率(前年度実績)。"
  value       = "80%"
}

kpi "sales_cost" {
  title       = "新規獲得の人件費"
  owner       = "CFO"
  description = "インサイドセールス部(1人 年800万円)とフィールドセールス部(1人 年1,200万円)の年間人件費。採用・ツール費を含む。"
  formula     = team.inside_sales.headcount * "800万円" + team.field_sales.headcount * "1,200万円"
}

kpi "cac" {
  title       = "顧客獲得単価(CAC)"
  owner       = "CFO"
  description = "新規顧客1社の獲得にかかる費用: マーケティング施策費と新規獲得の人件費の合計を、受注社数で割ったもの。"
  formula     = cac(budget.marketing.spend + kpi.sales_cost, funnel.new_business.won.volume)
}

kpi "payback" {
  title       = "CAC回収期間"
  owner       = "CFO"
  description = "CAC を顧客1社の月額粗利で回収するのにかかる月数。当社の方針は12か月以内。"
  formula     = cac_payback(kpi.cac, kpi.mrr_per_customer, kpi.gross_margin)
}

kpi "ltv" {
  title       = "顧客生涯価値(LTV)"
  owner       = "CFO"
  description = <<-EOT
    顧客1社が契約期間中にもたらす粗利: 月額粗利 × 60か月。

    解約率 4% から計算した平均契約期間は25年になるが、保守的に **5年(60か月)**
    で打ち切る。アップセルによる増加も含めない。
  EOT
  formula     = ltv(kpi.mrr_per_customer * kpi.gross_margin, 1, "60ヶ月")
}
