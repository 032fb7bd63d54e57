package compiler

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// graph is the plan lowered to variables and equations. It is built in two
// passes: declare every value (so that references resolve in any order),
// then lower every attribute to a given value or an equation.
type graph struct {
	plan     *lang.Plan
	currency string
	root     *scope
	low      *lowerer
	vars     []*Var
	eqs      []*Eq
	checks   []checkIR
	deferred []deferredGiven

	// Side tables for the checks and emitters.
	metricVar  map[*lang.Metric]*Var
	unitScale  map[*Var]*big.Rat
	volume     map[*lang.Stage]*Var
	rate       map[*lang.Stage]*Var
	funnelVars map[*lang.Funnel]*funnelVars
	chanVars   map[*lang.Channel]*chanVars
	budgetVars map[*lang.Budget]*budgetVars
	entry      map[*lang.Channel]*lang.Stage
	members    map[*lang.Budget][]*lang.Channel
	// shareSumBad marks stages whose channel shares were reported as not
	// adding up, so that the sum equation is left out instead of
	// reporting a conflict about the same mistake.
	shareSumBad map[*lang.Stage]bool
	// benchmarks holds the benchmark each compared value is compared with.
	benchmarks map[*Var]*Benchmark
	// inflow holds the leads that channels bring into a stage below the
	// funnel's top (see sources.go); sources the values of each source.
	inflow  map[*lang.Stage]*Var
	sources []*Source
	// teamVars holds each team's values; stageTeam the team of a stage.
	teamVars  map[*lang.Team]*teamVars
	stageTeam map[*lang.Stage]*lang.Team
}

type funnelVars struct{ dealSize, revenue *Var }
type chanVars struct{ leads, share, cpa, cost *Var }
type budgetVars struct{ spend, cap *Var }

type checkIR struct {
	check *lang.Check
	cond  Expr
}

func newGraph(plan *lang.Plan) *graph {
	g := &graph{plan: plan, currency: "JPY", root: newScope("the plan", nil),
		metricVar: map[*lang.Metric]*Var{}, unitScale: map[*Var]*big.Rat{}, volume: map[*lang.Stage]*Var{}, rate: map[*lang.Stage]*Var{},
		funnelVars: map[*lang.Funnel]*funnelVars{}, chanVars: map[*lang.Channel]*chanVars{},
		budgetVars: map[*lang.Budget]*budgetVars{}, entry: map[*lang.Channel]*lang.Stage{},
		members: map[*lang.Budget][]*lang.Channel{}, shareSumBad: map[*lang.Stage]bool{}, inflow: map[*lang.Stage]*Var{},
		teamVars: map[*lang.Team]*teamVars{}, stageTeam: map[*lang.Stage]*lang.Team{}}
	g.low = &lowerer{root: g.root, files: plan.Files}
	for _, ns := range []string{"kgi", "kpi", "funnel", "channel", "budget", "source", "team"} {
		g.root.kid(ns, ns, nil)
	}
	if plan.Meta != nil && plan.Meta.Currency.Value != "" {
		g.currency = plan.Meta.Currency.Value
	}
	return g
}

// newVar declares a value in scope sc under name.
func (g *graph) newVar(sc *scope, path, name string, kind VarKind, decl, block hcl.Range, owner any) *Var {
	v := &Var{Path: path, Kind: kind, Decl: decl, Block: block, Owner: owner}
	sc.vars[name] = v
	g.vars = append(g.vars, v)
	return v
}

func (g *graph) money() quantity.Unit { return quantity.Money(g.currency) }

func (v *Var) setUnit(u quantity.Unit) {
	v.Unit, v.UnitKnown = u, true
}

// declare creates every Var, in the plan's order.
func (g *graph) declare() {
	for _, m := range g.plan.Metrics() {
		g.declareMetric(m)
	}
	// Channels are resolved to their entry stage before the funnels' values
	// are declared, because a stage that channels enter below its funnel's
	// top has an inflow value of its own.
	g.declareFunnelScopes()
	for _, c := range g.plan.Channels {
		if s := g.entryStage(c); s != nil {
			g.entry[c] = s
		}
	}
	later := g.laterEntries()
	for _, f := range g.plan.Funnels {
		g.declareFunnel(f, later)
	}
	for _, c := range g.plan.Channels {
		sc := g.root.kid("channel", "channel", nil).kid(c.Name, fmt.Sprintf("channel %q", c.Name), c)
		p := "channel." + c.Name + "."
		cv := &chanVars{
			leads: g.newVar(sc, p+"leads", "leads", KindLeads, c.DefRange, c.DefRange, c),
			share: g.newVar(sc, p+"share", "share", KindShare, attrRange(c.Share, c.DefRange), c.DefRange, c),
			cpa:   g.newVar(sc, p+"cpa", "cpa", KindCPA, attrRange(c.CPA, c.DefRange), c.DefRange, c),
			cost:  g.newVar(sc, p+"cost", "cost", KindCost, attrRange(c.Budget, c.DefRange), c.DefRange, c),
		}
		cv.leads.setUnit(quantity.CountOf("leads"))
		cv.leads.Whole = true
		cv.share.setUnit(quantity.Ratio)
		cv.cpa.setUnit(g.money())
		cv.cost.setUnit(g.money())
		g.chanVars[c] = cv
	}
	for _, b := range g.plan.Budgets {
		sc := g.root.kid("budget", "budget", nil).kid(b.Name, fmt.Sprintf("budget %q", b.Name), b)
		bv := &budgetVars{
			spend: g.newVar(sc, "budget."+b.Name+".spend", "spend", KindSpend, b.DefRange, b.DefRange, b),
			cap:   g.newVar(sc, "budget."+b.Name+".cap", "cap", KindCap, attrRange(b.Cap, b.DefRange), b.DefRange, b),
		}
		bv.spend.setUnit(g.money())
		bv.cap.setUnit(g.money())
		g.budgetVars[b] = bv
	}
	g.declareTeams()
	g.declareSources()
}

func attrRange(a *lang.Attr, fallback hcl.Range) hcl.Range {
	if a == nil {
		return fallback
	}
	return a.Range
}

func (g *graph) declareMetric(m *lang.Metric) {
	sc := g.root.kid(m.Kind, m.Kind, nil)
	if _, dup := sc.vars[m.Name]; dup || m.Name == "" {
		return // reported by lang as duplicate-name
	}
	v := g.newVar(sc, m.Kind+"."+m.Name, m.Name, KindMetric, m.DefRange, m.DefRange, m)
	g.metricVar[m] = v
	if m.Unit == nil {
		return
	}
	if u, scale, ok := g.unitAttr(m.Unit); ok {
		v.setUnit(u)
		g.unitScale[v] = scale
	}
}

// unitAttr parses a unit attribute, which must be a quoted unit string.
func (g *graph) unitAttr(a *lang.Attr) (quantity.Unit, *big.Rat, bool) {
	return g.low.unit(a.Expr)
}

// declareFunnelScopes gives each funnel its scope, so that references to
// funnels resolve; the first of two funnels with one name owns it.
func (g *graph) declareFunnelScopes() {
	fs := g.root.kid("funnel", "funnel", nil)
	for _, f := range g.plan.Funnels {
		if f.Name != "" {
			fs.kid(f.Name, fmt.Sprintf("funnel %q", f.Name), f)
		}
	}
}

func (g *graph) declareFunnel(f *lang.Funnel, later map[*lang.Stage]bool) {
	sc := g.root.kids["funnel"].kids[f.Name]
	if sc == nil || sc.owner != f {
		return // no name, or a duplicate (reported by lang)
	}
	p := "funnel." + f.Name + "."
	fv := &funnelVars{
		dealSize: g.newVar(sc, p+"deal_size", "deal_size", KindDealSize, attrRange(f.DealSize, f.DefRange), f.DefRange, f),
		revenue:  g.newVar(sc, p+"revenue", "revenue", KindRevenue, f.DefRange, f.DefRange, f),
	}
	fv.dealSize.setUnit(g.money())
	fv.revenue.setUnit(g.money())
	g.funnelVars[f] = fv
	for i, s := range f.Stages {
		if _, dup := sc.kids[s.Name]; dup || s.Name == "" || sc.vars[s.Name] != nil {
			continue
		}
		ss := sc.kid(s.Name, fmt.Sprintf("stage %q of funnel %q", s.Name, f.Name), s)
		vol := g.newVar(ss, p+s.Name+".volume", "volume", KindVolume, s.DefRange, s.DefRange, s)
		vol.setUnit(quantity.CountOf(s.Unit.Value))
		vol.Whole = true
		g.volume[s] = vol
		if i > 0 {
			r := g.newVar(ss, p+s.Name+".rate", "rate", KindRate, attrRange(s.Rate, s.DefRange), s.DefRange, s)
			r.setUnit(quantity.Ratio)
			g.rate[s] = r
			if later[s] {
				g.declareInflow(ss, p+s.Name, s)
			}
		}
	}
}
