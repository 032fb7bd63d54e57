package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/lang"
)

// budgetPlan has a budget with fixed items and a budget under it. The
// editor knows items and parents from the schema and the table of values
// alone: nothing in the language server names them.
const budgetPlan = `plan {
  title = "Budgets"
}

funnel "demand" {
  deal_size = "1M JPY"
  stage "lead" {}
}

channel "ads" {
  funnel = funnel.demand
  cpa    = "10,000 JPY"
  leads  = 1000
}

budget "marketing" {
  cap      = "8000万円"
  channels = []
  item "ma_tool" {
    title  = "MAツール"
    amount = "400万円"
  }
}

budget "programs" {
  parent   = budget.marketing
  channels = [channel.ads]
}

kpi "fixed" {
  formula = budget.marketing.item.ma_tool.amount
}
`

// TestBudgetCompletion: after budget.marketing. the budget's values and
// its items' namespace; after .item. the items; inside a budget its
// attributes, parent among them, and the item block.
func TestBudgetCompletion(t *testing.T) {
	s, uri := openPlan(t, budgetPlan)
	tests := []struct{ tail, want string }{
		{"kpi \"x\" {\n  formula = budget.marketing.", "spend cap fixed item"},
		{"kpi \"x\" {\n  formula = budget.marketing.item.", "ma_tool"},
		{"kpi \"x\" {\n  formula = budget.marketing.item.ma_tool.", "amount"},
		{"kpi \"x\" {\n  formula = budget.programs.", "spend cap"},
		{"budget \"b\" {\n  ", strings.Join(append(lang.AttributeNames("budget"), "item"), " ")},
		{"budget \"b\" {\n  item \"i\" {\n    ", strings.Join(lang.AttributeNames("item"), " ")},
	}
	for i, tt := range tests {
		if got := labels(completeIn(t, s, uri, budgetPlan, i+2, tt.tail)); got != tt.want {
			t.Errorf("after %q: %q, want %q", tt.tail, got, tt.want)
		}
	}
	list := completeIn(t, s, uri, budgetPlan, 20, "kpi \"x\" {\n  formula = budget.marketing.item.")
	if len(list.Items) != 1 || list.Items[0].Detail != "item MAツール" {
		t.Errorf("item completion = %+v", list.Items)
	}
}

// TestBudgetHoverAndSymbols: an item is a symbol under its budget, and
// hover and definition work on its reference.
func TestBudgetHoverAndSymbols(t *testing.T) {
	s, uri := openPlan(t, budgetPlan)
	var syms []lsp.DocumentSymbol
	s.call("textDocument/documentSymbol", lsp.DocumentSymbolParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}}, &syms)
	var item *lsp.DocumentSymbol
	for i := range syms {
		if syms[i].Name == "marketing" && len(syms[i].Children) == 1 {
			item = &syms[i].Children[0]
		}
	}
	if item == nil || item.Name != "ma_tool" || item.Kind != lsp.SymbolField || item.Detail != "MAツール" {
		t.Errorf("item symbol = %+v in %+v", item, syms)
	}
	ref := lineOf(t, budgetPlan, "formula = budget.marketing.item.ma_tool.amount")
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, ref, len("  formula = budget.marketing.item.ma_tool.amou")), &h)
	if !strings.Contains(h.Contents.Value, "budget.marketing.item.ma_tool.amount") || !strings.Contains(h.Contents.Value, "¥4,000,000") {
		t.Errorf("hover on the item's amount:\n%s", h.Contents.Value)
	}
	var locs []lsp.Location
	s.call("textDocument/definition", pos(uri, ref, len("  formula = budget.marketing.item.ma_t")), &locs)
	if want := line(lineOf(t, budgetPlan, `item "ma_tool"`), 2, 16); len(locs) != 1 || locs[0].Range != want {
		t.Errorf("definition of ma_tool = %+v, want %+v", locs, want)
	}
	parent := lineOf(t, budgetPlan, "parent   = budget.marketing")
	s.call("textDocument/definition", pos(uri, parent, len("  parent   = budget.mark")), &locs)
	if want := line(lineOf(t, budgetPlan, `budget "marketing"`), 0, 18); len(locs) != 1 || locs[0].Range != want {
		t.Errorf("definition of the parent = %+v, want %+v", locs, want)
	}
}
