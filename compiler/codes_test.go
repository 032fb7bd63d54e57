package compiler_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/rivo/uniseg"
)

// designCodes are the diagnostic codes of the design (plan-language.md,
// "Diagnostics"). Each must be pinned by a row of codeCases.
var designCodes = []lang.Code{
	lang.Syntax, lang.Schema, lang.DuplicateName, lang.UnknownReference,
	lang.BadQuantity, lang.UnitMismatch, lang.Cycle, lang.RateOutOfRange,
	lang.ShareSum, lang.DivisionByZero, lang.Conflict, lang.Underdetermined,
	lang.OverBudget, lang.CheckFailed, lang.KGINotRevenue, lang.HandoffWithoutDefinition,
}

// codeCase pins one diagnostic of a testdata/diag archive: its code,
// severity and position, and words its message must contain. Unlike the
// want sections, these are not rewritten by -update.
type codeCase struct {
	archive  string
	code     lang.Code
	severity hcl.DiagnosticSeverity
	file     string
	line     int
	col      int
	// words must all occur in the summary or detail.
	words []string
}

var codeCases = []codeCase{
	{"phasing_weights", lang.PhasingWeights, hcl.DiagError, "plan.plan.hcl", 7, 13, []string{"3 weights", "12 months"}},
	{"bad_lag", lang.BadLag, hcl.DiagError, "plan.plan.hcl", 16, 12, []string{`stage "won"`, "1 month before"}},
	{"pre_period_demand", lang.PrePeriodDemand, hcl.DiagWarning, "plan.plan.hcl", 13, 23, []string{"need 67", "7 short", "1.75 deals", "¥1,750,000", "2027-04 to 2027-05"}},
	{"over_budget_by_period", lang.OverBudget, hcl.DiagError, "plan.plan.hcl", 32, 17, []string{"¥1,600,000 in Q4 (2028-01 to 2028-03)", "¥1,500,000", "by ¥100,000"}},
	{"over_budget_by_period", lang.PeriodIndex, hcl.DiagError, "plan.plan.hcl", 32, 46, []string{`"Q5"`, "Q1, Q2, Q3, Q4, H1, H2"}},
	{"over_capacity_by_month", lang.OverCapacity, hcl.DiagError, "plan.plan.hcl", 28, 15, []string{"6.4 people in 2027-12 to 2028-02", "1.4 short"}},
	{"syntax", lang.Syntax, hcl.DiagError, "plan.plan.hcl", 9, 26, nil},
	{"syntax_partial", lang.Syntax, hcl.DiagError, "plan.plan.hcl", 10, 17, []string{"after a dot"}},
	{"schema", lang.Schema, hcl.DiagError, "plan.plan.hcl", 6, 3, []string{`"valeu"`, `Did you mean "value"?`}},
	{"schema", lang.Schema, hcl.DiagError, "plan.plan.hcl", 9, 17, []string{`"deal_size" is required`}},
	{"schema", lang.Schema, hcl.DiagError, "plan.plan.hcl", 13, 5, []string{"label"}},
	{"duplicate_name", lang.DuplicateName, hcl.DiagError, "b.plan.hcl", 5, 5, []string{`kpi "cvr"`, "a.plan.hcl:5"}},
	{"unknown_reference", lang.UnknownReference, hcl.DiagError, "plan.plan.hcl", 10, 13, []string{`"mqls"`, `Did you mean "kpi.mql"?`}},
	// Inside the string: "2.4 M JPY" starts at column 16, "JPY" at 22.
	{"bad_quantity", lang.BadQuantity, hcl.DiagError, "plan.plan.hcl", 11, 20, []string{`"2.4 M JPY"`, "without a space"}},
	{"bad_quantity", lang.BadQuantity, hcl.DiagError, "plan.plan.hcl", 6, 16, []string{`"JPY//month"`, `"/month"`}},
	{"unit_mismatch", lang.UnitMismatch, hcl.DiagError, "plan.plan.hcl", 7, 13, []string{"funnel.demand.revenue", "funnel.demand.won.volume", "money", "count"}},
	{"unit_mismatch", lang.UnitMismatch, hcl.DiagError, "plan.plan.hcl", 12, 11, []string{"kpi.cycle_time", "duration", "money"}},
	{"cycle", lang.Cycle, hcl.DiagError, "plan.plan.hcl", 6, 13, []string{"kpi.a -> kpi.b -> kpi.c -> kpi.a"}},
	{"rate_out_of_range", lang.RateOutOfRange, hcl.DiagError, "plan.plan.hcl", 15, 12, []string{"funnel.demand.won.rate", "3,000%", `"30%"`}},
	{"rate_out_of_range", lang.RateOutOfRange, hcl.DiagError, "plan.plan.hcl", 26, 12, []string{"channel.seo.share", "-5%", "switch the channel off"}},
	{"share_sum", lang.ShareSum, hcl.DiagError, "plan.plan.hcl", 27, 12, []string{"webinar 35%", "ads 60%", "95%"}},
	{"division_by_zero", lang.DivisionByZero, hcl.DiagError, "plan.plan.hcl", 14, 24, []string{"kpi.cost_per_deal"}},
	{"conflict", lang.Conflict, hcl.DiagError, "plan.plan.hcl", 6, 13, []string{
		"Target not reached", "kgi.revenue ¥400,000,000", "¥80,000,000 short of its target ¥480,000,000", "kpi.deals (plan.plan.hcl:11:11)"}},
	{"conflict", lang.Conflict, hcl.DiagError, "plan.plan.hcl", 24, 13, []string{
		"kpi.margin", "30%", "25%", "assumption at plan.plan.hcl:23:13", "(plan.plan.hcl:24:13)"}},
	{"underdetermined", lang.Underdetermined, hcl.DiagError, "plan.plan.hcl", 5, 1, []string{
		"funnel.demand.inquiry.volume", "channel.webinar.leads", "One more input would solve this", "target"}},
	{"over_budget", lang.OverBudget, hcl.DiagError, "plan.plan.hcl", 61, 9, []string{"¥158,877,000", "¥100,000,000", "¥58,877,000"}},
	// Every level of a hierarchy of budgets, each naming its place.
	{"over_budget_hierarchy", lang.OverBudget, hcl.DiagError, "plan.plan.hcl", 30, 14, []string{
		`the top-level budget "marketing"`, "¥77,681,510", "¥6,875,000 on its items", `¥70,806,510 in budget "programs"`, "¥2,681,510", "cut its items"}},
	{"over_budget_hierarchy", lang.OverBudget, hcl.DiagError, "plan.plan.hcl", 44, 14, []string{
		`budget "programs" (in "marketing")`, "¥35,282,010 on its channels", `¥35,524,500 in budget "events"`, "¥806,510"}},
	{"over_budget_hierarchy", lang.OverBudget, hcl.DiagError, "plan.plan.hcl", 50, 14, []string{
		`budget "events" (in "marketing" > "programs")`, "¥1,234,500 on its items", "¥524,500"}},
	{"budget_parent_cycle", lang.Cycle, hcl.DiagError, "plan.plan.hcl", 7, 12, []string{"budget.b -> budget.a -> budget.c -> budget.b", "Remove the parent"}},
	{"budget_parent_cycle", lang.Cycle, hcl.DiagError, "plan.plan.hcl", 14, 12, []string{`budget "d" names itself as its parent`}},
	{"budget_overlap", lang.BudgetOverlap, hcl.DiagError, "plan.plan.hcl", 30, 45, []string{`budget "programs" lists channel.seo twice`}},
	{"budget_overlap", lang.BudgetOverlap, hcl.DiagError, "plan.plan.hcl", 34, 15, []string{
		"channel.ads", `budget "marketing" and by budget "events", which is part of "marketing"`, `spend of budget "marketing"`}},
	{"budget_overlap", lang.BudgetOverlap, hcl.DiagError, "plan.plan.hcl", 38, 15, []string{
		"channel.webinar", `budget "programs" and by budget "content", both under budget "marketing"`}},
	{"check_failed", lang.CheckFailed, hcl.DiagError, "plan.plan.hcl", 14, 15, []string{"cpa_cap", "CPA must stay under ¥10,000."}},
	{"check_failed", lang.CheckFailed, hcl.DiagWarning, "plan.plan.hcl", 19, 15, []string{"deal_floor", "thin pipeline"}},
	{"kgi_not_revenue", lang.KGINotRevenue, hcl.DiagWarning, "plan.plan.hcl", 5, 1, []string{`kgi "orders"`, "count"}},
	{"handoff_without_definition", lang.HandoffWithoutDefinition, hcl.DiagWarning, "plan.plan.hcl", 20, 3, []string{`"sal"`, "marketing", "inside_sales"}},
	// One broken file does not hide the other file's findings.
	{"multi_file", lang.Syntax, hcl.DiagError, "a.plan.hcl", 6, 11, nil},
	{"multi_file", lang.UnknownReference, hcl.DiagError, "b.plan.hcl", 2, 13, []string{`"kpi.deals"`}},
	{"multi_file", lang.RateOutOfRange, hcl.DiagError, "b.plan.hcl", 10, 12, []string{`"30%"`}},
	// Columns count characters, not bytes: 億円 is two columns of text
	// but six bytes.
	{"japanese", lang.BadQuantity, hcl.DiagError, "plan.plan.hcl", 7, 19, []string{`"です"`}},
	{"japanese", lang.UnknownReference, hcl.DiagError, "plan.plan.hcl", 18, 34, []string{`"kpi.単価"`}},
}

// wantCount is the exact number of diagnostics of each archive: nothing
// but the pinned findings, so that noise (a second diagnostic for the same
// mistake) fails too.
var wantCount = map[string]int{
	"syntax": 1, "syntax_partial": 1, "schema": 3, "duplicate_name": 1, "unknown_reference": 1, "bad_quantity": 2,
	"unit_mismatch": 2, "cycle": 1, "rate_out_of_range": 3, "share_sum": 1, "division_by_zero": 1,
	"conflict": 2, "underdetermined": 1, "over_budget": 1, "check_failed": 2, "kgi_not_revenue": 1,
	"handoff_without_definition": 1, "multi_file": 3, "japanese": 2, "over_budget_hierarchy": 3, "budget_parent_cycle": 2,
	"budget_overlap": 3, "phasing_weights": 1, "bad_lag": 1, "pre_period_demand": 1, "over_capacity_by_month": 1, "over_budget_by_period": 3,
}

func TestDiagnosticCodes(t *testing.T) {
	covered := map[lang.Code]bool{}
	results := map[string]result{}
	for _, c := range codeCases {
		covered[c.code] = true
		res, ok := results[c.archive]
		if !ok {
			res = loadArchive(t, c.archive)
			results[c.archive] = res
		}
		d := findDiag(res.res.Diags, c.code, c.file, c.line)
		if d == nil {
			t.Errorf("%s: no %s diagnostic at %s:%d; got:\n%s", c.archive, c.code, c.file, c.line, res.diagText)
			continue
		}
		if d.Severity != c.severity {
			t.Errorf("%s: %s at line %d has severity %v, want %v", c.archive, c.code, c.line, d.Severity, c.severity)
		}
		if d.Subject.Start.Column != c.col {
			t.Errorf("%s: %s at line %d starts at column %d, want %d", c.archive, c.code, c.line, d.Subject.Start.Column, c.col)
		}
		msg := relative(d.Summary+"\n"+d.Detail, res.dir)
		for _, w := range c.words {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %s message does not contain %q:\n%s", c.archive, c.code, w, msg)
			}
		}
	}
	for _, code := range designCodes {
		if !covered[code] {
			t.Errorf("no test case for code %s", code)
		}
	}
	for name, res := range results {
		if n, ok := wantCount[name]; !ok {
			t.Errorf("%s: no entry in wantCount", name)
		} else if len(res.res.Diags) != n {
			t.Errorf("%s: %d diagnostics, want %d:\n%s", name, len(res.res.Diags), n, res.diagText)
		}
	}
}

// findDiag returns the diagnostic with the code in file (a base name) at
// line.
func findDiag(diags hcl.Diagnostics, code lang.Code, file string, line int) *hcl.Diagnostic {
	for _, d := range diags {
		if lang.CodeOf(d) != code || d.Subject == nil {
			continue
		}
		if filepath.Base(d.Subject.Filename) == file && d.Subject.Start.Line == line {
			return d
		}
	}
	return nil
}

// TestCaretWidth checks that the caret under a line with Japanese text
// starts at the display width of what precedes the range (two columns a
// CJK character) and is as wide as the range.
func TestCaretWidth(t *testing.T) {
	res := loadArchive(t, "japanese")
	cases := []struct {
		src    string // the source line as rendered
		at     string // the text the range starts with
		pad    int    // hand-counted columns before the caret
		carets int
	}{
		// `  target = "4.8` is 15 columns, 億円 4, the space 1: "です" at 20.
		{`7 |   target = "4.8億円 です"`, "です", 20, 4},
		// `kpi "` 5, 見込売上 8, `" { formula = ` 14, `kpi.` 4, 受注数 6,
		// ` * ` 3: "kpi.単価x" at 40, 9 columns wide.
		{`18 | kpi "見込売上" { formula = kpi.受注数 * kpi.単価x }`, "kpi.単価x", 40, 9},
	}
	lines := strings.Split(res.diagText, "\n")
	for _, c := range cases {
		i := indexOf(lines, c.src)
		if i < 0 || i+1 >= len(lines) {
			t.Errorf("line %q not rendered:\n%s", c.src, res.diagText)
			continue
		}
		gutter := strings.Index(c.src, "| ") + 2
		caret := lines[i+1]
		if len(caret) < gutter || strings.TrimSpace(caret[:gutter]) != "|" {
			t.Errorf("caret line %q does not follow the gutter of %q", caret, c.src)
			continue
		}
		body := caret[gutter:]
		want := strings.Repeat(" ", c.pad) + strings.Repeat("^", c.carets)
		if body != want {
			t.Errorf("caret under %q:\n got %q\nwant %q", c.src, body, want)
		}
		// The hand count agrees with the display width of the source.
		text := c.src[gutter:]
		if w := uniseg.StringWidth(text[:strings.Index(text, c.at)]); w != c.pad {
			t.Errorf("%q: hand count %d, display width %d", c.at, c.pad, w)
		}
	}
}

func indexOf(lines []string, s string) int {
	for i, l := range lines {
		if l == s {
			return i
		}
	}
	return -1
}
