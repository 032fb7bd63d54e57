package compiler

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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

// A source is an Object of kind "source": the leads of one source into
// one funnel (path funnel.F.source.S, its Parent the funnel), or into every
// funnel of the plan (path source.S, no Parent). Its "channels" are its
// channels, and its values (values.go) leads, lead_share, won, revenue
// and share: the won deals and revenue attributed to it, and their share
// of the funnel's revenue (for the plan: of the revenue of every funnel,
// those without channels, such as an expansion funnel of existing
// customers, included).

// declareSources declares every source, per funnel and for the plan, with
// its values.
func (r *resolver) declareSources() {
	byFunnel := map[*Object][]*Object{}
	var plan []*Object
	for _, c := range r.info.Kind("channel") {
		if s := c.Ref("stage"); s != nil {
			byFunnel[s.Parent] = append(byFunnel[s.Parent], c)
			plan = append(plan, c)
		}
	}
	for _, f := range r.info.Kind("funnel") {
		if cs := byFunnel[f]; len(cs) > 0 {
			ns := r.scopeOf(f).kid("source", fmt.Sprintf("the sources of funnel %q", f.Name()), nil)
			for _, grp := range groupSources(cs) {
				r.declareSource(ns, f.Path.Child("source", grp.name), f, grp)
			}
		}
	}
	if len(plan) > 0 {
		for _, grp := range groupSources(plan) {
			r.declareSource(r.info.root.kids["source"], lang.NewPath("source", grp.name), nil, grp)
		}
	}
}

type sourceGroup struct {
	name     string
	channels []*Object
}

// groupSources groups channels by source, in the order sources first
// appear. Marketing is always there, without channels if need be, so that
// marketing's contribution (source.marketing.revenue) is ¥0 in a plan
// whose leads all come from sales or partners, not an unknown reference.
// A source whose name cannot be referred to (reported by lang) is left out.
func groupSources(cs []*Object) []sourceGroup {
	out := []sourceGroup{{name: lang.DefaultSource}}
	at := map[string]int{lang.DefaultSource: 0}
	for _, c := range cs {
		n := c.Node.(*lang.Channel).SourceName()
		if !hclsyntax.ValidIdentifier(n) {
			continue
		}
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

// declareSource declares a source of funnel f (nil: of the plan) in the
// namespace ns.
func (r *resolver) declareSource(ns *scope, path lang.Path, f *Object, grp sourceGroup) *Object {
	src := &Object{Kind: "source", Path: path, Parent: f, name: grp.name}
	what := fmt.Sprintf("source %q", grp.name)
	if f != nil {
		src.suffix = " in " + f.Label()
		what += fmt.Sprintf(" of funnel %q", f.Name())
	}
	switch {
	case len(grp.channels) > 0:
		src.decl = grp.channels[0].DefRange()
	case f != nil:
		src.decl = f.DefRange()
	case r.plan.Meta != nil:
		src.decl = r.plan.Meta.DefRange
	}
	src.link("channels", grp.channels...)
	r.scopes[src] = ns.kid(grp.name, what, src)
	r.info.addObject(src)
	for i := range valueDefs["source"] {
		r.newVar(src, &valueDefs["source"][i])
	}
	return src
}

// sources relates every source's values to its channels and funnel.
// What every source of a funnel (or of the plan) divides by, the leads
// and won deals of all its channels, is a total made once (lowerer.total),
// so that many sources cost linear time, not quadratic.
func (l *lowerer) sources() {
	srcs := l.info.Kind("source")
	entering := map[*Object][]*Object{} // the channels into each funnel, in the plan's order
	for _, c := range l.info.Kind("channel") {
		if s := c.Ref("stage"); s != nil {
			entering[s.Parent] = append(entering[s.Parent], c)
		}
	}
	byFunnel := map[*Object][]*Object{}
	byName := map[string][]*Object{} // the funnels' sources of each name
	var all []*Object
	for _, src := range srcs {
		if src.Parent != nil {
			byFunnel[src.Parent] = append(byFunnel[src.Parent], src)
			byName[src.Name()] = append(byName[src.Name()], src)
			all = append(all, src)
		}
	}
	for _, f := range l.info.Kind("funnel") {
		if len(byFunnel[f]) > 0 {
			l.funnelSources(f, byFunnel[f], entering[f])
		}
	}
	var totals *planTotals
	for _, src := range srcs {
		if src.Parent == nil {
			if totals == nil {
				totals = l.planTotals(src, all)
			}
			l.planSource(src, byName[src.Name()], totals)
		}
	}
}

// funnelSources relates each of a funnel's sources to its channels and
// to all the channels into the funnel (into).
func (l *lowerer) funnelSources(f *Object, srcs, into []*Object) {
	var leads *Var
	if len(into) > 0 {
		r := f.DefRange()
		leads = l.total(f, f.Path.Child("source", "*", "leads"), leadSum(into, r), quantity.CountOf("leads"))
	}
	for _, src := range srcs {
		l.funnelSource(src, leads)
	}
}

// funnelSource relates a funnel's source to its channels (mine): its leads
// and their share of all the leads into the funnel (allLeads), and the won
// deals and revenue of their cohorts, each channel's deals at its own deal
// size, as a share of the funnel's planned revenue, which the sources add
// up to.
func (l *lowerer) funnelSource(src *Object, allLeads *Var) {
	f := src.Parent
	mine := src.Refs("channels")
	r := f.DefRange()
	if len(mine) == 0 {
		l.zeroSource(src, r)
		return
	}
	if allLeads == nil {
		return // its channels enter no stage of the funnel: reported
	}
	l.relate(src.Value("leads"), leadSum(mine, r))
	l.relate(src.Value("lead_share"), div(ref(src.Value("leads"), r), ref(allLeads, r), r))
	l.relate(src.Value("won"), sum(valuesOf(mine, "won"), r, src.Value("won").Unit))
	l.relate(src.Value("revenue"), sum(valuesOf(mine, "revenue"), r, src.Value("revenue").Unit))
	l.relate(src.Value("share"), div(ref(src.Value("revenue"), r), ref(f.Value("planned_revenue"), r), r))
}

// planTotals are what every source of the plan divides by: the leads of
// all funnels' sources and the planned revenue of all funnels, which the
// sources add up to.
type planTotals struct{ leads, revenue *Var }

func (l *lowerer) planTotals(first *Object, all []*Object) *planTotals {
	r := first.Value("won").Decl
	all0 := lang.NewPath("source", "*")
	money := first.Value("revenue").Unit
	return &planTotals{
		leads:   l.total(first, all0.Child("leads"), sum(valuesOf(all, "leads"), r, quantity.CountOf("leads")), quantity.CountOf("leads")),
		revenue: l.total(first, all0.Child("revenue"), sum(valuesOf(l.info.Kind("funnel"), "planned_revenue"), r, money), money),
	}
}

// planSource adds up a source's values over the funnels: over its
// funnels' sources of the same name (mine).
func (l *lowerer) planSource(src *Object, mine []*Object, all *planTotals) {
	if len(mine) == 0 {
		return
	}
	r := src.Value("won").Decl
	l.relate(src.Value("leads"), sum(valuesOf(mine, "leads"), r, quantity.CountOf("leads")))
	l.relate(src.Value("lead_share"), div(ref(src.Value("leads"), r), ref(all.leads, r), r))
	l.relate(src.Value("won"), sum(valuesOf(mine, "won"), r, quantity.Count))
	l.relate(src.Value("revenue"), sum(valuesOf(mine, "revenue"), r, src.Value("revenue").Unit))
	l.relate(src.Value("share"), div(ref(src.Value("revenue"), r), ref(all.revenue, r), r))
}

// valuesOf returns the value name of each object.
func valuesOf(os []*Object, name string) []*Var {
	out := make([]*Var, len(os))
	for i, o := range os {
		out[i] = o.Value(name)
	}
	return out
}

// zeroSource gives a source without channels its zero values.
func (l *lowerer) zeroSource(src *Object, r hcl.Range) {
	for _, v := range src.Values() {
		l.relate(v, &Const{V: new(big.Rat), Unit: v.Unit, R: r})
	}
}

func leadSum(cs []*Object, r hcl.Range) Expr {
	return sum(valuesOf(cs, "leads"), r, quantity.CountOf("leads"))
}

// relate adds the equation v = e, which attributes the funnel's values
// to a source. A zero divisor in it (no leads at all) leaves v unsolved
// rather than being an error in the plan.
func (l *lowerer) relate(v *Var, e Expr) {
	l.add(&Eq{V: v, E: e, Role: RoleAttribution, Range: v.Decl, ZeroUnsolved: true})
}
