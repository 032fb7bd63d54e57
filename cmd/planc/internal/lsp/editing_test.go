package lsp_test

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// Fixtures and helpers of the tests of the editing features: quick fixes,
// rename, semantic tokens, signature help, code lenses, workspace symbols,
// folding and document highlights.

// editPlan has, on its last line, Japanese text and an emoji in a comment
// before a call and references, so that every feature's positions there
// are checked in UTF-16 code units: 売, 上 are one unit each, 🎯 two.
const editPlan = `plan {
  title = "編集 🎯"
}

kpi "cvr" {
  title = "受注率"
  value = "20%"
}

kpi "leads" {
  value = 1000
}

kpi "won" {
  title   = "受注数"
  formula = kpi.leads * kpi.cvr
}

kpi "cost" {
  value = "5M JPY"
}

kpi "見込売上" { formula = /* 売上🎯 */ cpa(kpi.cost, kpi.won * kpi.cvr) }
`

// otherPlan is a second file of editPlan's plan, which refers to its kpi.cvr.
const otherPlan = `kpi "double" {
  formula = kpi.cvr * 2
}
`

// jaLine is the line of editPlan with Japanese text and an emoji.
func jaLine(t testing.TB) int { return lineOf(t, editPlan, `kpi "見込売上"`) }

// u16 is the UTF-16 column of the first sub on the line of text that
// holds it, as an editor counts it.
func u16(t testing.TB, text, sub string) int {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if i := strings.Index(l, sub); i >= 0 {
			return len(utf16.Encode([]rune(l[:i])))
		}
	}
	t.Fatalf("%q not in the text", sub)
	return 0
}

// startWith runs a server initialized with the given client capabilities.
func startWith(t testing.TB, caps map[string]any) *session {
	t.Helper()
	s := serve(t, 0)
	var res lsp.InitializeResult
	s.call("initialize", map[string]any{"processId": nil, "capabilities": caps}, &res)
	s.notify("initialized", map[string]any{})
	return s
}

// openEditPlan writes editPlan and otherPlan as a plan, opens editPlan in a
// server whose client takes documentChanges when docChanges is set, and
// returns the URIs of both files.
func openEditPlan(t *testing.T, docChanges bool) (*session, string, string) {
	t.Helper()
	dir := writePlan(t, map[string]string{"main.plan.hcl": editPlan, "other.plan.hcl": otherPlan})
	caps := map[string]any{}
	if docChanges {
		caps["workspace"] = map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}
	}
	s := startWith(t, caps)
	uri := fileURI(dir, "main.plan.hcl")
	for _, d := range s.open(uri, editPlan) {
		t.Fatalf("editPlan has a diagnostic: %+v", d)
	}
	return s, uri, fileURI(dir, "other.plan.hcl")
}

func doc(uri string) lsp.TextDocumentIdentifier { return lsp.TextDocumentIdentifier{URI: uri} }

// callErr sends a request that must fail and returns its error.
func (s *session) callErr(method string, params any) *lsp.ResponseError {
	s.t.Helper()
	m, err := s.c.CallRaw(s.ctx, method, params)
	if err != nil {
		s.t.Fatalf("%s: %v", method, err)
	}
	if m.Error == nil {
		s.t.Fatalf("%s succeeded with %s, want an error", method, m.Result)
	}
	return m.Error
}

// rawResult sends a request and returns its result as JSON.
func (s *session) rawResult(method string, params any) json.RawMessage {
	s.t.Helper()
	m, err := s.c.CallRaw(s.ctx, method, params)
	if err != nil {
		s.t.Fatalf("%s: %v", method, err)
	}
	if m.Error != nil {
		s.t.Fatalf("%s: %v", method, m.Error)
	}
	return m.Result
}

// TestEditingOnRandomEdits mangles the demo plan with random edits (as
// TestRandomEdits does) and sends every editing request at random
// positions after each: none may fail but a rename refused as such, and
// the server must never panic.
func TestEditingOnRandomEdits(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, demoPlan)
	r := rand.New(rand.NewPCG(3, 4))
	text := demoPlan
	iterations := 150
	if testing.Short() {
		iterations = 30
	}
	result := ""
	for v := 2; v < iterations; v++ {
		text = mutate(r, text)
		s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: v},
			ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: text}}})
		diag, _ := json.Marshal(lsp.Diagnostic{Range: lsp.Range{Start: randomPos(r), End: randomPos(r)}, Source: "planc",
			Message: `Did you mean "kpi.cost_per_deal"? A bare number is a fraction, so 30 means 3,000%; write rate = "30%".`})
		for _, method := range []string{"textDocument/codeAction", "textDocument/prepareRename", "textDocument/rename",
			"textDocument/semanticTokens/full", "textDocument/semanticTokens/full/delta", "textDocument/signatureHelp",
			"textDocument/codeLens", "workspace/symbol", "textDocument/foldingRange", "textDocument/documentHighlight"} {
			p := map[string]any{"textDocument": map[string]string{"uri": uri}, "position": randomPos(r), "newName": "x" + pick(r),
				"range": lsp.Range{Start: randomPos(r), End: randomPos(r)}, "query": pick(r), "previousResultId": result,
				"context": map[string]any{"diagnostics": []json.RawMessage{diag}}}
			m, err := s.c.CallRaw(s.ctx, method, p)
			if err != nil || m.Error != nil && !(strings.Contains(method, "ename") && m.Error.Code == lsp.CodeRequestFailed) {
				t.Fatalf("version %d, %s: %v %+v\ntext:\n%s", v, method, err, m.Error, text)
			}
			var toks lsp.SemanticTokens
			if strings.HasSuffix(method, "/full") && json.Unmarshal(m.Result, &toks) == nil {
				result = toks.ResultID
			}
		}
	}
	s.diagnostics(uri, iterations-1)
	if strings.Contains(s.serverLog(), "panic") {
		t.Errorf("the server panicked:\n%s", s.serverLog())
	}
}
