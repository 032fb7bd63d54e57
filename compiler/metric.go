package compiler

import (
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// lowered is what the lower phase gives: the plan's equations, its check
// blocks' conditions, and the bare numbers whose unit only unit inference
// can tell.
type lowered struct {
	eqs        []*Eq
	checks     []checkIR
	deferred   []deferredGiven
	totals     []*Var
	periodRefs []*Ref
}

type checkIR struct {
	check *lang.Check
	cond  Expr
}

// lower turns every attribute that gives or relates values into a given
// value or an equation, kind by kind. It needs Info: the objects and their
// values, and the namespace its formulas are resolved in.
func lower(plan *lang.Plan, in *Info, s *sink) *lowered {
	l := &lowerer{info: in, sink: s, files: plan.Files, unitScale: map[*Var]*big.Rat{}, rates: map[*Object]*Var{}}
	for _, kind := range []string{"kgi", "kpi"} {
		for _, o := range in.Kind(kind) {
			l.declareUnit(o)
		}
	}
	for _, kind := range []string{"kgi", "kpi"} {
		for _, o := range in.Kind(kind) {
			l.metric(o)
		}
	}
	for _, f := range in.Kind("funnel") {
		l.funnel(f)
	}
	for _, c := range in.Kind("channel") {
		l.channel(c)
	}
	l.entries()
	l.overrideInputs()
	l.cohorts()
	l.sources()
	l.teams(plan)
	for _, b := range in.Kind("budget") {
		l.budget(b)
	}
	for _, c := range in.Kind("check") {
		l.check(c.Node.(*lang.Check))
	}
	l.fixes(plan)
	return &lowered{eqs: l.eqs, checks: l.checks, deferred: l.deferred, totals: l.totals, periodRefs: l.periodRefs}
}

// declareUnit gives a metric the unit it declares, before any formula
// refers to it.
func (l *lowerer) declareUnit(o *Object) {
	m, v := o.Node.(*lang.Metric), o.Value("")
	if m.Unit == nil {
		return
	}
	if u, scale, ok := l.unit(m.Unit.Expr); ok {
		v.setUnit(u)
		l.unitScale[v] = scale
	}
}

// metric lowers a kgi or kpi: its value or target, and its formula.
func (l *lowerer) metric(o *Object) {
	m, v := o.Node.(*lang.Metric), o.Value("")
	bare := slot{unit: quantity.Count, scale: big.NewRat(1, 1)}
	if scale := l.unitScale[v]; scale != nil {
		bare = slot{unit: v.Unit, scale: scale}
	} else if m.Formula != nil {
		bare.fromFormula = true
	}
	if m.Value != nil {
		l.assign(v, m.Value, Assumption, bare)
	}
	if m.Target != nil {
		l.assign(v, m.Target, Target, bare)
	}
	if m.Formula != nil {
		if e := l.expr(m.Formula.Expr, false); e != nil {
			l.add(&Eq{V: v, E: e, Role: RoleFormula, Attr: "formula", Range: m.Formula.Expr.Range()})
		}
	}
}

func (l *lowerer) check(c *lang.Check) {
	if c.Condition == nil {
		return
	}
	if e := l.expr(c.Condition.Expr, true); e != nil {
		l.checks = append(l.checks, checkIR{check: c, cond: e})
	}
}

// slot says how a bare number in an attribute is read.
type slot struct {
	unit quantity.Unit
	// scale converts a bare number to canonical units (万円: 10000).
	scale *big.Rat
	// fromFormula defers a bare number's unit until the metric's formula
	// has given it one: kgi { target = 480000000, formula = ...revenue }.
	fromFormula bool
}

// input gives v, whose unit the resolver set, the value of attribute a
// (an input such as a rate or a CPA); a bare number is in v's unit.
func (l *lowerer) input(v *Var, a *lang.Attr) {
	if v == nil || a == nil {
		return // a value the object does not have, or an attribute not written
	}
	l.assign(v, a, Input, slot{unit: v.Unit, scale: big.NewRat(1, 1)})
}

// assign gives v the value of attribute a: a constant becomes v's Given
// value, any other expression an equation v = expr.
func (l *lowerer) assign(v *Var, a *lang.Attr, origin Origin, bare slot) {
	if a == nil {
		return
	}
	e := l.expr(a.Expr, false)
	if e == nil {
		return
	}
	v.Decl = a.Range
	c, ok := e.(*Const)
	if !ok {
		l.add(&Eq{V: v, E: e, Role: RoleFormula, Attr: a.Name, Range: a.Expr.Range()})
		return
	}
	val, unit := c.V, c.Unit
	if c.Bare && bare.fromFormula {
		l.deferred = append(l.deferred, deferredGiven{v: v, value: c.V, origin: origin, rng: a.Expr.Range()})
		return
	}
	sp := c.Spread
	if c.Bare {
		val, unit = new(big.Rat).Mul(c.V, bare.scale), bare.unit
		if sp != nil {
			sp = &Spread{Lo: new(big.Rat).Mul(sp.Lo, bare.scale), Hi: new(big.Rat).Mul(sp.Hi, bare.scale)}
		}
	}
	if v.UnitKnown && !unit.Same(v.Unit) {
		l.fail(lang.UnitMismatch, a.Expr.Range(), "Unit mismatch", l.mismatch(v, a, val, unit))
		return
	}
	if !v.UnitKnown {
		v.setUnit(unit)
	}
	v.keepLabel(unit)
	if v.Given != nil {
		return // value and target together are reported by lang
	}
	v.Given = &Given{Value: val, Origin: origin, Range: a.Expr.Range()}
	if sp != nil {
		l.info.Spreads[v] = sp
	}
}

// unitHint says how to write a value of unit u.
func unitHint(u quantity.Unit) string {
	switch {
	case u.IsRatio():
		return "Write a rate or share as a percentage, such as \"30%\"."
	case u.IsMoney():
		return "Write an amount such as \"2.4M " + u.Currency + "\"."
	case u.IsCount():
		return "Write a count, such as 200 or \"200 deals\"."
	}
	return "Write a value in " + u.String() + "."
}

// deferredGiven is a bare number given to a metric whose unit comes from
// its formula.
type deferredGiven struct {
	v      *Var
	value  *big.Rat
	origin Origin
	rng    hcl.Range
}

// resolveDeferred gives deferred bare numbers the unit inference found,
// or makes them counts.
func resolveDeferred(ds []deferredGiven) {
	for _, d := range ds {
		if !d.v.UnitKnown {
			d.v.setUnit(quantity.Count)
		}
		if d.v.Given == nil {
			d.v.Given = &Given{Value: d.value, Origin: d.origin, Range: d.rng}
		}
	}
}
