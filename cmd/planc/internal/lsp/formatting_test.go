package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/cmd/planc/internal/lsp/lsptest"
)

// applyUTF16 applies edits with UTF-16 positions to text, failing t on
// edits that overlap.
func applyUTF16(t *testing.T, text string, edits []lsp.TextEdit) string {
	t.Helper()
	out, err := lsptest.ApplyEdits(text, edits)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func formatEdits(t *testing.T, s *session, uri string) []lsp.TextEdit {
	t.Helper()
	var edits []lsp.TextEdit
	s.call("textDocument/formatting", map[string]any{"textDocument": map[string]string{"uri": uri}, "options": map[string]any{"tabSize": 2}}, &edits)
	return edits
}

// TestFormattingMinimalEdits: formatting returns only what changes, within
// the changed lines, at UTF-16 positions after Japanese text and an
// emoji: the lines it does not touch, and the text around the change,
// keep the cursor where it is.
func TestFormattingMinimalEdits(t *testing.T) {
	messy := "plan {\n  title = \"Demo\"\n}\n\nkpi \"b\" {\n  value = 3\n}\n\n\n\nkpi \"a\" {\n  title = \"売上🎯\"   # 目標\n  formula = /* 売上🎯 */ kpi.b*2\n}\n"
	want := "plan {\n  title = \"Demo\"\n}\n\nkpi \"b\" {\n  value = 3\n}\n\nkpi \"a\" {\n  title   = \"売上🎯\" # 目標\n  formula = /* 売上🎯 */ kpi.b * 2\n}\n"
	s, uri := openPlan(t, messy)
	edits := formatEdits(t, s, uri)
	if got := applyUTF16(t, messy, edits); got != want {
		t.Fatalf("formatted:\n%s\nwant:\n%s\nedits %+v", got, want, edits)
	}
	title, formula := lineOf(t, messy, "title = \"売上🎯\""), lineOf(t, messy, "kpi.b*2")
	star := col16(t, strings.Split(messy, "\n")[formula], "b*2") + 1
	var onFormula []lsp.TextEdit
	for _, e := range edits {
		l := e.Range.Start.Line
		switch {
		case l < title && e.NewText == "" && e.Range.Start.Character == 0 && e.Range.End.Character == 0:
			// the blank lines removed
		case e.Range.End.Line != l:
			t.Errorf("edit over lines: %+v", e)
		case l == formula:
			onFormula = append(onFormula, e)
		case l == title:
			if c := e.Range.Start.Character; c != 7 && c != 8 && c < 16 {
				t.Errorf("edit of the title inside its text: %+v", e)
			}
		default:
			t.Errorf("edit of a line formatting does not change: %+v", e)
		}
	}
	wantFormula := []lsp.TextEdit{{Range: line(formula, star, star), NewText: " "}, {Range: line(formula, star+1, star+1), NewText: " "}}
	if len(onFormula) != 2 || onFormula[0] != wantFormula[0] || onFormula[1] != wantFormula[1] {
		t.Errorf("edits of the formula = %+v, want %+v", onFormula, wantFormula)
	}
	if len(edits) > 5 {
		t.Errorf("%d edits: %+v", len(edits), edits)
	}
	// Formatted text needs no edit.
	s.change(uri, 2, want)
	if edits := formatEdits(t, s, uri); len(edits) != 0 {
		t.Errorf("formatting a formatted file: %+v", edits)
	}
}

// TestFormattingSyntaxError: a file that does not parse is not formatted,
// and the request fails saying where the syntax error is: the unclosed
// quote, line 2, column 22 (1-based) in UTF-16 units after 売上🎯.
func TestFormattingSyntaxError(t *testing.T) {
	dir := writePlan(t, nil)
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, "kpi \"a\" {\n  title = /* 売上🎯 */ \"x\n  value = 1\n}\n")
	m, err := s.c.CallRaw(s.ctx, "textDocument/formatting", map[string]any{"textDocument": map[string]string{"uri": uri}})
	if err != nil {
		t.Fatal(err)
	}
	want := "main.plan.hcl:2:22: cannot format a file with a syntax error: Unterminated template string"
	if m.Error == nil || m.Error.Code != lsp.CodeRequestFailed || !strings.HasPrefix(m.Error.Message, want) {
		t.Errorf("response = %s %+v, want an error starting %q", m.Result, m.Error, want)
	}
}
