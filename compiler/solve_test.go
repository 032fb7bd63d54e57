package compiler_test

// Solver tests with hand-computed values, compared exactly as big.Rat.

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// compileSrc compiles one in-memory plan file.
func compileSrc(t *testing.T, src string) (*compiler.Result, hcl.Diagnostics) {
	t.Helper()
	plan, diags := lang.Parse([]lang.Source{{Name: "plan.plan.hcl", Bytes: []byte(src)}})
	r := compiler.Compile(plan, diags)
	return r, r.Diags
}

// wantSolved checks solved values: path -> an exact rational as big.Rat
// reads it ("7620", "0.35", "100/3").
func wantSolved(t *testing.T, m *compiler.Result, want map[string]string) {
	t.Helper()
	if m == nil {
		t.Fatal("no model")
	}
	for path, s := range want {
		w, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("bad rational %q", s)
		}
		v := m.Lookup(path)
		if v == nil {
			t.Errorf("%s: no such value", path)
			continue
		}
		got, ok := m.Value(v)
		if !ok {
			t.Errorf("%s: not solved, want %s", path, s)
			continue
		}
		if got.Nom.Cmp(w) != 0 {
			t.Errorf("%s = %s, want %s", path, got.Nom.RatString(), w.RatString())
		}
	}
}

// wantUnsolved checks that values are not solved.
func wantUnsolved(t *testing.T, m *compiler.Result, paths ...string) {
	t.Helper()
	for _, p := range paths {
		v := m.Lookup(p)
		if v == nil {
			t.Errorf("%s: no such value", p)
			continue
		}
		if got, ok := m.Value(v); ok {
			t.Errorf("%s = %s, want unsolved", p, got.Nom.RatString())
		}
	}
}

// wantCodes checks the diagnostics' codes, in order.
func wantCodes(t *testing.T, diags hcl.Diagnostics, codes ...lang.Code) {
	t.Helper()
	var got []string
	for _, d := range diags {
		got = append(got, string(lang.CodeOf(d)))
	}
	var want []string
	for _, c := range codes {
		want = append(want, string(c))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("diagnostics %v, want %v:\n%s", got, want, diagsString(diags))
	}
}

func diagsString(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Error())
		b.WriteString("\n")
	}
	return b.String()
}

// TestWorkedExample solves the design's worked example backward from the
// KGI's target; every number is the design's.
func TestWorkedExample(t *testing.T) {
	m := compiler.Run(filepath.Join("..", "testdata", "worked"))
	diags := m.Diags
	wantSolved(t, m, map[string]string{
		"kgi.revenue":             "480000000",
		"funnel.demand.deal_size": "2400000",
		"funnel.demand.revenue":   "480000000",
		// 480,000,000 / 2,400,000
		"funnel.demand.won.volume": "200",
		// 200 / 25%, 800 / 50%
		"funnel.demand.sql.volume": "800",
		"funnel.demand.sal.volume": "1600",
		// 1,600 / 70% = 2,285.7, rounded up
		"funnel.demand.mql.volume": "2286",
		// 2,286 / 30% = 7,620 exactly
		"funnel.demand.inquiry.volume": "7620",
		// 35% of 7,620 = 2,667; 25% = 1,905; 20% = 1,524
		"channel.webinar.leads":    "2667",
		"channel.exhibition.leads": "1905",
		"channel.seo.leads":        "1524",
		"channel.ads.leads":        "1524",
		"channel.webinar.cost":     "40005000",
		"channel.exhibition.cost":  "76200000",
		"channel.seo.cost":         "12192000",
		"channel.ads.cost":         "30480000",
		"budget.marketing.spend":   "158877000",
		"budget.marketing.cap":     "100000000",
		"channel.webinar.share":    "0.35",
		"funnel.demand.mql.rate":   "0.3",
	})
	wantCodes(t, diags, lang.OverBudget)
	if len(diags) == 1 && !strings.Contains(diags[0].Detail, "¥58,877,000") {
		t.Errorf("over-budget does not give the excess ¥58,877,000: %s", diags[0].Detail)
	}
	for path, origin := range map[string]compiler.Origin{
		"kgi.revenue": "target", "funnel.demand.mql.rate": "input", "funnel.demand.mql.volume": "solved",
	} {
		if got := m.Origin(m.Lookup(path)); got != origin {
			t.Errorf("origin of %s = %q, want %q", path, got, origin)
		}
	}
}

// TestExactBackward: 290 won at 29% needs exactly 1,000 leads. In float64,
// 290 / 0.29 is 1000.0000000000001, which rounds up to 1,001.
func TestExactBackward(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Exact" }

kgi "revenue" {
  target  = "290M JPY"
  formula = funnel.f.revenue
}

funnel "f" {
  deal_size = "1M JPY"
  stage "lead" {}
  stage "won" {
    rate = "29%"
  }
}

channel "only" {
  funnel = funnel.f
  share  = "100%"
  cpa    = "1,000 JPY"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{
		"funnel.f.won.volume":  "290",
		"funnel.f.lead.volume": "1000",
		"channel.only.leads":   "1000",
		"channel.only.cost":    "1000000",
	})
}

// TestExactArithmetic: 100 x 7% is exactly 7 (7.000000000000001 in
// float64), and 7 / 7% exactly 100, so a count target of 7 through a 7%
// rate needs 100, not 101; 10% + 20% is exactly 30%.
func TestExactArithmetic(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Exact" }

kpi "seven" {
  formula = 100 * "7%"
}

kpi "wins" {
  unit    = "deals"
  target  = 7
  formula = kpi.trials * "7%"
}

kpi "trials" {
  unit = "deals"
}

kpi "sum" {
  unit    = "%"
  formula = "10%" + "20%"
}

check "exact" {
  condition = kpi.seven == 7 && kpi.sum == "30%"
  message   = "inexact arithmetic"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{
		"kpi.seven":  "7",
		"kpi.wins":   "7",
		"kpi.trials": "100",
		"kpi.sum":    "3/10",
	})
}

// TestForward: channels give leads and there is no KGI target, so the
// funnel is solved forward, each stage's count rounded down (a stage yields
// whole leads), and money follows unrounded.
func TestForward(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Forward" }

kgi "revenue" {
  formula = funnel.f.revenue
}

funnel "f" {
  deal_size = "1.5M JPY"
  stage "lead" {}
  stage "mql" {
    rate = "33%"
  }
  stage "sql" {
    rate = "33%"
  }
  stage "won" {
    rate = "10%"
  }
}

channel "ads" {
  funnel = funnel.f
  leads  = 600
  cpa    = "12,345 JPY"
}

channel "seo" {
  funnel = funnel.f
  leads  = 400
  cpa    = "2,500.5 JPY"
}

budget "all" {
  cap = "100M JPY"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{
		"funnel.f.lead.volume": "1000", // 600 + 400
		"funnel.f.mql.volume":  "330",  // 1,000 x 33%
		"funnel.f.sql.volume":  "108",  // 330 x 33% = 108.9, rounded down
		"funnel.f.won.volume":  "10",   // 108 x 10% = 10.8, rounded down
		"funnel.f.revenue":     "15000000",
		"kgi.revenue":          "15000000",
		"channel.ads.cost":     "7407000", // 600 x 12,345
		"channel.seo.cost":     "1000200", // 400 x 2,500.5
		"budget.all.spend":     "8407200",
		"channel.ads.share":    "3/5", // 600 / 1,000
		"channel.seo.share":    "2/5",
	})
}

// TestBudgetChannel: a channel given a budget gets leads = budget / cpa.
func TestBudgetChannel(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Budget channel" }

funnel "f" {
  deal_size = "1M JPY"
  stage "lead" {}
  stage "won" {
    rate = "10%"
  }
}

channel "ads" {
  funnel = funnel.f
  budget = "3M JPY"
  cpa    = "20,000 JPY"
}

channel "seo" {
  funnel = funnel.f
  leads  = 50
  cpa    = "10,000 JPY"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{
		"channel.ads.leads":    "150",
		"channel.ads.cost":     "3000000",
		"funnel.f.lead.volume": "200",
		"funnel.f.won.volume":  "20",
		"funnel.f.revenue":     "20000000",
	})
}

// TestBackwardThroughFormula: kgi revenue = deals x price with the target
// and the price known solves deals backward: 10,000,000 / 300,000 =
// 33.3, rounded up to 34 because deals are whole counts. 34 x 300,000 is
// 10.2M, not 10M, but that is planc's own rounding, not a conflict.
func TestBackwardThroughFormula(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Backward" }

kgi "revenue" {
  target  = "10M JPY"
  formula = kpi.deals * kpi.price
}

kpi "deals" {
  unit = "deals"
}

kpi "price" {
  value = "300,000 JPY"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{"kpi.deals": "34", "kgi.revenue": "10000000"})
	if v := m.Lookup("kpi.deals"); v != nil && (!v.Whole || !v.UnitKnown || !v.Unit.IsCount()) {
		t.Errorf("kpi.deals: whole %v, unit %v; want a whole count", v.Whole, v.Unit)
	}
}

// TestBackwardThroughFormulaNotCount: without a count unit, deals is the
// dimensionless ratio revenue / price and is not rounded.
func TestBackwardThroughFormulaNotCount(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Backward" }

kgi "revenue" {
  target  = "10M JPY"
  formula = kpi.deals * kpi.price
}

kpi "deals" {}

kpi "price" {
  value = "300,000 JPY"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{"kpi.deals": "100/3"})
}

// TestConflictNotRounding: a target and a formula that disagree are a
// conflict, however small the difference, when both sides are given.
func TestConflictNotRounding(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Conflict" }

kgi "revenue" {
  target  = "10M JPY"
  formula = kpi.deals * kpi.price
}

kpi "deals" {
  unit  = "deals"
  value = 33
}

kpi "price" {
  value = "300,000 JPY"
}
`)
	wantCodes(t, diags, lang.Conflict)
	if len(diags) == 1 {
		d := diags[0].Detail
		for _, w := range []string{"¥10,000,000", "¥9,900,000", "target at plan.plan.hcl:5:13", "plan.plan.hcl:6:13"} {
			if !strings.Contains(d, w) {
				t.Errorf("conflict detail lacks %q: %s", w, d)
			}
		}
	}
	wantSolved(t, m, map[string]string{"kgi.revenue": "10000000", "kpi.deals": "33"})
}

// TestRoundingIsNotConflict: rounded-up channel leads do not add up to the
// stage's volume (36 + 36 + 31 = 103, not 101), and rounded-up stages do
// not multiply back exactly (2,286 x 70% is 1,600.2), but neither is a
// conflict.
func TestRoundingIsNotConflict(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Rounding" }

kpi "leads" {
  unit    = "leads"
  target  = 101
  formula = funnel.f.lead.volume
}

funnel "f" {
  deal_size = "1M JPY"
  stage "lead" {}
  stage "won" {
    rate = "3%"
  }
}

channel "a" {
  funnel = funnel.f
  share  = "35%"
  cpa    = "1,000 JPY"
}

channel "b" {
  funnel = funnel.f
  share  = "35%"
  cpa    = "1,000 JPY"
}

channel "c" {
  funnel = funnel.f
  share  = "30%"
  cpa    = "1,000 JPY"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{
		"funnel.f.lead.volume": "101",
		"channel.a.leads":      "36", // 35.35 rounded up
		"channel.b.leads":      "36",
		"channel.c.leads":      "31", // 30.3 rounded up
		"funnel.f.won.volume":  "3",  // 101 x 3% = 3.03, rounded down
	})
}

// TestFillChannel: a channel without a share fills what the shares leave.
func TestFillChannel(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Fill" }

kpi "leads" {
  target  = 1000
  formula = funnel.f.lead.volume
}

funnel "f" {
  deal_size = "1M JPY"
  stage "lead" {}
  stage "won" {
    rate = "10%"
  }
}

channel "a" {
  funnel = funnel.f
  share  = "30%"
  cpa    = "1,000 JPY"
}

channel "rest" {
  funnel = funnel.f
  cpa    = "2,000 JPY"
}
`)
	wantCodes(t, diags)
	wantSolved(t, m, map[string]string{
		"channel.a.leads":    "300",
		"channel.rest.leads": "700",
		"channel.rest.share": "7/10",
		"channel.rest.cost":  "1400000",
	})
}

// TestUnderdeterminedModel: what cannot be solved stays unsolved, and is
// reported once.
func TestUnderdeterminedModel(t *testing.T) {
	m, diags := compileSrc(t, `
plan { title = "Free" }

kpi "leads" {
  unit = "leads"
}

kpi "cost" {
  formula = kpi.leads * "5,000 JPY"
}
`)
	wantCodes(t, diags, lang.Underdetermined)
	wantUnsolved(t, m, "kpi.leads", "kpi.cost")
	if len(diags) == 1 {
		for _, w := range []string{"kpi.leads", "kpi.cost", "give kpi.leads a value or target"} {
			if !strings.Contains(diags[0].Detail, w) {
				t.Errorf("underdetermined detail lacks %q: %s", w, diags[0].Detail)
			}
		}
	}
}

// funnelWithLeads is a one-channel funnel given leads and a KGI target of
// 290 won deals at 29%.
const funnelWithLeads = `
plan { title = "Forward and backward" }

kgi "revenue" {
  target  = "290M JPY"
  formula = funnel.f.revenue
}

funnel "f" {
  deal_size = "1M JPY"
  stage "lead" {}
  stage "won" {
    rate = "29%"
  }
}

channel "only" {
  funnel = funnel.f
  leads  = LEADS
  cpa    = "1,000 JPY"
}
`

// TestTargetAndInputs: when both the target and the leads are given, the
// plan is consistent if the leads yield the target within planc's
// rounding (1,001 leads yield 290.29 wins, 290 whole), and a conflict if
// they cannot (999 leads yield 289.71, fewer than 290).
func TestTargetAndInputs(t *testing.T) {
	for _, c := range []struct {
		leads string
		codes []lang.Code
	}{
		{"1000", nil},
		{"1001", nil},
		{"999", []lang.Code{lang.Conflict}},
		{"900", []lang.Code{lang.Conflict}},
	} {
		t.Run(c.leads, func(t *testing.T) {
			m, diags := compileSrc(t, strings.Replace(funnelWithLeads, "LEADS", c.leads, 1))
			wantCodes(t, diags, c.codes...)
			wantSolved(t, m, map[string]string{"channel.only.leads": c.leads, "kgi.revenue": "290000000"})
		})
	}
}

// TestFileOrder: a plan split into files solves the same whatever the
// order of its files and blocks.
func TestFileOrder(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "worked", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	whole, diags := compileSrc(t, string(src))
	wantCodes(t, diags, lang.OverBudget)
	// One file per top-level block, named so that they load in reverse.
	blocks := strings.SplitAfter(string(src), "\n}\n")
	var srcs []lang.Source
	for i, b := range blocks {
		if strings.TrimSpace(b) == "" {
			continue
		}
		srcs = append(srcs, lang.Source{Name: fmt.Sprintf("%02d.plan.hcl", len(blocks)-i), Bytes: []byte(b)})
	}
	if len(srcs) < 8 {
		t.Fatalf("split into %d files, want one per block", len(srcs))
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].Name < srcs[j].Name })
	plan, front := lang.Parse(srcs)
	split := compiler.Compile(plan, front)
	wantCodes(t, split.Diags, lang.OverBudget)
	if len(split.Info.Vars) != len(whole.Info.Vars) {
		t.Fatalf("%d values split, %d whole", len(split.Info.Vars), len(whole.Info.Vars))
	}
	for _, v := range whole.Info.Vars {
		a, _ := whole.Value(v)
		w := split.Info.Lookup(v.Path)
		if w == nil {
			t.Errorf("%s: missing when split", v.Path)
			continue
		}
		b, ok := split.Value(w)
		if !ok || a.Nom.Cmp(b.Nom) != 0 {
			t.Errorf("%s: %v whole, %v split", v.Path, a.Nom, b.Nom)
		}
	}
}
