package plandiff_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/compilertest"
	"github.com/planc-dev/planc/compiler/plandiff"
	"github.com/planc-dev/planc/lang"
)

// side compiles a one-file plan held in memory.
func side(t *testing.T, name, src string) plandiff.Side {
	t.Helper()
	r := compiler.Compile(lang.Parse([]lang.Source{{Name: name + "/main.plan.hcl", Bytes: []byte(src)}}))
	return plandiff.Side{Name: name, Result: r}
}

// line renders a change as `path old -> new delta (relative)`.
func line(c plandiff.Change) string {
	show := func(v *plandiff.Value) string {
		if v == nil {
			return "-"
		}
		return v.Display
	}
	s := c.Path + " " + show(c.Old) + " -> " + show(c.New)
	if c.Delta != nil {
		s += " " + c.DeltaText() + " (" + c.RelativeText() + ")"
	}
	return s
}

// wantMoved checks the moved values, each as line renders it, in order.
func wantMoved(t *testing.T, d *plandiff.Diff, want ...string) {
	t.Helper()
	if got := lines(d.Moved); got != strings.Join(want, "\n") {
		t.Errorf("moved:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func lines(cs []plandiff.Change) string {
	var out []string
	for _, c := range cs {
		out = append(out, line(c))
	}
	return strings.Join(out, "\n")
}

// kpis are the KPIs of oldPlan and newPlan: each one's body in the old
// plan and in the new ("" when the plan does not have it).
var kpis = []struct{ name, old, new string }{
	{"mqls", "unit  = \"leads\"\n  value = 2286", "unit  = \"leads\"\n  value = 2520"},
	{"spend", `value = "¥158,877,000"`, `value = "¥175,140,000"`},
	{"rate", `value = "70%"`, `value = "63.5%"`},
	{"up", `value = "30%"`, `value = "31%"`},
	{"small", "value = 16", "value = 17"},
	{"down", "value = 16", "value = 15"},
	{"third", "value = 3", "value = 2"},
	{"tiny", "value = 1000", "value = 1000.5"},
	{"tiny_down", "value = 1000", "value = 999.5"},
	{"zero", "value = 0", "value = 5"},
	{"months", `value = "6 months"`, `value = "9 months"`},
	{"same", `value = "¥1,000"`, `value = "1000 JPY"`},
	{"gone", "value = 1", ""},
	{"fresh", "", "title = \"A | B *new*\"\n  value = 3"},
	{"dimension", "value = 200", `value = "¥200"`},
	{"solvable", "value = 5", "formula = kpi.free * 2"},
	{"free", "", " "},
}

// diffPlan writes the old or the new plan of kpis, with a budget whose
// cap is capText.
func diffPlan(title string, new bool, capText string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "plan { title = %q }\n", title)
	for _, k := range kpis {
		body := k.old
		if new {
			body = k.new
		}
		if body != "" {
			fmt.Fprintf(&b, "kpi %q {\n  %s\n}\n", k.name, strings.TrimSpace(body))
		}
	}
	fmt.Fprintf(&b, "budget \"b\" { cap = %q }\n", capText)
	return b.String()
}

var (
	oldPlan = diffPlan("Old", false, "1M JPY")
	newPlan = diffPlan("New", true, "2M JPY")
)

// TestCompare checks every kind of difference against changes computed by
// hand:
//
//	mqls      2,286 -> 2,520: +234; 234 / 2,286 = 10.236% -> +10.2%
//	spend     +¥16,263,000; 16,263,000 / 158,877,000 = 10.236% -> +10.2%
//	rate      70% -> 63.5%: -6.5 points; 6.5 / 70 = 9.2857% -> -9.3%
//	up        30% -> 31%: +1.0 point; 1 / 30 = 3.333% -> +3.3%
//	small     16 -> 17: 1 / 16 = 6.25% -> +6.3% (half away from zero)
//	down      16 -> 15: -6.25% -> -6.3%
//	third     3 -> 2: -33.333% -> -33.3%
//	tiny      1,000 -> 1,000.5: 0.05% -> +0.1% (half away from zero)
//	tiny_down 1,000 -> 999.5: -0.05% -> -0.1%
//	zero      0 -> 5: +5, no relative change (n/a)
//	months    6 -> 9 months: +3 months, +50.0%
//	cap       ¥1,000,000 -> ¥2,000,000: +¥1,000,000, +100.0%, a headline
//	          value, so listed first although the budget comes last
func TestCompare(t *testing.T) {
	d := plandiff.Compare(side(t, "old", oldPlan), side(t, "new", newPlan))
	wantMoved(t, d,
		"budget.b.cap ¥1,000,000 -> ¥2,000,000 +¥1,000,000 (+100.0%)",
		"kpi.mqls 2,286 -> 2,520 +234 (+10.2%)",
		"kpi.spend ¥158,877,000 -> ¥175,140,000 +¥16,263,000 (+10.2%)",
		"kpi.rate 70% -> 63.5% -6.5 pt (-9.3%)",
		"kpi.up 30% -> 31% +1.0 pt (+3.3%)",
		"kpi.small 16 -> 17 +1 (+6.3%)",
		"kpi.down 16 -> 15 -1 (-6.3%)",
		"kpi.third 3 -> 2 -1 (-33.3%)",
		"kpi.tiny 1,000 -> 1,000.5 +0.5 (+0.1%)",
		"kpi.tiny_down 1,000 -> 999.5 -0.5 (-0.1%)",
		"kpi.zero 0 -> 5 +5 (n/a)",
		"kpi.months 6 months -> 9 months +3 months (+50.0%)",
	)
	for _, tc := range []struct {
		what string
		got  []plandiff.Change
		want string
	}{
		{"added", d.Added, "kpi.fresh - -> 3\nkpi.free - -> ?"},
		{"removed", d.Removed, "kpi.gone 1 -> -"},
		{"unsolved", d.Unsolved, "kpi.solvable 5 -> ?"},
		{"unit changed", d.UnitChanged, "kpi.dimension 200 -> ¥200"},
		{"headline", d.Headline(), "budget.b.cap ¥1,000,000 -> ¥2,000,000 +¥1,000,000 (+100.0%)"},
	} {
		if got := lines(tc.got); got != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.what, got, tc.want)
		}
	}
	// kpi.same (¥1,000 both ways) and budget.b.spend (unsolved on both
	// sides: no channels) are unchanged.
	if d.Unchanged != 2 || !d.Changed() {
		t.Errorf("unchanged = %d, changed = %v; want 2, true", d.Unchanged, d.Changed())
	}
	if d.Old.Title != "Old" || d.New.Title != "New" || d.New.Errors == 0 || strings.Join(d.New.ErrorCodes, ",") != "underdetermined" {
		t.Errorf("sides: %+v, %+v", d.Old, d.New)
	}
}

func TestCompareUnchanged(t *testing.T) {
	d := plandiff.Compare(side(t, "a", oldPlan), side(t, "b", oldPlan))
	if d.Changed() || len(d.Moved)+len(d.Added)+len(d.Removed)+len(d.Unsolved)+len(d.UnitChanged) != 0 {
		t.Errorf("a plan against itself: %+v", d)
	}
	if d.Unchanged != d.New.Values || d.New.Values == 0 {
		t.Errorf("unchanged %d of %d values", d.Unchanged, d.New.Values)
	}
}

// workedSides returns the design's worked example and a copy of it whose
// SAL rate is 63.5% instead of 70%.
func workedSides(t *testing.T) (before, after plandiff.Side) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "worked", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), `"70%"`, `"63.5%"`, 1)
	if changed == string(src) {
		t.Fatal("the worked example has no 70% rate to change")
	}
	return side(t, "worked", string(src)), side(t, "changed", changed)
}

// TestWorkedExample diffs the design's worked example against a copy with
// the SAL rate lowered from 70% to 63.5%. By hand: won 200, SQL 800 and
// SAL 1,600 stay; then
//
//	MQL        1,600 / 63.5% = 2,519.7 -> 2,520 (was 2,286): +234
//	inquiry    2,520 / 30%   = 8,400             (was 7,620): +780
//	webinar    35% x 8,400 = 2,940 (was 2,667): +273; x ¥15,000 = ¥44,100,000 (+¥4,095,000)
//	exhibition 25% x 8,400 = 2,100 (was 1,905): +195; x ¥40,000 = ¥84,000,000 (+¥7,800,000)
//	seo        20% x 8,400 = 1,680 (was 1,524): +156; x ¥8,000  = ¥13,440,000 (+¥1,248,000)
//	ads        20% x 8,400 = 1,680 (was 1,524): +156; x ¥20,000 = ¥33,600,000 (+¥3,120,000)
//	spend      ¥44,100,000 + ¥84,000,000 + ¥13,440,000 + ¥33,600,000
//	           = ¥175,140,000 (was ¥158,877,000): +¥16,263,000
//	marketing-sourced leads (every channel is marketing's), in the funnel
//	           and in the plan: 8,400 (was 7,620): +780
//	each channel's cohort: at the inquiry stage its leads; at MQL its
//	           leads x MQL / inquiries, 2,667 x 2,286 / 7,620 = 800.1 ->
//	           2,940 x 2,520 / 8,400 = 882 (webinar), 571.5 -> 630, 457.2 -> 504;
//	           from SAL down unchanged (SAL stays 1,600)
//	each channel's won deals and revenue stay; its CAC (cost / won) grows
//	           with its cost, 40,005,000 / 70 = ¥571,500 -> 44,100,000 / 70 =
//	           ¥630,000 (webinar); its ROAS (revenue / cost) shrinks by
//	           127/140: 168,000,000 / 40,005,000 = 419.95% -> 380.95%,
//	           -13/140 = -9.3%
//
// Every volume, lead count and cost grows by 8,400 / 7,620 = 140/127, so
// each relative change is 13/127 = 10.236% -> +10.2%. The SAL rate moves
// -6.5 points, 6.5 / 70 = 9.286% -> -9.3%. The other 47 of the 77 values
// stay (marketing's won deals, revenue and shares among them; each
// channel's won deals, revenue and cohort from SAL down). Both plans are over the ¥100,000,000 cap (the worked example's
// over-budget error), which does not stop them from solving.
func TestWorkedExample(t *testing.T) {
	d := plandiff.Compare(workedSides(t))
	wantMoved(t, d,
		"funnel.demand.inquiry.volume 7,620 -> 8,400 +780 (+10.2%)",
		"funnel.demand.mql.volume 2,286 -> 2,520 +234 (+10.2%)",
		"channel.webinar.leads 2,667 -> 2,940 +273 (+10.2%)",
		"channel.webinar.cost ¥40,005,000 -> ¥44,100,000 +¥4,095,000 (+10.2%)",
		"channel.exhibition.leads 1,905 -> 2,100 +195 (+10.2%)",
		"channel.exhibition.cost ¥76,200,000 -> ¥84,000,000 +¥7,800,000 (+10.2%)",
		"channel.seo.leads 1,524 -> 1,680 +156 (+10.2%)",
		"channel.seo.cost ¥12,192,000 -> ¥13,440,000 +¥1,248,000 (+10.2%)",
		"channel.ads.leads 1,524 -> 1,680 +156 (+10.2%)",
		"channel.ads.cost ¥30,480,000 -> ¥33,600,000 +¥3,120,000 (+10.2%)",
		"budget.marketing.spend ¥158,877,000 -> ¥175,140,000 +¥16,263,000 (+10.2%)",
		"funnel.demand.source.marketing.leads 7,620 -> 8,400 +780 (+10.2%)",
		"source.marketing.leads 7,620 -> 8,400 +780 (+10.2%)",
		"funnel.demand.sal.rate 70% -> 63.5% -6.5 pt (-9.3%)",
		"channel.webinar.cac ¥571,500 -> ¥630,000 +¥58,500 (+10.2%)",
		"channel.webinar.roas 419.95% -> 380.95% -39.0 pt (-9.3%)",
		"channel.webinar.stage.inquiry.volume 2,667 -> 2,940 +273 (+10.2%)",
		"channel.webinar.stage.mql.volume 800.1 -> 882 +81.9 (+10.2%)",
		"channel.exhibition.cac ¥1,524,000 -> ¥1,680,000 +¥156,000 (+10.2%)",
		"channel.exhibition.roas 157.48% -> 142.86% -14.62 pt (-9.3%)",
		"channel.exhibition.stage.inquiry.volume 1,905 -> 2,100 +195 (+10.2%)",
		"channel.exhibition.stage.mql.volume 571.5 -> 630 +58.5 (+10.2%)",
		"channel.seo.cac ¥304,800 -> ¥336,000 +¥31,200 (+10.2%)",
		"channel.seo.roas 787.4% -> 714.29% -73.12 pt (-9.3%)",
		"channel.seo.stage.inquiry.volume 1,524 -> 1,680 +156 (+10.2%)",
		"channel.seo.stage.mql.volume 457.2 -> 504 +46.8 (+10.2%)",
		"channel.ads.cac ¥762,000 -> ¥840,000 +¥78,000 (+10.2%)",
		"channel.ads.roas 314.96% -> 285.71% -29.25 pt (-9.3%)",
		"channel.ads.stage.inquiry.volume 1,524 -> 1,680 +156 (+10.2%)",
		"channel.ads.stage.mql.volume 457.2 -> 504 +46.8 (+10.2%)",
	)
	for _, c := range d.Headline() {
		if c.Relative.RatString() != "13/127" {
			t.Errorf("%s: relative change %s, want exactly 13/127", c.Path, c.Relative.RatString())
		}
	}
	if d.Unchanged != 47 || len(d.Added)+len(d.Removed)+len(d.Unsolved)+len(d.UnitChanged) != 0 {
		t.Errorf("unchanged %d, added %d, removed %d, unsolved %d, unit changed %d; want 47 and none",
			d.Unchanged, len(d.Added), len(d.Removed), len(d.Unsolved), len(d.UnitChanged))
	}
	for _, p := range []plandiff.Plan{d.Old, d.New} {
		if p.Errors != 1 || strings.Join(p.ErrorCodes, ",") != "over-budget" {
			t.Errorf("%s: %d errors %v, want the one over-budget", p.Name, p.Errors, p.ErrorCodes)
		}
	}
}

// TestTitles: every changed value carries its block's title, whatever the
// kind of block (team values had none), and none when the block has no
// title.
func TestTitles(t *testing.T) {
	team := func(headcount string) string {
		return "plan {\n  title = \"T\"\n}\nteam \"sales\" {\n  title     = \"営業部\"\n  headcount = " + headcount + "\n  capacity  = 10\n}\nkpi \"x\" {\n  value = " + headcount + "\n}\n"
	}
	d := plandiff.Compare(side(t, "a", team("5")), side(t, "b", team("6")))
	titles := map[string]string{}
	for _, c := range d.Moved {
		titles[c.Path] = c.Title
	}
	if titles["team.sales.headcount"] != "営業部" || titles["kpi.x"] != "" {
		t.Errorf("titles %v, want team.sales.headcount titled 営業部 and kpi.x untitled", titles)
	}
}

// TestCountLabel: a capacity written with a count label (件) keeps it on
// both sides of a diff and in the change, though the stage counts 商談
// (compiler's testdata/solve/japanese_input.txtar). The load is 25/3 a
// month: at 40 a person it needs 5/24 people, at 50 25/150 = 1/6.
func TestCountLabel(t *testing.T) {
	plan := compilertest.Plan(t, "../testdata/solve/japanese_input.txtar")
	more := strings.Replace(plan, `capacity  = "40件/人月"`, `capacity  = "50件/人月"`, 1)
	d := plandiff.Compare(side(t, "a", plan), side(t, "b", more))
	wantMoved(t, d,
		"team.inside_sales.capacity 40 件/month -> 50 件/month +10 件/month (+25.0%)",
		"team.inside_sales.required 0.21 -> 0.17 -0.04 (-20.0%)")
}

// TestShareOfAnotherStage: a partner channel that entered at the top with
// 10% of the inquiries and now enters at SAL, where it brings all of the
// SAL inflow, is not "+900%": its share is of another stage, and the diff
// says of which.
func TestShareOfAnotherStage(t *testing.T) {
	const plan = `
plan {
  title = "t"
}
kgi "revenue" {
  target  = "1億円"
  formula = funnel.demand.revenue
}
funnel "demand" {
  deal_size = "100万円"
  stage "inquiry" {}
  stage "sal" {
    rate = "20%"
  }
  stage "won" {
    rate = "25%"
  }
}
channel "ads" {
  funnel = funnel.demand
  cpa    = "1万円"
}
channel "partner" {
  funnel = funnel.demand
  cpa    = "5万円"
  PARTNER
}
`
	before := strings.Replace(plan, "PARTNER", `share = "10%"`, 1)
	after := strings.Replace(plan, "PARTNER", "stage = \"sal\"\n  leads = 40", 1)
	d := plandiff.Compare(side(t, "a", before), side(t, "b", after))
	var got []string
	for _, c := range d.UnitChanged {
		got = append(got, line(c))
	}
	want := []string{"channel.partner.share 10% of inquiry -> 100% of sal inflow"}
	if !slices.Equal(got, want) {
		t.Errorf("unit changed:\n%q\nwant\n%q", got, want)
	}
	for _, c := range d.Moved {
		if c.Path == "channel.partner.share" {
			t.Errorf("the share is listed as moved: %s", line(c))
		}
	}
}
