# FY2027 new-business plan for a B2B SaaS company.
#
# The plan is split over several files; planc reads every *.plan.hcl file in
# this directory, in any order:
#
#   plan.plan.hcl      the plan, its revenue goal (KGI) and the KPIs under it
#   funnel.plan.hcl    the demand waterfall, with the definitions at each handoff
#   channels.plan.hcl  where the inquiries come from, and what they cost
#   budget.plan.hcl    the marketing budget and the checks that guard the plan
#
# Try:  planc solve examples/saas-demand

plan {
  title       = "FY2027 new business"
  currency    = "JPY"
  period      = "2027-04 .. 2028-03"
  owner       = "VP Marketing"
  description = <<-EOT
    New-business plan for **FY2027** (April 2027 to March 2028).

    The revenue goal is set by the board. Everything else in this plan is
    solved backward from it: the deals, SQLs, SALs, MQLs and inquiries the
    goal needs, each channel's leads and cost, and the marketing spend.
  EOT
}

kgi "revenue" {
  title       = "New-business revenue"
  owner       = "CRO"
  description = "Annual contract value of deals **won** in the period, from new logos only (no upsell or renewals)."
  target      = "4.8億円"
  formula     = funnel.demand.revenue
  phasing     = "days" # deals close evenly day by day: a 31-day month gets more than February
}

kpi "mqls" {
  title       = "Marketing-qualified leads"
  owner       = "marketing"
  description = "MQLs marketing must hand over in the period. This is the number marketing is measured on."
  unit        = "leads"
  target      = 2286
  formula     = funnel.demand.mql.volume
}

kpi "pipeline" {
  title       = "Qualified pipeline"
  owner       = "inside_sales"
  description = "Value of the SQLs created in the period, at the average deal size."
  formula     = funnel.demand.sql.volume * funnel.demand.deal_size
}

kpi "cost_per_deal" {
  title       = "Marketing cost per won deal (CAC)"
  owner       = "VP Marketing"
  description = "Marketing program spend divided by the deals it produces: the customer acquisition cost that marketing carries (sales headcount is not included)."
  formula     = cac(budget.marketing.spend, funnel.demand.won.volume)
}

kpi "payback" {
  title       = "CAC payback"
  owner       = "CFO"
  description = <<-EOT
    Months of a new customer's gross profit needed to earn back the marketing
    CAC: ¥794,385 / (¥2,400,000 / 12 months x 80% gross margin) = 4.96,
    about 5 months, well inside the 12 months planc checks for.
  EOT
  formula     = cac_payback(kpi.cost_per_deal, funnel.demand.deal_size / "12 months", "80%")
}

kpi "cost_per_mql" {
  title       = "Cost per MQL"
  owner       = "marketing"
  description = "Blended cost of one marketing-qualified lead over every channel."
  formula     = budget.marketing.spend / funnel.demand.mql.volume
}

kpi "marketing_ratio" {
  title       = "Marketing spend to revenue"
  owner       = "CFO"
  description = "Share of new-business revenue spent on marketing programs."
  formula     = budget.marketing.spend / kgi.revenue
}
