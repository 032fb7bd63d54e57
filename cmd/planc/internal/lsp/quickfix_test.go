package lsp_test

import (
	"encoding/json"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// fixPlan has one of each fixable diagnostic, two of them after Japanese
// text and an emoji on their line: an unknown reference (kpi.mqls), an
// unknown attribute (valeu), a rate and a share written as bare numbers
// (30, 70), and a channel's unknown entry stage ("leed").
const fixPlan = `plan {
  title = "Fixes"
}

kpi "mql" {
  value = 100
}

kpi "売上" { formula = /* 売上🎯 */ kpi.mqls * 2 }

kpi "sal" {
  valeu = 3
}

funnel "demand" {
  deal_size = "1M JPY"
  stage "lead" {}
  stage "won" { rate = /* 受注🎯 */ 30 }
}

channel "ads" {
  funnel = funnel.demand
  stage  = "leed"
  cpa    = "10,000 JPY"
  share  = 70
}

channel "web" {
  funnel = funnel.demand
  cpa    = "10,000 JPY"
}
`

// openFixPlan opens fixPlan and returns its published diagnostics.
func openFixPlan(t *testing.T, caps map[string]any) (*session, string, []lsp.Diagnostic) {
	t.Helper()
	dir := writePlan(t, map[string]string{"main.plan.hcl": fixPlan})
	s := startWith(t, caps)
	uri := fileURI(dir, "main.plan.hcl")
	return s, uri, s.open(uri, fixPlan)
}

// TestQuickFixes: each diagnostic that proposes a fix gets one code
// action, which carries the diagnostic as the client sent it and edits
// only the misspelled name (the mqls of kpi.mqls, the inside of "leed") or
// the bare number, at UTF-16 positions after 売上🎯.
func TestQuickFixes(t *testing.T) {
	s, uri, diags := openFixPlan(t, nil)
	ja := lineOf(t, fixPlan, `kpi "売上"`)
	won := lineOf(t, fixPlan, `stage "won"`)
	tests := []struct {
		code string
		want lsp.TextEdit
	}{
		{"unknown-reference", lsp.TextEdit{Range: line(ja, 36, 40), NewText: "mql"}},
		{"schema", lsp.TextEdit{Range: line(lineOf(t, fixPlan, "valeu"), 2, 7), NewText: "value"}},
		{"rate-out-of-range", lsp.TextEdit{Range: line(won, 34, 36), NewText: `"30%"`}},
		{"unknown-reference", lsp.TextEdit{Range: line(lineOf(t, fixPlan, `"leed"`), 12, 16), NewText: "lead"}},
		{"rate-out-of-range", lsp.TextEdit{Range: line(lineOf(t, fixPlan, "share  = 70"), 11, 13), NewText: `"70%"`}},
	}
	if u16(t, fixPlan, "mqls") != 36 || u16(t, fixPlan, "30 }") != 34 {
		t.Fatal("the UTF-16 columns of mqls and 30 are not those the test wants")
	}
	for _, tt := range tests {
		var d *lsp.Diagnostic
		for i := range diags {
			if diags[i].Code == tt.code && diags[i].Range.Start.Line == tt.want.Range.Start.Line {
				d = &diags[i]
			}
		}
		if d == nil {
			t.Errorf("no %s diagnostic on line %d: %+v", tt.code, tt.want.Range.Start.Line, diags)
			continue
		}
		raw, _ := json.Marshal(d)
		var actions []lsp.CodeAction
		s.call("textDocument/codeAction", lsp.CodeActionParams{TextDocument: doc(uri), Range: d.Range,
			Context: lsp.CodeActionContext{Diagnostics: []json.RawMessage{raw}}}, &actions)
		if len(actions) != 1 {
			t.Errorf("%s: %d actions, want 1: %+v", d.Message, len(actions), actions)
			continue
		}
		a := actions[0]
		if a.Kind != lsp.CodeActionQuickFix || !a.IsPreferred || a.Edit == nil {
			t.Errorf("%s: action %+v, want a preferred quickfix with an edit", d.Message, a)
			continue
		}
		if edits := a.Edit.Changes[uri]; len(edits) != 1 || edits[0] != tt.want {
			t.Errorf("%s: edits %+v, want %+v", d.Message, a.Edit.Changes, tt.want)
		}
		if len(a.Diagnostics) != 1 || string(a.Diagnostics[0]) != string(raw) {
			t.Errorf("%s: diagnostics %s, want the one sent: %s", d.Message, a.Diagnostics, raw)
		}
	}
}

// TestQuickFixFromServerDiagnostics: a client that sends no diagnostics
// gets the fixes of the server's own at the range, with documentChanges
// and the document's version when it takes them.
func TestQuickFixFromServerDiagnostics(t *testing.T) {
	s, uri, _ := openFixPlan(t, map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}})
	ja := lineOf(t, fixPlan, `kpi "売上"`)
	var actions []lsp.CodeAction
	s.call("textDocument/codeAction", lsp.CodeActionParams{TextDocument: doc(uri), Range: line(ja, 37, 37)}, &actions)
	if len(actions) != 1 || actions[0].Edit == nil || len(actions[0].Edit.DocumentChanges) != 1 {
		t.Fatalf("actions = %+v, want one with documentChanges", actions)
	}
	dc := actions[0].Edit.DocumentChanges[0]
	if dc.TextDocument.URI != uri || dc.TextDocument.Version == nil || *dc.TextDocument.Version != 1 ||
		len(dc.Edits) != 1 || dc.Edits[0] != (lsp.TextEdit{Range: line(ja, 36, 40), NewText: "mql"}) {
		t.Errorf("documentChanges = %+v", dc)
	}
	if actions[0].Title != `Change "mqls" to "mql"` {
		t.Errorf("title = %q", actions[0].Title)
	}
	var d lsp.Diagnostic
	if len(actions[0].Diagnostics) != 1 || json.Unmarshal(actions[0].Diagnostics[0], &d) != nil || d.Code != "unknown-reference" {
		t.Errorf("diagnostics = %s, want the unknown reference", actions[0].Diagnostics)
	}
	// A client that asks for refactorings only gets no quick fix.
	params := lsp.CodeActionParams{TextDocument: doc(uri), Range: line(ja, 37, 37)}
	params.Context.Only = []string{"refactor"}
	s.call("textDocument/codeAction", params, &actions)
	if len(actions) != 0 {
		t.Errorf("only refactor: %+v", actions)
	}
}

// TestQuickFixStaleDiagnostic: a diagnostic whose range no longer covers
// the name or number it is about, as after an edit the client has not
// had diagnostics for yet, proposes nothing.
func TestQuickFixStaleDiagnostic(t *testing.T) {
	s, uri, _ := openFixPlan(t, nil)
	mql := lineOf(t, fixPlan, `kpi "mql"`)
	for _, msg := range []string{
		`kpi has no "mqls". Did you mean "kpi.mql"?`,
		`A bare number is a fraction, so 30 means 3,000%; write rate = "30%".`,
		`Did you mean "totally_different_name"?`,
	} {
		raw, _ := json.Marshal(lsp.Diagnostic{Range: line(mql, 0, 9), Severity: lsp.SeverityError, Source: "planc", Message: msg})
		var actions []lsp.CodeAction
		s.call("textDocument/codeAction", lsp.CodeActionParams{TextDocument: doc(uri), Range: line(mql, 0, 9),
			Context: lsp.CodeActionContext{Diagnostics: []json.RawMessage{raw}}}, &actions)
		if len(actions) != 0 {
			t.Errorf("%q over `kpi \"mql\"`: %+v, want no action", msg, actions)
		}
	}
	// The rate's message over another number.
	share := line(lineOf(t, fixPlan, "share  = 70"), 11, 13)
	raw, _ := json.Marshal(lsp.Diagnostic{Range: share, Severity: lsp.SeverityError, Source: "planc",
		Message: `A bare number is a fraction, so 30 means 3,000%; write rate = "30%".`})
	var actions []lsp.CodeAction
	s.call("textDocument/codeAction", lsp.CodeActionParams{TextDocument: doc(uri), Range: share,
		Context: lsp.CodeActionContext{Diagnostics: []json.RawMessage{raw}}}, &actions)
	if len(actions) != 0 {
		t.Errorf("30's fix over 70: %+v, want no action", actions)
	}
}
