plan {
  title = "Warnings only"
}

kgi "deals" {
  target  = "200 deals"
  formula = funnel.demand.won.volume
}

funnel "demand" {
  deal_size = "1M JPY"

  stage "lead" {
    owner = "marketing"
  }
  stage "won" {
    rate  = "10%"
    owner = "sales"
  }
}

channel "ads" {
  funnel = funnel.demand
  share  = "100%"
  cpa    = "10,000 JPY"
}
