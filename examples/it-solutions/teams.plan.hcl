# The teams that work the stages, and what one person handles in a month.
# Over the 12 months of the period:
#
#   presales     600 demos / 12 = 50 a month; at 12 each, 4.2 of 5 people
#   field sales  400 opportunities / 12 = 33.3 a month; at 6 each, 5.6 of 6

team "presales" {
  title       = "Presales"
  owner       = "Head of Sales and Marketing"
  description = "Systems engineers who call MQLs, give demos and support trials. One handles 12 demos or trials a month, with the follow-up."
  headcount   = 5
  capacity    = 12
}

team "field_sales" {
  title       = "Field sales"
  owner       = "Head of Sales and Marketing"
  description = "Account executives, who also support the distributors' deals. One opens 6 opportunities a month; with a four-month sales cycle that is about 24 open at a time."
  headcount   = 6
  capacity    = 6
}
