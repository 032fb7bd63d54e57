# Where the inquiries come from. Each channel feeds a funnel's first stage
# (set stage = "mql" to feed another) and costs cpa per lead. A channel
# brings a share of the stage's volume, a number of leads, or what its
# budget buys; a channel with none of them fills the rest.
#
# Of the 6,400 inquiries: webinars 40% (2,560 leads, ¥25,600,000), SEO 25%
# (1,600 leads, ¥8,000,000), and ads the remaining 2,240 (¥33,600,000).

channel "webinar" {
  title  = "Webinars"
  owner  = "marketing"
  funnel = funnel.demand
  share  = "40%"
  cpa    = "10,000 JPY"
}

channel "seo" {
  title  = "SEO and content"
  owner  = "marketing"
  funnel = funnel.demand
  share  = "25%"
  cpa    = "5,000 JPY"
}

channel "ads" {
  title  = "Paid search and social"
  owner  = "marketing"
  funnel = funnel.demand
  cpa    = "15,000 JPY" # no share: ads bring whatever the others do not
}
