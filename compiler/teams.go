package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// Teams and their capacity. A team has a headcount and a capacity: what
// one person handles in a month of the stages that name the team (120
// leads, 8 deals). Over the plan's period, the team's load is those
// stages' volume per month, and the people it needs is load / capacity:
//
//	team.T.load     = (volume of its stages) / (months of the period)
//	team.T.required = team.T.load / team.T.capacity
//
// A team that needs more people than its headcount is over-capacity.
//
// A capacity per person-month, "40件/人月", is the same value as
// "40件/月": a capacity is per person by definition (load / capacity is
// people), so the person in a person-month adds nothing to its
// dimension, and package quantity reads a person-month after a slash as
// a month.

// perMonth is the unit of a count per month: what capacity and load are.
var perMonth = quantity.Unit{Count: 1, Time: -1, TimeName: "months"}

// teams gives each team its headcount and capacity and relates its load
// to the stages that name it.
func (l *lowerer) teams(plan *lang.Plan) {
	stages := map[*Object][]*Object{}
	for _, f := range l.info.Kind("funnel") {
		for _, s := range f.Kids {
			if t := s.Ref("team"); t != nil {
				stages[t] = append(stages[t], s)
			}
		}
	}
	months, haveMonths := l.periodMonths(plan, stages)
	for _, t := range l.info.Kind("team") {
		l.team(t, stages[t], months, haveMonths)
	}
}

func (l *lowerer) team(t *Object, stages []*Object, months int, haveMonths bool) {
	tm := t.Node.(*lang.Team)
	capacity, load := t.Value("capacity"), t.Value("load")
	l.input(t.Value("headcount"), tm.Headcount)
	l.input(capacity, tm.Capacity)
	// The load counts what the capacity counts (its label the plan's, as
	// in capacity = "40件/月"): required = load / capacity.
	load.Unit.Label = capacity.Unit.Label
	if len(stages) == 0 || !haveMonths {
		return
	}
	var vols []*Var
	for _, s := range stages {
		vols = append(vols, s.Value("volume"))
	}
	r := tm.DefRange
	period := &Const{V: big.NewRat(int64(months), 1), Unit: quantity.Time, R: r}
	l.add(&Eq{V: load, E: div(sum(vols, r, quantity.Count), period, r), Role: RoleLoad, Range: r})
	l.add(&Eq{V: t.Value("required"), E: div(ref(load, r), ref(capacity, r), r), Role: RoleLoad, Range: r})
}

// periodMonths reads the plan's period when a team needs it, reporting a
// missing or unreadable one at the first such team.
func (l *lowerer) periodMonths(plan *lang.Plan, stages map[*Object][]*Object) (int, bool) {
	var first *Object
	for _, t := range l.info.Kind("team") {
		if len(stages[t]) > 0 {
			first = t
			break
		}
	}
	if first == nil {
		return 0, false
	}
	meta := plan.Meta
	if meta == nil || meta.Period.Value == "" {
		at := first.DefRange()
		if meta != nil {
			at = meta.DefRange
		}
		l.fail(lang.Schema, at, "Missing period",
			fmt.Sprintf("team %q handles so much a month, so the plan needs its period to know how many months it has: add period = \"2027-04 .. 2028-03\" to the plan block.", first.Name()))
		return 0, false
	}
	months, err := lang.PeriodMonths(meta.Period.Value)
	if err != nil {
		l.fail(lang.Schema, meta.Period.Range, "Unreadable period", err.Error()+".")
		return 0, false
	}
	return months, true
}

// teamInputs reports a capacity that is not above zero and a negative
// headcount: the people a team needs would be meaningless.
func (c *checker) teamInputs() {
	for _, t := range c.info.Kind("team") {
		tm := t.Node.(*lang.Team)
		if v, ok := c.sol.Value(t.Value("capacity")); ok && v.Nom.Sign() <= 0 {
			c.sink.fail(lang.Schema, exprRange(tm.Capacity, tm.DefRange), "Capacity must be above zero",
				fmt.Sprintf("team %q has a capacity of %s; give what one person handles in a month, such as capacity = \"120 leads/month\".", tm.Name, quantity.Format(v.Nom, quantity.Count)))
		}
		if v, ok := c.sol.Value(t.Value("headcount")); ok && v.Nom.Sign() < 0 {
			c.sink.fail(lang.Schema, exprRange(tm.Headcount, tm.DefRange), "Negative headcount",
				fmt.Sprintf("team %q has a headcount of %s; give the number of people, 0 or more.", tm.Name, quantity.Format(v.Nom, quantity.Count)))
		}
	}
}

// zeroCapacity reports whether v, a team's required people, is unsolved
// because the team's capacity is zero (reported by teamInputs).
func (s *Solution) zeroCapacity(v *Var) bool {
	if v.Kind != KindRequired {
		return false
	}
	c, ok := s.Value(v.Object.Value("capacity"))
	return ok && c.Nom.Sign() <= 0
}

// capacity reports each team that needs more people than it has: in a
// plan by month, in the months that need more (named, with the peak);
// otherwise over the period's average month.
func (c *checker) capacity() {
	for _, t := range c.info.Kind("team") {
		need, ok1 := c.sol.Value(t.Value("required"))
		have, ok2 := c.sol.Value(t.Value("headcount"))
		capacity, ok3 := c.sol.Value(t.Value("capacity"))
		load, ok4 := c.sol.Value(t.Value("load"))
		if !ok1 || !ok2 || !ok3 || !ok4 || capacity.Nom.Sign() <= 0 || have.Nom.Sign() < 0 {
			continue
		}
		if months := c.tl.months(t.Value("required")); months != nil {
			c.capacityByMonth(t, have.Nom, capacity.Nom, months, c.tl.months(t.Value("load")))
			continue
		}
		if need.Nom.Cmp(have.Nom) > 0 {
			c.overCapacity(t, "", need.Nom, have.Nom, capacity.Nom, load.Nom)
		}
	}
}

// capacityByMonth reports team t over capacity in the months whose
// required people exceed its headcount, at the peak month's need.
func (c *checker) capacityByMonth(t *Object, have, capacity *big.Rat, required, load []*big.Rat) {
	peak := -1
	for m, r := range required {
		if r.Cmp(have) > 0 && (peak < 0 || r.Cmp(required[peak]) > 0) {
			peak = m
		}
	}
	if peak < 0 {
		return
	}
	when := joinRuns(c.tl.runs(func(m int) bool { return required[m].Cmp(have) > 0 }))
	c.overCapacity(t, " in "+when, required[peak], have, capacity, load[peak])
}

// overCapacity reports that team t needs need people (when: in which
// months) at capacity a month each to handle load a month, and has have.
func (c *checker) overCapacity(t *Object, when string, need, have, capacity, load *big.Rat) {
	// Rounded up, so that a team short of 0.02 people is never "0 short".
	need10 := stdlib.Ceil(new(big.Rat).Mul(need, big.NewRat(10, 1)))
	short10 := new(big.Rat).Sub(need10, new(big.Rat).Mul(have, big.NewRat(10, 1)))
	needUp, short := new(big.Rat).Quo(need10, big.NewRat(10, 1)), new(big.Rat).Quo(stdlib.Ceil(short10), big.NewRat(10, 1))
	label := t.Value("load").Unit.Label
	counted := func(x *big.Rat) string {
		return strings.TrimSpace(quantity.Format(x, quantity.Count) + " " + label)
	}
	tm := t.Node.(*lang.Team)
	c.sink.fail(lang.OverCapacity, exprRange(tm.Headcount, tm.DefRange), "Over capacity",
		fmt.Sprintf("team %q needs %s people%s at %s a month each to handle %s a month; it has %s, %s short. Add people, raise what each handles, or lower the target.",
			tm.Name, quantity.Decimal(needUp, 1, true), when, counted(capacity), counted(load),
			quantity.Format(have, quantity.Count), quantity.Decimal(short, 1, true)))
}

// StageOwner is who works a stage: its owner, or else the name of its
// team. The handoff check compares it between stages.
func StageOwner(s *Object) string {
	if o := s.Node.Header().Owner.Value; o != "" {
		return o
	}
	if t := s.Ref("team"); t != nil {
		return t.Name()
	}
	return ""
}
