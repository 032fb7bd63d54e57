plan {
  title       = "FY2027 新規事業 <script>alert('title')</script>"
  currency    = "JPY"
  period      = "2027-04 .. 2028-03"
  owner       = "revops"
  description = <<-MD
    ## 売上目標

    The plan reaches **4.8億円** of new-business revenue.[^1]

    ## 売上目標

    | stage | owner |
    |---|---|
    | MQL | marketing |

    <script>alert("raw")</script>
    <img src="x" onerror="alert(1)">

    [click me](javascript:alert(1))

    [^1]: Agreed with sales in the FY2027 kickoff.
  MD
}

kgi "revenue" {
  title       = "New-business revenue"
  description = "Revenue from deals won in the period.[^1]\n\n[^1]: Booked, not invoiced."
  target      = "4.8億円"
  formula     = funnel.demand.revenue
  owner       = "cmo"
}

kpi "cost_per_deal" {
  title       = "Marketing cost per won deal"
  description = "## 計算方法\n\nSpend divided by won deals."
  formula     = budget.marketing.spend / funnel.demand.won.volume
}

funnel "demand" {
  title     = "Demand <b>waterfall</b>"
  deal_size = "2.4M JPY"

  stage "inquiry" {
    title = "Inquiry"
    owner = "marketing"
  }
  stage "mql" {
    title = "MQL"
    rate  = "30%"
    owner = "marketing"
  }
  stage "sal" {
    title      = "SAL"
    rate       = "70%"
    owner      = "inside_sales"
    definition = "## 定義\n\nScore 50+, company of 100+ employees; agreed with sales."
  }
  stage "sql" {
    title = "SQL"
    rate  = "50%"
    owner = "inside_sales"
  }
  stage "won" {
    title      = "Won"
    rate       = "25%"
    owner      = "sales"
    unit       = "deals"
    definition = "Budget, authority, need and timing confirmed in a meeting."
  }
}

channel "webinar" {
  title  = "Webinars"
  funnel = funnel.demand
  share  = "35%"
  cpa    = "15,000 JPY"
}
channel "exhibition" {
  title  = "Exhibitions"
  funnel = funnel.demand
  share  = "25%"
  cpa    = "40,000 JPY"
}
channel "seo" {
  funnel = funnel.demand
  share  = "20%"
  cpa    = "8,000 JPY"
}
channel "ads" {
  funnel = funnel.demand
  share  = "20%"
  cpa    = "20,000 JPY"
}

budget "marketing" {
  title = "Marketing budget"
  cap   = "2億円"
}
