# The smallest useful plan: one goal, one funnel of three stages, two
# channels and a budget. Read it top to bottom, then run, in its directory:
#
#   planc check   # finds mistakes; "0 errors, 0 warnings" here
#   planc solve   # prints every value, solved from the goal
#
# A plan is a directory of *.plan.hcl files (this one has a single file).
# The syntax is HCL, as in Terraform: blocks in braces, `name = value`
# attributes, and comments after `#`.

# Exactly one plan block: the plan's name, its currency and its period.
# Every amount of money in the plan is in this currency.
plan {
  title    = "My first plan"
  currency = "JPY"
  period   = "2027-04 .. 2028-03"
}

# The goal (Key Goal Indicator): the revenue the plan must reach. With a
# target AND a formula, planc works backward: ¥50,000,000 of revenue from
# the funnel below, at ¥1,000,000 a deal, needs 50 won deals.
#
# Quantities are quoted strings with a unit: "5000万円" is ¥50,000,000
# (the same as "50M JPY" or "¥50,000,000").
kgi "revenue" {
  title   = "New-business revenue"
  target  = "5000万円"
  formula = funnel.demand.revenue # refers to the funnel named "demand"
}

# The funnel: the stages a buyer goes through, first to last. Each stage but
# the first has a rate, its conversion from the stage before. Always quote
# percentages: rate = 25 (no quotes) would mean 2,500%.
#
# Backward from 50 deals: 50 / 25% = 200 opportunities, 200 / 10% = 2,000 leads.
funnel "demand" {
  title     = "New business"
  deal_size = "100万円" # the average revenue of one won deal

  stage "lead" {
    title = "Lead"
    owner = "marketing"
    unit  = "leads" # what the stage counts, for display
  }

  stage "opportunity" {
    title = "Opportunity"
    owner = "sales"
    unit  = "opportunities"
    rate  = "10%"
    # The owner changes here (marketing -> sales): a handoff. Write down
    # what both teams agreed a lead must be to be handed over, or planc
    # warns (handoff-without-definition). Markdown is allowed.
    definition = "A meeting held with someone who has a **budget** and a need."
  }

  stage "won" {
    title      = "Won"
    owner      = "sales"
    unit       = "deals"
    rate       = "25%"
    definition = "The order form is signed."
  }
}

# Channels bring leads into the funnel's first stage, each at a cost per
# lead (cpa). Webinars bring 60% of the 2,000 leads: 1,200 x ¥10,000 =
# ¥12,000,000. Ads have no share, so they bring the rest: 800 x ¥15,000 =
# ¥12,000,000.
channel "webinar" {
  title  = "Webinars"
  funnel = funnel.demand
  share  = "60%"
  cpa    = "1万円"
}

channel "ads" {
  title  = "Online ads"
  funnel = funnel.demand
  cpa    = "1.5万円"
}

# The budget pays for every channel: ¥24,000,000 of spend. If the goal needs
# more than the cap, planc reports over-budget: the plan cannot be paid for.
budget "marketing" {
  title = "Marketing budget"
  cap   = "3000万円"
}
