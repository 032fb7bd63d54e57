# The worked example of time phasing (../shared/design/time-phasing.md):
# 1.2億円 a year with the last quarter twice as heavy, four stages with lags
# that add up to four months, 60 SQLs open on day 1, and a field-sales team
# of 5 at 10 SQLs a month each.

plan {
  title    = "FY2027"
  currency = "JPY"
  period   = "2027-04 .. 2028-03"
}

profile "fy_seasonal" {
  title   = "Quarter-end peak"
  weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]
}

kgi "revenue" {
  target  = "1.2億円"
  formula = funnel.demand.revenue
  phasing = profile.fy_seasonal
}

funnel "demand" {
  deal_size = "100万円"
  opening   = { sql = 60 }

  stage "inquiry" {}
  stage "mql" {
    rate = "30%"
    lag  = "1 month"
  }
  stage "sal" {
    rate = "70%"
    lag  = "0 days"
  }
  stage "sql" {
    rate = "50%"
    lag  = "1 month"
    team = team.field_sales
  }
  stage "won" {
    rate = "25%"
    lag  = "2 months"
  }
}

team "field_sales" {
  headcount = 5
  capacity  = 10
}
