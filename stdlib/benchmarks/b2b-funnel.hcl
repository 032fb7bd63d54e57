# B2B funnel benchmark pack.
#
# Published conversion ranges for B2B funnel steps (inquiry -> MQL -> SAL ->
# SQL -> closed-won, plus the aggregate steps MQL -> SQL and lead ->
# opportunity), opportunity win rates and sales-cycle lengths, each kept as
# data with the publication it came from. planc warns (benchmark-outlier)
# only when a plan's rate is outside EVERY range listed for that step.
#
# Rules for this file:
#   * A range is low..high exactly as the source published it. Ranges from
#     different sources are never averaged or merged: sources define stages
#     differently (what counts as an MQL, a SAL, an opportunity, a "win").
#   * If a source publishes only a single value, low = high = that value and
#     the note says "point value". A spread is recorded only when the source
#     itself gives one (quartiles, segment min-max, "between X and Y").
#   * quote is the source's own sentence or table row; note says how the
#     source defines the stage or segment, and any caveat (secondary source,
#     illustrative example, undated page, no stated methodology).
#   * published is the publication date as known (YYYY or YYYY-MM); "n.d."
#     when the page carries no date. retrieved is when the page was read.
#
# To add a source: add one `source "<publisher>-<year>"` block (id unique
# across the pack), then one `benchmark "<key>" "<source-id>"` block per key
# it supports, placed with the other blocks for that key (funnel order).
# Percentages are quoted strings ("40%"); durations are "90 days" or
# "3 months"; low and high must use the same kind of unit and low <= high.
#
# Confidence: most stage-level ranges below come from vendor/agency pages
# that state no methodology; the survey- or CRM-data-backed figures are the
# win rates (Salesforce/Implisit, CSO Insights, RAIN Group, and the Winning
# by Design client-project sample of early 2023), the Gartner MQL
# acceptance figure and the Bridge Group sales cycle. Read the notes.
# Spreads remain thin where they matter most: for inquiry-mql, mql-sal and
# sal-sql the only published spread is still the MV3 Marketing glossary (no
# stated data); a search of SiriusDecisions/Forrester, Marketo, First Page
# Sage, HubSpot and Japanese sources found no other quotable spread that
# named a data source. sql-won has a second spread only from a secondary
# article citing an unnamed analyst firm; win-rate spreads now come from a
# segment split (CSO 2018), a consulting-client sample in a downturn (WbD
# 2023) and an unsourced vendor glossary (HubSpot). Treat a plan that is
# outside these as "check the definition", not as "wrong".

# ---------------------------------------------------------------- sources

source "mv3marketing-nd" {
  title     = "Demand Waterfall (glossary entry)"
  publisher = "MV3 Marketing"
  url       = "https://www.mv3marketing.com/glossary/demand-waterfall/"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "uptempo-nd" {
  title     = "Reverse waterfall to hit revenue targets (blog post)"
  publisher = "Uptempo"
  url       = "https://uptempo.io/blog/reverse-waterfall-to-hit-revenue-targets"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "gartner-nd" {
  title     = "Generate high-quality leads (Gartner Digital Markets insight)"
  publisher = "Gartner Digital Markets"
  url       = "https://www.gartner.com/en/digital-markets/insights/generate-high-quality-leads"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "subscribed-2021" {
  title     = "3 Tips for Converting Online Trials to Paid Users (John Goble and Kevin Stoll, Accenture)"
  publisher = "Subscribed (Zuora)"
  url       = "https://www.subscribed.com/read/subscription-strategy/3-tips-for-converting-online-trials-to-paid-users/"
  published = "2021"
  retrieved = "2026-11-25"
}

source "klipfolio-2022" {
  title     = "MQL to SQL Conversion Rate (MetricHQ)"
  publisher = "Klipfolio"
  url       = "https://metrichq.org/marketing/mql-to-sql-conversion-rate"
  published = "2022-10"
  retrieved = "2026-11-25"
}

source "bluesage-2017" {
  title     = "Blue Sage on Business: Spotlight on Sales and Marketing Alignment (part 3)"
  publisher = "Blue Sage Consulting"
  url       = "https://bluesageconsulting.com/2017/02/01/blue-sage-on-business-spotlight-on-sales-and-marketing-alignment-3/"
  published = "2017-02"
  retrieved = "2026-11-25"
}

source "pmg360-nd" {
  title     = "B2B lead generation conversion rates (blog post citing Implisit)"
  publisher = "PMG360"
  url       = "http://pmg360.com/index.php/blog/189-b2b-lead-generation-conversion-rates"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "salesforce-2014" {
  title     = "Infographic: 7 powerful predictors of a closed-won opportunity (Implisit analysis)"
  publisher = "Salesforce"
  url       = "http://answers.salesforce.com/blog/2014/08/infographic-7-powerful-predictors-closed-won-opportunity-gp.html"
  published = "2014-08"
  retrieved = "2026-11-25"
}

source "csoinsights-2016" {
  title     = "Overcoming the \"No Decision\" Sales Challenge (and More) - on the 2016 Sales Performance Optimization Study"
  publisher = "CSO Insights"
  url       = "https://www.csoinsights.com/blog/overcoming-the-no-decision-sales-challenge-and-more/"
  published = "2016"
  retrieved = "2026-11-25"
}

source "csoinsights-2018" {
  title     = "How your forecasting approach impacts win rates - on the CSO Insights 2018 Sales Operations Optimization Study"
  publisher = "Miller Heiman Group (CSO Insights)"
  url       = "https://www.millerheimangroup.com/uk/resources/blog/how-your-forecasting-approach-impacts-win-rates/"
  published = "2018"
  retrieved = "2026-11-25"
}

source "raingroup-nd" {
  title     = "Average Sales Win Rates: How Do You Compare?"
  publisher = "RAIN Group Center for Sales Research"
  url       = "https://rainsalestraining.com/blog/average-sales-win-rates-how-do-you-compare"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "bridgegroup-2017" {
  title     = "2017 SaaS AE Metrics Report"
  publisher = "The Bridge Group (with David Skok, For Entrepreneurs)"
  url       = "http://www.forentrepreneurs.com/2017-saas-ae-metrics-report/"
  published = "2017"
  retrieved = "2026-11-25"
}

source "croreport-nd" {
  title     = "Sales Cycle Length (glossary entry)"
  publisher = "The CRO Report"
  url       = "https://thecroreport.com/glossary/sales-cycle-length"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "firstsales-nd" {
  title     = "Average Sales Cycle (sales glossary)"
  publisher = "FirstSales"
  url       = "https://firstsales.io/sales/glossary/average-sales-cycle"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "prospectexperience-nd" {
  title     = "What Should Your Close Rate Be? (Dan McDade, citing an unnamed industry analyst firm; page read on growthorbit.com)"
  publisher = "Prospect Experience (Dan McDade)"
  url       = "https://growthorbit.com/what-should-your-close-rate-be/"
  published = "n.d."
  retrieved = "2026-11-25"
}

source "winningbydesign-2023" {
  title     = "Newsletter, March 2023 (win rates across Winning by Design customer projects, January-February 2023)"
  publisher = "Winning by Design"
  url       = "https://winningbydesign.com/newsletter-march-2023/"
  published = "2023-03"
  retrieved = "2026-11-25"
}

source "hubspot-nd" {
  title     = "Closing Ratio (glossary entry)"
  publisher = "HubSpot"
  url       = "https://www.hubspot.com/glossary/closing-ratio"
  published = "n.d."
  retrieved = "2026-11-25"
}

# ------------------------------------------------------------ inquiry-mql

benchmark "inquiry-mql" "mv3marketing-nd" {
  low   = "10%"
  high  = "25%"
  quote = "Typical B2B enterprise conversion benchmarks: 10–25% Inquiry-to-MQL, 40–60% MQL-to-SAL, 50–70% SAL-to-SQL, 20–30% SQL-to-Close — use these to identify your biggest waterfall conversion gap."
  note  = "Agency glossary on the SiriusDecisions (now Forrester) Demand Waterfall. The page attributes the framework to SiriusDecisions but does not attribute these numbers to SiriusDecisions data and states no methodology; 'typical B2B enterprise'. Undated."
}

benchmark "inquiry-mql" "uptempo-nd" {
  low   = "10%"
  high  = "10%"
  quote = "Based on best practice conversion rates you might see conversions equivalent to: - 10% INQ to MQL - 85% MQL to SAL - 60% SAL to SQL - 30% SQL to CW"
  note  = "Point value. Worked example of 'best practice' waterfall rates in a vendor (marketing-planning software) blog post, not survey data. Stages: Inquiry, MQL, SAL, SQL, Closed Won. Undated."
}

# ---------------------------------------------------------------- mql-sal

benchmark "mql-sal" "mv3marketing-nd" {
  low   = "40%"
  high  = "60%"
  quote = "Typical B2B enterprise conversion benchmarks: 10–25% Inquiry-to-MQL, 40–60% MQL-to-SAL, 50–70% SAL-to-SQL, 20–30% SQL-to-Close — use these to identify your biggest waterfall conversion gap."
  note  = "Agency glossary; SAL = sales-accepted lead in the SiriusDecisions waterfall. No methodology or data source given. Undated."
}

benchmark "mql-sal" "uptempo-nd" {
  low   = "85%"
  high  = "85%"
  quote = "Based on best practice conversion rates you might see conversions equivalent to: - 10% INQ to MQL - 85% MQL to SAL - 60% SAL to SQL - 30% SQL to CW"
  note  = "Point value. Illustrative 'best practice' example in a vendor blog post, not survey data. Undated."
}

benchmark "mql-sal" "gartner-nd" {
  low   = "44%"
  high  = "44%"
  quote = "In fact, only 44% of MQLs pass through sales as a potential good fit (full report available to Gartner clients)."
  note  = "Point value. Share of MQLs that sales judges a potential good fit, i.e. closest to MQL -> sales-accepted; the underlying Gartner report is client-only, so its exact stage definition and sample are not visible. Page undated."
}

# ---------------------------------------------------------------- sal-sql

benchmark "sal-sql" "mv3marketing-nd" {
  low   = "50%"
  high  = "70%"
  quote = "Typical B2B enterprise conversion benchmarks: 10–25% Inquiry-to-MQL, 40–60% MQL-to-SAL, 50–70% SAL-to-SQL, 20–30% SQL-to-Close — use these to identify your biggest waterfall conversion gap."
  note  = "Agency glossary; SQL = sales-qualified lead (opportunity) in the SiriusDecisions waterfall. No methodology given. Undated."
}

benchmark "sal-sql" "uptempo-nd" {
  low   = "60%"
  high  = "60%"
  quote = "Based on best practice conversion rates you might see conversions equivalent to: - 10% INQ to MQL - 85% MQL to SAL - 60% SAL to SQL - 30% SQL to CW"
  note  = "Point value. Illustrative 'best practice' example in a vendor blog post, not survey data. Undated."
}

# ---------------------------------------------------------------- mql-sql

benchmark "mql-sql" "subscribed-2021" {
  low   = "9%"
  high  = "15%"
  quote = "Depending on the industry, and the definition of “qualified”, the conversion rate can be in the 9%-15% range – not a great ROI, but certainly much better than a passive return on, say, direct communication blasts (1-2%)."
  note  = "MQL -> SQL ('MQL:SQL'), stated by two Accenture managers writing in Zuora's Subscribed magazine; no dataset cited. Year inferred from the text ('Fast forward to 2021')."
}

benchmark "mql-sql" "klipfolio-2022" {
  low   = "13%"
  high  = "13%"
  quote = "A good benchmark for MQL to SQL Conversion Rate is 13%, across a wide range of industries and channels."
  note  = "Point value. Klipfolio's MetricHQ metric page (created 2022-10-12, updated 2024-03-26); the page gives no data source for the 13%. It adds that websites and customer/employee referrals convert much higher."
}

benchmark "mql-sql" "bluesage-2017" {
  low   = "60%"
  high  = "60%"
  quote = "So what’s the right MQL to SQL conversion rate? Today’s best practices hover around 60%."
  note  = "Point value. A consultant's view of best practice (a target, not an average); the same post cites a CEO seeing a 90% MQL rejection rate. Shows how far MQL/SQL definitions diverge from the 9-15% figures."
}

# ------------------------------------------------------- lead-opportunity

benchmark "lead-opportunity" "pmg360-nd" {
  low   = "13%"
  high  = "13%"
  quote = "Separately, Implisit analyzed the pipelines of hundreds of companies and found that, on average, 13 percent of leads convert to opportunities and the average time for conversion is 84 days."
  note  = "Point value. SECONDARY: PMG360 blog quoting an Implisit pipeline analysis (Implisit's own page not found). Lead = CRM lead of any source; opportunity = CRM opportunity. The same sentence gives opportunity -> deal as 6% in 18 days, which conflicts with Implisit's 30% win rate on the Salesforce blog, so it is not recorded here. Undated."
}

# ---------------------------------------------------------------- sql-won

benchmark "sql-won" "mv3marketing-nd" {
  low   = "20%"
  high  = "30%"
  quote = "Typical B2B enterprise conversion benchmarks: 10–25% Inquiry-to-MQL, 40–60% MQL-to-SAL, 50–70% SAL-to-SQL, 20–30% SQL-to-Close — use these to identify your biggest waterfall conversion gap."
  note  = "Agency glossary; SQL -> closed (won). No methodology given. Undated."
}

benchmark "sql-won" "uptempo-nd" {
  low   = "30%"
  high  = "30%"
  quote = "Based on best practice conversion rates you might see conversions equivalent to: - 10% INQ to MQL - 85% MQL to SAL - 60% SAL to SQL - 30% SQL to CW"
  note  = "Point value. Illustrative 'best practice' example in a vendor blog post (CW = closed won), not survey data. Undated."
}

benchmark "sql-won" "prospectexperience-nd" {
  low   = "20%"
  high  = "30%"
  quote = "A well-known industry analyst firm reports that best-in-class companies close 30% of sales qualified leads while average companies close 20%."
  note  = "SECONDARY: a lead-generation consultant's article (Dan McDade, Prospect Experience, read as republished on growthorbit.com) quoting an analyst firm it does not name, so the primary study, its sample and its SQL definition cannot be checked. The pair is average (20%) vs best-in-class (30%), which the article itself presents as a range ('close 20% to 30% of those leads respectively'); SQL -> closed-won. The same sentence says 'between 52% to 86% of the marketing qualified leads ... leak out before they are considered sales qualified'; that implied MQL -> SQL of 14-48% is not recorded (it is a complement, not a published figure, and the article's own follow-on arithmetic is off by a factor of ten). Undated."
}

# --------------------------------------------------------------- win-rate

benchmark "win-rate" "salesforce-2014" {
  low   = "30%"
  high  = "30%"
  quote = "On average, only 30 percent of opportunities will become Closed-Won ... This is the overall average amongst 21,000 opportunities, but obviously, this number varies between companies and industries."
  note  = "Point value. Opportunity (as created in the CRM) -> closed-won, across 21,000 opportunities from multiple companies, industries, company and deal sizes, analysed by Implisit and published on the Salesforce blog. Broadest denominator of the win rates here."
}

benchmark "win-rate" "csoinsights-2016" {
  low   = "46.6%"
  high  = "46.6%"
  quote = "Here we see that 46.6% of the time that opportunity ends up in the win column, which means that 53.4% of the time we were wrong about our assessment."
  note  = "Point value. Win rate of FORECAST deals only (opportunities reps and managers had committed to the forecast), CSO Insights 2016 Sales Performance Optimization Study, 675 companies worldwide; the rest: 29.6% lost to competitors, 23.8% no decision. Late-stage denominator, so higher than all-opportunity win rates. Blog post itself undated."
}

benchmark "win-rate" "csoinsights-2018" {
  low   = "48.9%"
  high  = "59.7%"
  quote = "Among those that said their forecasting was either in need of improvement, or in need of major redesign, average win rates were 48.9 percent. By contrast, those that reported their forecasting was either meeting their expectations or exceeding their expectations achieved average win rates of 59.7 percent."
  note  = "Spread between two segment averages (respondents grouped by how they rate their own forecasting), CSO Insights 2018 Sales Operations Optimization Study as reported by Miller Heiman Group; not the min-max of all respondents. The page does not restate the win-rate denominator (CSO Insights usually reports win rates of forecast deals). Blog post undated."
}

benchmark "win-rate" "raingroup-nd" {
  low   = "47%"
  high  = "47%"
  quote = "Across all respondents, the average win rate is 47%."
  note  = "Point value. Win rate defined as 'The percent of opportunities proposed or quoted that the organization won' (proposal-stage denominator, not all pipeline); survey of 472 sellers and sales executives. By group: 'The Rest' (80% of respondents) win 40%, 'Elite Performers' (top 7%) win 'nearly three-quarters'. Undated."
}

benchmark "win-rate" "winningbydesign-2023" {
  low   = "10%"
  high  = "28%"
  quote = "Below is a sample of win rates reported for January and February 2023 against average Annual Contract Value (ACV). ... ACV $20,000, WR 10% ... ACV $40,000, WR 28%"
  note  = "Min-max of the 18 rows of the newsletter's Table 1 ('Win rates across WbD customer projects over the first two months of 2023'), one row per consulting-client project, ACV from $6.5K to $350K; the min and max rows are quoted. Opportunity -> closed-won as reported by the clients; the page does not define the opportunity stage. Not a random sample (Winning by Design clients) and explicitly a downturn period: the same post says enterprise ($100K+ ACV) win rates 'have dropped from an average of 26% to 17%'. Real, dated data, but read it as a depressed-market range."
}

benchmark "win-rate" "hubspot-nd" {
  low   = "15%"
  high  = "20%"
  quote = "Most successful sales teams maintain closing ratios between 15-20%, though this varies significantly by industry and deal complexity."
  note  = "Vendor glossary (HubSpot); no data source or methodology given. Closing ratio is defined there as closed deals divided by 'qualified leads or opportunities', so the denominator sits between SQL and opportunity; recorded under win-rate only, not also under sql-won. 'Most successful' framing, yet the range is below the survey averages above (RAIN 47%, CSO 46.6%), which use later-stage denominators. Undated."
}

# ---------------------------------------------------- sales-cycle-overall

benchmark "sales-cycle-overall" "bridgegroup-2017" {
  low   = "60 days"
  high  = "60 days"
  quote = "384 executives from a broad diversity of SaaS companies participated ... $25K median annual contract value (ACV) ... 60 day median average sales cycle"
  note  = "Point value: median of respondents' average sales cycle across all deal sizes (not split by segment), 384 B2B SaaS companies, median ACV $25K, 89% North America. Kept under an all-segments key rather than guessing a deal-size band."
}

# -------------------------------------------------------- sales-cycle-smb

benchmark "sales-cycle-smb" "croreport-nd" {
  low   = "14 days"
  high  = "30 days"
  quote = "SMB deals ($5K-$25K ACV) typically close in 14-30 days."
  note  = "Band: $5K-$25K ACV. Measured from first meaningful contact to closed-won. Practitioner glossary with no stated data source or methodology; undated. Low confidence."
}

benchmark "sales-cycle-smb" "firstsales-nd" {
  low   = "1 month"
  high  = "2 months"
  quote = "SMB | $5K-$20K | 1-2 months | Fewer stakeholders, faster decisions"
  note  = "Band: $5K-$20K deal size. Vendor glossary table (first meaningful contact to close) with no stated data source; undated. Low confidence."
}

# ------------------------------------------------- sales-cycle-mid-market

benchmark "sales-cycle-mid-market" "croreport-nd" {
  low   = "30 days"
  high  = "90 days"
  quote = "Mid-market ($25K-$100K) runs 30-90 days."
  note  = "Band: $25K-$100K ACV. Practitioner glossary with no stated data source; undated. Low confidence."
}

benchmark "sales-cycle-mid-market" "firstsales-nd" {
  low   = "3 months"
  high  = "5 months"
  quote = "Mid-Market | $20K-$75K | 3-5 months | More complex, multiple stakeholders"
  note  = "Band: $20K-$75K deal size. Vendor glossary table with no stated data source; undated. Low confidence. Note it does not overlap the CRO Report's 30-90 days for a similar band."
}

# ------------------------------------------------- sales-cycle-enterprise

benchmark "sales-cycle-enterprise" "croreport-nd" {
  low   = "90 days"
  high  = "180 days"
  quote = "Enterprise ($100K+) averages 90-180 days, with complex deals stretching past 9 months."
  note  = "Band: $100K+ ACV; the page adds that complex deals stretch past 9 months (not part of the range). Practitioner glossary with no stated data source; undated. Low confidence."
}

benchmark "sales-cycle-enterprise" "firstsales-nd" {
  low   = "6 months"
  high  = "18 months"
  quote = "Enterprise | $75K-$500K+ | 6-18 months | Long, complex buying processes"
  note  = "Band: $75K-$500K+ deal size. Vendor glossary table with no stated data source; undated. Low confidence."
}
