# The marketing budget pays for every channel (no channels list means all of
# them): ¥158,877,000 of spend against a cap of ¥160,000,000. The checks guard
# the plan's economics: ¥794,385 a deal, 33.1% of revenue, and an exhibition
# lead (¥40,000) under three webinar leads (¥45,000).

budget "marketing" {
  title       = "Marketing programs budget"
  owner       = "VP Marketing"
  description = "Program spend only: headcount and tools are in the G&A budget."
  cap         = "1.6億円"
}

check "cost_per_deal" {
  title     = "Cost per deal within ¥1M"
  condition = kpi.cost_per_deal <= "1M JPY"
  message   = "Marketing must not spend more than ¥1M per won deal."
}

check "marketing_ratio" {
  title     = "Marketing spend within 35% of revenue"
  condition = kpi.marketing_ratio <= "35%"
  message   = "Marketing spend should stay within 35% of new-business revenue."
}

check "exhibition_cpa" {
  title     = "Exhibition leads not overpriced"
  condition = channel.exhibition.cpa < channel.webinar.cpa * 3
  message   = "Exhibitions should not cost more than three times a webinar lead."
  severity  = "warning"
}
