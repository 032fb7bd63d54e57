# Plan against actuals, by hand (compiler/actuals_test.go): 1.2億円 evenly
# over twelve months at 100万円 a deal, three stages a month apart, and the
# CRM's numbers for April to June.

plan {
  title  = "FY2027 tracked"
  period = "2027-04 .. 2028-03"
}

kgi "revenue" {
  target  = "1.2億円"
  formula = funnel.demand.revenue
}

funnel "demand" {
  deal_size = "100万円"
  stage "inquiry" {}
  stage "mql" {
    rate = "30%"
    lag  = "1 month"
  }
  stage "sql" {
    rate = "50%"
    lag  = "1 month"
  }
  stage "won" {
    rate = "25%"
    lag  = "1 month"
  }
}

actuals "crm" {
  file  = "actuals.csv"
  as_of = "2027-06-30"
}
