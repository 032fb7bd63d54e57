# The revenue process as one funnel, owned team by team. Each stage's rate is
# its conversion from the stage before; quote percentages ("40%"), since a
# bare 40 would be 4,000%.
#
# Solved backward from 120 live customers, rounding up to whole counts:
# won 125, opportunities 500, meetings 1,000, MQLs 2,500, leads 10,000.
#
# Every change of owner is a handoff, and its definition (Markdown) is the
# service-level agreement between the two teams: what the receiving team
# accepts, and how fast it follows up. planc warns about a handoff without one.

funnel "model" {
  title     = "THE MODEL"
  deal_size = "2.5M JPY" # annual contract value of one customer

  stage "lead" {
    title       = "Lead"
    owner       = "marketing"
    unit        = "leads"
    description = "A contact with a name, a company and a business e-mail address."
  }

  stage "mql" {
    title      = "Marketing-qualified lead (MQL)"
    owner      = "marketing"
    unit       = "leads"
    rate       = "25%"
    definition = "Lead score of **50 or more** (fit and engagement); not a competitor, student or customer."
  }

  stage "meeting" {
    title      = "Meeting booked"
    owner      = "inside_sales"
    unit       = "meetings"
    rate       = "40%"
    definition = <<-EOT
      Marketing hands over an MQL; inside sales:

      - calls or e-mails it within **one business day**, and
      - counts it here once a meeting with field sales is booked.
    EOT
  }

  stage "opportunity" {
    title      = "Opportunity"
    owner      = "field_sales"
    unit       = "opportunities"
    rate       = "50%"
    definition = "Field sales accepts a meeting as an opportunity once **BANT** (budget, authority, need, timing) is confirmed."
  }

  stage "won" {
    title      = "Closed won"
    owner      = "field_sales"
    unit       = "customers"
    rate       = "25%"
    definition = "The order form is signed."
  }

  stage "live" {
    title      = "Live customer"
    owner      = "customer_success"
    unit       = "customers"
    rate       = "96%"
    definition = <<-EOT
      Customer success takes over at the kickoff meeting, within **five
      business days** of the signature; the customer is live once its first
      users are active and billing has started.
    EOT
  }
}
