package compiler

import (
	"math/big"
	"slices"

	"github.com/planc-dev/planc/lang/quantity"
)

// budgets places each budget's spend: its channels' cost, its items
// (fixed costs, even over the months) and its child budgets' spend.
func (p *phaser) budgets() {
	tree := BudgetTree(p.info)
	for i := len(tree) - 1; i >= 0; i-- { // children after their parents: sum them first
		b := tree[i].Budget
		var spend []*big.Rat
		ok := true
		for _, c := range b.Refs("channels") {
			cost := p.months[c.Value("cost")]
			ok = ok && cost != nil
			spend = plus(spend, cost)
		}
		var fixed []*big.Rat
		for _, it := range b.Kids {
			amount := p.spreadYearly(it.Value("amount"), even(p.tl.Months))
			ok = ok && amount != nil
			p.put(it.Value("amount"), amount)
			fixed = plus(fixed, amount)
		}
		p.put(b.Value("fixed"), fixed)
		spend = plus(spend, fixed)
		for _, kid := range b.Refs("budgets") {
			s := p.months[kid.Value("spend")]
			ok = ok && s != nil
			spend = plus(spend, s)
		}
		if ok && spend != nil {
			p.put(b.Value("spend"), spend)
		}
	}
}

// teams places each team's load, the whole monthly entries of its stages
// (a count a month), and the people it requires; a quarter's load is its
// monthly average.
func (p *phaser) teams() {
	byTeam := map[*Object][]*Var{}
	for _, s := range p.info.Kind("stage") {
		if t := s.Ref("team"); t != nil {
			byTeam[t] = append(byTeam[t], s.Value("volume"))
		}
	}
	for _, t := range p.info.Kind("team") {
		var load []*big.Rat
		for _, v := range byTeam[t] {
			if p.months[v] == nil {
				load = nil
				break
			}
			load = plus(load, p.months[v])
		}
		capacity, ok := p.value(t.Value("capacity"))
		if load == nil || !ok || capacity.Sign() <= 0 {
			continue
		}
		p.put(t.Value("load"), load)
		p.put(t.Value("required"), times(load, new(big.Rat).Inv(capacity)))
		p.mean[t.Value("load")], p.mean[t.Value("required")] = true, true
	}
}

// metrics places the KGIs and KPIs: a target by its phasing; a value
// given as an amount of the period, where a phasing reaches it (spread),
// by that phasing; and a value a formula gives, by evaluating the formula
// in each period on its inputs there (finish).
func (p *phaser) metrics() {
	for _, kind := range []string{"kgi", "kpi"} {
		for _, o := range p.info.Kind(kind) {
			v := o.Value("")
			shape := p.shapes[v]
			if v.Given == nil || shape == nil && v.Given.Origin != Target {
				continue
			}
			if shape == nil {
				shape = even(p.tl.Months)
			}
			ms := flows(v.Given.Value, shape, false)
			if v.Given.Origin == Target {
				p.tl.target[v] = aggregate(ms, p.tl.Periods, false)
			}
			if p.formulaOf[v] == nil && amount(v.Unit) {
				p.put(v, ms)
			}
		}
	}
}

// amount reports whether a unit is an amount of the period (money or a
// count), which sums over months, rather than a rate or a price per month.
func amount(u quantity.Unit) bool {
	return u.Time == 0 && (u.Money == 1 && u.Count == 0 || u.Money == 0 && u.Count == 1)
}

// finish aggregates the monthly values into quarters and halves, and
// evaluates the formulas of metrics that depend on phased values in every
// period, on the inputs of that period: a rate of two flows in a quarter
// is the rate of the quarter's sums, never a sum or mean of monthly rates.
func (p *phaser) finish() {
	for _, f := range p.later {
		f()
	}
	for v, ms := range p.months {
		p.tl.series[v] = p.aggregate(v, ms)
	}
	order := p.formulaOrder()
	if len(order) == 0 {
		return
	}
	// One copy of the solution, in which each period puts the values the
	// formulas read: the whole plan's values are not copied per period.
	var inputs []*Var
	seen := map[*Var]bool{}
	for _, v := range order {
		for _, r := range refs(p.formulaOf[v].E) {
			if !seen[r] && p.tl.series[r] != nil {
				seen[r] = true
				inputs = append(inputs, r)
			}
		}
	}
	s := &Solution{val: slices.Clone(p.sol.val), by: p.sol.by}
	out := map[*Var][]*big.Rat{}
	for i := range p.tl.Periods {
		for _, r := range inputs {
			s.val[r.id] = Exact(p.tl.series[r][i])
		}
		for _, v := range order {
			if !s.known(p.formulaOf[v].E) { // an input the year left unsolved
				delete(out, v)
				continue
			}
			val, err := s.eval(p.formulaOf[v].E)
			if err != nil || val.Nom == nil {
				delete(out, v)
				continue
			}
			s.val[v.id] = val
			if i == 0 || out[v] != nil {
				out[v] = append(out[v], val.Nom)
			}
		}
	}
	for v, ser := range out {
		if len(ser) == len(p.tl.Periods) {
			p.tl.series[v] = ser
		}
	}
}

// aggregate extends v's months with the quarters and halves: sums, or
// monthly means of loads.
func (p *phaser) aggregate(v *Var, ms []*big.Rat) []*big.Rat {
	out := aggregate(ms, p.tl.Periods, false)
	if p.mean[v] {
		for i := len(ms); i < len(out); i++ {
			per := p.tl.Periods[i]
			out[i] = ratQuo(out[i], big.NewRat(int64(per.To-per.From), 1))
		}
	}
	return out
}

// formulaOrder lists the metrics whose formula refers, directly or
// through other such metrics, to a phased value, each after the metrics
// its formula refers to.
func (p *phaser) formulaOrder() []*Var {
	state := map[*Var]int{} // 1 visiting, 2 phased, 3 not phased
	var order []*Var
	var visit func(v *Var) bool
	visit = func(v *Var) bool {
		if p.months[v] != nil {
			return true
		}
		eq := p.formulaOf[v]
		if eq == nil || v.Object.Kind != "kgi" && v.Object.Kind != "kpi" {
			return false
		}
		switch state[v] {
		case 1, 3:
			return false
		case 2:
			return true
		}
		state[v] = 1
		phased := false
		for _, r := range refs(eq.E) {
			if visit(r) {
				phased = true
			}
		}
		state[v] = 3
		if phased {
			state[v] = 2
			order = append(order, v)
		}
		return phased
	}
	for _, kind := range []string{"kgi", "kpi"} {
		for _, o := range p.info.Kind(kind) {
			visit(o.Value(""))
		}
	}
	return order
}
