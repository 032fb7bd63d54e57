package compiler

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// funnel places a funnel's stages, channels and revenue in the months.
func (p *phaser) funnel(f *Object) {
	stages := f.Kids
	if len(stages) == 0 {
		return
	}
	shape := p.shapeOfFunnel(f)
	lags := make([]*big.Rat, len(stages))
	for i, s := range stages {
		lags[i] = p.lag(s)
	}
	offsets := make([]*big.Rat, len(stages))
	offsets[len(stages)-1] = new(big.Rat)
	for i := len(stages) - 2; i >= 0; i-- {
		offsets[i] = ratAdd(offsets[i+1], lags[i+1])
	}
	shapes := map[*Object][]*big.Rat{}
	running := cumulative(shape)
	for i, s := range stages {
		q := shift(shape, offsets[i])
		shapes[s] = q
		vol := s.Value("volume")
		p.tl.shape[vol] = q
		if in := s.Value("inflow"); in != nil {
			p.tl.shape[in] = q
		}
		p.put(vol, p.spreadYearly(vol, q))
		p.put(s.Value("inflow"), p.spreadYearly(s.Value("inflow"), q))
		if y, ok := p.value(vol); ok {
			b := ratMul(y, running.at(offsets[i]))
			if vol.Whole {
				b = stdlib.Ceil(b)
			}
			p.tl.before[vol] = b
		}
		if i+1 < len(stages) && p.months[vol] != nil {
			p.openOf(vol, running, offsets[i], offsets[i+1])
		}
	}
	p.put(f.Value("revenue"), p.spreadYearly(f.Value("revenue"), shape))
	p.channels(f)
	p.later = append(p.later, func() { p.cohorts(f, shapes) })
	p.opening(f, offsets)
}

// cohorts places the cohorts of funnel f's channels and the funnel's
// planned revenue: the sum of its channels' revenue in a funnel with
// cohorts of its own, its whole won deals x its deal size otherwise. No
// check reads them, so they wait until output asks (finish).
func (p *phaser) cohorts(f *Object, shapes map[*Object][]*big.Rat) {
	var planned []*big.Rat
	for _, c := range p.byFunnel[f] {
		planned = plus(planned, p.cohort(f, c, shapes))
	}
	if !p.info.cohortFunnel[f] {
		planned = nil
		if won := p.months[f.Kids[len(f.Kids)-1].Value("volume")]; won != nil {
			if d, ok := p.value(f.Value("deal_size")); ok {
				planned = times(won, d)
			}
		}
	}
	p.put(f.Value("planned_revenue"), planned)
}

// shapeOfFunnel is the shape of a funnel's won deals: that of the KGI
// its revenue feeds, even when none.
func (p *phaser) shapeOfFunnel(f *Object) []*big.Rat {
	if shape := p.shapes[f.Value("revenue")]; shape != nil {
		return shape
	}
	return even(p.tl.Months)
}

// lag is a stage's lag in months: 0 when it has none, or a negative one
// (reported).
func (p *phaser) lag(s *Object) *big.Rat {
	v := s.Value("lag")
	x, ok := p.value(v)
	if !ok {
		return new(big.Rat)
	}
	if x.Sign() < 0 {
		a := s.Node.(*lang.Stage).Lag
		p.sink.fail(lang.BadLag, a.Expr.Range(), "Negative lag",
			fmt.Sprintf("stage %q is entered %s before the stage before it; a lag is the time from entering the previous stage to entering this one, 0 or more, such as lag = \"1 month\".",
				s.Name(), quantity.Format(new(big.Rat).Neg(x), v.Unit)))
		return new(big.Rat)
	}
	return x
}

// openOf records the pipeline open in a stage at the end of each month:
// its entries that have not yet moved on or dropped out, which are those
// of the last lag of the stage after it. A stage entered offset months
// before the deals it feeds holds at time t the deals of (t + next, t +
// offset], next being the offset of the stage after it: the yearly volume
// times the won shape over that span, cyclically (the plan is a steady
// state). On the first day, for the stage before the last, that is its
// before.
func (p *phaser) openOf(vol *Var, shape sums, offset, next *big.Rat) {
	y, ok := p.value(vol)
	if !ok {
		return
	}
	out := make([]*big.Rat, p.tl.Months)
	for m := range out {
		out[m] = p.openAt(y, vol.Whole, shape, m+1, offset, next)
	}
	p.tl.open[vol] = aggregate(out, p.tl.Periods, true)
}

// openAt is the pipeline open at month boundary t (0 is the period's
// first day) in a stage of yearly volume y: y x (P(t + offset) - P(t +
// next)), P the cumulative won shape, rounded up when whole.
func (p *phaser) openAt(y *big.Rat, whole bool, shape sums, t int, offset, next *big.Rat) *big.Rat {
	at := big.NewRat(int64(t), 1)
	x := ratMul(y, new(big.Rat).Sub(shape.at(ratAdd(at, offset)), shape.at(ratAdd(at, next))))
	if whole {
		return stdlib.Ceil(x)
	}
	return x
}

// channels places the leads and cost of every channel of funnel f: at
// each month's end, the leads into a stage so far are apportioned among
// its channels by their yearly leads (largest remainder), so the channels
// add up to the stage in every month.
func (p *phaser) channels(f *Object) {
	byStage := map[*Object][]*Object{}
	var order []*Object
	for _, c := range p.byFunnel[f] {
		e := c.Ref("stage")
		if byStage[e] == nil {
			order = append(order, e)
		}
		byStage[e] = append(byStage[e], c)
	}
	for _, e := range order {
		into := p.months[e.Value("inflow")]
		if into == nil {
			into = p.months[e.Value("volume")]
		}
		p.leads(byStage[e], into)
	}
}

// leads apportions the monthly leads into a stage among its channels.
func (p *phaser) leads(cs []*Object, into []*big.Rat) {
	weights := make([]*big.Rat, len(cs))
	for i, c := range cs {
		y, ok := p.value(c.Value("leads"))
		if !ok || into == nil {
			return
		}
		weights[i] = y
	}
	out := apportionRunning(into, weights)
	for i, c := range cs {
		if out == nil {
			return
		}
		p.put(c.Value("leads"), out[i])
		if cpa, ok := p.value(c.Value("cpa")); ok {
			p.put(c.Value("cost"), times(out[i], cpa))
		}
	}
}

// apportionRunning splits whole monthly counts among parts by weights:
// at each month's end the running total is apportioned by largest
// remainder (as the yearly leads are), and a part's month is the
// difference, so the parts add up to the total in every month and over
// the months, and each stays within one of its exact share. nil when the
// weights are all zero.
func apportionRunning(months, weights []*big.Rat) [][]*big.Rat {
	total := new(big.Rat)
	for _, w := range weights {
		total = ratAdd(total, w)
	}
	if total.Sign() == 0 {
		return nil
	}
	shares := make([]*big.Rat, len(weights))
	out := make([][]*big.Rat, len(weights))
	prev := make([]*big.Rat, len(weights))
	for i, w := range weights {
		shares[i], out[i], prev[i] = ratQuo(w, total), make([]*big.Rat, len(months)), new(big.Rat)
	}
	cum := new(big.Rat)
	for m, x := range months {
		cum = ratAdd(cum, x)
		exact := make([]*big.Rat, len(shares))
		for i, share := range shares {
			exact[i] = ratMul(cum, share)
		}
		parts := largestRemainder(exact, cum)
		for i := range shares {
			out[i][m] = new(big.Rat).Sub(parts[i], prev[i])
			prev[i] = parts[i]
		}
	}
	return out
}

// cohort places a channel's cohort at each stage, its won deals and its
// revenue; it returns the revenue by month. Its leads are its cohort at
// its entry stage. In a funnel whose channels convert at its rates, the
// stages' whole volumes are what the channels share: each cohort is the
// stage's months times the channel's part of the stage's year, so that
// the channels add up to the stage in every month. In a funnel with
// cohorts of its own, the stages are the sums of the cohorts, each its
// year in its stage's shape.
func (p *phaser) cohort(f, c *Object, shapes map[*Object][]*big.Rat) []*big.Rat {
	own := p.info.cohortFunnel[f]
	place := func(v, stage *Var, shape []*big.Rat) []*big.Rat {
		if own {
			return p.spreadYearly(v, shape)
		}
		return p.partOf(v, stage)
	}
	var last []*big.Rat
	var lastStage *Var
	for _, co := range c.Kids {
		if co.Kind != "cohort" {
			continue
		}
		last, lastStage = shapes[co.At()], co.At().Value("volume")
		ms := place(co.Value("volume"), lastStage, last)
		if co.At() == c.Ref("stage") && p.months[c.Value("leads")] != nil {
			ms = p.months[c.Value("leads")]
		}
		p.put(co.Value("volume"), ms)
	}
	if last == nil {
		return nil
	}
	p.put(c.Value("won"), place(c.Value("won"), lastStage, last))
	rev := place(c.Value("revenue"), lastStage, last)
	p.put(c.Value("revenue"), rev)
	return rev
}

// partOf is v's part of stage's months: the stage's months x v's year /
// the stage's year.
func (p *phaser) partOf(v, stage *Var) []*big.Rat {
	y, ok1 := p.value(v)
	whole, ok2 := p.value(stage)
	ms := p.months[stage]
	if !ok1 || !ok2 || ms == nil || whole.Sign() == 0 {
		return nil
	}
	return times(ms, ratQuo(y, whole))
}

// opening compares the pipeline a funnel declares open on the period's
// first day with what the steady state needs there, and warns where it is
// less: the deals of the first months are then at risk.
func (p *phaser) opening(f *Object, offsets []*big.Rat) {
	a := f.Node.(*lang.Funnel).Opening
	if a == nil {
		return
	}
	items, ok := objectItems(p.sink, a, "Opening must be an object",
		"Give the pipeline open on the period's first day by stage name, such as opening = { sql = 60 }.")
	if !ok {
		return
	}
	for _, it := range items {
		name := hcl.ExprAsKeyword(it.Key)
		i := stageIndex(f, name)
		if i < 0 || i == len(f.Kids)-1 {
			p.sink.fail(lang.UnknownReference, it.Key.Range(), "No such open stage",
				fmt.Sprintf("funnel %q has no stage %q that a deal can be open in; the keys of opening are the names of its stages before the last.", f.Name(), name))
			continue
		}
		have, ok := countOf(it.Value)
		if !ok {
			p.sink.fail(lang.UnitMismatch, it.Value.Range(), "Opening is a count",
				fmt.Sprintf("the pipeline open in stage %q is a number of entries, such as %s = 60.", name, name))
			continue
		}
		p.shortfall(f, i, have, it.Value.Range(), offsets[i], offsets[i+1])
	}
}

// shortfall warns when have, the pipeline open in stage i of f on the
// first day, is less than the steady state needs there.
func (p *phaser) shortfall(f *Object, i int, have *big.Rat, r hcl.Range, offset, next *big.Rat) {
	s := f.Kids[i]
	vol := s.Value("volume")
	y, ok := p.value(vol)
	if !ok {
		return
	}
	need := p.openAt(y, vol.Whole, cumulative(p.shapeOfFunnel(f)), 0, offset, next)
	if have.Cmp(need) >= 0 {
		return
	}
	short := new(big.Rat).Sub(need, have)
	deals := short
	for _, later := range f.Kids[i+1:] {
		if rate, ok := p.value(later.Value("rate")); ok {
			deals = ratMul(deals, rate)
		}
	}
	var money string
	if d, ok := p.value(f.Value("deal_size")); ok {
		money = ", " + quantity.Format(ratMul(deals, d), f.Value("deal_size").Unit)
	}
	k, frac := splitMonths(offset)
	if frac.Sign() > 0 {
		k++
	}
	unit, noun := vol.Unit, "deals"
	if deals.Cmp(big.NewRat(1, 1)) == 0 {
		noun = "deal"
	}
	p.sink.warn(lang.PrePeriodDemand, r, "Pipeline short before the period",
		fmt.Sprintf("%s has %s open on the period's first day, but the plan's first deals need %s there: %s short, %s %s%s at risk in %s. Create the missing pipeline before the period starts, or lower the target of its first months.",
			s.Path, quantity.Format(have, unit), quantity.Format(need, unit), quantity.Format(short, unit),
			quantity.Decimal(deals, 2, true), noun, money, p.tl.monthsText(0, max(k, 1)-1)))
}

// stageIndex is the place of the stage named name in funnel f, -1 when
// it has none.
func stageIndex(f *Object, name string) int {
	for i, s := range f.Kids {
		if s.Name() == name {
			return i
		}
	}
	return -1
}

// countOf reads a count written in an expression: a number, or a string
// of a count ("60", "60件").
func countOf(e hcl.Expression) (*big.Rat, bool) {
	v, diags := e.Value(nil)
	if diags.HasErrors() {
		return nil, false
	}
	q, err := literal(v)
	if err != nil {
		return nil, false
	}
	x, ok := inUnit(q, quantity.Count)
	return x, ok && x.Sign() >= 0
}
