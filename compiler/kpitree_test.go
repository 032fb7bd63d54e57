package compiler_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
)

// outline writes a tree as indented lines "path op", a reference marked
// "(ref)", a part of a formula "(formula)".
func outline(b *strings.Builder, n *compiler.TreeNode, depth int) {
	name := "(formula)"
	if n.Var != nil {
		name = n.Var.Path.String()
	}
	if n.Ref {
		name += " (ref)"
	}
	b.WriteString(strings.Repeat("  ", depth) + strings.TrimSpace(name+" "+n.Op) + "\n")
	for _, k := range n.Kids {
		outline(b, k, depth+1)
	}
}

// The KPI tree of saas-demand: revenue decomposed down the funnel to the
// inquiries and the rates; the KPIs that the revenue's tree does not
// reach are trees of their own, and a value reached again (the MQLs of
// kpi.mqls, the deal size of the pipeline) is a reference, drawn once.
func TestKPITreeSaaSDemand(t *testing.T) {
	r := compiler.Run("../examples/saas-demand")
	var b strings.Builder
	for _, root := range compiler.KPITree(r) {
		outline(&b, root, 0)
	}
	want := `kgi.revenue =
  funnel.demand.revenue ×
    funnel.demand.won.volume ×
      funnel.demand.sql.volume ×
        funnel.demand.sal.volume ×
          funnel.demand.mql.volume ×
            funnel.demand.inquiry.volume
            funnel.demand.mql.rate
          funnel.demand.sal.rate
        funnel.demand.sql.rate
      funnel.demand.won.rate
    funnel.demand.deal_size
kpi.mqls =
  funnel.demand.mql.volume (ref)
kpi.pipeline ×
  funnel.demand.sql.volume (ref)
  funnel.demand.deal_size (ref)
`
	if got := b.String(); !strings.HasPrefix(got, want) {
		t.Errorf("tree:\n%s\nwant it to start:\n%s", got, want)
	}
	// Every value is drawn once; the others are references.
	drawn := map[*compiler.Var]int{}
	var walk func(n *compiler.TreeNode)
	walk = func(n *compiler.TreeNode) {
		if n.Var != nil && !n.Ref {
			drawn[n.Var]++
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	for _, root := range compiler.KPITree(r) {
		walk(root)
	}
	for v, n := range drawn {
		if n > 1 {
			t.Errorf("%s drawn %d times", v.Path, n)
		}
	}
}
