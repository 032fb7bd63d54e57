package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/zclconf/go-cty/cty"
)

// phaser builds the timeline from the yearly solution (timeline.go says
// the rules).
type phaser struct {
	info *Info
	sol  *Solution
	eqs  []*Eq
	sink *sink
	tl   *Timeline
	// shapes of the values whose shape a phasing gives: a KGI's, and
	// every value its formula reaches first.
	shapes map[*Var][]*big.Rat
	// months holds the monthly values while they are built.
	months map[*Var][]*big.Rat
	// mean marks loads, whose quarter is the mean of its months.
	mean map[*Var]bool
	// formulaOf is the formula equation of each metric that has one,
	// but for those computed from values in a period (monthly): they are
	// numbers, not series.
	formulaOf map[*Var]*Eq
	monthly   map[*Eq]bool
	// byFunnel lists the channels of each funnel that enter a stage.
	byFunnel map[*Object][]*Object
	// later is the work only output needs, done on first use (finish).
	later []func()
}

// buildTimeline places the solved plan in the months of its period; nil
// when the period does not name its months (reported when the plan uses
// phasing).
func buildTimeline(plan *lang.Plan, in *Info, sol *Solution, low *lowered, monthly map[*Eq]bool, s *sink) *Timeline {
	period, r := "", hcl.Range{}
	if plan.Meta != nil {
		period, r = plan.Meta.Period.Value, plan.Meta.Period.Range
	}
	first, n, err := lang.PeriodSpan(period)
	if period == "" {
		err = fmt.Errorf("the plan has no period")
	}
	if err != nil {
		at, ok := phasedAt(plan)
		if !ok && len(low.periodRefs) > 0 {
			at, ok = low.periodRefs[0].R, true
		}
		if ok {
			if period == "" { // no period attribute to point at: point at the phasing
				r = at
			}
			s.fail(lang.Schema, r, "Period without months",
				fmt.Sprintf("Time phasing places the plan in the months of its period, but %s. Give the plan a period of months, such as period = \"2027-04 .. 2028-03\".", err))
		}
		return nil
	}
	p := &phaser{info: in, sol: sol, eqs: low.eqs, monthly: monthly, sink: s, shapes: map[*Var][]*big.Rat{},
		months: map[*Var][]*big.Rat{}, mean: map[*Var]bool{},
		tl: &Timeline{First: first, Months: n, Periods: periodsOf(first, n), series: map[*Var][]*big.Rat{},
			target: map[*Var][]*big.Rat{}, before: map[*Var]*big.Rat{}, open: map[*Var][]*big.Rat{}, shape: map[*Var][]*big.Rat{}}}
	p.phasings()
	p.byFunnel = map[*Object][]*Object{}
	for _, c := range in.Kind("channel") {
		if f := c.Ref("funnel"); f != nil && c.Ref("stage") != nil {
			p.byFunnel[f] = append(p.byFunnel[f], c)
		}
	}
	for _, f := range in.Kind("funnel") {
		p.funnel(f)
	}
	p.budgets()
	p.teams()
	p.metrics()
	p.tl.monthly = p.months
	p.tl.finish = p.finish
	return p.tl
}

// value is v's yearly value; ok is false when it was not solved.
func (p *phaser) value(v *Var) (*big.Rat, bool) {
	if v == nil {
		return nil, false
	}
	val, ok := p.sol.Value(v)
	if !ok {
		return nil, false
	}
	return val.Nom, true
}

// phasings reads the phasing of every metric that has one, and gives
// its shape to the values its formula reaches (a KGI's revenue, the
// funnel's revenue in it), the first phasing in the plan's order winning.
func (p *phaser) phasings() {
	p.formulaOf = formulasOf(p.eqs, p.monthly)
	for _, kind := range []string{"kpi", "kgi"} { // a KPI's own phasing before a KGI's reach
		for _, o := range p.info.Kind(kind) {
			m := o.Node.(*lang.Metric)
			v := o.Value("")
			shape := p.shapeOf(o, m.Phasing)
			if kind == "kgi" || m.Phasing != nil {
				p.spread(v, shape)
			}
		}
	}
}

// spread gives shape to v and to the terms of its formula, and of theirs,
// that have none yet. Only terms of sums: in revenue = funnel revenue +
// upsell both are amounts of the period and follow its phasing, but in
// revenue = deals x price the price is the same in every month, and
// nothing in a product says which factor is the amount.
func (p *phaser) spread(v *Var, shape []*big.Rat) {
	sumsFrom(p.formulaOf, v, func(x *Var) bool {
		if p.shapes[x] != nil {
			return false
		}
		p.shapes[x] = shape
		return true
	})
}

// formulasOf maps each metric that has a formula to its equation, but
// for the equations in skip.
func formulasOf(eqs []*Eq, skip map[*Eq]bool) map[*Var]*Eq {
	out := map[*Var]*Eq{}
	for _, eq := range eqs {
		if eq.Role == RoleFormula && out[eq.V] == nil && !skip[eq] {
			out[eq.V] = eq
		}
	}
	return out
}

// sumsFrom visits start and the terms of the sums its formula (and
// theirs) adds up, each once, breadth first; visit says whether to go on
// into a value's own terms.
func sumsFrom(formulaOf map[*Var]*Eq, start *Var, visit func(*Var) bool) {
	seen := map[*Var]bool{}
	queue := []*Var{start}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if x == nil || seen[x] {
			continue
		}
		seen[x] = true
		if visit(x) && formulaOf[x] != nil {
			queue = append(queue, terms(formulaOf[x].E)...)
		}
	}
}

// terms lists the values that e adds or subtracts.
func terms(e Expr) []*Var {
	switch x := e.(type) {
	case *Ref:
		return []*Var{x.Var}
	case *Neg:
		return terms(x.X)
	case *Bin:
		if x.Op == '+' || x.Op == '-' {
			return append(terms(x.A), terms(x.B)...)
		}
	}
	return nil
}

// shapeOf reads a phasing attribute: a profile, "days" or "even" (also
// when a is nil).
func (p *phaser) shapeOf(o *Object, a *lang.Attr) []*big.Rat {
	n := p.tl.Months
	if a == nil {
		return even(n)
	}
	if prof := o.Ref("phasing"); prof != nil {
		if w := p.weights(prof); w != nil {
			return w
		}
		return even(n)
	}
	if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.AsString() == "days" {
		return days(p.tl.First, n)
	}
	return even(n)
}

// weights reads a profile's weights: one number per month, none negative,
// not all zero. nil when they are wrong (reported).
func (p *phaser) weights(prof *Object) []*big.Rat {
	a := prof.Node.(*lang.Profile).Weights
	if a == nil {
		return nil
	}
	bad := func(detail string) []*big.Rat {
		p.sink.fail(lang.PhasingWeights, a.Expr.Range(), "Wrong weights", detail)
		return nil
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.Type().IsTupleType() && !v.Type().IsListType() || !v.IsWhollyKnown() {
		return bad(fmt.Sprintf("profile %q needs a list of numbers, one per month of the period, such as weights = [1, 1, 2].", prof.Name()))
	}
	var w []*big.Rat
	for it := v.ElementIterator(); it.Next(); {
		_, x := it.Element()
		r, ok := weightOf(x)
		if !ok {
			return bad(fmt.Sprintf("each weight of profile %q is a number, such as 1 or 1.5; %s is not.", prof.Name(), x.GoString()))
		}
		if r.Sign() < 0 {
			return bad(fmt.Sprintf("profile %q has a negative weight, %s; a weight says how much of the year falls in a month, 0 or more.", prof.Name(), r.FloatString(2)))
		}
		w = append(w, r)
	}
	switch {
	case len(w) != p.tl.Months:
		return bad(fmt.Sprintf("profile %q has %d weights, but the plan's period has %d months (%s to %s); give one weight per month.",
			prof.Name(), len(w), p.tl.Months, lang.MonthName(p.tl.First), lang.MonthName(p.tl.First+p.tl.Months-1)))
	case allZero(w):
		return bad(fmt.Sprintf("every weight of profile %q is 0, so nothing falls in any month; give the months their relative weights.", prof.Name()))
	}
	return normalize(w)
}

// weightOf reads one weight: a number, or a string of one.
func weightOf(x cty.Value) (*big.Rat, bool) {
	q, err := literal(x)
	if err != nil || !q.Unit.Same(quantity.PlainNumber) {
		return nil, false
	}
	return q.Value, true
}

func allZero(w []*big.Rat) bool {
	for _, x := range w {
		if x.Sign() != 0 {
			return false
		}
	}
	return true
}

// put records v's monthly values.
func (p *phaser) put(v *Var, ms []*big.Rat) {
	if v != nil && ms != nil {
		p.months[v] = ms
	}
}

// spreadYearly is v's yearly value spread by shape, nil when unsolved.
func (p *phaser) spreadYearly(v *Var, shape []*big.Rat) []*big.Rat {
	y, ok := p.value(v)
	if !ok {
		return nil
	}
	return flows(y, shape, v.Whole && y.IsInt())
}

// times multiplies monthly values by a constant.
func times(ms []*big.Rat, k *big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(ms))
	for i, x := range ms {
		out[i] = ratMul(x, k)
	}
	return out
}

// plus adds monthly values, nil counting as none.
func plus(a, b []*big.Rat) []*big.Rat {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	out := make([]*big.Rat, len(a))
	for i := range a {
		out[i] = ratAdd(a[i], b[i])
	}
	return out
}

// monthsText names a run of months: "2027-11 to 2028-01", or one month.
func (t *Timeline) monthsText(from, to int) string {
	if from == to {
		return lang.MonthName(t.First + from)
	}
	return lang.MonthName(t.First+from) + " to " + lang.MonthName(t.First+to)
}

// runs lists the runs of consecutive months where pick is true, named.
func (t *Timeline) runs(pick func(m int) bool) []string {
	var out []string
	for m := 0; m < t.Months; m++ {
		if !pick(m) {
			continue
		}
		end := m
		for end+1 < t.Months && pick(end+1) {
			end++
		}
		out = append(out, t.monthsText(m, end))
		m = end
	}
	return out
}

// joinRuns joins runs of months for a message.
func joinRuns(rs []string) string { return strings.Join(rs, ", ") }
