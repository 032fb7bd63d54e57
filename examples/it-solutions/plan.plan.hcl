# FY2027 plan of an IT solution provider that sells an endpoint management
# suite to mid-size companies in Japan, through its own field sales and
# through IT distributors.
#
# Deals come from three sources, and planc attributes the won deals and the
# revenue to each (source.NAME.revenue):
#
#   marketing  exhibitions, trade-press ads, webinars and web content bring
#              inquiries, which marketing qualifies and presales demos
#   partner    distributors register the opportunities they find
#   sales      field sales' own prospecting
#
# Files (planc reads every *.plan.hcl file here, in any order):
#
#   plan.plan.hcl      the plan, its revenue goal and marketing's contribution
#   funnel.plan.hcl    inquiry -> MQL -> demo or trial -> opportunity -> won
#   channels.plan.hcl  the marketing channels, distributors and field sales
#   budget.plan.hcl    a budget per source, and the checks
#   teams.plan.hcl     presales and field sales, with their capacity
#   content.plan.hcl   personas, the buyer's journey, 3C and SWOT
#
# Try:  planc solve examples/it-solutions

plan {
  title       = "FY2027 endpoint management sales plan"
  currency    = "JPY"
  period      = "2027-04 .. 2028-03"
  owner       = "Head of Sales and Marketing"
  description = <<-EOT
    New-business plan for **FY2027** (April 2027 to March 2028) of our
    endpoint management suite: PC and server inventory, patching, software
    distribution and security policies for companies of 300 to 2,000
    employees.

    We sell direct, and through IT distributors and their resellers, who
    carry most of the regional market. The revenue goal of **¥600,000,000**
    needs 100 won deals: 60 sourced by marketing, 25 registered by
    distributors and 15 found by field sales.
  EOT
}

kgi "revenue" {
  title       = "New-business revenue"
  owner       = "Head of Sales and Marketing"
  description = "First-year order value of new customers won in the period (licences, implementation and the first year of maintenance), direct and through distributors."
  target      = "6億円"
  formula     = funnel.pipeline.revenue
}

kpi "marketing_contribution" {
  title       = "Marketing contribution"
  owner       = "Marketing manager"
  description = <<-EOT
    Share of new-business revenue that marketing sourced itself: deals whose
    first contact was an exhibition, a trade-press ad, a webinar or the web
    site. The rest comes from distributors and field sales' own prospecting.
  EOT
  formula     = source.marketing.revenue / kgi.revenue
}

kpi "marketing_roi" {
  title       = "Return on marketing spend"
  owner       = "Marketing manager"
  description = "Marketing-sourced revenue per yen of the marketing budget (¥360,000,000 / ¥120,000,000)."
  formula     = roas(source.marketing.revenue, budget.marketing.spend)
}

kpi "marketing_cac" {
  title       = "Marketing cost per sourced deal"
  owner       = "Marketing manager"
  description = "The marketing budget divided by the deals marketing sourced. Headcount is not included."
  formula     = cac(budget.marketing.spend, source.marketing.won)
}

kpi "pipeline_value" {
  title       = "Opportunity pipeline"
  owner       = "Field sales manager"
  description = "Value of the opportunities opened in the period, from every source, at the average deal size."
  formula     = funnel.pipeline.opportunity.volume * funnel.pipeline.deal_size
}
