package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// defineEntries relates each stage that channels feed to their leads: the
// stage's volume is the sum of the leads of its channels.
func (g *graph) defineEntries() {
	var order []*lang.Stage
	into := map[*lang.Stage][]*lang.Channel{}
	for _, c := range g.plan.Channels {
		s := g.entry[c]
		if s == nil {
			continue
		}
		if into[s] == nil {
			order = append(order, s)
		}
		into[s] = append(into[s], c)
	}
	for _, s := range order {
		if g.checkShareSum(s, into[s]) {
			g.sumEq(s, into[s])
		}
	}
}

// entryTotal is the value that the leads of the channels into s add up
// to: the stage's inflow below the funnel's top, its volume at the top.
func (g *graph) entryTotal(s *lang.Stage) *Var {
	if in := g.inflow[s]; in != nil {
		return in
	}
	return g.volume[s]
}

func (g *graph) sumEq(s *lang.Stage, cs []*lang.Channel) {
	vol := g.entryTotal(s)
	var leads []*Var
	for _, c := range cs {
		leads = append(leads, g.chanVars[c].leads)
	}
	e, what := sum(leads, s.DefRange, quantity.CountOf("leads"))
	g.eqs = append(g.eqs, &Eq{V: vol, E: e, Range: s.DefRange, Relation: true, What: vol.Path + " = " + what})
}

// sum returns the expression v1 + v2 + ... (zero, in unit zero, for no
// values) and how to write it.
func sum(vs []*Var, r hcl.Range, zero quantity.Unit) (Expr, string) {
	if len(vs) == 0 {
		return &Const{V: new(big.Rat), Unit: zero, R: r}, "0"
	}
	var e Expr
	var paths []string
	for _, v := range vs {
		paths = append(paths, v.Path)
		ref := &Ref{Var: v, R: r}
		if e == nil {
			e = ref
		} else {
			e = &Bin{Op: '+', A: e, B: ref, R: r}
		}
	}
	return e, strings.Join(paths, " + ")
}

// checkShareSum reports shares that cannot add up to 100%: above 100% in
// any case, or below it when every channel has a literal share, so no
// channel fills the rest. It returns false when it reported.
func (g *graph) checkShareSum(s *lang.Stage, cs []*lang.Channel) bool {
	sum := new(big.Rat)
	fills := false
	var last *lang.Channel
	var parts []string
	for _, c := range cs {
		sh := g.chanVars[c].share.Given
		if sh == nil {
			fills = true
			continue
		}
		sum.Add(sum, sh.Value)
		last = c
		parts = append(parts, fmt.Sprintf("%s %s", c.Name, quantity.Format(sh.Value, quantity.Ratio)))
	}
	one := big.NewRat(1, 1)
	if last == nil || sum.Cmp(one) == 0 || (fills && sum.Cmp(one) < 0) {
		return true
	}
	what := fmt.Sprintf("stage %q of funnel %q", s.Name, s.Funnel.Name)
	detail := fmt.Sprintf("The channels into %s have shares %s, which add up to %s, not 100%%.",
		what, strings.Join(parts, ", "), quantity.Format(sum, quantity.Ratio))
	if sum.Cmp(one) < 0 {
		detail += " Raise a share, or add a channel without a share (or with leads or budget) to fill the rest."
	} else {
		detail += " Lower the shares so that they add up to 100%."
	}
	g.low.diags = append(g.low.diags, lang.Diag(lang.ShareSum, g.chanVars[last].share.Given.Range, "Shares do not add up to 100%", detail))
	g.shareSumBad[s] = true
	return false
}

func (g *graph) defineBudget(b *lang.Budget) {
	bv := g.budgetVars[b]
	g.assign(bv.cap, b.Cap, "input", slot{unit: g.money(), scale: big.NewRat(1, 1)})
	members := g.budgetMembers(b)
	g.members[b] = members
	var costs []*Var
	for _, c := range members {
		costs = append(costs, g.chanVars[c].cost)
	}
	e, what := sum(costs, b.DefRange, g.money())
	g.eqs = append(g.eqs, &Eq{V: bv.spend, E: e, Range: b.DefRange, What: bv.spend.Path + " = " + what})
}

// budgetMembers resolves a budget's channel list; no list means every
// channel.
func (g *graph) budgetMembers(b *lang.Budget) []*lang.Channel {
	if b.Channels == nil {
		return g.plan.Channels
	}
	exprs, d := hcl.ExprList(b.Channels.Expr)
	if d.HasErrors() {
		g.low.fail(lang.Schema, b.Channels.Expr.Range(), "channels must be a list",
			"List the channels the budget pays for, such as channels = [channel.webinar, channel.ads].")
		return nil
	}
	var out []*lang.Channel
	for _, e := range exprs {
		if c := g.channelRef(e); c != nil {
			out = append(out, c)
		}
	}
	return out
}

func (g *graph) channelRef(e hcl.Expression) *lang.Channel {
	c, _ := blockRef[*lang.Channel](g, e, "Each entry of channels", "channel", "channel.webinar")
	return c
}

// blockRef resolves an attribute that names a block (channel.webinar,
// funnel.demand, team.inside_sales) rather than a value. For the messages,
// what names the attribute, ns is the block type and example a reference
// to write instead.
func blockRef[T any](g *graph, e hcl.Expression, what, ns, example string) (T, bool) {
	var zero T
	t, d := hcl.AbsTraversalForExpr(e)
	if d.HasErrors() {
		g.low.fail(lang.Schema, e.Range(), fmt.Sprintf("Not a %s reference", ns),
			fmt.Sprintf("%s must be a reference to a %s block, without quotes, such as %s.", what, ns, example))
		return zero, false
	}
	_, sc, diag := g.root.resolve(t)
	if diag != nil {
		g.low.diags = append(g.low.diags, diag)
		return zero, false
	}
	b, ok := ownerOf[T](sc)
	if !ok || t.RootName() != ns || len(t) != 2 {
		g.low.fail(lang.UnknownReference, e.Range(), "Not a "+ns,
			fmt.Sprintf("%s must name a %s block, such as %s.", what, ns, example))
		return zero, false
	}
	return b, true
}
