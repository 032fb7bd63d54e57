plan {
  title = "FY2027 コンテンツ <script>alert('plan')</script>"
}

kgi "revenue" {
  target  = "2.4億円"
  formula = funnel.demand.revenue
}

funnel "demand" {
  deal_size = "2.4M JPY"
  stage "inquiry" {
    owner = "marketing"
  }
  stage "won" {
    rate       = "5%"
    owner      = "sales"
    definition = "Order form signed."
  }
}

channel "exhibition" {
  title  = "Trade show <b>booth</b>"
  funnel = funnel.demand
  share  = "50%"
  cpa    = "20,000 JPY"
}

channel "webinar" {
  funnel = funnel.demand
  cpa    = "10,000 JPY"
}
