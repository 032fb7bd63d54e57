package compiler

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Lead sources. A channel names where its leads come from (marketing by
// default, sales, partner, ...), and a funnel may take leads in at more
// than one stage: marketing's inquiries at the top, leads that sales finds
// itself straight at the SQL stage. planc then attributes the funnel's won
// deals and revenue to the sources, so that marketing is judged on what it
// sourced.
//
// The earliest stage that channels enter is the funnel's top: its volume is
// the sum of the leads into it, as with one entry. A later stage that
// channels enter gets an inflow, the sum of their leads, and its volume is
// the previous stage's volume times its rate plus that inflow. Shares are
// shares of the leads into their stage.
//
// A lead entering at a stage becomes a won deal with the product of the
// rates of the stages after it, so a source's share of the won deals is
//
//	sum over its channels of leads x reach(entry) / the same sum over all channels
//
// and its won deals and revenue are that share of the funnel's. The shares
// add up to exactly 100%, whatever planc rounded on the way.

// Source is the leads of one source into one funnel, or, with Funnel nil,
// into every funnel of the plan, with the values planc solves for it.
type Source struct {
	Name   string
	Funnel *lang.Funnel
	// Channels are the source's channels (into Funnel, when set).
	Channels []*lang.Channel
	// Leads is the sum of the channels' leads; LeadShare its share of
	// all leads; Won and Revenue the won deals and revenue attributed to
	// the source, and Share their share of the funnel's revenue (for the
	// plan: of the revenue of every funnel, those without channels, such
	// as an expansion funnel of existing customers, included).
	Leads, LeadShare, Won, Revenue, Share *Var
}

// The kinds of a source's values, and of a stage's inflow.
const (
	KindInflow          VarKind = "inflow"
	KindSourceLeads     VarKind = "source_leads"
	KindSourceLeadShare VarKind = "source_lead_share"
	KindSourceWon       VarKind = "source_won"
	KindSourceRevenue   VarKind = "source_revenue"
	KindSourceShare     VarKind = "source_share"
)

// Attributed reports whether v is one of a source's values, which planc
// derives from the funnel: when they cannot be solved, the funnel's own
// values are what to report (or they are shares of nothing).
func (v *Var) Attributed() bool {
	switch v.Kind {
	case KindSourceLeads, KindSourceLeadShare, KindSourceWon, KindSourceRevenue, KindSourceShare:
		return true
	}
	return false
}

// laterEntries marks the stages that channels enter below the earliest
// such stage of their funnel: the stages that get an inflow.
func (g *graph) laterEntries() map[*lang.Stage]bool {
	entered := map[*lang.Stage]bool{}
	for _, s := range g.entry {
		entered[s] = true
	}
	later := map[*lang.Stage]bool{}
	for _, f := range g.plan.Funnels {
		top := true
		for i, s := range f.Stages {
			if entered[s] && !top && i > 0 {
				later[s] = true
			}
			top = top && !entered[s]
		}
	}
	return later
}

// declareInflow declares the inflow of a stage that channels enter below
// its funnel's top.
func (g *graph) declareInflow(sc *scope, path string, s *lang.Stage) {
	v := g.newVar(sc, path+".inflow", "inflow", KindInflow, s.DefRange, s.DefRange, s)
	v.setUnit(quantity.CountOf("leads"))
	v.Whole = true
	g.inflow[s] = v
}

// declareSources declares every source's values, per funnel and for the
// plan.
func (g *graph) declareSources() {
	byFunnel := map[*lang.Funnel][]*lang.Channel{}
	var plan []*lang.Channel
	for _, c := range g.plan.Channels {
		s := g.entry[c]
		if s == nil || g.funnelVars[s.Funnel] == nil || g.volume[s] == nil {
			continue
		}
		f := s.Funnel
		byFunnel[f] = append(byFunnel[f], c)
		plan = append(plan, c)
	}
	for _, f := range g.plan.Funnels {
		cs := byFunnel[f]
		if len(cs) == 0 {
			continue
		}
		fs := g.root.kids["funnel"].kids[f.Name].kid("source", fmt.Sprintf("the sources of funnel %q", f.Name), f)
		for _, src := range groupSources(cs) {
			g.sources = append(g.sources, g.declareSource(fs, "funnel."+f.Name+".source.", f, src))
		}
	}
	if len(plan) > 0 {
		ps := g.root.kids["source"]
		for _, src := range groupSources(plan) {
			g.sources = append(g.sources, g.declareSource(ps, "source.", nil, src))
		}
	}
}

type sourceGroup struct {
	name     string
	channels []*lang.Channel
}

// groupSources groups channels by source, in the order sources first
// appear. Marketing is always there, without channels if need be, so that
// marketing's contribution (source.marketing.revenue) is ¥0 in a plan
// whose leads all come from sales or partners, not an unknown reference.
func groupSources(cs []*lang.Channel) []sourceGroup {
	out := []sourceGroup{{name: lang.DefaultSource}}
	at := map[string]int{lang.DefaultSource: 0}
	for _, c := range cs {
		n := c.SourceName()
		i, ok := at[n]
		if !ok {
			i = len(out)
			at[n] = i
			out = append(out, sourceGroup{name: n})
		}
		out[i].channels = append(out[i].channels, c)
	}
	return out
}

func (g *graph) declareSource(parent *scope, prefix string, f *lang.Funnel, grp sourceGroup) *Source {
	src := &Source{Name: grp.name, Funnel: f, Channels: grp.channels}
	what := fmt.Sprintf("source %q", grp.name)
	if f != nil {
		what += fmt.Sprintf(" of funnel %q", f.Name)
	}
	sc := parent.kid(grp.name, what, src)
	var decl hcl.Range // where the values are declared, for messages
	switch {
	case len(grp.channels) > 0:
		decl = grp.channels[0].DefRange
	case f != nil:
		decl = f.DefRange
	case g.plan.Meta != nil:
		decl = g.plan.Meta.DefRange
	}
	p := prefix + grp.name + "."
	mk := func(name string, kind VarKind, u quantity.Unit) *Var {
		v := g.newVar(sc, p+name, name, kind, decl, decl, src)
		v.setUnit(u)
		return v
	}
	won := quantity.Count
	if f != nil {
		won = quantity.CountOf(f.Stages[len(f.Stages)-1].Unit.Value)
	}
	src.Leads = mk("leads", KindSourceLeads, quantity.CountOf("leads"))
	src.LeadShare = mk("lead_share", KindSourceLeadShare, quantity.Ratio)
	src.Won = mk("won", KindSourceWon, won)
	src.Revenue = mk("revenue", KindSourceRevenue, g.money())
	src.Share = mk("share", KindSourceShare, quantity.Ratio)
	return src
}

// defineSources relates every source's values to its channels and funnel.
func (g *graph) defineSources() {
	for _, src := range g.sources {
		if src.Funnel != nil {
			g.defineFunnelSource(src)
		}
	}
	for _, src := range g.sources {
		if src.Funnel == nil {
			g.definePlanSource(src)
		}
	}
}

func (g *graph) defineFunnelSource(src *Source) {
	f := src.Funnel
	var all []*lang.Channel
	for _, c := range g.plan.Channels {
		if s := g.entry[c]; s != nil && s.Funnel == f {
			all = append(all, c)
		}
	}
	mine := g.entered(src.Channels)
	r := f.DefRange
	if len(all) == 0 {
		return
	}
	if len(mine) == 0 {
		g.zeroSource(src, r)
		return
	}
	fv := g.funnelVars[f]
	won := g.volume[f.Stages[len(f.Stages)-1]]
	if won == nil {
		return // the last stage was not declared (no name, a duplicate): reported by lang
	}
	g.relate(src.Leads, g.leadSum(mine, r), "the leads of its channels")
	g.relate(src.LeadShare, div(ref(src.Leads, r), g.leadSum(all, r), r), "its leads / the funnel's leads")
	g.relate(src.Share, div(g.reachSum(mine, r), g.reachSum(all, r), r), "the won deals its leads make / those all leads make")
	g.relate(src.Won, mul(won, src.Share, r), "the funnel's won deals x its share")
	g.relate(src.Revenue, mul(src.Won, fv.dealSize, r), "its won deals x deal size")
}

// definePlanSource adds up a source's values over the funnels.
func (g *graph) definePlanSource(src *Source) {
	var leads, won, revenue, allLeads, allRevenue []*Var
	for _, f := range g.plan.Funnels {
		if fv := g.funnelVars[f]; fv != nil {
			allRevenue = append(allRevenue, fv.revenue)
		}
	}
	for _, fs := range g.sources {
		if fs.Funnel == nil {
			continue
		}
		allLeads = append(allLeads, fs.Leads)
		if fs.Name == src.Name {
			leads, won, revenue = append(leads, fs.Leads), append(won, fs.Won), append(revenue, fs.Revenue)
		}
	}
	if len(leads) == 0 {
		return
	}
	r := src.Won.Decl
	sumOf := func(vs []*Var, zero quantity.Unit) Expr { e, _ := sum(vs, r, zero); return e }
	g.relate(src.Leads, sumOf(leads, quantity.CountOf("leads")), "its leads in every funnel")
	g.relate(src.LeadShare, div(ref(src.Leads, r), sumOf(allLeads, quantity.CountOf("leads")), r), "its leads / all leads")
	g.relate(src.Won, sumOf(won, quantity.Count), "its won deals in every funnel")
	g.relate(src.Revenue, sumOf(revenue, g.money()), "its revenue in every funnel")
	g.relate(src.Share, div(ref(src.Revenue, r), sumOf(allRevenue, g.money()), r), "its revenue / the revenue of every funnel")
}

// zeroSource gives a source without channels its zero values.
func (g *graph) zeroSource(src *Source, r hcl.Range) {
	for _, v := range []*Var{src.Leads, src.LeadShare, src.Won, src.Revenue, src.Share} {
		g.relate(v, &Const{V: new(big.Rat), Unit: v.Unit, R: r}, "0: it has no channels")
	}
}

// entered keeps the channels whose entry stage define resolved.
func (g *graph) entered(cs []*lang.Channel) []*lang.Channel {
	var out []*lang.Channel
	for _, c := range cs {
		if g.entry[c] != nil {
			out = append(out, c)
		}
	}
	return out
}

func (g *graph) leadSum(cs []*lang.Channel, r hcl.Range) Expr {
	var vs []*Var
	for _, c := range cs {
		vs = append(vs, g.chanVars[c].leads)
	}
	e, _ := sum(vs, r, quantity.CountOf("leads"))
	return e
}

// reachSum is the sum over channels of leads x the product of the rates
// of the stages after their entry stage: the won deals they make.
func (g *graph) reachSum(cs []*lang.Channel, r hcl.Range) Expr {
	var e Expr
	for _, c := range cs {
		term := ref(g.chanVars[c].leads, r)
		after := false
		for _, s := range g.entry[c].Funnel.Stages {
			if after && g.rate[s] != nil {
				term = &Bin{Op: '*', A: term, B: ref(g.rate[s], r), R: r}
			}
			after = after || s == g.entry[c]
		}
		if e == nil {
			e = term
		} else {
			e = &Bin{Op: '+', A: e, B: term, R: r}
		}
	}
	return e
}

// relate adds the equation v = e, which attributes the funnel's values
// to a source. A zero divisor in it (no leads at all) leaves v unsolved
// rather than being an error in the plan.
func (g *graph) relate(v *Var, e Expr, what string) {
	g.eqs = append(g.eqs, &Eq{V: v, E: e, Range: v.Decl, What: v.Path + " = " + what, ZeroUnsolved: true})
}

func ref(v *Var, r hcl.Range) Expr { return &Ref{Var: v, R: r} }

func div(a, b Expr, r hcl.Range) Expr { return &Bin{Op: '/', A: a, B: b, R: r} }
