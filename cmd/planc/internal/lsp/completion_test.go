package lsp_test

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/lang"
)

// complete appends tail to the demo plan as version v and completes at
// its end.
func complete(t *testing.T, s *session, uri string, v int, tail string) lsp.CompletionList {
	t.Helper()
	return completeIn(t, s, uri, demoPlan, v, tail)
}

// completeIn appends tail to plan as version v and completes at its end.
func completeIn(t *testing.T, s *session, uri, plan string, v int, tail string) lsp.CompletionList {
	t.Helper()
	text := plan + tail
	s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{URI: uri, Version: v},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: text}}})
	lines := strings.Split(text, "\n")
	last := lines[len(lines)-1]
	var list lsp.CompletionList
	s.call("textDocument/completion", pos(uri, len(lines)-1, len(utf16.Encode([]rune(last)))), &list)
	return list
}

func labels(list lsp.CompletionList) string {
	var out []string
	for _, it := range list.Items {
		out = append(out, it.Label)
	}
	return strings.Join(out, " ")
}

func TestCompletionReferences(t *testing.T) {
	s, uri := openDemo(t)
	tests := []struct{ tail, want string }{
		{"kpi \"x\" {\n  formula = kpi.", "cost_per_deal budget_per_deal"},
		{"kpi \"x\" {\n  formula = kgi.", "revenue"},
		{"kpi \"x\" {\n  formula = funnel.", "demand"},
		{"kpi \"x\" {\n  formula = funnel.demand.", "deal_size revenue planned_revenue toiawase shodan juchu source"},
		{"kpi \"x\" {\n  formula = funnel.demand.shodan.", "volume rate"},
		{"kpi \"x\" {\n  formula = 2 * channel.ads.", "leads share cpa cost won revenue cac roas stage"},
		{"check \"c\" {\n  condition = budget.", "marketing"},
		{"kpi \"x\" {\n  formula = kpi.nothing.", ""},
		{"kpi \"x\" {\n  title = \"kpi.", ""},
	}
	for i, tt := range tests {
		if got := labels(complete(t, s, uri, i+2, tt.tail)); got != tt.want {
			t.Errorf("after %q: %q, want %q", tt.tail, got, tt.want)
		}
	}
}

// TestCompletionDetail types `kpi.cost_p` inside a formula after 万円 and
// 😀, where the file does not parse until the name is complete, and checks
// the item's detail (title and solved value) and the range it replaces.
func TestCompletionDetail(t *testing.T) {
	s, uri := openDemo(t)
	list := complete(t, s, uri, 2, "kpi \"x\" {\n  formula = \"1万円\" + /* 😀 */ kpi.cost_p")
	// The two KPIs, not the one being written (kpi.x).
	if len(list.Items) != 2 {
		t.Fatalf("items = %+v", list.Items)
	}
	it := list.Items[0]
	last := strings.Count(demoPlan, "\n") + 1
	if it.Label != "cost_per_deal" || it.Detail != "受注単価 😀 · ¥800,000" || it.Kind != lsp.CompletionVariable ||
		it.TextEdit == nil || it.TextEdit.Range != line(last, 33, 39) || it.TextEdit.NewText != "cost_per_deal" {
		t.Errorf("item = %+v, edit %+v", it, it.TextEdit)
	}
	if d := list.Items[1].Detail; d != "¥810,000" {
		t.Errorf("budget_per_deal detail = %q", d)
	}
	list = complete(t, s, uri, 3, "kpi \"x\" {\n  formula = funnel.")
	if d := list.Items[0].Detail; d != "funnel" {
		t.Errorf("funnel detail = %q", d)
	}
}

func TestCompletionBlocksAndAttributes(t *testing.T) {
	s, uri := openDemo(t)
	if got, want := labels(complete(t, s, uri, 2, "\nkp")), strings.Join(lang.BlockTypes(), " "); got != want {
		t.Errorf("top level: %q, want %q", got, want)
	}
	if got, want := labels(complete(t, s, uri, 3, "kpi \"x\" {\n  ")), strings.Join(lang.AttributeNames("kpi"), " "); got != want {
		t.Errorf("in a kpi: %q, want %q", got, want)
	}
	if got, want := labels(complete(t, s, uri, 4, "funnel \"f\" {\n  st")), strings.Join(append(lang.AttributeNames("funnel"), "stage"), " "); got != want {
		t.Errorf("in a funnel: %q, want %q", got, want)
	}
	list := complete(t, s, uri, 5, "kpi \"x\" {\n  for")
	for _, it := range list.Items {
		if it.Label == "formula" && (it.TextEdit == nil || it.TextEdit.NewText != "formula = ") {
			t.Errorf("formula item = %+v", it)
		}
	}
	if got := labels(complete(t, s, uri, 6, "kpi \"x\" {\n  formula = ")); !strings.HasPrefix(got, "kgi kpi funnel channel budget ") || !strings.Contains(got, " min ") {
		t.Errorf("start of a value: %q", got)
	}
}
