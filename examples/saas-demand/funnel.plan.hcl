# The demand waterfall. Each stage's rate is its conversion from the stage
# before. Where a stage changes owner, the teams agreed on a definition: that
# is the contract at the handoff.
#
# Solved backward from the goal's 200 deals, rounding up to whole leads:
# SQL 200 / 25% = 800, SAL 800 / 50% = 1,600, MQL 1,600 / 70% = 2,285.7
# -> 2,286, inquiries 2,286 / 30% = 7,620.
#
# The SQL and won stages opt in to planc's benchmark pack (benchmark = ...):
# their definitions match the SiriusDecisions-style waterfall the published
# ranges measure, and 50% SAL -> SQL and 25% SQL -> won are inside them. The
# MQL (30%) and SAL (70%) rates are above the published spreads for inquiry
# -> MQL (10-25%) and MQL -> SAL (40-60%) because this company defines those
# stages differently (see their descriptions), so they do not opt in.
#
# By month: each stage's lag is the time from entering the stage before,
# and the goal's deals close day by day (phasing = "days" on the KGI). With
# a 90-day sales cycle, the deals of April to June need 197 SQLs open on
# April 1 (the SQLs of the last 90 days before it): 200 are, from last
# year's pipeline (planc warns with pre-period-demand when fewer are).

funnel "demand" {
  title       = "New-business demand waterfall"
  description = "Inbound and event-sourced demand for the Business and Enterprise plans."
  deal_size   = "2.4M JPY"
  opening     = { sql = 200 } # SQLs open on April 1, from last year's pipeline

  stage "inquiry" {
    title       = "Inquiry"
    owner       = "marketing"
    unit        = "leads"
    description = "A person who filled in a form: a webinar or event registration, a content download, a contact request."
  }

  stage "mql" {
    title       = "Marketing-qualified lead (MQL)"
    owner       = "marketing"
    unit        = "leads"
    rate        = "30%"
    lag         = "2 weeks"
    description = <<-EOT
      Marketing nurtures inquiries by e-mail and webinars until they score.
      30% is above the 10-25% spread published for inquiry -> MQL: most
      inquiries here are webinar registrations and content downloads from
      target accounts, not cold badge scans.
    EOT
    definition  = <<-EOT
      - Lead score of **50 or more** (fit + engagement), and
      - a business e-mail address, and
      - not a student, competitor or existing customer.
    EOT
  }

  stage "sal" {
    title       = "Sales-accepted lead (SAL)"
    owner       = "inside_sales"
    unit        = "leads"
    rate        = "70%"
    lag         = "3 days"
    description = <<-EOT
      Inside sales calls every MQL and accepts it against the agreed
      criteria. 70% is above the 40-60% spread published for MQL -> SAL,
      because scoring already screens out most leads that sales would reject.
    EOT
    definition  = <<-EOT
      Inside sales accepts an MQL when:

      - the company has **100 or more employees**, and
      - it is in a target industry, and
      - the lead was followed up within **one business day**.

      Agreed between marketing and inside sales on 2027-02-15.
    EOT
  }

  stage "sql" {
    title       = "Sales-qualified lead (SQL)"
    owner       = "inside_sales"
    unit        = "opportunities"
    rate        = "50%"
    lag         = "3 weeks"
    benchmark   = "sal-sql"
    description = "Inside sales runs a discovery call with each SAL and books a meeting with field sales when the need is real."
    definition  = "A discovery call held and a next meeting booked with a decision maker."
  }

  stage "won" {
    title       = "Closed won"
    owner       = "field_sales"
    unit        = "deals"
    rate        = "25%"
    lag         = "90 days"
    benchmark   = "sql-won"
    description = "Field sales runs demos, a proposal and the negotiation; the average sales cycle from SQL to signature is about 90 days."
    definition  = <<-EOT
      Field sales takes over an SQL once **BANT** is confirmed in a meeting:
      budget, authority, need and timing. A deal is *won* when the order
      form is signed.
    EOT
  }
}
