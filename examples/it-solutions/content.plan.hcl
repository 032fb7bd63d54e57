# Who buys, how they buy, and where we stand. These blocks compute nothing:
# they explain the plan, and the site shows them next to the numbers.
# A journey's phases name personas and channels by reference, so planc
# checks that they exist.

persona "it_manager" {
  title       = "IT manager (情報システム部長)"
  role        = "Head of a two-to-ten-person IT department; owns the PCs, the network and the help desk."
  company     = "Manufacturer or distributor, 300 to 2,000 employees, several sites in Japan"
  description = "The champion of the deal. Reads IT trade media, visits the big trade shows, and evaluates the product hands-on before asking for budget."
  goals = [
    "Know every PC and licence the company owns, for the auditors",
    "Patch Windows and business software **without visiting each site**",
    "Spend less time on help-desk tickets",
  ]
  pains = [
    "An inventory kept in spreadsheets that is never up to date",
    "A licence audit by a software vendor last year that found gaps",
    "Too few people: IT also runs the core systems",
  ]
}

persona "cfo" {
  title       = "CFO (経理・財務担当役員)"
  role        = "Approves IT spending above ¥3M and answers to the auditors."
  company     = "The same companies; often also head of general affairs"
  description = "Joins at the decision. Compares the cost with what licence gaps and incidents could cost."
  goals = [
    "Predictable IT costs, budgeted a year ahead",
    "An internal-control audit without findings on IT assets",
  ]
  pains = [
    "Unplanned licence true-ups",
    "Security incidents reported to the board",
  ]
}

persona "business_head" {
  title       = "End-user department head (事業部長・工場長)"
  role        = "Runs a factory or a sales division whose people use the PCs every day."
  company     = "The same companies"
  description = "Not a buyer, but can stop a deal: the rollout touches every PC in the department."
  goals = [
    "No downtime during production or month-end",
    "New staff productive on day one",
  ]
  pains = [
    "Updates that restart PCs in the middle of work",
    "Waiting days for IT to install software",
  ]
}

journey "buyer" {
  title       = "How a mid-size company buys endpoint management"
  description = "From the first contact to a customer who renews. A typical deal takes four months from the demo to the order."

  phase "awareness" {
    title       = "Awareness"
    description = "The IT manager learns that the inventory and patching can be automated."
    personas    = [persona.it_manager]
    channels    = [channel.exhibition, channel.trade_press]
    touchpoints = [
      "Stage demo at an IT trade show booth",
      "Sponsored article on licence audits in IT trade media",
    ]
  }

  phase "interest" {
    title       = "Interest"
    description = "The IT manager collects information and compares tools."
    personas    = [persona.it_manager]
    channels    = [channel.webinar, channel.web_content]
    touchpoints = [
      "Webinar on audit readiness, co-hosted with a distributor",
      "White paper: an IT asset inventory in 30 days",
      "Case study of a manufacturer with 12 sites",
    ]
  }

  phase "evaluation" {
    title       = "Evaluation"
    description = "The demo or trial stage of the funnel: the IT department tries the product, and the department heads check it does not disturb work."
    personas    = [persona.it_manager, persona.business_head]
    touchpoints = [
      "Live online demo with presales",
      "30-day trial on up to 50 PCs",
      "Reference call with a customer in the same industry",
    ]
  }

  phase "decision" {
    title       = "Decision"
    description = "The opportunity stage: a proposal, a quote and the approval. Many customers buy through the distributor they already use."
    personas    = [persona.it_manager, persona.cfo]
    channels    = [channel.distributor_referrals, channel.field_prospecting]
    touchpoints = [
      "Proposal with a three-year cost and an audit-risk estimate",
      "Quote through the customer's usual distributor",
      "Security review questionnaire",
    ]
  }

  phase "adoption" {
    title       = "Adoption and renewal"
    description = "After the order: rollout site by site, then the yearly maintenance renewal."
    personas    = [persona.it_manager, persona.business_head]
    touchpoints = [
      "Rollout plan agreed with each site",
      "Quarterly review of the inventory and patch reports",
      "Renewal and more licences for group companies",
    ]
  }
}

analysis "three_c" {
  title     = "3C: the market in FY2027"
  framework = "3c"
  customer = [
    "Mid-size companies must show auditors a complete IT asset list, and software vendors audit licences more often",
    "IT departments are small; most have no one dedicated to endpoints",
    "Many buy IT products through a distributor or reseller they already use",
  ]
  competitor = [
    "Global suites: complete, but priced and supported for large enterprises",
    "Free and bundled tools: cheap, but no Japanese support and no audit reports",
  ]
  company = [
    "Audit-ready reports in the formats Japanese auditors ask for",
    "Support and documentation in Japanese, from our own engineers",
    "Three national distributors already carry the product",
  ]
}

analysis "swot" {
  title     = "SWOT"
  framework = "swot"
  strengths = [
    "A trial that reports from the first PC within an hour",
    "Renewal rate above 90% among existing customers",
  ]
  weaknesses = [
    "Small field-sales team: regional accounts depend on distributors",
    "Little brand awareness outside IT departments",
  ]
  opportunities = [
    "Remote work puts PCs outside the office network, where older tools cannot reach them",
    "Stricter internal-control audits of IT assets",
  ]
  threats = [
    "Global suites launching mid-market editions",
    "Distributors promoting a competitor with higher margins",
  ]
}
