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
func (l *lowerer) sources() {
	srcs := l.info.Kind("source")
	entering := map[*Object][]*Object{} // the channels into each funnel, in the plan's order
	for _, c := range l.info.Kind("channel") {
		if s := c.Ref("stage"); s != nil {
			entering[s.Parent] = append(entering[s.Parent], c)
		}
	}
	for _, src := range srcs {
		if src.Parent != nil {
			l.funnelSource(src, entering[src.Parent])
		}
	}
	for _, src := range srcs {
		if src.Parent == nil {
			l.planSource(src)
		}
	}
}

// funnelSource relates a funnel's source to its channels (mine) and to
// all the channels into the funnel.
func (l *lowerer) funnelSource(src *Object, all []*Object) {
	f := src.Parent
	mine := src.Refs("channels")
	r := f.DefRange()
	if len(mine) == 0 {
		l.zeroSource(src, r)
		return
	}
	fn := f.Node.(*lang.Funnel)
	last := l.info.Of(fn.Stages[len(fn.Stages)-1])
	if last == nil {
		return // the last stage was not declared (no name, a duplicate): reported
	}
	won := last.Value("volume")
	l.relate(src.Value("leads"), leadSum(mine, r))
	l.relate(src.Value("lead_share"), div(ref(src.Value("leads"), r), leadSum(all, r), r))
	l.relate(src.Value("share"), div(reachSum(mine, r), reachSum(all, r), r))
	l.relate(src.Value("won"), mul(won, src.Value("share"), r))
	l.relate(src.Value("revenue"), mul(src.Value("won"), f.Value("deal_size"), r))
}

// planSource adds up a source's values over the funnels.
func (l *lowerer) planSource(src *Object) {
	var leads, won, revenue, allLeads, allRevenue []*Var
	for _, f := range l.info.Kind("funnel") {
		allRevenue = append(allRevenue, f.Value("revenue"))
	}
	for _, fs := range l.info.Kind("source") {
		if fs.Parent == nil {
			continue
		}
		allLeads = append(allLeads, fs.Value("leads"))
		if fs.Name() == src.Name() {
			leads, won, revenue = append(leads, fs.Value("leads")), append(won, fs.Value("won")), append(revenue, fs.Value("revenue"))
		}
	}
	if len(leads) == 0 {
		return
	}
	r := src.Value("won").Decl
	count := quantity.CountOf("leads")
	l.relate(src.Value("leads"), sum(leads, r, count))
	l.relate(src.Value("lead_share"), div(ref(src.Value("leads"), r), sum(allLeads, r, count), r))
	l.relate(src.Value("won"), sum(won, r, quantity.Count))
	money := src.Value("revenue").Unit
	l.relate(src.Value("revenue"), sum(revenue, r, money))
	l.relate(src.Value("share"), div(ref(src.Value("revenue"), r), sum(allRevenue, r, money), r))
}

// zeroSource gives a source without channels its zero values.
func (l *lowerer) zeroSource(src *Object, r hcl.Range) {
	for _, v := range src.Values() {
		l.relate(v, &Const{V: new(big.Rat), Unit: v.Unit, R: r})
	}
}

func leadSum(cs []*Object, r hcl.Range) Expr {
	var vs []*Var
	for _, c := range cs {
		vs = append(vs, c.Value("leads"))
	}
	return sum(vs, r, quantity.CountOf("leads"))
}

// reachSum is the sum over channels of leads x the product of the rates
// of the stages after their entry stage: the won deals they make.
func reachSum(cs []*Object, r hcl.Range) Expr {
	var e Expr
	for _, c := range cs {
		term := ref(c.Value("leads"), r)
		entry := c.Ref("stage")
		after := false
		for _, s := range entry.Parent.Kids {
			if rate := s.Value("rate"); after && rate != nil {
				term = &Bin{Op: '*', A: term, B: ref(rate, r), R: r}
			}
			after = after || s == entry
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
func (l *lowerer) relate(v *Var, e Expr) {
	l.eqs = append(l.eqs, &Eq{V: v, E: e, Role: RoleAttribution, Range: v.Decl, ZeroUnsolved: true})
}
