# What if: each scenario changes some of the plan's values and is solved
# and checked as a plan of its own. `planc compare` shows them side by
# side; `planc solve --scenario NAME` prints one.

scenario "no_exhibition" {
  title       = "The spring exhibition is cancelled"
  description = "Its 25% of inquiries come from paid search and social instead."

  channel "exhibition" {
    share = "0%" # switched off: no leads, no cost
  }
  channel "ads" {
    share = "45%"
  }
}

scenario "downside" {
  title       = "Paid search gets dearer"
  probability = "30%"
  description = "Paid search and social cost a quarter more per lead; the CFO releases the ¥20M reserve to keep the goal."

  channel "ads" {
    cpa = "25,000 JPY"
  }
  budget "marketing" {
    cap = "1.8億円"
  }
}

scenario "upside" {
  title       = "The new playbook lifts the win rate to 30%"
  probability = "20%"

  funnel "demand" {
    stage "won" {
      rate = "30%"
    }
  }
  solve_for = [kpi.mqls] # the MQLs needed follow from the rest
}

scenario "cap_limited" {
  title       = "What ¥100M of spend buys"
  description = "Goal seek: the revenue a spend of ¥100M reaches at today's rates."

  budget "marketing" {
    spend = "1億円" # a value the plan solves, fixed
  }
  solve_for = [kgi.revenue, kpi.mqls]
}

scenario "break_even_win_rate" {
  title       = "The win rate that spends the whole cap"
  description = "Goal seek: the lowest win rate that still reaches the revenue goal within the ¥160M cap."

  budget "marketing" {
    spend = "1.6億円"
  }
  solve_for = [funnel.demand.won.rate, kpi.mqls]
}

# Which inputs move the spend and the inquiries needed most: each varied
# alone, the rest as planned. Without vary blocks, every input rate varies
# over its benchmark's spread (or ±5 points) and every CPA by ±20%.
sensitivity "drivers" {
  outputs = [budget.marketing.spend, funnel.demand.inquiry.volume]
  vary {
    input = funnel.demand.won.rate
    range = "20% .. 30%"
  }
  vary {
    input = channel.exhibition.cpa
    range = "3万円 .. 5万円"
  }
}
