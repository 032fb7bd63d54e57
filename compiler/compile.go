package compiler

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

// Compile checks and solves a decoded plan. front holds the diagnostics of
// loading it; they are merged into the result, and when they include
// errors the solver does not report undetermined values (the missing
// parts are most likely what failed to load). The model is returned even
// when there are errors, with whatever values could be solved.
func Compile(plan *lang.Plan, front hcl.Diagnostics) (*Model, hcl.Diagnostics) {
	if plan == nil {
		return nil, sortDiags(front)
	}
	g := newGraph(plan)
	g.declare()
	g.define()
	g.inferUnits()
	g.resolveDeferred()
	rules := g.rules()
	g.resolveBenchmarks()
	g.checkUnits()
	skip, cyclic := g.findCycles()
	var active []*Eq
	for _, eq := range g.eqs {
		if !skip[eq] {
			active = append(active, eq)
		}
	}
	s := newSolver(g, active)
	s.run()
	s.checkRates()
	s.checkBudgets()
	s.checkTeamInputs()
	s.checkCapacity()
	s.checkKGIs()
	s.checkHandoffs()
	s.checkBlocks()
	s.checkPayback(rules.paybackMax)
	s.checkLTVCAC(rules.ltvCACMin)
	s.checkBenchmarks()
	diags := append(append(hcl.Diagnostics{}, front...), g.low.diags...)
	if !diags.HasErrors() && !s.diags.HasErrors() {
		s.reportUnderdetermined(cyclic)
	}
	diags = append(diags, s.diags...)
	return newModel(g, s), sortDiags(rules.apply(diags))
}

// Run reads the plan at paths from disk (source.Read), parses it and
// compiles it. When a path cannot be read there is no model, only the
// diagnostics that say why.
func Run(paths ...string) (*Model, hcl.Diagnostics) {
	srcs, diags := source.Read(paths...)
	if diags.HasErrors() {
		return Compile(nil, diags)
	}
	plan, more := lang.Parse(srcs)
	return Compile(plan, append(diags, more...))
}

// sortDiags orders diagnostics by position and drops exact repeats.
func sortDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := subject(diags[i]), subject(diags[j])
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Start.Byte != b.Start.Byte {
			return a.Start.Byte < b.Start.Byte
		}
		if ca, cb := lang.CodeOf(diags[i]), lang.CodeOf(diags[j]); ca != cb {
			return ca < cb
		}
		return diags[i].Detail < diags[j].Detail
	})
	var out hcl.Diagnostics
	for i, d := range diags {
		if i > 0 && same(diags[i-1], d) {
			continue
		}
		out = append(out, d)
	}
	return out
}

func subject(d *hcl.Diagnostic) hcl.Range {
	if d.Subject == nil {
		return hcl.Range{}
	}
	return *d.Subject
}

func same(a, b *hcl.Diagnostic) bool {
	return subject(a) == subject(b) && a.Summary == b.Summary && a.Detail == b.Detail
}
