# The marketing budget pays for every channel (no channels list means all of
# them), and the checks guard the plan's economics.

budget "marketing" {
  title       = "Marketing programs budget"
  owner       = "VP Marketing"
  description = "Program spend only: headcount and tools are in the G&A budget."
  cap         = "1.6億円"
}

check "cost_per_deal" {
  condition = kpi.cost_per_deal <= "1M JPY"
  message   = "Marketing must not spend more than ¥1M per won deal."
}

check "marketing_ratio" {
  condition = kpi.marketing_ratio <= "35%"
  message   = "Marketing spend should stay within 35% of new-business revenue."
}

check "exhibition_cpa" {
  condition = channel.exhibition.cpa < channel.webinar.cpa * 3
  message   = "Exhibitions should not cost more than three times a webinar lead."
  severity  = "warning"
}
