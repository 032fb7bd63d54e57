plan {
  title    = "FY2027 new business"
  currency = "JPY"
  period   = "2027-04 .. 2028-03"
}

kgi "revenue" {
  title   = "New-business revenue"
  target  = "4.8億円"
  formula = funnel.demand.revenue
}

funnel "demand" {
  deal_size = "2.4M JPY"

  stage "inquiry" {
    owner = "marketing"
  }
  stage "mql" {
    rate  = "30%"
    owner = "marketing"
  }
  stage "sal" {
    rate       = "70%"
    owner      = "inside_sales"
    definition = "Score 50+, company of 100+ employees; agreed with sales."
  }
  stage "sql" {
    rate  = "50%"
    owner = "inside_sales"
  }
  stage "won" {
    rate       = "25%"
    owner      = "sales"
    definition = "Budget, authority, need and timing confirmed in a meeting."
  }
}

channel "webinar" {
  funnel = funnel.demand
  share  = "35%"
  cpa    = "15,000 JPY"
}
channel "exhibition" {
  funnel = funnel.demand
  share  = "25%"
  cpa    = "40,000 JPY"
}
channel "seo" {
  funnel = funnel.demand
  share  = "20%"
  cpa    = "8,000 JPY"
}
channel "ads" {
  funnel = funnel.demand
  share  = "20%"
  cpa    = "20,000 JPY"
}

budget "marketing" {
  cap = "1億円"
}
