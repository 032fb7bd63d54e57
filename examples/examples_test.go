// Package examples_test compiles every example plan under examples/. The
// examples are documentation that users copy, so each must compile without
// a single diagnostic, and the solved numbers of saas-demand must stay those
// of the worked example in the language design.
package examples_test

import (
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/compilertest"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

// TestExamples compiles each directory under examples/ and fails on any
// diagnostic, error or warning, or on a file not in canonical layout.
func TestExamples(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || e.Name() == "testdata" {
			continue
		}
		n++
		dir := e.Name()
		t.Run(dir, func(t *testing.T) {
			m := compiler.Run(dir)
			diags := m.Diags
			if len(diags) > 0 {
				var b strings.Builder
				files := m.Plan.Files
				report.Text(&b, diags, files)
				report.Summary(&b, diags)
				t.Fatalf("planc check %s reports diagnostics; examples must compile cleanly:\n%s", dir, b.String())
			}
			if m == nil {
				t.Fatalf("no model for %s", dir)
			}
			checkFormatted(t, dir)
		})
	}
	if n < 4 {
		t.Fatalf("found %d example directories, want at least 4 (it-solutions, minimal, saas-demand, the-model)", n)
	}
}

// checkFormatted fails for each plan file in dir that `planc fmt` would
// change: users copy the examples, so they show the canonical layout.
func checkFormatted(t *testing.T, dir string) {
	srcs, diags := source.Read(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, src := range srcs {
		if ok, _ := lang.IsFormatted(src.Name, src.Bytes); !ok {
			t.Errorf("%s is not formatted; run: go run ./cmd/planc fmt -w examples/%s", src.Name, dir)
		}
	}
}

// designNumbers are the numbers of the language design's worked example
// (testdata/worked), which saas-demand follows, computed by hand:
//
//	won        = 4.8億円 / ¥2.4M          = 200
//	sql        = 200 / 25%                = 800
//	sal        = 800 / 50%                = 1,600
//	mql        = 1,600 / 70% = 2,285.7    -> 2,286 (rounded up)
//	inquiry    = 2,286 / 30% = 7,620 exactly
//	webinar    = 35% x 7,620 = 2,667 leads x ¥15,000 = ¥40,005,000
//	exhibition = 25% x 7,620 = 1,905 leads x ¥40,000 = ¥76,200,000
//	seo        = 20% x 7,620 = 1,524 leads x ¥8,000  = ¥12,192,000
//	ads        = 20% x 7,620 = 1,524 leads x ¥20,000 = ¥30,480,000
//	spend      = ¥158,877,000
var designNumbers = map[string]string{
	"kgi.revenue":                  "480000000",
	"funnel.demand.deal_size":      "2400000",
	"funnel.demand.revenue":        "480000000",
	"funnel.demand.won.volume":     "200",
	"funnel.demand.sql.volume":     "800",
	"funnel.demand.sal.volume":     "1600",
	"funnel.demand.mql.volume":     "2286",
	"funnel.demand.mql.rate":       "3/10",
	"funnel.demand.inquiry.volume": "7620",
	"channel.webinar.share":        "7/20",
	"channel.webinar.leads":        "2667",
	"channel.webinar.cost":         "40005000",
	"channel.exhibition.leads":     "1905",
	"channel.exhibition.cost":      "76200000",
	"channel.seo.leads":            "1524",
	"channel.seo.cost":             "12192000",
	"channel.ads.leads":            "1524",
	"channel.ads.cost":             "30480000",
	"budget.marketing.spend":       "158877000",
}

// TestWorkedExample: the design's worked example solves to its numbers
// backward from the KGI's target, and is over its ¥100,000,000 cap by
// ¥58,877,000, as the design says.
func TestWorkedExample(t *testing.T) {
	m := compiler.Run(filepath.Join("..", "testdata", "worked"))
	compilertest.Values(t, m, designNumbers)
	compilertest.Values(t, m, map[string]string{"budget.marketing.cap": "100000000"})
	if len(m.Diags) != 1 || lang.CodeOf(m.Diags[0]) != lang.OverBudget || !strings.Contains(m.Diags[0].Detail, "¥58,877,000") {
		t.Errorf("want one over-budget with the excess ¥58,877,000: %v", m.Diags)
	}
	for path, origin := range map[string]compiler.Origin{
		"kgi.revenue": compiler.Target, "funnel.demand.mql.rate": compiler.Input, "funnel.demand.mql.volume": compiler.Solved,
	} {
		if got := m.Origin(m.Lookup(path)); got != origin {
			t.Errorf("origin of %s = %q, want %q", path, got, origin)
		}
	}
}

// TestSaaSDemandNumbers checks saas-demand: the design's numbers with a cap
// that pays for them, and its KPIs:
//
//	per deal ¥158,877,000 / 200 = ¥794,385; per MQL / 2,286 = ¥69,500
//	payback  = ¥794,385 / (¥2,400,000 / 12 months x 80%) = 158,877/32,000 months (4.96)
func TestSaaSDemandNumbers(t *testing.T) {
	m := compiler.Run("saas-demand")
	if m.Diags.HasErrors() {
		t.Fatalf("saas-demand has errors: %v", m.Diags)
	}
	compilertest.Values(t, m, designNumbers)
	compilertest.Values(t, m, map[string]string{
		"budget.marketing.cap": "160000000",
		"kpi.mqls":             "2286",
		"kpi.cost_per_deal":    "794385",
		"kpi.cost_per_mql":     "69500",
		"kpi.payback":          "158877/32000", // months
	})
}

// TestTheModelNumbers checks THE MODEL example, computed by hand. The
// existing customers are solved forward from the 500 at the start of the
// year, the new business backward from what the KGI leaves for it:
//
//	renewed     = 500 x 96%                  = 480 (20 churned, 4%)
//	upsell      = 480 x 25%                  = 120 x 140万円 = ¥168,000,000
//	churned ARR = 20 x 240万円               = ¥48,000,000
//	starting    = 500 x 240万円              = ¥1,200,000,000
//	NRR         = (12億 - 0.48億 + 1.68億) / 12億 = 110%
//	new ARR     = 4.8億 - 1.68億 + 0.48億    = ¥360,000,000
//	won         = 3.6億 / 240万円            = 150
//	sql         = 150 / 25%                  = 600
//	sal         = 600 / 50%                  = 1,200
//	mql         = 1,200 / 50%                = 2,400
//	lead        = 2,400 / 20%                = 12,000
//	webinar     = 30% x 12,000 = 3,600 x ¥10,000 = ¥36,000,000
//	exhibition  = 20% x 12,000 = 2,400 x ¥25,000 = ¥60,000,000
//	seo         = 25% x 12,000 = 3,000 x ¥5,000  = ¥15,000,000
//	ads         = the rest, 3,000 x ¥11,000      = ¥33,000,000
//	spend       = ¥144,000,000 (cap ¥160,000,000)
//	teams       = IS 1,200 / 12 / 20 = 5 of 6; FS 600 / 12 / 8 = 6.25 of 7;
//	              CS 480 / 12 / 10 = 4 of 5
//	sales cost  = 6 x 800万円 + 7 x 1,200万円 = ¥132,000,000
//	CAC         = (¥144,000,000 + ¥132,000,000) / 150 = ¥1,840,000
//	payback     = ¥1,840,000 / (¥200,000/month x 80%) = 11.5 months
//	LTV         = ¥160,000/month x 60 months = ¥9,600,000 (5.2x CAC)
//	ending ARR  = 12億 + 4.8億 = ¥1,680,000,000 (growth 40%)
func TestTheModelNumbers(t *testing.T) {
	m := compiler.Run("the-model")
	diags := m.Diags
	if diags.HasErrors() {
		t.Fatalf("the-model has errors: %v", diags)
	}
	want := map[string]string{
		"kgi.net_new_arr":                 "480000000",
		"funnel.expansion.renewed.volume": "480",
		"funnel.expansion.upsell.volume":  "120",
		"kpi.expansion_arr":               "168000000",
		"kpi.churned_customers":           "20",
		"kpi.churn_rate":                  "1/25",
		"kpi.churned_arr":                 "48000000",
		"kpi.starting_arr":                "1200000000",
		"kpi.nrr":                         "11/10",
		"kpi.new_arr":                     "360000000",
		"funnel.new_business.won.volume":  "150",
		"funnel.new_business.sql.volume":  "600",
		"funnel.new_business.sal.volume":  "1200",
		"funnel.new_business.mql.volume":  "2400",
		"funnel.new_business.lead.volume": "12000",
		"channel.webinar.cost":            "36000000",
		"channel.exhibition.cost":         "60000000",
		"channel.seo.cost":                "15000000",
		"channel.ads.leads":               "3000",
		"channel.ads.cost":                "33000000",
		"budget.marketing.spend":          "144000000",
		"team.inside_sales.required":      "5",
		"team.field_sales.required":       "25/4",
		"team.customer_success.required":  "4",
		"kpi.sales_cost":                  "132000000",
		"kpi.cac":                         "1840000",
		"kpi.payback":                     "23/2", // months
		"kpi.ltv":                         "9600000",
		"kpi.ending_arr":                  "1680000000",
		"kpi.arr_growth":                  "2/5",
	}
	compilertest.Values(t, m, want)
}

// TestITSolutionsNumbers checks the IT solution provider's example,
// computed by hand. Distributors and field sales bring opportunities
// directly, so marketing's demos need to make only the rest:
//
//	won          = 6億円 / 600万円            = 100
//	opportunity  = 100 / 25%                  = 400 = demo x 40% + 100 + 60
//	demo         = (400 - 160) / 40%          = 600
//	mql          = 600 / 30%                  = 2,000
//	inquiry      = 2,000 / 20%                = 10,000
//	sources      : an inquiry wins at 20% x 30% x 40% x 25% = 0.6%, so
//	               marketing 10,000 x 0.6% = 60 won (¥360,000,000, 60%),
//	               partner 100 x 25% = 25 (¥150,000,000), sales 60 x 25% = 15
//	marketing    = 2,500 x ¥20,000 + 2,000 x ¥15,000 + 2,500 x ¥10,000
//	               + 3,000 x ¥5,000 = ¥120,000,000 (cap ¥130,000,000)
//	partner      = 100 x ¥100,000 = ¥10,000,000; sales 60 x ¥30,000 = ¥1,800,000
//	ROI          = ¥360,000,000 / ¥120,000,000 = 300%; ¥2,000,000 a sourced deal
//	teams        = presales 600 / 12 / 12 = 4.17 of 5; field sales 400 / 12 / 6 = 5.56 of 6
func TestITSolutionsNumbers(t *testing.T) {
	m := compiler.Run("it-solutions")
	diags := m.Diags
	if diags.HasErrors() {
		t.Fatalf("it-solutions has errors: %v", diags)
	}
	want := map[string]string{
		"kgi.revenue":                        "600000000",
		"funnel.pipeline.won.volume":         "100",
		"funnel.pipeline.opportunity.volume": "400",
		"funnel.pipeline.opportunity.inflow": "160",
		"funnel.pipeline.demo.volume":        "600",
		"funnel.pipeline.mql.volume":         "2000",
		"funnel.pipeline.inquiry.volume":     "10000",
		"source.marketing.won":               "60",
		"source.marketing.revenue":           "360000000",
		"source.partner.won":                 "25",
		"source.partner.revenue":             "150000000",
		"source.sales.won":                   "15",
		"source.sales.revenue":               "90000000",
		"kpi.marketing_contribution":         "3/5",
		"kpi.marketing_roi":                  "3",
		"kpi.marketing_cac":                  "2000000",
		"channel.web_content.leads":          "3000",
		"budget.marketing.spend":             "120000000",
		"budget.partner_program.spend":       "10000000",
		"budget.sales_prospecting.spend":     "1800000",
		"team.presales.required":             "25/6",
		"team.field_sales.required":          "50/9",
	}
	compilertest.Values(t, m, want)
}

// TestMinimalNumbers checks the newcomers' example of the README's
// tutorial, computed by hand:
//
//	won         = 5000万円 / 100万円  = 50
//	opportunity = 50 / 25%           = 200
//	lead        = 200 / 10%          = 2,000
//	webinar     = 60% x 2,000 = 1,200 x ¥10,000 = ¥12,000,000
//	ads         = the rest, 800 x ¥15,000       = ¥12,000,000
//	spend       = ¥24,000,000 (cap ¥30,000,000)
func TestMinimalNumbers(t *testing.T) {
	m := compiler.Run("minimal")
	diags := m.Diags
	if diags.HasErrors() {
		t.Fatalf("minimal has errors: %v", diags)
	}
	want := map[string]string{
		"kgi.revenue":                      "50000000",
		"funnel.demand.won.volume":         "50",
		"funnel.demand.opportunity.volume": "200",
		"funnel.demand.lead.volume":        "2000",
		"channel.webinar.leads":            "1200",
		"channel.webinar.cost":             "12000000",
		"channel.ads.leads":                "800",
		"channel.ads.cost":                 "12000000",
		"budget.marketing.spend":           "24000000",
	}
	compilertest.Values(t, m, want)
}

// snippet is an example in lang/README.md: a plan that triggers exactly one
// diagnostic, marked by an HTML comment before its code fence:
//
//	<!-- diag: CODE -->
//	```hcl
//	...
//	```
var snippet = regexp.MustCompile("(?s)<!-- diag: ([a-z-]+) -->\n```hcl\n(.*?)```")

// TestLanguageReferenceSnippets compiles every diagnostic example of the
// language reference and checks that it triggers exactly the one diagnostic
// it documents.
func TestLanguageReferenceSnippets(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "lang", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := snippet.FindAllStringSubmatch(string(doc), -1)
	if len(found) < 16 {
		t.Fatalf("found %d diagnostic examples in lang/README.md, want one for each of the 16 plan codes", len(found))
	}
	for _, f := range found {
		code, src := f[1], f[2]
		t.Run(code, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.plan.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			m := compiler.Run(dir)
			diags := m.Diags
			if len(diags) == 1 && string(lang.CodeOf(diags[0])) == code {
				return
			}
			var b strings.Builder
			report.Text(&b, diags, m.Plan.Files)
			t.Errorf("the %s example in lang/README.md gives %d diagnostics, want exactly one %s:\n%s", code, len(diags), code, b.String())
		})
	}
}

// functionExample is a row's example in the reference's function tables:
// | ... | `expr` is RESULT |
var functionExample = regexp.MustCompile("(?m)^\\| `[a-z_]+\\(.*\\| `([^`]+)` is ([^|]+?) \\|$")

// TestFunctionExamples evaluates every function example of the language
// reference and checks the result it states.
func TestFunctionExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "lang", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := functionExample.FindAllStringSubmatch(string(doc), -1)
	if len(found) < 14 {
		t.Fatalf("found %d function examples in lang/README.md, want one per function", len(found))
	}
	for _, f := range found {
		expr, want := f[1], f[2]
		t.Run(expr, func(t *testing.T) {
			dir := t.TempDir()
			src := "plan { title = \"Example\" }\n\nkpi \"x\" {\n  formula = " + expr + "\n}\n"
			if err := os.WriteFile(filepath.Join(dir, "main.plan.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			m := compiler.Run(dir)
			diags := m.Diags
			if diags.HasErrors() {
				t.Fatalf("%s: %v", expr, diags)
			}
			if got := display.Value(m, m.Lookup("kpi.x")); got != want {
				t.Errorf("%s is %s, the reference says %s", expr, got, want)
			}
		})
	}
}

// TestFY2027JaNumbers checks the Japanese example, fy2027-ja, by hand. The
// KGI of 3億円 less 6,000万円 of upsell leaves 2.4億円 for the new-business
// funnel, whose exhibition and ads channels convert at rates of their own,
// and whose partner channel brings 40 leads in at SAL.
//
// Revenue per inquiry, over the channels at the top (shares 35/25/20/20%):
//
//	webinar    7/20 x 28/100 x 65/100 x 45/100 x 22/100 x 1,800,000
//	exhibition 1/4  x 28/100 x 65/100 x 55/100 x 22/100 x 2,400,000
//	seo        1/5  x 28/100 x 65/100 x 45/100 x 22/100 x 1,800,000
//	ads        1/5  x 18/100 x 65/100 x 45/100 x 22/100 x 1,800,000
//	K = 352,209/10 (35,220.9) a inquiry
//
// The partner's 40 leads bring 40 x 45/100 x 22/100 x 1,800,000 =
// 7,128,000, so inquiries = (240,000,000 - 7,128,000) / K = 776,240,000 /
// 117,403 = 6,611.76, rounded up to 6,612. Split by largest remainder:
// 2,314.2, 1,653, 1,322.4, 1,322.4 -> 2,314, 1,653, 1,322, 1,322 and the
// one lead left to the first largest fraction, seo: 2,314 + 1,653 + 1,323 +
// 1,322 = 6,612.
//
// Cohorts: webinar 2,314 x 28/100 = 16,198/25 MQLs (647.92), x 65/100 x
// 45/100 x 22/100 = 10,423,413/250,000 won (41.69), revenue x 1,800,000 =
// 375,242,868/5 (¥75,048,573.6). Exhibition: 1,653 x 28/100 x 65/100 x
// 55/100 x 22/100 = 18,201,183/500,000 won, x 2,400,000 = 436,828,392/5.
// Seo 1,323: 11,918,907/500,000 won, 214,540,326/5. Ads 1,322 x 18/100 x
// ...: 7,656,363/500,000 won, 137,814,534/5. Partner: 18 SQLs, 99/25 won,
// ¥7,128,000. Planned revenue = the sum = ¥240,013,224 (whole inquiries).
// Stage volumes: MQL 42,979/25 (1,719.16), blended rate 42,979/165,300;
// won 60,603,279/500,000 (121.21).
//
// Costs: 2,314 x 12,000 = 27,768,000; 1,653 x 28,000 = 46,284,000; 1,323 x
// 8,000 = 10,584,000; 1,322 x 15,500 = 20,491,000; 40 x 50,000 =
// 2,000,000. Budgets: programs = 27,768,000 + 46,284,000 + 2,000,000 =
// 76,052,000; digital = 31,075,000; marketing = items 4,800,000 +
// 2,875,000 + 76,052,000 + 31,075,000 = 114,802,000.
//
// Teams, over 12 months, with capacities written as an IME types them:
// inside sales holds SAL = 42,979/25 x 65/100 + 40 = 578,727/500, a load of
// 578,727/6,000 a month, at "月40件" 578,727/240,000 people (2.41); field
// sales holds SQL 5,509,389/10,000, at "12件/人月" 5,509,389/1,440,000
// people (3.83); customer success the won deals, 60,603,279/6,000,000 a
// month, at "月5社" 60,603,279/30,000,000 people (2.02). The CPAs are
// written "1万2000円", "2万8000円" and "1万5500円", the SQL rate "45％".
//
// By month: the KGI's profile weighs April to March 2, 2, 3, 2, 2, 3, 2,
// 2, 3, 2, 2, 4 (sum 29), so the won deals of April are 60,603,279/500,000
// x 2/29 = 60,603,279/7,250,000 (8.36) and of March x 4/29 =
// 60,603,279/3,625,000 (16.72). SQL is entered 3 months (the won stage's
// lag) before: December's SQLs are March's shape, 5,509,389/10,000 x 4/29
// = 5,509,389/72,500 (75.99), which at 12 a person needs 6.33 people: the
// field sales team has 7, not the 4 the yearly average would suggest.
func TestFY2027JaNumbers(t *testing.T) {
	m := compiler.Run("fy2027-ja")
	if len(m.Diags) > 0 {
		t.Fatalf("fy2027-ja has diagnostics: %v", m.Diags)
	}
	compilertest.Values(t, m, map[string]string{
		"funnel.new_business.revenue":                  "240000000",
		"funnel.new_business.inquiry.volume":           "6612",
		"channel.webinar.leads":                        "2314",
		"channel.exhibition.leads":                     "1653",
		"channel.seo.leads":                            "1323",
		"channel.ads.leads":                            "1322",
		"channel.webinar.stage.mql.volume":             "16198/25",
		"channel.webinar.won":                          "10423413/250000",
		"channel.webinar.revenue":                      "375242868/5",
		"channel.exhibition.won":                       "18201183/500000",
		"channel.exhibition.revenue":                   "436828392/5",
		"channel.seo.revenue":                          "214540326/5",
		"channel.ads.won":                              "7656363/500000",
		"channel.ads.revenue":                          "137814534/5",
		"channel.partner.stage.sql.volume":             "18",
		"channel.partner.won":                          "99/25",
		"channel.partner.revenue":                      "7128000",
		"funnel.new_business.planned_revenue":          "240013224",
		"funnel.new_business.mql.volume":               "42979/25",
		"funnel.new_business.mql.blended_rate":         "42979/165300",
		"funnel.new_business.won.volume":               "60603279/500000",
		"budget.programs.spend":                        "76052000",
		"budget.digital.spend":                         "31075000",
		"budget.marketing.fixed":                       "7675000",
		"budget.marketing.spend":                       "114802000",
		"funnel.new_business.source.partner.revenue":   "7128000",
		"funnel.new_business.source.marketing.revenue": "232885224",
		"channel.webinar.cpa":                          "12000",
		"channel.exhibition.cpa":                       "28000",
		"channel.ads.cpa":                              "15500",
		"funnel.new_business.sql.rate":                 "9/20",
		"team.inside_sales.load":                       "578727/6000",
		"team.inside_sales.required":                   "578727/240000",
		"team.field_sales.required":                    "5509389/1440000",
		"team.customer_success.load":                   "60603279/6000000",
		"team.customer_success.required":               "60603279/30000000",
	})
	monthly := func(path string, month int, want string) {
		t.Helper()
		p, _ := lang.ParsePath(path)
		s := m.Timeline.Series(m.Info.Lookup(p))
		if s == nil || s[month].RatString() != want {
			t.Errorf("%s in month %d = %v, want %s", path, month+1, s, want)
		}
	}
	monthly("funnel.new_business.won.volume", 0, "60603279/7250000")
	monthly("funnel.new_business.won.volume", 11, "60603279/3625000")
	monthly("funnel.new_business.sql.volume", 8, "5509389/72500")
	// The KGI adds up the funnel's revenue and the upsell, both phased by
	// the KGI's profile (the upsell as a term of its sum): the KGI by month
	// is its target by month, 300,000,000 x 2/29 in April.
	kgi := m.Info.Lookup(lang.NewPath("kgi", "revenue"))
	for i, x := range m.Timeline.Series(kgi) {
		if x.Cmp(m.Timeline.Target(kgi)[i]) != 0 {
			t.Errorf("kgi.revenue in %s is %s, its target %s", m.Timeline.Periods[i].Name, x.RatString(), m.Timeline.Target(kgi)[i].RatString())
		}
	}
	monthly("kgi.revenue", 0, "600000000/29")
}

// TestTimelinesAddUp places every example, and the phasing worked
// example, in the months of its period and checks that the plan by month
// adds up: every amount's months (and quarters, and halves) sum to its
// year, the channels' leads into a stage and their won deals and revenue
// sum to the funnel's in every month, and a budget's months are its
// channels' cost, items and child budgets.
func TestTimelinesAddUp(t *testing.T) {
	dirs := []string{"../testdata/phasing"}
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && e.Name() != "testdata" {
			dirs = append(dirs, e.Name())
		}
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r := compiler.RunWith(compiler.Options{Timeline: true}, dir)
			tl := r.Timeline
			if tl == nil {
				t.Fatal("no timeline")
			}
			sum := func(xs []*big.Rat) *big.Rat {
				s := new(big.Rat)
				for _, x := range xs {
					s.Add(s, x)
				}
				return s
			}
			for _, v := range r.Info.Vars {
				s := tl.Series(v)
				switch v.Object.Kind {
				case "kgi", "kpi", "team":
					continue // formulas and loads are evaluated per period, not summed
				}
				val, ok := r.Value(v)
				if s == nil || !ok {
					continue
				}
				for i, p := range tl.Periods {
					if i >= tl.Months {
						if got := sum(s[p.From:p.To]); got.Cmp(s[i]) != 0 {
							t.Errorf("%s in %s is %s, its months add up to %s", v.Path, p.Name, s[i].RatString(), got.RatString())
						}
					}
				}
				if got := sum(s[:tl.Months]); got.Cmp(val.Nom) != 0 {
					t.Errorf("%s: its months add up to %s, its year is %s", v.Path, got.RatString(), val.Nom.RatString())
				}
			}
			for _, f := range r.Info.Kind("funnel") {
				won, planned := f.Kids[len(f.Kids)-1].Value("volume"), f.Value("planned_revenue")
				var chWon, chRev [][]*big.Rat
				for _, c := range r.Info.Kind("channel") {
					if c.Ref("funnel") == f {
						chWon, chRev = append(chWon, tl.Series(c.Value("won"))), append(chRev, tl.Series(c.Value("revenue")))
					}
				}
				for m := range tl.Months {
					w, rev := new(big.Rat), new(big.Rat)
					for i := range chWon {
						w.Add(w, chWon[i][m])
						rev.Add(rev, chRev[i][m])
					}
					if len(chWon) > 0 && w.Cmp(tl.Series(won)[m]) != 0 {
						t.Errorf("%s month %d: channels win %s, the funnel %s", f.Path, m+1, w.RatString(), tl.Series(won)[m].RatString())
					}
					if len(chRev) > 0 && rev.Cmp(tl.Series(planned)[m]) != 0 {
						t.Errorf("%s month %d: channels' revenue %s, planned %s", f.Path, m+1, rev.RatString(), tl.Series(planned)[m].RatString())
					}
				}
			}
		})
	}
}
