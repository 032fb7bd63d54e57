# Where the leads come from.
#
# Marketing's channels bring the 10,000 inquiries; their shares add up to
# 100%, web content filling what the others do not bring:
#
#   exhibitions   25%  2,500 x ¥20,000 = ¥50,000,000
#   trade press   20%  2,000 x ¥15,000 = ¥30,000,000
#   webinars      25%  2,500 x ¥10,000 = ¥25,000,000
#   web content   30%  3,000 x ¥5,000  = ¥15,000,000
#                     10,000             ¥120,000,000
#
# Distributors and field sales bring a number of opportunities (leads = ...)
# that enter at the opportunity stage; source says whose they are.

channel "exhibition" {
  title       = "Exhibitions"
  owner       = "marketing"
  description = "Booths at the two large IT trade shows in Tokyo (spring and autumn) and one in Osaka, with a stage demo every hour. The cost includes booth, staff travel and giveaways."
  funnel      = funnel.pipeline
  share       = "25%"
  cpa         = "2万円"
}

channel "trade_press" {
  title       = "Trade-press ads"
  owner       = "marketing"
  description = "Sponsored articles and white-paper lead generation with IT trade media: the publisher delivers the contacts who download our papers."
  funnel      = funnel.pipeline
  share       = "20%"
  cpa         = "1.5万円"
}

channel "webinar" {
  title       = "Webinars"
  owner       = "marketing"
  description = "Two webinars a month: a product demo, and a topic such as audit readiness or Windows upgrades, half of them co-hosted with a distributor."
  funnel      = funnel.pipeline
  share       = "25%"
  cpa         = "1万円"
}

channel "web_content" {
  title       = "Web content and SEO"
  owner       = "marketing"
  description = "How-to articles, case studies and the trial sign-up page, found through search. The cost is writing and the site."
  funnel      = funnel.pipeline
  cpa         = "5千円"
}

channel "distributor_referrals" {
  title       = "Distributor deal registrations"
  owner       = "Alliance manager"
  description = <<-EOT
    Opportunities that IT distributors and their resellers find and register
    in our partner portal: 100 in the year from our three distributors. The
    cost per registration is the registration incentive and the
    market-development funds (MDF) we give them.
  EOT
  funnel      = funnel.pipeline
  stage       = "opportunity"
  source      = "partner"
  leads       = 100
  cpa         = "10万円"
}

channel "field_prospecting" {
  title       = "Field sales prospecting"
  owner       = "field_sales"
  description = "Opportunities field sales opens itself, in named accounts and through existing customers' group companies. The cost is the company database and the sales-intelligence tool."
  funnel      = funnel.pipeline
  stage       = "opportunity"
  source      = "sales"
  leads       = 60
  cpa         = "3万円"
}
