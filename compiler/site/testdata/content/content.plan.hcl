persona "it_manager" {
  title       = "情報システム部長"
  role        = "IT manager at a mid-size manufacturer"
  company     = "Manufacturing, 300-1,000 employees"
  goals       = ["Cut time spent on **audits** by half", "One tool instead of five"]
  pains       = ["Spreadsheets <script>alert('pain')</script> everywhere", "[click](javascript:alert(1))"]
  description = <<-MD
    ## 背景

    Reads trade press; decides with the CFO.[^1]

    [^1]: From twelve interviews in 2026.
  MD
}

persona "cfo" {
  role  = "CFO"
  goals = ["Predictable cost"]
}

persona "unused" {
  title = "Nobody's persona"
}

journey "buyer" {
  title       = "From first contact to renewal"
  description = "Seven phases; **awareness** first."

  phase "awareness" {
    title       = "認知"
    personas    = [persona.it_manager]
    channels    = [channel.exhibition]
    touchpoints = ["Booth visit", "Article in 日経xTECH <i>"]
  }
  phase "interest" {
    personas    = [persona.it_manager]
    channels    = [channel.webinar]
    touchpoints = ["Webinar on audit automation with a very long name that has to wrap inside its column"]
  }
  phase "consideration" {
    personas    = [persona.it_manager, persona.cfo]
    touchpoints = ["Case study"]
    description = "## Content\n\nThe case studies."
  }
  phase "evaluation" {
    personas    = [persona.cfo]
    touchpoints = ["Trial", "Security review"]
    owner       = "inside_sales"
  }
  phase "purchase" {
    personas = [persona.cfo]
  }
  phase "onboarding" {
    touchpoints = ["Kickoff"]
  }
  phase "expansion" {
    touchpoints = ["QBR"]
  }
}

journey "partner" {
  phase "referral" {
    channels = [channel.webinar, channel.exhibition]
  }
}

analysis "swot" {
  framework     = "swot"
  title         = "SWOT FY2027"
  description   = "Reviewed with sales in **March**."
  strengths     = ["Install base", "Support in Japanese"]
  weaknesses    = ["Brand outside manufacturing"]
  opportunities = ["Audit rules tighten <script>"]
  threats       = ["Price war"]
}

analysis "market" {
  framework  = "3c"
  customer   = ["Mid-size manufacturers"]
  competitor = ["Two global suites"]
  company    = ["Field engineers"]
}

analysis "stp" {
  framework    = "stp"
  segmentation = ["By size", "By industry"]
  targeting    = ["300-1,000 employees"]
  positioning  = ["The audit tool IT can run alone"]
}

analysis "mix" {
  framework = "4p"
  product   = ["Audit suite"]
  price     = ["¥80,000/month"]
}

analysis "buyer_view" {
  framework      = "4c"
  customer_value = ["Hours back"]
  communication  = ["Webinars"]
}

analysis "save" {
  framework = "save"
  solution  = ["Audit-ready in a day"]
  education = ["Playbooks"]
}

analysis "pest" {
  framework     = "pest"
  political     = ["Regulation"]
  technological = ["Cloud ERP"]
}

analysis "forces" {
  framework      = "five_forces"
  rivalry        = ["Three vendors, one dominant"]
  new_entrants   = ["Low: certification takes years"]
  substitutes    = ["Consultants with spreadsheets"]
  buyer_power    = ["High for large buyers"]
  supplier_power = ["Low"]
}
