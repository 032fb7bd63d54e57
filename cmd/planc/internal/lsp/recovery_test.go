package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// TestSyntaxErrorRecovery: one unclosed quote while typing is one
// diagnostic, at the quote (UTF-16 column 29, after 万円 and 😀), not one
// per line after it; the rest of the plan is checked against the file's
// last good parse, so a file that is not open gets no false unknown
// reference, and hover in the broken file still answers from the last
// good analysis. Fixing the quote brings everything back.
func TestSyntaxErrorRecovery(t *testing.T) {
	other := "kpi \"double\" {\n  formula = kpi.cost_per_deal * 2\n}\n"
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan, "other.plan.hcl": other})
	s := start(t, 0)
	uri, otherURI := fileURI(dir, "main.plan.hcl"), fileURI(dir, "other.plan.hcl")
	s.open(uri, demoPlan)
	if p, err := s.c.WaitPublishedCount(s.ctx, otherURI, 1); err != nil || len(p.Diagnostics) != 0 {
		t.Fatalf("other file before: %+v, %v", p, err)
	}

	l := budgetLine(t)
	broken := strings.Replace(demoPlan, `/* 😀 */ kpi.cost_per_deal`, `/* 😀 */ "kpi.cost_per_deal`, 1)
	diags := s.change(uri, 2, broken)
	if len(diags) != 1 || diags[0].Code != "syntax" || diags[0].Range.Start != (lsp.Position{Line: l, Character: 29}) {
		t.Errorf("broken file: %d diagnostics, want one syntax error at %d:29: %+v", len(diags), l, diags)
	}
	if p, err := s.c.WaitPublishedCount(s.ctx, otherURI, 2); err != nil || len(p.Diagnostics) != 0 {
		t.Errorf("other file while main is broken: %+v, %v", p, err)
	}
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, lineOf(t, demoPlan, `kpi "cost_per_deal"`), 6), &h)
	if !strings.Contains(h.Contents.Value, "**¥800,000** (solved)") {
		t.Errorf("hover in the broken file: %q", h.Contents.Value)
	}

	if diags := s.change(uri, 3, demoPlan); len(diags) != 0 {
		t.Errorf("after the fix: %+v", diags)
	}
	if p, err := s.c.WaitPublishedCount(s.ctx, otherURI, 3); err != nil || len(p.Diagnostics) != 0 {
		t.Errorf("other file after the fix: %+v, %v", p, err)
	}
}

// TestSyntaxErrorNeverParsed: a file that has never parsed has no last
// good parse; it still shows one syntax error, and the other files are
// checked against what of it parsed.
func TestSyntaxErrorNeverParsed(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	s := start(t, 0)
	uri, newURI := fileURI(dir, "main.plan.hcl"), fileURI(dir, "new.plan.hcl")
	s.open(uri, demoPlan)
	text := "kpi \"a\" {\n  title = \"売上🎯\n  value = 1\n}\n\nkpi \"b\" {\n  value = 2\n}\n"
	diags := s.open(newURI, text)
	if len(diags) != 1 || diags[0].Code != "syntax" || diags[0].Range.Start != (lsp.Position{Line: 1, Character: 10}) {
		t.Errorf("diagnostics = %+v, want one syntax error at 1:10", diags)
	}
}
