# One funnel for every source. Marketing's inquiries enter at the top;
# distributors' registered deals and field sales' own prospects enter at the
# opportunity stage, whose volume is the demos that convert plus that inflow.
#
# Solved backward from 100 won deals:
#
#   opportunity  100 / 25% = 400, of which 160 come in directly
#                (100 from distributors, 60 from field sales)
#   demo         (400 - 160) / 40% = 600
#   mql          600 / 30% = 2,000
#   inquiry      2,000 / 20% = 10,000
#
# An inquiry becomes a won deal at 20% x 30% x 40% x 25% = 0.6%, so
# marketing's 10,000 inquiries make 60 deals; an opportunity that enters
# directly wins at 25%: 25 from distributors, 15 from field sales.

funnel "pipeline" {
  title       = "New-business pipeline"
  description = "Direct and distributor sales of the endpoint management suite to companies of 300 to 2,000 employees."
  deal_size   = "600万円" # licences for ~500 PCs, implementation, first-year maintenance

  stage "inquiry" {
    title       = "Inquiry"
    owner       = "marketing"
    unit        = "leads"
    description = "A contact from a booth scan, a trade-press lead-generation download, a webinar registration or a form on the web site."
  }

  stage "mql" {
    title       = "Marketing-qualified lead (MQL)"
    owner       = "marketing"
    unit        = "leads"
    rate        = "20%"
    benchmark   = "inquiry-mql"
    description = "Marketing scores and nurtures inquiries by e-mail and webinars. 20% is inside the 10-25% published for inquiry -> MQL."
    definition  = <<-EOT
      - A company of **300 to 2,000 employees**, in Japan, and
      - a person in IT or in a department that manages PCs, and
      - a lead score of **40 or more** (a second visit, a download or a webinar attended).
    EOT
  }

  stage "demo" {
    title       = "Demo or trial"
    owner       = "presales"
    team        = team.presales
    unit        = "demos"
    rate        = "30%"
    description = "Presales calls each MQL and offers a live online demo, or a 30-day trial on up to 50 PCs. Most IT managers want to see the console before they talk about budget."
    definition  = <<-EOT
      Presales accepts an MQL and counts it here once:

      - a live demo has been held with the IT department, **or**
      - a trial has been started and an agent is reporting from at least one PC.

      Marketing hands MQLs over daily; presales calls within **one business day**.
      Agreed between marketing and presales on 2027-02-10.
    EOT
  }

  stage "opportunity" {
    title       = "Opportunity"
    owner       = "field_sales"
    team        = team.field_sales
    unit        = "opportunities"
    rate        = "40%"
    description = <<-EOT
      Field sales qualifies the account and writes a proposal. Distributors'
      registered deals and field sales' own prospects enter here: they
      arrive qualified, with a named project.
    EOT
    definition  = <<-EOT
      Field sales opens an opportunity when **BANT** is confirmed:

      - a budget for this fiscal year or the next,
      - the IT manager and the approver (often the CFO) identified,
      - a need the suite meets (audit, patching, software inventory),
      - a decision expected within **six months**.

      A distributor's deal counts once it is registered and accepted in
      the partner portal.
    EOT
  }

  stage "won" {
    title       = "Won"
    owner       = "field_sales"
    unit        = "deals"
    rate        = "25%"
    benchmark   = "sql-won"
    description = "Field sales (with the distributor on partner deals) negotiates the order. 25% is inside the 20-30% published for SQL -> won."
    definition  = "A purchase order received from the customer, or from the distributor on its behalf."
  }
}
