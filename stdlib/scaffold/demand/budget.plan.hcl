# The budget pays for its channels (every channel, unless it lists them:
# channels = [channel.webinar, channel.ads]). Its spend, ¥67,200,000 here, is
# solved from the channels' costs; above the cap it is an over-budget error.

budget "marketing" {
  title = "Marketing programs"
  owner = "VP Marketing"
  cap   = "8000万円"
}

# A check is a rule the solved plan must satisfy (¥560,000 a deal here). Its
# severity is "error" (the default) or "warning".
check "cost_per_deal" {
  condition = kpi.cost_per_deal <= "600,000 JPY"
  message   = "Marketing must not spend more than ¥600,000 per won deal."
  severity  = "warning"
}
