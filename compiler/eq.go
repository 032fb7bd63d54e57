package compiler

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang/quantity"
)

// Eq is an equation V = E. Solving it for V is forward; solving it for a
// variable inside E is backward. An equation carries its structure, never
// prose: its role and its expression. Text and Segments render it for
// people, and emitters link the references in it from the expression.
type Eq struct {
	V *Var
	E Expr
	// Role says which relation of the plan the equation is.
	Role EqRole
	// Attr is the attribute a formula is written in ("formula", "target");
	// "" for an equation the plan's structure implies.
	Attr string
	// Range is where the relation is written, for conflict messages.
	Range hcl.Range
	// CeilForward rounds a whole V up also when solving forward, as
	// channel leads derived from shares are.
	CeilForward bool
	// FloorBackward rounds a whole value solved backward down instead of
	// up: the leads a channel's budget buys (a budget buys whole leads).
	FloorBackward bool
	// Relation marks an equation that relates values without defining V
	// (a stage's volume as the sum of its channels' leads), which cycle
	// detection does not follow.
	Relation bool
	// ZeroUnsolved leaves V unsolved, without a diagnostic, when solving
	// the equation divides by zero: a share of nothing.
	ZeroUnsolved bool
	// NoForward never solves V from the equation, only the values in E:
	// another equation gives V (a channel's leads come from the
	// apportionment of its stage's leads, not from its share alone).
	NoForward bool
	// parts are what a RoleApportion equation splits V into.
	parts []part

	// id is the equation's place in Result.Eqs.
	id int
}

// EqRole says which relation of the plan an equation is.
type EqRole int

// The relations of a plan.
const (
	// RoleFormula is an attribute the author wrote as a formula: a
	// metric's formula, or a value given by an expression.
	RoleFormula EqRole = iota
	// RoleStep is a stage's volume from the stage before: volume =
	// previous volume x rate (+ inflow).
	RoleStep
	// RoleRevenue is a funnel's revenue: last volume x deal size.
	RoleRevenue
	// RoleChannelCost is a channel's cost: leads x CPA.
	RoleChannelCost
	// RoleChannelShare is a channel's leads: share x the leads into its
	// stage.
	RoleChannelShare
	// RoleEntry is the leads into a stage: the sum of its channels' leads.
	RoleEntry
	// RoleSpend is a budget's spend: the sum of its channels' cost, its
	// fixed costs and its child budgets' spend.
	RoleSpend
	// RoleAttribution is one of a lead source's values, attributed from
	// its channels and funnel.
	RoleAttribution
	// RoleLoad is a team's load and the people it requires.
	RoleLoad
	// RoleCohort is a channel's cohort and what it brings: its volume at
	// a stage, its won deals, revenue, CAC and ROAS, a stage's blended
	// rate, a funnel's planned revenue (cohorts.go).
	RoleCohort
	// RoleApportion splits the leads into a stage among its channels by
	// share, so that they add up to it (apportion.go).
	RoleApportion
	// RoleFixed is a budget's fixed costs: the sum of its items' amounts.
	RoleFixed
)

// Formula reports whether the author wrote the equation, as opposed to
// one the plan's structure implies.
func (eq *Eq) Formula() bool { return eq.Role == RoleFormula }

// Segment is a piece of an equation's text; Var is set on a reference.
type Segment struct {
	Text string
	Var  *Var
}

// Segments renders the equation for people, each reference a segment of
// its own: "the formula of kpi.x" for a formula (whose text is the
// source), and the relation itself otherwise:
// "funnel.demand.mql.volume = funnel.demand.inquiry.volume x funnel.demand.mql.rate".
func (eq *Eq) Segments() []Segment {
	if eq.Formula() {
		return []Segment{{Text: "the " + eq.Attr + " of "}, {Text: eq.V.Path.String(), Var: eq.V}}
	}
	out := []Segment{{Text: eq.V.Path.String(), Var: eq.V}, {Text: " = "}}
	return render(out, eq.E, 0)
}

// Text is Segments as one string, for messages.
func (eq *Eq) Text() string {
	var b strings.Builder
	for _, s := range eq.Segments() {
		b.WriteString(s.Text)
	}
	return b.String()
}

// ops are the operators as people write them, and their precedence.
var ops = map[byte]struct {
	text string
	prec int
}{'+': {" + ", 1}, '-': {" - ", 1}, '*': {" x ", 2}, '/': {" / ", 2}}

// render appends e to out, in parentheses when its precedence is below
// prec, the precedence of where it stands.
func render(out []Segment, e Expr, prec int) []Segment {
	switch x := e.(type) {
	case *Ref:
		if x.Var.total != nil { // a sum planc made: shown as the sum
			return render(out, x.Var.total, prec)
		}
		return append(out, Segment{Text: x.Text(), Var: x.Var})
	case *Const:
		return append(out, Segment{Text: quantity.Format(x.V, x.Unit)})
	case *Neg:
		return render(append(out, Segment{Text: "-"}), x.X, 3)
	case *Call:
		out = append(out, Segment{Text: x.Fn.Name + "("})
		for i, a := range x.Args {
			if i > 0 {
				out = append(out, Segment{Text: ", "})
			}
			out = render(out, a, 0)
		}
		return append(out, Segment{Text: ")"})
	case *Bin:
		op := ops[x.Op]
		paren := op.prec < prec
		if paren {
			out = append(out, Segment{Text: "("})
		}
		out = render(out, x.A, op.prec)
		out = append(out, Segment{Text: op.text})
		right := op.prec
		if x.Op == '-' || x.Op == '/' {
			right++ // a - (b - c), a / (b / c)
		}
		out = render(out, x.B, right)
		if paren {
			out = append(out, Segment{Text: ")"})
		}
		return out
	}
	return out
}
