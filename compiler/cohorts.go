package compiler

// Channel cohorts: a channel's leads move down its funnel as a cohort, and
// a channel may convert at its own rates (rates = { sql = "20%" }) and
// bring deals of its own size (deal_size). Every channel has the values of
// its cohort: its volume at each stage from its entry stage down
// (channel.C.stage.S.volume), its won deals and revenue, its CAC and
// ROAS.
//
// In a funnel where no channel converts otherwise, the funnel converts as
// today (each stage's volume from the stage before, rounded up when
// solved backward) and the cohorts split each stage's volume: a cohort
// moves on at the stage's effective rate, (volume - inflow) / the previous
// stage's volume, so the cohorts of a stage add up to its volume exactly.
// In a funnel where some channel converts otherwise, the cohorts are the
// model: a stage's volume is the sum of its cohorts (exact expected
// values, not whole), where any channel converts otherwise the stage's
// blended_rate is (volume - inflow) / the previous stage's volume, and the
// funnel's revenue is the sum of its channels' revenue. Solving that
// backward from revenue is a linear equation in the funnel's top volume,
// which the solver's linear step solves (linear.go).

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// override is one stage rate a channel gives for its own leads.
type override struct {
	stage *Object
	// key is where the stage is named; expr is the rate.
	key  hcl.Range
	expr hcl.Expression
}

// findOverrides reads every channel's rates, reports the ones that name
// no stage below the channel's entry stage, and marks the stages that some
// channel converts at a rate of its own and the funnels that have cohorts
// of their own (a channel with rates or a deal size).
func (r *resolver) findOverrides() {
	for _, c := range r.info.Kind("channel") {
		ch := c.Node.(*lang.Channel)
		entry := c.Ref("stage")
		if entry == nil || !ch.Overrides() {
			continue
		}
		r.info.cohortFunnel[entry.Parent] = true
		if ch.Rates == nil {
			continue
		}
		for _, ov := range r.channelRates(c, entry, ch.Rates) {
			r.info.overrides[c] = append(r.info.overrides[c], ov)
			r.info.overridden[ov.stage] = true
		}
	}
}

// channelRates reads the rates of channel c, which enters its funnel at
// entry: an object of rates by the names of the stages below entry.
func (r *resolver) channelRates(c, entry *Object, a *lang.Attr) []override {
	items, ok := objectItems(r.sink, a, "Rates must be an object",
		"Give a channel's own rates by stage name, such as rates = { sql = \"20%\" }.")
	if !ok {
		return nil
	}
	below := entry.Parent.Kids[slices.Index(entry.Parent.Kids, entry)+1:]
	var out []override
	seen := map[*Object]bool{}
	for _, it := range items {
		name := hcl.ExprAsKeyword(it.Key)
		s := r.stageNamed(below, name)
		switch {
		case name == "":
			r.sink.fail(lang.Schema, it.Key.Range(), "Stage name expected",
				"A key of rates is the name of a stage, without quotes: rates = { sql = \"20%\" }.")
		case s == nil:
			r.sink.fail(lang.UnknownReference, it.Key.Range(), "No such stage below the entry stage", r.belowDetail(c, entry, below, name))
		case seen[s]:
			r.sink.fail(lang.DuplicateName, it.Key.Range(), "Rate given twice",
				fmt.Sprintf("rates gives stage %q twice. Keep one.", name))
		default:
			seen[s] = true
			out = append(out, override{stage: s, key: it.Key.Range(), expr: unwrapKey(it.Value)})
		}
	}
	return out
}

// unwrapKey returns a rate's expression as written.
func unwrapKey(e hcl.Expression) hcl.Expression {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		return k.Wrapped
	}
	return e
}

func (r *resolver) stageNamed(stages []*Object, name string) *Object {
	for _, s := range stages {
		if s.Name() == name {
			return s
		}
	}
	return nil
}

// belowDetail says why a rate's stage name names no stage below entry.
func (r *resolver) belowDetail(c, entry *Object, below []*Object, name string) string {
	var names []string
	for _, s := range below {
		names = append(names, s.Name())
	}
	detail := fmt.Sprintf("channel %q enters funnel %q at stage %q; its own rates are for the stages after it", c.Name(), entry.Parent.Name(), entry.Name())
	if len(names) == 0 {
		return detail + ", and there is none. Remove rates."
	}
	detail += fmt.Sprintf(": %s.", orList(names))
	if s := lang.Suggest(name, names); s != "" {
		detail += fmt.Sprintf(" Did you mean %q?", s)
	}
	return detail
}

// declareCohorts declares channel c's cohort at each stage from its entry
// stage down: an object channel.C.stage.S with its volume (an expected
// value, never whole), and the rate the channel converts at there when it
// gives one.
func (r *resolver) declareCohorts(c *Object) {
	entry := c.Ref("stage")
	if entry == nil {
		return
	}
	ns := r.scopeOf(c).kid("stage", fmt.Sprintf("the stages of channel %q", c.Name()), nil)
	for _, s := range entry.Parent.Kids[slices.Index(entry.Parent.Kids, entry):] {
		co := &Object{Kind: "cohort", Path: c.Path.Child("stage", s.Name()), Parent: c,
			name: c.Label(), suffix: " at " + s.Label(), decl: c.DefRange(), at: s}
		c.Kids = append(c.Kids, co)
		r.scopes[co] = ns.kid(s.Name(), fmt.Sprintf("stage %q of channel %q", s.Name(), c.Name()), co)
		r.info.addObject(co)
		r.declareValuesOf(co)
	}
}

// wholeCohortFunnels makes the volumes below the first stage channels
// enter, in a funnel with cohorts of its own, exact expected values: sums
// of cohorts, not whole.
func (r *resolver) wholeCohortFunnels() {
	for _, f := range r.info.Kind("funnel") {
		if !r.info.cohortFunnel[f] {
			continue
		}
		for _, s := range f.Kids[firstEntered(f)+1:] {
			if v := s.Value("volume"); v != nil {
				v.Whole = false
			}
		}
	}
}

// overrides reports whether channel c gives its own rate at the stage of
// cohort co.
func (r *resolver) overridesAt(co *Object) bool {
	for _, ov := range r.info.overrides[co.Parent] {
		if ov.stage == co.at {
			return true
		}
	}
	return false
}

// cohortRate: a cohort has a rate of its own where its channel gives one.
func cohortRate(r *resolver, co *Object) bool { return r.overridesAt(co) }

// blended: a stage where some channel converts at its own rate has a
// blended rate.
func blended(r *resolver, s *Object) bool { return r.info.overridden[s] }

// hasDealSize: a channel with a deal size of its own.
func hasDealSize(_ *resolver, c *Object) bool { return c.Node.(*lang.Channel).DealSize != nil }

// channelWon is what a channel's won deals count: its funnel's last stage.
func channelWon(_ *Info, c *Object) quantity.Unit {
	if f := c.Ref("funnel"); f != nil {
		fn := f.Node.(*lang.Funnel)
		if len(fn.Stages) > 0 {
			return quantity.CountOf(fn.Stages[len(fn.Stages)-1].Unit.Value)
		}
	}
	return quantity.Count
}

// cohortCount is what a cohort counts: its stage's unit.
func cohortCount(in *Info, co *Object) quantity.Unit { return stageCount(in, co.at) }

// cohorts lowers every channel's cohort and what it brings, funnel by
// funnel.
func (l *lowerer) cohorts() {
	into := map[*Object][]*Object{} // the channels into each funnel, in the plan's order
	for _, c := range l.info.Kind("channel") {
		if s := c.Ref("stage"); s != nil {
			into[s.Parent] = append(into[s.Parent], c)
		}
	}
	for _, f := range l.info.Kind("funnel") {
		cs := into[f]
		if len(cs) == 0 {
			continue
		}
		rate := l.effectiveRate
		if l.info.cohortFunnel[f] {
			rate = l.ownRate
		}
		for _, c := range cs {
			l.cohort(c, rate)
			l.economics(c, f)
		}
		if l.info.cohortFunnel[f] {
			l.cohortFunnel(f, cs)
		}
	}
}

// cohort lowers channel c's volume at each stage from its entry stage
// down: its leads, then the volume before times the rate that rate gives.
func (l *lowerer) cohort(c *Object, rate func(co *Object) *Var) {
	r := c.DefRange()
	var prev *Var
	for _, co := range c.Kids {
		vol := co.Value("volume")
		if prev == nil {
			l.add(&Eq{V: vol, E: ref(c.Value("leads"), r), Role: RoleCohort, Range: r})
		} else if k := rate(co); k != nil {
			l.add(&Eq{V: vol, E: mul(prev, k, r), Role: RoleCohort, Range: r, ZeroUnsolved: true})
		}
		prev = vol
	}
}

// effectiveRate is the rate at which the cohorts of a funnel without
// cohorts of its own move on to co's stage: what the stage's volume keeps
// of the volume before, (volume - inflow) / volume before, so that the
// cohorts of a stage add up to its (rounded) volume. It is a total the
// stage's cohorts share.
func (l *lowerer) effectiveRate(co *Object) *Var {
	s := co.at
	if v := l.rates[s]; v != nil {
		return v
	}
	f := s.Parent
	i := slices.Index(f.Kids, s)
	r := s.DefRange()
	l.rates[s] = l.total(s, s.Path.Child("effective_rate"), kept(s, f.Kids[i-1], r), quantity.Ratio)
	return l.rates[s]
}

// kept is what stage s keeps of the stage before: (volume - inflow) /
// the volume before.
func kept(s, before *Object, r hcl.Range) Expr {
	var e Expr = ref(s.Value("volume"), r)
	if in := s.Value("inflow"); in != nil {
		e = &Bin{Op: '-', A: e, B: ref(in, r), R: r}
	}
	return &Bin{Op: '/', A: e, B: ref(before.Value("volume"), r), R: r}
}

// ownRate is the rate of a cohort in a funnel with cohorts of its own:
// its channel's where it gives one, else its stage's.
func (l *lowerer) ownRate(co *Object) *Var {
	if v := co.Value("rate"); v != nil {
		return v
	}
	return co.at.Value("rate")
}

// economics lowers what channel c brings: its won deals (its cohort at
// the funnel's last stage), their revenue at its deal size (or the
// funnel's), its CAC (cost / won) and ROAS (revenue / cost).
func (l *lowerer) economics(c, f *Object) {
	r := c.DefRange()
	last := c.Kids[len(c.Kids)-1].Value("volume")
	won, revenue, cost := c.Value("won"), c.Value("revenue"), c.Value("cost")
	deal := c.Value("deal_size")
	if deal == nil {
		deal = f.Value("deal_size")
	}
	l.add(&Eq{V: won, E: ref(last, r), Role: RoleCohort, Range: r})
	l.add(&Eq{V: revenue, E: mul(won, deal, r), Role: RoleCohort, Range: r})
	l.add(&Eq{V: c.Value("cac"), E: div(ref(cost, r), ref(won, r), r), Role: RoleCohort, Range: r, ZeroUnsolved: true})
	l.add(&Eq{V: c.Value("roas"), E: div(ref(revenue, r), ref(cost, r), r), Role: RoleCohort, Range: r, ZeroUnsolved: true})
}

// cohortFunnel lowers what the cohorts of a funnel with cohorts of its
// own make of it: each stage's volume below the stage its channels enter
// first is the sum of the cohorts there; where a channel converts at its
// own rate, the stage's blended rate is (volume - inflow) / the volume
// before; the funnel's revenue (the requirement the plan is solved from)
// and its planned revenue are the sum of its channels' revenue.
func (l *lowerer) cohortFunnel(f *Object, cs []*Object) {
	fn := f.Node.(*lang.Funnel)
	first := firstEntered(f)
	for i, s := range f.Kids {
		if i <= first {
			continue
		}
		var parts []*Var
		for _, c := range cs {
			for _, co := range c.Kids {
				if co.at == s {
					parts = append(parts, co.Value("volume"))
				}
			}
		}
		r := s.DefRange()
		l.add(&Eq{V: s.Value("volume"), E: sum(parts, r, s.Value("volume").Unit), Role: RoleStep, Range: r})
		if b := s.Value("blended_rate"); b != nil {
			l.add(&Eq{V: b, E: kept(s, f.Kids[i-1], r), Role: RoleCohort, Range: r, ZeroUnsolved: true})
		}
	}
	var revenues []*Var
	for _, c := range cs {
		revenues = append(revenues, c.Value("revenue"))
	}
	money := f.Value("revenue").Unit
	l.add(&Eq{V: f.Value("revenue"), E: sum(revenues, fn.DefRange, money), Role: RoleRevenue, Range: fn.DefRange})
	l.add(&Eq{V: f.Value("planned_revenue"), E: sum(revenues, fn.DefRange, money), Role: RoleCohort, Range: fn.DefRange})
}

// overrideInputs gives each cohort rate the channel gives its value.
func (l *lowerer) overrideInputs() {
	for _, c := range l.info.Kind("channel") {
		for _, ov := range l.info.overrides[c] {
			for _, co := range c.Kids {
				if co.at == ov.stage {
					l.input(co.Value("rate"), &lang.Attr{Name: "rates", Expr: ov.expr, Range: hcl.RangeBetween(ov.key, ov.expr.Range()), NameRange: ov.key})
				}
			}
		}
	}
}
