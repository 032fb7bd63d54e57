# Where the inquiries come from. Shares are of the inquiry stage and add up to
# 100%; cpa is the cost of one inquiry from that channel.

channel "webinar" {
  title       = "Webinars"
  owner       = "marketing"
  description = "Monthly product webinars and co-hosted webinars with partners."
  funnel      = funnel.demand
  share       = "35%"
  cpa         = "15,000 JPY"
}

channel "exhibition" {
  title       = "Exhibitions"
  owner       = "marketing"
  description = "Booths at two trade shows per half-year; the cost includes booth, staff travel and giveaways."
  funnel      = funnel.demand
  share       = "25%"
  cpa         = "40,000 JPY"
}

channel "seo" {
  title       = "SEO and content"
  owner       = "marketing"
  description = "Organic search to the blog and the white-paper library."
  funnel      = funnel.demand
  share       = "20%"
  cpa         = "8,000 JPY"
}

channel "ads" {
  title       = "Paid search and social"
  owner       = "marketing"
  description = "Search ads on brand and category keywords, and LinkedIn lead-gen forms."
  funnel      = funnel.demand
  share       = "20%"
  cpa         = "20,000 JPY"
}
