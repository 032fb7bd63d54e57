# The demand waterfall. Each stage's rate is its conversion from the stage
# before. Where a stage changes owner, the teams agreed on a definition: that
# is the contract at the handoff.

funnel "demand" {
  title       = "New-business demand waterfall"
  description = "Inbound and event-sourced demand for the Business and Enterprise plans."
  deal_size   = "2.4M JPY"

  stage "inquiry" {
    title       = "Inquiry"
    owner       = "marketing"
    unit        = "leads"
    description = "A person who filled in a form: a webinar or event registration, a content download, a contact request."
  }

  stage "mql" {
    title      = "Marketing-qualified lead (MQL)"
    owner      = "marketing"
    unit       = "leads"
    rate       = "30%"
    definition = <<-EOT
      - Lead score of **50 or more** (fit + engagement), and
      - a business e-mail address, and
      - not a student, competitor or existing customer.
    EOT
  }

  stage "sal" {
    title      = "Sales-accepted lead (SAL)"
    owner      = "inside_sales"
    unit       = "leads"
    rate       = "70%"
    definition = <<-EOT
      Inside sales accepts an MQL when:

      - the company has **100 or more employees**, and
      - it is in a target industry, and
      - the lead was followed up within **one business day**.

      Agreed between marketing and inside sales on 2027-02-15.
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
    owner      = "field_sales"
    unit       = "deals"
    rate       = "25%"
    definition = <<-EOT
      Field sales takes over an SQL once **BANT** is confirmed in a meeting:
      budget, authority, need and timing. A deal is *won* when the order
      form is signed.
    EOT
  }
}
