# A plan in the style of THE MODEL, made by `planc init --template the-model`.
# Replace the numbers with your own; planc re-solves everything else.
#
# THE MODEL splits the revenue process between four teams, each measured on
# the stage it owns and handing its output to the next:
#
#   marketing          makes leads and qualifies them (MQL)
#   inside_sales       contacts MQLs and books meetings
#   field_sales        turns meetings into opportunities and wins them
#   customer_success   onboards won customers until they are live
#
# planc reads every *.plan.hcl file in this directory, in any order, as one
# plan:
#
#   plan.plan.hcl      the plan, its goal (KGI) and the unit economics (KPIs)
#   funnel.plan.hcl    the stages, their owners and the handoff definitions
#   channels.plan.hcl  where the leads come from, and what one costs
#   budget.plan.hcl    the marketing budget, and a check on CAC payback
#
# Try:
#   planc check .              diagnostics; nothing but "0 errors, 0 warnings" when sound
#   planc solve .              every value, solved backward from the goal
#   planc build . -o site      the plan as a static site
#
# Titles, owners and definitions may be written in any language
# (owner = "インサイドセールス部"); names used in references stay identifiers.

plan {
  title    = "FY2027 new ARR"
  currency = "JPY"
  period   = "2027-04 .. 2028-03"
  owner    = "CRO"
}

# The goal: new annual recurring revenue from customers who go live in the
# period. With the funnel's deal size of ¥2,500,000 ARR per customer, it
# needs 120 live customers.
kgi "new_arr" {
  title   = "New ARR"
  owner   = "CRO"
  target  = "3億円"
  formula = funnel.model.revenue
}

# Unit economics, computed from the solved plan.
kpi "cac" {
  title       = "Customer acquisition cost (CAC)"
  owner       = "CFO"
  description = "Marketing program spend per won customer; headcount is not included."
  formula     = budget.marketing.spend / funnel.model.won.volume
}

kpi "mrr_per_customer" {
  title   = "MRR per customer"
  owner   = "CRO"
  formula = funnel.model.deal_size / "12 months" # ¥/month: money per time
}

kpi "payback" {
  title   = "CAC payback"
  owner   = "CFO"
  formula = kpi.cac / kpi.mrr_per_customer # money / (money per month) = months
}
