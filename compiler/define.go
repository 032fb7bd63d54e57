package compiler

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// define lowers every attribute that gives or relates values: the second
// pass of building the graph.
func (g *graph) define() {
	for _, mv := range orderedMetrics(g) {
		g.defineMetric(mv.m, mv.v)
	}
	for _, f := range g.plan.Funnels {
		g.defineFunnel(f)
	}
	for _, c := range g.plan.Channels {
		g.defineChannel(c)
	}
	g.defineEntries()
	g.defineSources()
	g.defineTeams()
	for _, b := range g.plan.Budgets {
		g.defineBudget(b)
	}
	for _, c := range g.plan.Checks {
		if c.Condition == nil {
			continue
		}
		if e := g.low.expr(c.Condition.Expr, true); e != nil {
			g.checks = append(g.checks, checkIR{check: c, cond: e})
		}
	}
}

type metricVar struct {
	m *lang.Metric
	v *Var
}

func orderedMetrics(g *graph) []metricVar {
	var out []metricVar
	for _, m := range g.plan.Metrics() {
		if v := g.metricVar[m]; v != nil {
			out = append(out, metricVar{m, v})
		}
	}
	return out
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

func (g *graph) defineMetric(m *lang.Metric, v *Var) {
	bare := slot{unit: quantity.Count, scale: big.NewRat(1, 1)}
	if scale := g.unitScale[v]; scale != nil {
		bare = slot{unit: v.Unit, scale: scale}
	} else if m.Formula != nil {
		bare.fromFormula = true
	}
	if m.Value != nil {
		g.assign(v, m.Value, "assumption", bare)
	}
	if m.Target != nil {
		g.assign(v, m.Target, "target", bare)
	}
	if m.Formula != nil {
		if e := g.low.expr(m.Formula.Expr, false); e != nil {
			g.eqs = append(g.eqs, &Eq{V: v, E: e, Range: m.Formula.Expr.Range(), What: "the formula of " + v.Path, Formula: true})
		}
	}
}

// assign gives v the value of attribute a: a constant becomes v's Given
// value, any other expression an equation v = expr.
func (g *graph) assign(v *Var, a *lang.Attr, origin string, bare slot) {
	if a == nil {
		return
	}
	e := g.low.expr(a.Expr, false)
	if e == nil {
		return
	}
	v.Decl = a.Range
	c, ok := e.(*Const)
	if !ok {
		g.eqs = append(g.eqs, &Eq{V: v, E: e, Range: a.Expr.Range(), What: fmt.Sprintf("the %s of %s", a.Name, v.Path), Formula: true})
		return
	}
	val, unit := c.V, c.Unit
	if c.Bare && bare.fromFormula {
		g.deferred = append(g.deferred, deferredGiven{v: v, value: c.V, origin: origin, rng: a.Expr.Range()})
		return
	}
	if c.Bare {
		val, unit = new(big.Rat).Mul(c.V, bare.scale), bare.unit
	}
	if v.UnitKnown && !unit.Same(v.Unit) {
		g.low.fail(lang.UnitMismatch, a.Expr.Range(), "Unit mismatch",
			fmt.Sprintf("%s is %s, but %s is %s. %s", v.Path, v.Unit.Dimension(), a.Name, unit.Dimension(), unitHint(v.Unit)))
		return
	}
	if !v.UnitKnown {
		v.setUnit(unit)
	}
	if v.Given != nil {
		return // value and target together are reported by lang
	}
	v.Given = &Given{Value: val, Origin: origin, Range: a.Expr.Range()}
}

// unitHint says how to write a value of unit u.
func unitHint(u quantity.Unit) string {
	switch {
	case u.IsRatio():
		return "Write a rate or share as a percentage, such as \"30%\"."
	case u.IsMoney():
		return fmt.Sprintf("Write an amount such as \"2.4M %s\".", u.Currency)
	case u.IsCount():
		return "Write a count, such as 200 or \"200 deals\"."
	}
	return fmt.Sprintf("Write a value in %s.", u.String())
}

func (g *graph) defineFunnel(f *lang.Funnel) {
	fv := g.funnelVars[f]
	if fv == nil {
		return
	}
	money := slot{unit: g.money(), scale: big.NewRat(1, 1)}
	ratio := slot{unit: quantity.Ratio, scale: big.NewRat(1, 1)}
	g.assign(fv.dealSize, f.DealSize, "input", money)
	var prev *Var
	for _, s := range f.Stages {
		vol := g.volume[s]
		if vol == nil {
			continue
		}
		if r := g.rate[s]; r != nil && prev != nil {
			g.assign(r, s.Rate, "input", ratio)
			e, what := mul(prev, r, s.DefRange), fmt.Sprintf("%s = %s x %s", vol.Path, prev.Path, r.Path)
			if in := g.inflow[s]; in != nil {
				e, what = &Bin{Op: '+', A: e, B: ref(in, s.DefRange), R: s.DefRange}, what+" + "+in.Path
			}
			g.eqs = append(g.eqs, &Eq{V: vol, E: e, Range: attrRange(s.Rate, s.DefRange), What: what})
		}
		prev = vol
	}
	if prev != nil {
		g.eqs = append(g.eqs, &Eq{V: fv.revenue, E: mul(prev, fv.dealSize, f.DefRange), Range: f.DefRange,
			What: fmt.Sprintf("%s = %s x %s", fv.revenue.Path, prev.Path, fv.dealSize.Path)})
	}
}

func mul(a, b *Var, r hcl.Range) Expr {
	return &Bin{Op: '*', A: &Ref{Var: a, R: r}, B: &Ref{Var: b, R: r}, R: r}
}

func (g *graph) defineChannel(c *lang.Channel) {
	cv := g.chanVars[c]
	money := slot{unit: g.money(), scale: big.NewRat(1, 1)}
	g.assign(cv.cpa, c.CPA, "input", money)
	g.assign(cv.share, c.Share, "input", slot{unit: quantity.Ratio, scale: big.NewRat(1, 1)})
	g.assign(cv.leads, c.Leads, "input", slot{unit: quantity.CountOf("leads"), scale: big.NewRat(1, 1)})
	g.assign(cv.cost, c.Budget, "input", money)
	g.eqs = append(g.eqs, &Eq{V: cv.cost, E: mul(cv.leads, cv.cpa, c.DefRange), Range: c.DefRange, FloorBackward: c.Budget != nil,
		What: fmt.Sprintf("%s = %s x %s", cv.cost.Path, cv.leads.Path, cv.cpa.Path)})
	s := g.entry[c]
	if s == nil || g.volume[s] == nil {
		delete(g.entry, c) // a stage without values: its name is reported by lang
		return
	}
	base := g.entryTotal(s)
	g.eqs = append(g.eqs, &Eq{V: cv.leads, E: mul(cv.share, base, c.DefRange), Range: c.DefRange, CeilForward: true, Relation: true,
		What: fmt.Sprintf("%s = %s x %s", cv.leads.Path, cv.share.Path, base.Path)})
}

// entryStage resolves a channel's funnel and stage attributes.
func (g *graph) entryStage(c *lang.Channel) *lang.Stage {
	if c.Funnel == nil {
		return nil
	}
	f, ok := blockRef[*lang.Funnel](g, c.Funnel.Expr, "A channel's funnel", "funnel", "funnel.demand")
	if !ok || len(f.Stages) == 0 {
		return nil
	}
	if c.Stage.Value == "" {
		return f.Stages[0]
	}
	for _, s := range f.Stages {
		if s.Name == c.Stage.Value {
			return s
		}
	}
	var names []string
	for _, s := range f.Stages {
		names = append(names, s.Name)
	}
	detail := fmt.Sprintf("funnel %q has no stage %q.", f.Name, c.Stage.Value)
	if s := lang.Suggest(c.Stage.Value, names); s != "" {
		detail += fmt.Sprintf(" Did you mean %q?", s)
	}
	g.low.fail(lang.UnknownReference, c.Stage.Range, "Unknown stage", detail)
	return nil
}

func ownerOf[T any](sc *scope) (T, bool) {
	var zero T
	if sc == nil {
		return zero, false
	}
	t, ok := sc.owner.(T)
	return t, ok
}

// deferredGiven is a bare number given to a metric whose unit comes from
// its formula.
type deferredGiven struct {
	v      *Var
	value  *big.Rat
	origin string
	rng    hcl.Range
}

// resolveDeferred gives deferred bare numbers the unit inference found,
// or makes them counts.
func (g *graph) resolveDeferred() {
	for _, d := range g.deferred {
		if !d.v.UnitKnown {
			d.v.setUnit(quantity.Count)
		}
		if d.v.Given == nil {
			d.v.Given = &Given{Value: d.value, Origin: d.origin, Range: d.rng}
		}
	}
}
