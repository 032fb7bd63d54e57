# The marketing budget pays for every channel (or only those it lists:
# channels = [channel.webinar, channel.ads]). Its spend, ¥140,000,000 here,
# is the sum of the channels' costs; above the cap it is an over-budget
# error.

budget "marketing" {
  title = "Marketing programs"
  owner = "marketing"
  cap   = "1.5億円"
}

# Checks are rules the solved plan must satisfy; severity is "error" (the
# default) or "warning". A CAC of ¥1,120,000 against ¥208,333 of MRR pays
# back in about 5.4 months.
check "payback" {
  condition = kpi.payback <= "12 months"
  message   = "CAC must pay back within 12 months."
}
