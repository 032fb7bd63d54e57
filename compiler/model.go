package compiler

import (
	"github.com/planc-dev/planc/lang"
)

// Model is a compiled plan: every value with its unit and, where it could
// be solved, its value; and the tables the emitters need.
type Model struct {
	Plan *lang.Plan
	// Currency is the plan's currency code.
	Currency string
	// Vars lists every value in the plan's order.
	Vars []*Var
	// Eqs lists every equation.
	Eqs []*Eq

	values      map[*Var]Value
	by          map[*Var]*Eq
	path        map[string]*Var
	deps, users map[*Var][]*Var
	defining    map[*Var][]*Eq
	g           *graph
}

func newModel(g *graph, s *solver) *Model {
	m := &Model{Plan: g.plan, Currency: g.currency, Vars: g.vars, Eqs: g.eqs,
		values: s.val, by: s.by, path: map[string]*Var{}, g: g}
	for _, v := range g.vars {
		m.path[v.Path] = v
	}
	m.index()
	return m
}

// Sources returns the sources of a funnel's leads, or of the plan's with a
// nil funnel, in the order they first appear.
func (m *Model) Sources(f *lang.Funnel) []*Source {
	var out []*Source
	for _, s := range m.g.sources {
		if s.Funnel == f {
			out = append(out, s)
		}
	}
	return out
}

// Inflow returns the leads that channels bring into a stage below its
// funnel's top, nil for other stages.
func (m *Model) Inflow(s *lang.Stage) *Var { return m.g.inflow[s] }

// TeamVars returns a team's headcount, capacity (per person and month),
// load (per month) and the people it requires.
func (m *Model) TeamVars(t *lang.Team) (headcount, capacity, load, required *Var) {
	tv := m.g.teamVars[t]
	if tv == nil {
		return nil, nil, nil, nil
	}
	return tv.headcount, tv.capacity, tv.load, tv.required
}

// TeamStages returns the stages that name a team.
func (m *Model) TeamStages(t *lang.Team) []*lang.Stage {
	var out []*lang.Stage
	for _, f := range m.Plan.Funnels {
		for _, s := range f.Stages {
			if m.g.stageTeam[s] == t {
				out = append(out, s)
			}
		}
	}
	return out
}

// StageOwner is who works a stage: its owner, or else its team's name.
func (m *Model) StageOwner(s *lang.Stage) string { return m.g.stageOwner(s) }

// Benchmark returns the benchmark v is compared with, or nil.
func (m *Model) Benchmark(v *Var) *Benchmark { return m.g.benchmarks[v] }

// Lookup returns the value with a reference path, or nil.
func (m *Model) Lookup(path string) *Var { return m.path[path] }

// Value returns v's solved value; ok is false when it could not be solved.
func (m *Model) Value(v *Var) (Value, bool) {
	val, ok := m.values[v]
	return val, ok
}

// SolvedBy returns the equation v was solved from, nil for a given value
// or an unsolved one.
func (m *Model) SolvedBy(v *Var) *Eq { return m.by[v] }

// Origin says where v's value comes from: "target", "assumption" or
// "input" for given values, "solved", or "unknown".
func (m *Model) Origin(v *Var) string {
	if v.Given != nil {
		return v.Given.Origin
	}
	if _, ok := m.values[v]; ok {
		return "solved"
	}
	return "unknown"
}

// MetricVar returns the value of a kgi or kpi block.
func (m *Model) MetricVar(x *lang.Metric) *Var { return m.g.metricVar[x] }

// StageVars returns a stage's volume and rate (nil for the first stage).
func (m *Model) StageVars(s *lang.Stage) (volume, rate *Var) { return m.g.volume[s], m.g.rate[s] }

// FunnelVars returns a funnel's deal size and revenue.
func (m *Model) FunnelVars(f *lang.Funnel) (dealSize, revenue *Var) {
	fv := m.g.funnelVars[f]
	if fv == nil {
		return nil, nil
	}
	return fv.dealSize, fv.revenue
}

// ChannelVars returns a channel's leads, share, CPA and cost.
func (m *Model) ChannelVars(c *lang.Channel) (leads, share, cpa, cost *Var) {
	cv := m.g.chanVars[c]
	return cv.leads, cv.share, cv.cpa, cv.cost
}

// ChannelStage returns the stage a channel feeds, nil if unresolved.
func (m *Model) ChannelStage(c *lang.Channel) *lang.Stage { return m.g.entry[c] }

// BudgetVars returns a budget's spend and cap.
func (m *Model) BudgetVars(b *lang.Budget) (spend, limit *Var) {
	bv := m.g.budgetVars[b]
	return bv.spend, bv.cap
}

// BudgetChannels returns the channels a budget pays for.
func (m *Model) BudgetChannels(b *lang.Budget) []*lang.Channel { return m.g.members[b] }

// Deps returns the values that v's equations refer to: its formula's
// references, and the values of the relations that define it (a stage's
// volume as the sum of its channels' leads), in the plan's order.
func (m *Model) Deps(v *Var) []*Var { return m.deps[v] }

// Defining returns the equations whose left side is v, in the plan's order.
func (m *Model) Defining(v *Var) []*Eq { return m.defining[v] }

// Users returns the values whose equations refer to v.
func (m *Model) Users(v *Var) []*Var { return m.users[v] }

// index fills deps and users once, so that emitters asking for every
// value's neighbours stay linear in the size of the plan.
func (m *Model) index() {
	m.deps, m.users, m.defining = map[*Var][]*Var{}, map[*Var][]*Var{}, map[*Var][]*Eq{}
	seen := map[[2]*Var]bool{}
	for _, eq := range m.Eqs {
		m.defining[eq.V] = append(m.defining[eq.V], eq)
		for _, r := range refs(eq.E) {
			if r == eq.V || seen[[2]*Var{eq.V, r}] {
				continue
			}
			seen[[2]*Var{eq.V, r}] = true
			m.deps[eq.V] = append(m.deps[eq.V], r)
			m.users[r] = append(m.users[r], eq.V)
		}
	}
}
