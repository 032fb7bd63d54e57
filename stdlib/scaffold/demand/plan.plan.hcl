# A demand-waterfall plan, made by `planc init`. Replace the numbers with
# your own; planc re-solves everything else.
#
# planc reads every *.plan.hcl file in this directory, in any order, as one
# plan. Blocks refer to each other across files by path (funnel.demand.mql.volume):
#
#   plan.plan.hcl      the plan, its revenue goal (KGI) and the KPIs under it
#   funnel.plan.hcl    the demand waterfall: inquiry -> MQL -> SAL -> SQL -> won
#   channels.plan.hcl  where the inquiries come from, and what one costs
#   budget.plan.hcl    the marketing budget, and a check on the plan's economics
#
# Try:
#   planc check .              diagnostics; nothing but "0 errors, 0 warnings" when sound
#   planc solve .              every value, solved backward from the goal
#   planc build . -o site      the plan as a static site

# Exactly one plan block. currency is an ISO code (default JPY): every amount
# of money in the plan is in it.
plan {
  title    = "FY2027 new business"
  currency = "JPY"
  period   = "2027-04 .. 2028-03"
  owner    = "VP Marketing"
}

# The goal (Key Goal Indicator): the revenue the plan must reach. A target
# and a formula together make an equation, so planc works backward from
# ¥120,000,000 through the funnel: 120 deals of ¥1,000,000 each.
kgi "revenue" {
  title   = "New-business revenue"
  target  = "1.2億円" # the same as "120M JPY" or "¥120,000,000"
  formula = funnel.demand.revenue
}

# KPIs computed from the solved plan. A KPI may also hold an assumption
# (value = "90 days") or a goal of its own (target = 1000 with a formula).
kpi "pipeline" {
  title       = "Qualified pipeline"
  owner       = "inside_sales"
  description = "Value of the SQLs created in the period, at the average deal size."
  formula     = funnel.demand.sql.volume * funnel.demand.deal_size
}

kpi "cost_per_mql" {
  title   = "Cost per MQL"
  owner   = "marketing"
  formula = budget.marketing.spend / funnel.demand.mql.volume
}

kpi "cost_per_deal" {
  title   = "Marketing cost per won deal"
  owner   = "VP Marketing"
  formula = budget.marketing.spend / funnel.demand.won.volume
}
