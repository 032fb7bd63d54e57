package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

func symbolNames(syms []lsp.SymbolInformation) string {
	var out []string
	for _, s := range syms {
		out = append(out, s.Name)
	}
	return strings.Join(out, ", ")
}

// TestWorkspaceSymbols: the blocks of every open plan that match a query
// by name, path or title, ignoring case, in Japanese too, closest first,
// each with its kind, container and location.
func TestWorkspaceSymbols(t *testing.T) {
	demoDir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	editDir := writePlan(t, map[string]string{"main.plan.hcl": editPlan, "other.plan.hcl": otherPlan})
	s := start(t, 0)
	demo, edit := fileURI(demoDir, "main.plan.hcl"), fileURI(editDir, "main.plan.hcl")
	s.open(demo, demoPlan)
	s.open(edit, editPlan)
	for _, tt := range []struct{ query, want string }{
		{"商談", "shodan · 新規商談"},
		{"売上", "revenue · 売上目標 🎯, 見込売上"}, // a title, then a name
		{"COST_PER", "cost_per_deal · 受注単価 😀"},
		{"cpd", "cost_per_deal · 受注単価 😀"},
		{"funnel.demand.ju", "juchu"},
		{"double", "double"}, // in a file of the plan that is not open
		{"no such block", ""},
	} {
		var syms []lsp.SymbolInformation
		s.call("workspace/symbol", lsp.WorkspaceSymbolParams{Query: tt.query}, &syms)
		if got := symbolNames(syms); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.query, got, tt.want)
		}
	}
	var syms []lsp.SymbolInformation
	s.call("workspace/symbol", lsp.WorkspaceSymbolParams{Query: "見込"}, &syms)
	ja := jaLine(t)
	// The block's range as lang gives it: for a block on one line, HCL's
	// body ends before " }" (66, not 68, the line's length in UTF-16).
	want := lsp.SymbolInformation{Name: "見込売上", Kind: lsp.SymbolVariable, ContainerName: "kpi",
		Location: lsp.Location{URI: edit, Range: rng(ja, 0, ja, 66)}}
	if len(syms) != 1 || syms[0] != want {
		t.Errorf("見込: %+v\nwant %+v", syms, want)
	}
	s.call("workspace/symbol", lsp.WorkspaceSymbolParams{Query: "shodan"}, &syms)
	if len(syms) != 1 || syms[0].Kind != lsp.SymbolField || syms[0].ContainerName != "funnel demand" || syms[0].Location.URI != demo ||
		syms[0].Location.Range != rng(lineOf(t, demoPlan, `stage "shodan"`), 2, lineOf(t, demoPlan, `stage "shodan"`)+3, 3) {
		t.Errorf("shodan: %+v", syms)
	}
	s.call("workspace/symbol", lsp.WorkspaceSymbolParams{Query: ""}, &syms)
	if len(syms) != 17 {
		t.Errorf("an empty query lists %d blocks, want the 17 of both plans: %s", len(syms), symbolNames(syms))
	}
}
