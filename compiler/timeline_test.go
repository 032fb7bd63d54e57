package compiler_test

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// phased compiles the phasing worked example (testdata/phasing) with
// edits applied (old, new pairs).
func phased(t *testing.T, edits ...string) *compiler.Result {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "phasing", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for i := 0; i < len(edits); i += 2 {
		if !strings.Contains(text, edits[i]) {
			t.Fatalf("the plan has no %q", edits[i])
		}
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	return compiler.Compile(lang.Parse([]lang.Source{{Name: "p/plan.plan.hcl", Bytes: []byte(text)}}))
}

// months returns the first n values of path's series as strings of
// exact rationals.
func months(t *testing.T, r *compiler.Result, path string) []string {
	t.Helper()
	v := lookup(t, r, path)
	if v == nil {
		t.Fatalf("no value %s", path)
	}
	s := r.Timeline.Series(v)
	if s == nil {
		t.Fatalf("%s has no months", path)
	}
	return ratStrings(s[:r.Timeline.Months])
}

func ratStrings(rs []*big.Rat) []string {
	out := make([]string, len(rs))
	for i, x := range rs {
		out[i] = x.RatString()
	}
	return out
}

func equal(t *testing.T, what string, got []string, want string) {
	t.Helper()
	if g := strings.Join(got, " "); g != want {
		t.Errorf("%s:\n got %s\nwant %s", what, g, want)
	}
}

// TestPhasingWorkedExample is the design's worked example, by hand.
//
// Yearly: won = 120,000,000 / 1,000,000 = 120; SQL = 120 / 1/4 = 480; SAL
// = 480 / 1/2 = 960; MQL = 960 / 7/10 = 9,600/7 = 1,371.43, up to 1,372.
// Weights 1 x 9 and 2 x 3 sum to 15: won is 120 x 1/15 = 8 a month in
// April to December and 16 in January to March. SQL's offset is the won
// stage's lag, 2 months: month m takes the won shape of month m + 2,
// cyclically, so 480 x 1/15 = 32 in April to October, 64 in November,
// December and January (the won months January to March), 32 in February
// and March (next April and May). SQL before the period = 480 x (1/15 +
// 1/15) = 64 (the SQLs of April's and May's deals); opening 60 is 4 short,
// 4 x 1/4 = 1 deal, ¥1,000,000 at risk in April and May. The field sales
// team needs 64 / 10 = 6.4 people in November to January; it has 5.
// Revenue by month = 120,000,000 x w / 15: 8,000,000 and 16,000,000.
// The pipeline open in SQL at a month's end is its last 2 months of
// entries (the won stage's lag): 64 on day 1 (February's and March's 32
// each, the year before), 64 at the end of April, ..., 96 at the end of
// November (32 + 64), 128 at the end of December and January.
func TestPhasingWorkedExample(t *testing.T) {
	r := phased(t)
	equal(t, "won", months(t, r, "funnel.demand.won.volume"), "8 8 8 8 8 8 8 8 8 16 16 16")
	equal(t, "SQL", months(t, r, "funnel.demand.sql.volume"), "32 32 32 32 32 32 32 64 64 64 32 32")
	equal(t, "revenue", months(t, r, "funnel.demand.revenue"),
		"8000000 8000000 8000000 8000000 8000000 8000000 8000000 8000000 8000000 16000000 16000000 16000000")
	equal(t, "target", ratStrings(r.Timeline.Target(lookup(t, r, "kgi.revenue"))[12:]),
		"24000000 24000000 24000000 48000000 48000000 72000000") // Q1..Q4, H1, H2
	equal(t, "KGI by quarter", ratStrings(r.Timeline.Series(lookup(t, r, "kgi.revenue"))[12:]),
		"24000000 24000000 24000000 48000000 48000000 72000000")
	sql := lookup(t, r, "funnel.demand.sql.volume")
	if b := r.Timeline.Before(sql); b == nil || b.RatString() != "64" {
		t.Errorf("SQL before the period = %v, want 64", b)
	}
	equal(t, "SQL open", ratStrings(r.Timeline.Open(sql)[:12]), "64 64 64 64 64 64 64 96 128 128 96 64")
	equal(t, "field sales required", months(t, r, "team.field_sales.required"), "16/5 16/5 16/5 16/5 16/5 16/5 16/5 32/5 32/5 32/5 16/5 16/5")
	var got []string
	for _, d := range r.Diags {
		got = append(got, string(lang.CodeOf(d))+": "+d.Detail)
	}
	want := []string{
		"pre-period-demand: funnel.demand.sql has 60 open on the period's first day, but the plan's first deals need 64 there: 4 short, 1 deal, ¥1,000,000 at risk in 2027-04 to 2027-05. Create the missing pipeline before the period starts, or lower the target of its first months.",
		"over-capacity: team \"field_sales\" needs 6.4 people in 2027-11 to 2028-01 at 10 sql a month each to handle 64 sql a month; it has 5, 1.4 short. Add people, raise what each handles, or lower the target.",
	}
	equal(t, "diagnostics", got, strings.Join(want, " "))
}

// TestPhasingEven: with even phasing, MQL (1,372 a year) by month is
// 1,372 x m/12 cumulated and rounded up: 114.33 -> 115, 228.67 -> 229,
// 343, 457.33 -> 458, ...: 115 114 114 115 114 114 115 114 114 115 114
// 114, which add up to 1,372; and the team's months are its average.
func TestPhasingEven(t *testing.T) {
	r := phased(t, "  phasing = profile.fy_seasonal\n", "", `headcount = 5`, `headcount = 4`)
	equal(t, "MQL", months(t, r, "funnel.demand.mql.volume"), "115 114 114 115 114 114 115 114 114 115 114 114")
	equal(t, "field sales load by quarter", ratStrings(r.Timeline.Series(lookup(t, r, "team.field_sales.load"))[12:]),
		"40 40 40 40 40 40")
}

// TestPhasingFractionalLag: a won lag of "45 days" is 45 x 12/365 =
// 108/73 months (1 month and 35/73): month m of SQL takes 38/73 of the won
// shape of month m + 1 and 35/73 of month m + 2. November: 38/73 x 1/15 +
// 35/73 x 2/15 = 108/1,095, 480 x 108/1,095 = 3,456/73 (47.34); February:
// 38/73 x 2/15 + 35/73 x 1/15 = 111/1,095, 3,552/73 (48.66); the other
// months 32 or 64. Cumulated and rounded up: 32 x 7, 224 + 47.34 -> 272
// (48), 336 (64), 400 (64), 448 (48), 480 (32). Before the period: 480 x
// (1/15 + 35/73 x 1/15) = 3,456/73, up to 48.
func TestPhasingFractionalLag(t *testing.T) {
	r := phased(t, `lag  = "2 months"`, `lag  = "45 days"`, "opening   = { sql = 60 }\n", "")
	equal(t, "SQL", months(t, r, "funnel.demand.sql.volume"), "32 32 32 32 32 32 32 48 64 64 48 32")
	if b := r.Timeline.Before(lookup(t, r, "funnel.demand.sql.volume")); b.RatString() != "48" {
		t.Errorf("SQL before = %s, want 48", b.RatString())
	}
}

// TestPhasingNoSmear: three lags of 15 days place the first stage exactly
// where one lag of 45 days does, because stages are shifted by their
// cumulative offset, never stage by stage (shifting 15 days three times
// would spread each month over three).
func TestPhasingNoSmear(t *testing.T) {
	one := phased(t, `lag  = "1 month"`, `lag  = "0 days"`, `lag  = "1 month"`, `lag  = "0 days"`, `lag  = "2 months"`, `lag  = "45 days"`)
	three := phased(t, `lag  = "1 month"`, `lag  = "15 days"`, `lag  = "0 days"`, `lag  = "0 days"`, `lag  = "1 month"`, `lag  = "15 days"`, `lag  = "2 months"`, `lag  = "15 days"`)
	a, b := months(t, one, "funnel.demand.inquiry.volume"), months(t, three, "funnel.demand.inquiry.volume")
	equal(t, "inquiry with three lags of 15 days", b, strings.Join(a, " "))
}

func lookup(t *testing.T, r *compiler.Result, path string) *compiler.Var {
	t.Helper()
	p, ok := lang.ParsePath(path)
	if !ok {
		t.Fatalf("bad path %s", path)
	}
	return r.Info.Lookup(p)
}

// TestPhasingDays: phasing = "days" weighs each month by its calendar
// days; April 2027 to March 2028 has 366 (February 2028 has 29), so
// February's revenue is 120,000,000 x 29/366 = 580,000,000/61 and
// April's 120,000,000 x 30/366 = 600,000,000/61.
func TestPhasingDays(t *testing.T) {
	r := phased(t, "phasing = profile.fy_seasonal", `phasing = "days"`)
	got := months(t, r, "funnel.demand.revenue")
	if got[10] != "580000000/61" || got[0] != "600000000/61" {
		t.Errorf("revenue by month = %v", got)
	}
}

// TestPhasingErrors: weights that do not fit the period, a negative lag,
// an unknown phasing word and a period without months are reported where
// they are written, with their codes.
func TestPhasingErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		edits []string
		code  lang.Code
		text  string
	}{
		{"three weights", []string{"[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]", "[1, 1, 2]"}, lang.PhasingWeights, "has 3 weights, but the plan's period has 12 months"},
		{"negative weight", []string{"[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]", "[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, -2]"}, lang.PhasingWeights, "has a negative weight, -2.00"},
		{"zero weights", []string{"[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]", "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"}, lang.PhasingWeights, "every weight of profile \"fy_seasonal\" is 0"},
		{"text weight", []string{"[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]", `[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, "x"]`}, lang.PhasingWeights, "is a number"},
		{"negative lag", []string{`lag  = "2 months"`, `lag  = "-2 months"`}, lang.BadLag, "entered 2 months before the stage before it"},
		{"phasing word", []string{"phasing = profile.fy_seasonal", `phasing = "weekly"`}, lang.Schema, `kgi's phasing is "weekly"; give a reference such as profile.seasonal, or one of "even", "days"`},
		{"no months", []string{`period   = "2027-04 .. 2028-03"`, `period   = "FY2027"`}, lang.Schema, `does not say its months`},
		{"opening a stage that is not", []string{"opening   = { sql = 60 }", "opening   = { deal = 60 }"}, lang.UnknownReference, `no stage "deal" that a deal can be open in`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := phased(t, c.edits...)
			for _, d := range r.Diags {
				if lang.CodeOf(d) == c.code && strings.Contains(d.Detail, c.text) {
					if d.Subject == nil || d.Subject.Start.Line == 0 {
						t.Errorf("no place: %s", d.Detail)
					}
					return
				}
			}
			t.Errorf("no %s diagnostic saying %q in %v", c.code, c.text, r.Diags)
		})
	}
}

// TestPeriodReferences: values in a period in formulas and checks, on the
// worked example. June's SQLs are 32; Q2 (July to September) revenue is 3
// x 8,000,000 = 24,000,000; the SQLs open at the end of December are
// November's and December's, 64 + 64 = 128; the ratio of Q4's revenue to
// Q1's is 48,000,000 / 24,000,000 = 2; a KPI of June's SQLs x 2 uses
// another timed KPI (64); a check that December's open SQLs are below 100
// fails; a rate in a period is the rate.
func TestPeriodReferences(t *testing.T) {
	r := phased(t, "team \"field_sales\" {", `kpi "june_sqls" {
  formula = funnel.demand.sql.volume["2027-06"]
}
kpi "june_twice" {
  formula = kpi.june_sqls * 2
}
kpi "q2_revenue" {
  formula = kgi.revenue["Q2"]
}
kpi "q4_over_q1" {
  formula = kgi.revenue["Q4"] / kgi.revenue["Q1"]
}
kpi "december_open" {
  formula = funnel.demand.sql.open["2027-12"]
}
kpi "june_rate" {
  formula = funnel.demand.won.rate["2027-06"]
}
check "pipeline" {
  condition = funnel.demand.sql.open["2027-12"] < 100
  message   = "Too many SQLs open at the end of December for the team."
}
team "field_sales" {`, "headcount = 5", "headcount = 7", "  opening   = { sql = 60 }\n", "")
	want := map[string]string{
		"kpi.june_sqls": "32", "kpi.june_twice": "64", "kpi.q2_revenue": "24000000",
		"kpi.q4_over_q1": "2", "kpi.december_open": "128", "kpi.june_rate": "1/4",
	}
	for path, w := range want {
		val, ok := r.Value(lookup(t, r, path))
		if !ok || val.Nom.RatString() != w {
			t.Errorf("%s = %v, want %s", path, val.Nom, w)
		}
	}
	var codes []string
	for _, d := range r.Diags {
		codes = append(codes, string(lang.CodeOf(d))+": "+d.Detail)
	}
	if len(codes) != 1 || !strings.HasPrefix(codes[0], "check-failed: Too many SQLs") {
		t.Errorf("diagnostics: %q", codes)
	}
}

// TestPeriodReferenceErrors: a period the plan does not have, the pipeline
// open in the last stage, and a yearly value that depends on a month.
func TestPeriodReferenceErrors(t *testing.T) {
	for _, c := range []struct {
		name, kpi string
		code      lang.Code
		text      string
	}{
		{"no such month", `funnel.demand.sql.volume["2028-04"]`, lang.PeriodIndex, `"2028-04" in funnel.demand.sql.volume["2028-04"] is not a period of the plan by month`},
		{"no such quarter", `kgi.revenue["Q5"]`, lang.PeriodIndex, "Q1, Q2, Q3, Q4, H1, H2"},
		{"open in the last stage", `funnel.demand.won.open["2027-06"]`, lang.UnknownReference, "nothing is open in the last stage"},
		{"two periods", `kgi.revenue["Q1"]["Q2"]`, lang.PeriodIndex, "index it once"},
		{"a block", `funnel.demand["Q1"]`, lang.UnknownReference, "refer to one of its values"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := phased(t, "team \"field_sales\" {", "kpi \"x\" {\n  formula = "+c.kpi+"\n}\nteam \"field_sales\" {")
			for _, d := range r.Diags {
				if lang.CodeOf(d) == c.code && strings.Contains(d.Detail, c.text) {
					return
				}
			}
			t.Errorf("no %s saying %q in %v", c.code, c.text, r.Diags)
		})
	}
	r := phased(t, `deal_size = "100万円"`, `deal_size = kpi.june`, "team \"field_sales\" {", "kpi \"base\" {\n  value = \"100万円\"\n}\nkpi \"june\" {\n  formula = kpi.base[\"2027-06\"]\n}\nteam \"field_sales\" {")
	found := false
	for _, d := range r.Diags {
		found = found || strings.Contains(d.Detail, "is solved for the year, so it cannot depend on kpi.june")
	}
	if !found {
		t.Errorf("a deal size from a month: %v", r.Diags)
	}
}
