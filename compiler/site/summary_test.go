package site

import (
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// summaryStress is a plan with more of everything than the summary shows
// (five KGIs, four top budgets, three funnels, one of eight stages, six
// teams, five errors and seven warnings) and long English labels: the
// summary must bound it, and still print on one page (browser test).
const summaryStress = `plan {
  title    = "Board stress test: every section of the summary at its fullest"
  currency = "USD"
  period   = "2027-01 .. 2027-12"
  owner    = "Chief Revenue Officer, North America and EMEA"
}

kgi "new_revenue" {
  title   = "New-business revenue from enterprise and mid-market accounts"
  target  = "$48,000,000"
  formula = funnel.enterprise.revenue + funnel.midmarket.revenue
}

kgi "expansion" {
  title  = "Expansion revenue"
  formula = kpi.exp_v
}

kgi "retention" {
  title = "Gross revenue retention"
  formula = kpi.grr_v
}

kgi "partners" {
  title = "Partner-sourced revenue"
  formula = kpi.partner_v
}

kgi "fifth" {
  title = "A fifth KGI the summary leaves out"
  formula = kpi.exp_v / 2
}

kpi "cac" {
  title   = "Customer acquisition cost (blended)"
  formula = cac(budget.marketing.spend, funnel.enterprise.won.volume + funnel.midmarket.won.volume)
}

kpi "payback" {
  title   = "CAC payback"
  formula = cac_payback(kpi.cac, funnel.midmarket.deal_size / "12 months", "70%")
}

kpi "ltv" {
  title   = "Lifetime value"
  formula = ltv(funnel.midmarket.deal_size / "12 months" * "70%", 1, "36 months")
}

funnel "enterprise" {
  title     = "Enterprise new business, direct sales motion"
  deal_size = "$240,000"
  stage "inquiry" { title = "Inbound and outbound inquiries" }
  stage "mql" {
    title = "Marketing-qualified lead"
    rate  = "30%"
  }
  stage "sal" {
    title = "Sales-accepted lead"
    rate  = "70%"
    team  = team.sdr
  }
  stage "discovery" {
    title = "Discovery call held"
    rate  = "80%"
    team  = team.sdr
  }
  stage "sql" {
    title = "Sales-qualified opportunity"
    rate  = "50%"
    team  = team.ae
  }
  stage "proposal" {
    title = "Proposal sent"
    rate  = "60%"
    team  = team.ae
  }
  stage "negotiation" {
    title = "Negotiation and legal review"
    rate  = "70%"
    team  = team.ae
  }
  stage "won" {
    title = "Closed won"
    rate  = "50%"
  }
}

funnel "midmarket" {
  title     = "Mid-market new business"
  deal_size = "$60,000"
  stage "lead" {}
  stage "mql" { rate = "25%" }
  stage "sql" {
    rate = "40%"
    team = team.inside
  }
  stage "won" { rate = "20%" }
}

funnel "third" {
  deal_size = "$1,000"
  stage "lead" { unit = "leads" }
  stage "won" { rate = "10%" }
}

channel "events" {
  funnel = funnel.enterprise
  share  = "40%"
  cpa    = "$900"
}
channel "ads" {
  funnel = funnel.enterprise
  cpa    = "$400"
}
channel "webinars" {
  funnel = funnel.midmarket
  leads  = 20000
  cpa    = "$150"
}

budget "marketing" {
  title    = "Marketing programs"
  cap      = "$2,000,000"
  channels = [channel.events, channel.ads, channel.webinars]
}

budget "events_budget" {
  title    = "Field events"
  cap      = "$1,000,000"
  channels = [channel.events]
}

budget "digital" {
  title    = "Digital"
  cap      = "$3,000,000"
  channels = [channel.ads, channel.webinars]
}

budget "brand" {
  title = "Brand"
  cap   = "$500,000"
  item "agency" { amount = "$400,000" }
}

team "sdr" {
  title     = "Sales development representatives"
  headcount = 4
  capacity  = 60
}
team "ae" {
  title     = "Account executives"
  headcount = 10
  capacity  = 15
}
team "inside" {
  title     = "Inside sales"
  headcount = 3
  capacity  = 20
}
team "t4" {
  headcount = 3
  capacity  = 20
}
team "t5" {
  headcount = 3
  capacity  = 20
}
team "t6" {
  headcount = 3
  capacity  = 20
}

check "a" {
  condition = kpi.cac < "$100"
  message   = "CAC is above $100, which is more than the board agreed to in the fiscal-year planning session."
}
check "b" {
  condition = kpi.cac < "$50"
  message   = "CAC is above $50."
  severity  = "warning"
}
check "c" {
  condition = kpi.cac < "$40"
  message   = "CAC is above $40."
  severity  = "warning"
}
check "d" {
  condition = kpi.cac < "$30"
  message   = "CAC is above $30."
  severity  = "warning"
}
check "e" {
  condition = kpi.cac < "$20"
  message   = "CAC is above $20."
  severity  = "warning"
}
check "f" {
  condition = kpi.cac < "$10"
  message   = "CAC is above $10."
  severity  = "warning"
}

kpi "exp_v" { value = "$7,500,000" }
kpi "grr_v" { value = "91%" }
kpi "partner_v" { value = "$3,250,000" }

channel "third_ch" {
  funnel = funnel.third
  leads  = 1000
  cpa    = "$1"
}
`

// planDir writes one plan file to a fresh directory.
func planDir(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSummaryPage checks the summary of examples/the-model (a Japanese
// plan) number by number against the plan's comments, and that the nav
// lists it first on every page.
func TestSummaryPage(t *testing.T) {
	files := generate(t, "../../examples/the-model")
	pageHas(t, files, summaryPage,
		`<html lang="ja">`, "<title>サマリー · ",
		// The KGI against its target, solved backward from it.
		`<a class="sum-card sum-goal is-good" href="kgi.net_new_arr.html">`, `<span class="sum-value num">4.8億円</span>`, "目標 4.8億円",
		// Spend against the cap: 1.44億 of 1.6億.
		`<span class="sum-value num">1.44億円</span>`, "上限 1.6億円", "90% を消化、残り 1,600万円",
		// CAC (with the LTV), payback and ROAS.
		`href="kpi.cac.html"`, "184万円", "LTV 960万円(CAC の 5.2 倍)", `href="kpi.payback.html"`, "11.5か月", "250%",
		// Both funnels, stage by stage.
		`<span class="stage">リード</span><span class="vol num">12,000</span>`, `<span class="rate" title="転換率">20%</span>`,
		`<span class="vol num">3.6億円</span>`, "受注 × 240万円", `<span class="vol num">1.68億円</span>`,
		// The teams: 5 of 6, 6.25 of 7, 4 of 5.
		`<td class="num">5 / 6</td><td class="num util">83%</td>`, "6.25 / 7", "89%", "0.75 人の余裕",
		// No risk.
		`<a class="sum-status is-good" href="diagnostics.html">`, "エラー・警告なし")
	for _, name := range pageNames(files) {
		nav := regexp.MustCompile(`<nav aria-label="[^"]*">\s*<ul>\s*<li><a href="([^"]+)"`).FindSubmatch(files[name])
		if nav == nil || string(nav[1]) != summaryPage {
			t.Errorf("%s: the nav does not list the summary first", name)
		}
	}
	checkSiteLinks(t, "the-model", files)
}

// TestSummaryEnglish checks the summary of an English plan with a
// problem: the worked example is over budget, its one error the first
// risk, its budget's card in red.
func TestSummaryEnglish(t *testing.T) {
	files := generate(t, worked)
	pageHas(t, files, summaryPage, `<html lang="en">`, "Summary for the board",
		`<a class="sum-status is-bad" href="diagnostics.html">Checks: 1 error, 0 warnings</a>`,
		`<a class="sum-card sum-spend is-bad" href="channels.html#budget-marketing">`, "over the cap by ¥58,877,000",
		`<li class="sev-error"><span class="sev">Error</span> <a href="diagnostics.html#d1">Over budget</a>`,
		"CAC (channels)", "ROAS", "Planned revenue")
}

// TestSummaryTracking: with actuals, the summary shows the forecast
// against the target, marks the stage behind plan in its funnel, and
// tells both risks from the tracking's numbers, linking to progress.html,
// instead of repeating the two warnings.
func TestSummaryTracking(t *testing.T) {
	files := generate(t, "../../testdata/actuals")
	page := string(files[summaryPage])
	pageHas(t, files, summaryPage, "Actuals as of 2027-06-30",
		`<a class="sum-card sum-forecast is-bad" href="progress.html">`, "¥113,250,000", "¥6,750,000 short, as of 2027-06-30",
		`<li class="step behind">`, `<span class="flag">behind plan</span>`,
		`<a href="progress.html">demand is forecast short of its target</a>`,
		`<a href="progress.html">demand / sql is behind plan</a>`, "12.5 fewer than planned, 16% behind, in 2027-05 to 2027-06. The funnel’s bottleneck.")
	if i, j := strings.Index(page, "forecast short of its target"), strings.Index(page, "is behind plan"); i < 0 || j < i {
		t.Error("the forecast does not come before the stage behind plan")
	}
	if strings.Contains(page, "diagnostics.html#d") {
		t.Error("the summary repeats a warning it tells from the tracking")
	}
}

// TestSummaryBounds: a plan with more of everything shows the summary's
// bounds of each, says how many more there are and where, lists errors
// before warnings, and is marked dense for print.
func TestSummaryBounds(t *testing.T) {
	files := generate(t, planDir(t, summaryStress))
	page := string(files[summaryPage])
	count := func(s string) int { return strings.Count(page, s) }
	if n := count(`class="sum-card sum-goal`); n != summaryMaxKGIs {
		t.Errorf("%d KGI cards, want %d", n, summaryMaxKGIs)
	}
	if n := count(`class="sum-card sum-spend`); n != summaryMaxBudgets {
		t.Errorf("%d budget cards, want %d", n, summaryMaxBudgets)
	}
	if n := count(`<div class="sum-funnel">`); n != summaryMaxFunnels {
		t.Errorf("%d funnels, want %d", n, summaryMaxFunnels)
	}
	if n := count(`<li class="step`); n != summaryMaxStages+1+4+1 {
		t.Errorf("%d steps, want %d", n, summaryMaxStages+1+4+1)
	}
	if n := count(`<th scope="row"><a href="teams.html#team-`); n != summaryMaxTeams {
		t.Errorf("%d teams, want %d", n, summaryMaxTeams)
	}
	if n := count(`<li class="sev-`); n != summaryMaxRisks {
		t.Errorf("%d risks, want %d", n, summaryMaxRisks)
	}
	if i, j := strings.LastIndex(page, `<li class="sev-error">`), strings.Index(page, `<li class="sev-warning">`); j >= 0 && j < i {
		t.Error("a warning comes before an error")
	}
	pageHas(t, files, summaryPage, `<div class="summary dense">`, "Checks: 5 errors, 7 warnings",
		"2 more goals and budgets are on the overview.", "2 more stages are on the funnel’s page.", "1 more funnel is on the overview.",
		"1 more team is on the teams page.", "7 more are on the diagnostics page.",
		// Over budget and over capacity in red; the CAC named by cac(),
		// the payback by cac_payback(), the LTV by ltv().
		`<a class="sum-card sum-spend is-bad" href="channels.html#budget-marketing">`, `<tr class="is-bad">`,
		"Customer acquisition cost (blended)", "LTV $126,000.00: 9.8× the CAC", "CAC payback", "3.7 months")
	if strings.Contains(page, "A fifth KGI") {
		t.Error("the summary shows a fifth KGI")
	}
	checkSiteLinks(t, "stress", files)
}

// TestSummaryUnitMetrics: the CAC is found by its cac() call or by its
// name, the payback by cac_payback().
func TestSummaryUnitMetrics(t *testing.T) {
	for _, c := range []struct{ plan, cac, payback string }{
		{"../../examples/the-model", "kpi.cac", "kpi.payback"},
		{"../../examples/saas-demand", "kpi.cost_per_deal", "kpi.payback"},
		{"../../examples/fy2027-ja", "kpi.marketing_cac", ""},
	} {
		r := compile(t, c.plan)
		g, err := newGen(r, &memory{files: map[string][]byte{}})
		if err != nil {
			t.Fatal(err)
		}
		cac, payback, _ := g.unitMetrics()
		name := func(v interface{ String() string }) string { return v.String() }
		got := [2]string{}
		if cac != nil {
			got[0] = name(cac.Path)
		}
		if payback != nil {
			got[1] = name(payback.Path)
		}
		if got != [2]string{c.cac, c.payback} {
			t.Errorf("%s: CAC %q, payback %q; want %q, %q", c.plan, got[0], got[1], c.cac, c.payback)
		}
	}
}

// TestSummaryMeter checks the meters' geometry: the bar scaled to the
// larger of the value and its reference, the tick at the reference, the
// part past it apart.
func TestSummaryMeter(t *testing.T) {
	g := &gen{}
	for _, c := range []struct {
		x, ref           int64
		fill, mark, over int
	}{
		{90, 100, 180, 200, 0},
		{100, 100, 200, 200, 0},
		{150, 100, 133, 133, 67},
		{0, 100, 0, 200, 0},
		{5, 0, 0, 0, 200},
	} {
		m := g.sumMeter(big.NewRat(c.x, 1), big.NewRat(c.ref, 1), "", "")
		if m.Fill != c.fill || m.Mark != c.mark || m.Over != c.over {
			t.Errorf("sumMeter(%d, %d) = fill %d, mark %d, over %d; want %d, %d, %d", c.x, c.ref, m.Fill, m.Mark, m.Over, c.fill, c.mark, c.over)
		}
	}
}

// TestSummaryWholeCounts: in fy2027-ja the channels convert at rates of
// their own, so the stages below the top are expected values (the MQLs
// are 1,719.16); the summary's strip shows them whole, as a manager
// presents them, and the stage's page keeps the decimals.
func TestSummaryWholeCounts(t *testing.T) {
	files := generate(t, "../../examples/fy2027-ja")
	pageHas(t, files, summaryPage, `<span class="vol num">1,719</span>`, `<span class="vol num">121</span>`,
		`<span class="vol num">6,612</span>`)
	pageHas(t, files, "funnel.new_business.mql.html", "1,719.16")
	if page := string(files[summaryPage]); strings.Contains(page, "1,719.16") {
		t.Error("the summary shows an expected count with decimals")
	}
}

// TestOverviewRequiredRevenue: fy2027-ja's whole inquiries plan
// ¥240,013,224 of revenue for ¥240,000,000 required; both are 2.4億円, so
// the overview shows them to the yen, where the difference shows.
func TestOverviewRequiredRevenue(t *testing.T) {
	files := generate(t, "../../examples/fy2027-ja")
	pageHas(t, files, "index.html", `<td class="num">240,013,224円</td>`, "必要な売上 240,000,000円")
}
