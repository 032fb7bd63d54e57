plan {
  title = "Clean plan"
}

kgi "revenue" {
  target  = "1億円"
  formula = funnel.demand.revenue
}

funnel "demand" {
  deal_size = "1M JPY"

  stage "lead" {
    owner = "marketing"
  }
  stage "won" {
    rate  = "10%"
    owner = "marketing"
  }
}

channel "ads" {
  funnel = funnel.demand
  share  = "100%"
  cpa    = "10,000 JPY"
}

budget "marketing" {
  cap = "1億円"
}
