# One budget per source, each paying only for its channels.
#
#   marketing          ¥120,000,000 of ¥130,000,000
#   partner program     ¥10,000,000 of  ¥12,000,000   100 x ¥100,000
#   sales prospecting    ¥1,800,000 of   ¥3,000,000    60 x ¥30,000

budget "marketing" {
  title       = "Marketing programs"
  owner       = "Marketing manager"
  description = "Exhibitions, trade-press ads, webinars and web content. Headcount and the marketing-automation tool are in the department's fixed costs."
  channels    = [channel.exhibition, channel.trade_press, channel.webinar, channel.web_content]
  cap         = "1.3億円"
}

budget "partner_program" {
  title       = "Partner program"
  owner       = "Alliance manager"
  description = "Deal-registration incentives and market-development funds for the distributors."
  channels    = [channel.distributor_referrals]
  cap         = "1200万円"
}

budget "sales_prospecting" {
  title       = "Sales prospecting tools"
  owner       = "Field sales manager"
  description = "The company database and the sales-intelligence tool field sales prospects with."
  channels    = [channel.field_prospecting]
  cap         = "300万円"
}

check "marketing_contribution" {
  title     = "Marketing sources at least half of the revenue"
  condition = kpi.marketing_contribution >= "50%"
  message   = "Marketing must source at least half of new-business revenue; below that, shift budget to the channels that source deals."
}

check "marketing_roi" {
  title     = "Marketing returns at least twice its spend"
  condition = kpi.marketing_roi >= "200%"
  message   = "Marketing-sourced revenue should be at least twice the marketing budget."
  severity  = "warning"
}
