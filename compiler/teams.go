package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
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

// The kinds of a team's values.
const (
	KindHeadcount VarKind = "headcount"
	KindCapacity  VarKind = "capacity"
	KindLoad      VarKind = "load"
	KindRequired  VarKind = "required"
)

type teamVars struct{ headcount, capacity, load, required *Var }

// perMonth is the unit of a count per month: what capacity and load are.
var perMonth = quantity.Unit{Count: 1, Time: -1, TimeName: "months"}

func (g *graph) declareTeams() {
	for _, t := range g.plan.Teams {
		ts := g.root.kids["team"]
		if _, dup := ts.kids[t.Name]; dup || t.Name == "" {
			continue
		}
		sc := ts.kid(t.Name, fmt.Sprintf("team %q", t.Name), t)
		p := "team." + t.Name + "."
		mk := func(name string, kind VarKind, decl hcl.Range, u quantity.Unit) *Var {
			v := g.newVar(sc, p+name, name, kind, decl, t.DefRange, t)
			v.setUnit(u)
			return v
		}
		tv := &teamVars{
			headcount: mk("headcount", KindHeadcount, attrRange(t.Headcount, t.DefRange), quantity.CountOf("people")),
			capacity:  mk("capacity", KindCapacity, attrRange(t.Capacity, t.DefRange), perMonth),
			load:      mk("load", KindLoad, t.DefRange, perMonth),
			required:  mk("required", KindRequired, t.DefRange, quantity.PlainNumber),
		}
		g.teamVars[t] = tv
	}
}

// defineTeams gives each team its headcount and capacity and relates its
// load to the stages that name it.
func (g *graph) defineTeams() {
	stages := g.teamStages()
	months, haveMonths := g.periodMonths(stages)
	for _, t := range g.plan.Teams {
		tv := g.teamVars[t]
		if tv == nil {
			continue
		}
		if ss := stages[t]; len(ss) > 0 {
			// Capacity and load count what the team's first stage counts.
			u := perMonth
			u.Label = stageLabel(ss[0])
			tv.capacity.setUnit(u)
			tv.load.setUnit(u)
		}
		g.assign(tv.headcount, t.Headcount, "input", slot{unit: quantity.CountOf("people"), scale: big.NewRat(1, 1)})
		g.assign(tv.capacity, t.Capacity, "input", slot{unit: perMonth, scale: big.NewRat(1, 1)})
		var vols []*Var
		for _, s := range stages[t] {
			vols = append(vols, g.volume[s])
		}
		if len(vols) == 0 || !haveMonths {
			continue
		}
		r := t.DefRange
		total, what := sum(vols, r, quantity.Count)
		period := &Const{V: big.NewRat(int64(months), 1), Unit: quantity.Time, R: r}
		g.eqs = append(g.eqs, &Eq{V: tv.load, E: &Bin{Op: '/', A: total, B: period, R: r}, Range: r,
			What: fmt.Sprintf("%s = (%s) / %d months", tv.load.Path, what, months)})
		g.eqs = append(g.eqs, &Eq{V: tv.required, E: div(ref(tv.load, r), ref(tv.capacity, r), r), Range: r,
			What: fmt.Sprintf("%s = %s / %s", tv.required.Path, tv.load.Path, tv.capacity.Path)})
	}
}

// stageLabel names what a stage counts: its unit, or else its name.
func stageLabel(s *lang.Stage) string {
	if s.Unit.Value != "" {
		return s.Unit.Value
	}
	return s.Name
}

// teamStages resolves every stage's team reference.
func (g *graph) teamStages() map[*lang.Team][]*lang.Stage {
	out := map[*lang.Team][]*lang.Stage{}
	for _, f := range g.plan.Funnels {
		for _, s := range f.Stages {
			if s.Team == nil || g.volume[s] == nil {
				continue
			}
			if t := g.teamRef(s.Team.Expr); t != nil {
				g.stageTeam[s] = t
				out[t] = append(out[t], s)
			}
		}
	}
	return out
}

func (g *graph) teamRef(e hcl.Expression) *lang.Team {
	t, _ := blockRef[*lang.Team](g, e, "A stage's team", "team", "team.inside_sales")
	return t
}

// periodMonths reads the plan's period when a team needs it, reporting a
// missing or unreadable one at the first such team.
func (g *graph) periodMonths(stages map[*lang.Team][]*lang.Stage) (int, bool) {
	var first *lang.Team
	for _, t := range g.plan.Teams {
		if len(stages[t]) > 0 {
			first = t
			break
		}
	}
	if first == nil {
		return 0, false
	}
	meta := g.plan.Meta
	if meta == nil || meta.Period.Value == "" {
		at := first.DefRange
		if meta != nil {
			at = meta.DefRange
		}
		g.low.fail(lang.Schema, at, "Missing period",
			fmt.Sprintf("team %q handles so much a month, so the plan needs its period to know how many months it has: add period = \"2027-04 .. 2028-03\" to the plan block.", first.Name))
		return 0, false
	}
	months, err := lang.PeriodMonths(meta.Period.Value)
	if err != nil {
		g.low.fail(lang.Schema, meta.Period.Range, "Unreadable period", err.Error()+".")
		return 0, false
	}
	return months, true
}

// checkTeamInputs reports a capacity that is not above zero and a negative
// headcount: the people a team needs would be meaningless.
func (s *solver) checkTeamInputs() {
	for _, t := range s.g.plan.Teams {
		tv := s.g.teamVars[t]
		if tv == nil {
			continue
		}
		if c, ok := s.val[tv.capacity]; ok && c.Nom.Sign() <= 0 {
			s.report(lang.Diag(lang.Schema, exprRange(t.Capacity, t.DefRange), "Capacity must be above zero",
				fmt.Sprintf("team %q has a capacity of %s; give what one person handles in a month, such as capacity = \"120 leads/month\".", t.Name, quantity.Format(c.Nom, quantity.Count))))
		}
		if h, ok := s.val[tv.headcount]; ok && h.Nom.Sign() < 0 {
			s.report(lang.Diag(lang.Schema, exprRange(t.Headcount, t.DefRange), "Negative headcount",
				fmt.Sprintf("team %q has a headcount of %s; give the number of people, 0 or more.", t.Name, quantity.Format(h.Nom, quantity.Count))))
		}
	}
}

// zeroCapacity reports whether v, a team's required people, is unsolved
// because the team's capacity is zero (reported by checkTeamInputs).
func (s *solver) zeroCapacity(v *Var) bool {
	t, ok := v.Owner.(*lang.Team)
	if !ok {
		return false
	}
	c, ok := s.val[s.g.teamVars[t].capacity]
	return ok && c.Nom.Sign() <= 0
}

// checkCapacity reports each team that needs more people than it has.
func (s *solver) checkCapacity() {
	for _, t := range s.g.plan.Teams {
		tv := s.g.teamVars[t]
		if tv == nil {
			continue
		}
		need, ok1 := s.val[tv.required]
		have, ok2 := s.val[tv.headcount]
		capacity, ok3 := s.val[tv.capacity]
		load, ok4 := s.val[tv.load]
		if !ok1 || !ok2 || !ok3 || !ok4 || need.Nom.Cmp(have.Nom) <= 0 || capacity.Nom.Sign() <= 0 || have.Nom.Sign() < 0 {
			continue
		}
		// Rounded up, so that a team short of 0.02 people is never "0 short".
		need10 := stdlib.Ceil(new(big.Rat).Mul(need.Nom, big.NewRat(10, 1)))
		short10 := new(big.Rat).Sub(need10, new(big.Rat).Mul(have.Nom, big.NewRat(10, 1)))
		needUp, short := new(big.Rat).Quo(need10, big.NewRat(10, 1)), new(big.Rat).Quo(stdlib.Ceil(short10), big.NewRat(10, 1))
		counted := func(x *big.Rat) string {
			return strings.TrimSpace(quantity.Format(x, quantity.Count) + " " + tv.load.Unit.Label)
		}
		s.report(lang.Diag(lang.OverCapacity, exprRange(t.Headcount, t.DefRange), "Over capacity",
			fmt.Sprintf("team %q needs %s people at %s a month each to handle %s a month; it has %s, %s short. Add people, raise what each handles, or lower the target.",
				t.Name, quantity.Decimal(needUp, 1, true), counted(capacity.Nom), counted(load.Nom),
				quantity.Format(have.Nom, quantity.Count), quantity.Decimal(short, 1, true))))
	}
}

// StageOwner is who works a stage: its owner, or else the name of its
// team.
func (g *graph) stageOwner(s *lang.Stage) string {
	if s.Owner.Value != "" {
		return s.Owner.Value
	}
	if t := g.stageTeam[s]; t != nil {
		return t.Name
	}
	return ""
}
