# Where the leads come from. Each channel feeds the funnel's first stage and
# costs cpa per lead. Shares of the stage's volume add up to 100%, or a
# channel without a share fills the rest. A channel may instead bring a
# number of leads (leads = 500) or what its budget buys (budget = "5M JPY").
#
# Of the 10,000 leads: webinars 3,000 (¥30,000,000), exhibitions 2,000
# (¥60,000,000), SEO 2,500 (¥12,500,000), ads the remaining 2,500
# (¥37,500,000).

channel "webinar" {
  title  = "Webinars"
  owner  = "marketing"
  funnel = funnel.model
  share  = "30%"
  cpa    = "10,000 JPY"
}

channel "exhibition" {
  title  = "Exhibitions"
  owner  = "marketing"
  funnel = funnel.model
  share  = "20%"
  cpa    = "30,000 JPY"
}

channel "seo" {
  title  = "SEO and content"
  owner  = "marketing"
  funnel = funnel.model
  share  = "25%"
  cpa    = "5,000 JPY"
}

channel "ads" {
  title  = "Paid search and social"
  owner  = "marketing"
  funnel = funnel.model
  cpa    = "15,000 JPY" # no share: ads fill the rest
}
