# The demand waterfall. Stages are listed first to last; each stage's rate is
# its conversion from the stage before ("60%" of MQLs become SALs), so every
# stage but the first has one. Quote percentages: a bare 25 would be 2,500%.
#
# Solved backward from the goal's 120 deals, rounding up to whole leads:
# SQL 480, SAL 960, MQL 1,600, inquiries 6,400.
#
# Where a stage changes owner (marketing -> inside_sales -> sales), the teams
# hand leads over; write the criteria they agreed on as the stage's
# definition (Markdown), or planc warns.

funnel "demand" {
  title     = "New-business demand waterfall"
  deal_size = "1M JPY" # average revenue of one won deal

  stage "inquiry" {
    title       = "Inquiry"
    owner       = "marketing"
    unit        = "leads" # what the stage counts, for display
    description = "A person who filled in a form: an event registration, a download, a contact request."
  }

  stage "mql" {
    title      = "Marketing-qualified lead (MQL)"
    owner      = "marketing"
    unit       = "leads"
    rate       = "25%"
    definition = "Lead score of **50 or more**, with a business e-mail address."
  }

  stage "sal" {
    title      = "Sales-accepted lead (SAL)"
    owner      = "inside_sales"
    unit       = "leads"
    rate       = "60%"
    definition = <<-EOT
      Inside sales accepts an MQL when:

      - the company is in the target segment, and
      - the lead was followed up within **one business day**.
    EOT
  }

  stage "sql" {
    title      = "Sales-qualified lead (SQL)"
    owner      = "inside_sales"
    unit       = "opportunities"
    rate       = "50%"
    definition = "A discovery call held and a next meeting booked with a decision maker."
  }

  stage "won" {
    title      = "Closed won"
    owner      = "sales"
    unit       = "deals"
    rate       = "25%"
    definition = "Budget, authority, need and timing confirmed in a meeting; won when the order form is signed."
  }
}
