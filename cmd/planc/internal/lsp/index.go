package lsp

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// An entity is what a name in a plan can stand for: a value
// (*compiler.Var) or a block that holds values (*lang.Funnel, *lang.Stage,
// *lang.Channel, *lang.Budget). A kgi or kpi block is its value.
type entity = any

// occurrence is a name in the source that stands for an entity.
type occurrence struct {
	// at is what the cursor must be on: one segment of a reference (mql
	// in funnel.demand.mql.volume), a block's header or an attribute's
	// name.
	at hcl.Range
	// span is what a reference list shows: the reference up to that
	// segment (funnel.demand.mql). Zero for a declaration.
	span hcl.Range
	ent  entity
}

// index is the side table of names for one snapshot: every reference in
// an expression, resolved by the compiler's own scope rules, and every
// declaration.
type index struct {
	refs  []occurrence
	decls []occurrence
}

func buildIndex(plan *lang.Plan, m *compiler.Model) *index {
	ix := &index{}
	if m == nil {
		return ix
	}
	for _, a := range exprAttrs(plan) {
		for _, t := range a.Expr.Variables() {
			ix.addTraversal(plan, m, t)
		}
	}
	ix.addDecls(plan, m)
	return ix
}

// addTraversal records each segment of a reference that names something.
// The root segment (kpi in kpi.cac) stands for the whole reference.
func (ix *index) addTraversal(plan *lang.Plan, m *compiler.Model, t hcl.Traversal) {
	var last occurrence
	for i := 1; i < len(t); i++ {
		v, block := m.Resolve(t[:i+1])
		var ent entity = block
		if v != nil {
			ent = v
		}
		if ent == nil {
			break
		}
		last = occurrence{at: segment(plan, t[i]), span: hcl.RangeBetween(t[0].SourceRange(), t[i].SourceRange()), ent: ent}
		ix.refs = append(ix.refs, last)
	}
	if last.ent != nil {
		ix.refs = append(ix.refs, occurrence{at: t[0].SourceRange(), span: last.span, ent: last.ent})
	}
}

// segment is a traversal step's range without its leading dot. The dot
// is one byte and one column, so the start moves by one of each.
func segment(plan *lang.Plan, step hcl.Traverser) hcl.Range {
	r := step.SourceRange()
	f := plan.Files[r.Filename]
	if f != nil && r.Start.Byte < len(f.Bytes) && r.Start.Byte < r.End.Byte && f.Bytes[r.Start.Byte] == '.' {
		r.Start.Byte++
		r.Start.Column++
	}
	return r
}

// exprAttrs lists every attribute whose expression may hold references.
func exprAttrs(plan *lang.Plan) []*lang.Attr {
	var out []*lang.Attr
	add := func(as ...*lang.Attr) {
		for _, a := range as {
			if a != nil && a.Expr != nil {
				out = append(out, a)
			}
		}
	}
	for _, m := range plan.Metrics() {
		add(m.Value, m.Target, m.Formula)
	}
	for _, f := range plan.Funnels {
		add(f.DealSize)
		for _, s := range f.Stages {
			add(s.Rate, s.Team)
		}
	}
	for _, c := range plan.Channels {
		add(c.Funnel, c.Share, c.Leads, c.Budget, c.CPA)
	}
	for _, t := range plan.Teams {
		add(t.Headcount, t.Capacity)
	}
	for _, b := range plan.Budgets {
		add(b.Cap, b.Channels)
	}
	for _, c := range plan.Checks {
		add(c.Condition)
	}
	return out
}

// addDecls records block headers and the names of attributes that give a
// value, so that hover and references work on declarations too.
func (ix *index) addDecls(plan *lang.Plan, m *compiler.Model) {
	for _, x := range plan.Metrics() {
		v := m.MetricVar(x)
		ix.decl(&x.Block, v)
		ix.attrDecl(v, x.Value, x.Target, x.Formula)
	}
	for _, f := range plan.Funnels {
		ix.decl(&f.Block, f)
		dealSize, _ := m.FunnelVars(f)
		ix.attrDecl(dealSize, f.DealSize)
		for _, s := range f.Stages {
			ix.decl(&s.Block, s)
			_, rate := m.StageVars(s)
			ix.attrDecl(rate, s.Rate)
		}
	}
	for _, c := range plan.Channels {
		ix.decl(&c.Block, c)
		leads, share, cpa, cost := m.ChannelVars(c)
		ix.attrDecl(leads, c.Leads)
		ix.attrDecl(share, c.Share)
		ix.attrDecl(cpa, c.CPA)
		ix.attrDecl(cost, c.Budget)
	}
	for _, b := range plan.Budgets {
		ix.decl(&b.Block, b)
		_, limit := m.BudgetVars(b)
		ix.attrDecl(limit, b.Cap)
	}
	for _, t := range plan.Teams {
		ix.decl(&t.Block, t)
		headcount, capacity, _, _ := m.TeamVars(t)
		ix.attrDecl(headcount, t.Headcount)
		ix.attrDecl(capacity, t.Capacity)
	}
}

// decl records a block's header. A nil *compiler.Var (a duplicate metric,
// which the compiler does not declare) records nothing.
func (ix *index) decl(b *lang.Block, ent entity) {
	if v, ok := ent.(*compiler.Var); ok && v == nil {
		return
	}
	ix.decls = append(ix.decls, occurrence{at: b.DefRange, ent: ent})
}

func (ix *index) attrDecl(v *compiler.Var, as ...*lang.Attr) {
	for _, a := range as {
		if a != nil && v != nil {
			ix.decls = append(ix.decls, occurrence{at: a.NameRange, ent: v})
		}
	}
}

// at returns the entity at byte offset off of file name and the range of
// the name there. A reference wins over a declaration, and of
// overlapping ones the innermost (the narrowest) wins.
func (ix *index) at(name string, off int) (entity, hcl.Range, bool) {
	var best *occurrence
	for _, list := range [][]occurrence{ix.refs, ix.decls} {
		for i := range list {
			o := &list[i]
			if o.at.Filename == name && contains(o.at, off) && (best == nil || width(o.at) < width(best.at)) {
				best = o
			}
		}
		if best != nil {
			return best.ent, best.at, true
		}
	}
	return nil, hcl.Range{}, false
}

func width(r hcl.Range) int { return r.End.Byte - r.Start.Byte }

// usages returns the references to ent, in source order. A reference's
// root segment repeats its last resolved one, so spans are deduplicated.
func (ix *index) usages(ent entity) []hcl.Range {
	var out []hcl.Range
	seen := map[hcl.Range]bool{}
	for _, o := range ix.refs {
		if o.ent == ent && !seen[o.span] {
			seen[o.span] = true
			out = append(out, o.span)
		}
	}
	return out
}

// declaration is where go-to-definition lands for ent: a kgi or kpi
// block's header, the attribute that gives a value (rate, cpa, cap...),
// or the header of the block that implies it (a stage for its volume).
func declaration(ent entity) (hcl.Range, bool) {
	switch x := ent.(type) {
	case *compiler.Var:
		if x.Kind == compiler.KindMetric {
			return x.Block, true
		}
		return x.Decl, true
	case *lang.Funnel:
		return x.DefRange, true
	case *lang.Stage:
		return x.DefRange, true
	case *lang.Channel:
		return x.DefRange, true
	case *lang.Budget:
		return x.DefRange, true
	case *lang.Team:
		return x.DefRange, true
	}
	return hcl.Range{}, false
}
