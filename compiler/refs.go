package compiler

import "github.com/hashicorp/hcl/v2"

// Resolve returns what a reference path names in the compiled plan, with
// the same rules formulas are checked by: a value (kpi.cac,
// funnel.demand.mql.volume), or, for a path that stops at a block
// (funnel.demand, funnel.demand.mql, channel.ads), that block's AST node
// (*lang.Funnel, *lang.Stage, *lang.Channel or *lang.Budget). Both are nil
// when the path names nothing, or only a namespace such as kpi. Editors use
// it to link each reference to its declaration.
func (m *Model) Resolve(t hcl.Traversal) (v *Var, block any) {
	v, sc, diag := m.g.root.resolve(t)
	if diag != nil {
		return nil, nil
	}
	if v != nil {
		return v, nil
	}
	return nil, sc.owner
}
