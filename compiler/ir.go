package compiler

import (
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// Var is one value of the plan with a reference path, such as
// "funnel.demand.mql.volume". Every number the site shows is a Var.
type Var struct {
	Path string
	Kind VarKind
	// Decl is where the value is declared: its attribute, or the block
	// that implies it (a stage for its volume).
	Decl hcl.Range
	// Block is the declaring block's header, for go-to-definition.
	Block hcl.Range
	// Unit is the value's unit; UnitKnown is false until inferred.
	Unit      quantity.Unit
	UnitKnown bool
	// Given is the value written in the plan, nil when it is to be solved.
	Given *Given
	// Whole marks counts that must be whole numbers: stage volumes and
	// channel leads, and metrics whose unit is a labelled count ("deals").
	Whole bool
	// Owner is the AST node the value belongs to (*lang.Metric,
	// *lang.Stage, *lang.Funnel, *lang.Channel or *lang.Budget).
	Owner any
}

// VarKind says what a Var is.
type VarKind string

// The kinds of values.
const (
	KindMetric   VarKind = "metric"
	KindDealSize VarKind = "deal_size"
	KindRevenue  VarKind = "revenue"
	KindVolume   VarKind = "volume"
	KindRate     VarKind = "rate"
	KindLeads    VarKind = "leads"
	KindShare    VarKind = "share"
	KindCPA      VarKind = "cpa"
	KindCost     VarKind = "cost"
	KindSpend    VarKind = "spend"
	KindCap      VarKind = "cap"
)

// Given is a value written in the plan.
type Given struct {
	Value *big.Rat
	// Origin is "target" (a goal), "assumption" (a metric's value) or
	// "input" (any other attribute, such as a rate or a CPA).
	Origin string
	Range  hcl.Range
}

// Eq is an equation V = E. Solving it for V is forward; solving it for a
// variable inside E is backward.
type Eq struct {
	V *Var
	E Expr
	// Range is where the relation is written, for conflict messages.
	Range hcl.Range
	// What describes the relation in words ("the formula of kpi.x").
	What string
	// Formula marks an equation written by the user, as opposed to one
	// implied by the funnel structure.
	Formula bool
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
}

// Expr is a lowered formula.
type Expr interface {
	Range() hcl.Range
}

// Const is a number with its unit. Bare marks a number written without a
// unit, which takes the unit of what it is added to or compared with.
type Const struct {
	V    *big.Rat
	Unit quantity.Unit
	Bare bool
	R    hcl.Range
}

// Ref is a reference to a value.
type Ref struct {
	Var *Var
	R   hcl.Range
}

// Bin is an arithmetic operation: '+', '-', '*' or '/'.
type Bin struct {
	Op   byte
	A, B Expr
	R    hcl.Range
}

// Neg is unary minus.
type Neg struct {
	X Expr
	R hcl.Range
}

// Call is a call of a standard-library function.
type Call struct {
	Fn   *stdlib.Func
	Args []Expr
	R    hcl.Range
}

// Cmp is a comparison in a check condition: "<", "<=", ">", ">=", "==", "!=".
type Cmp struct {
	Op   string
	A, B Expr
	R    hcl.Range
}

// Logic is "&&", "||" or "!" (with X nil) in a check condition.
type Logic struct {
	Op   string
	A, B Expr
	R    hcl.Range
}

// Bool is a boolean literal.
type Bool struct {
	V bool
	R hcl.Range
}

func (e *Const) Range() hcl.Range { return e.R }
func (e *Ref) Range() hcl.Range   { return e.R }
func (e *Bin) Range() hcl.Range   { return e.R }
func (e *Neg) Range() hcl.Range   { return e.R }
func (e *Call) Range() hcl.Range  { return e.R }
func (e *Cmp) Range() hcl.Range   { return e.R }
func (e *Logic) Range() hcl.Range { return e.R }
func (e *Bool) Range() hcl.Range  { return e.R }

// refs returns the variables an expression references, in order, with
// repeats.
func refs(e Expr) []*Var {
	var out []*Var
	for _, r := range RefNodes(e) {
		out = append(out, r.Var)
	}
	return out
}

// RefNodes returns the references in an expression, in source order, for
// emitters that link each one.
func RefNodes(e Expr) []*Ref {
	var out []*Ref
	walk(e, func(x Expr) {
		if r, ok := x.(*Ref); ok {
			out = append(out, r)
		}
	})
	return out
}

func walk(e Expr, f func(Expr)) {
	if e == nil {
		return
	}
	f(e)
	switch x := e.(type) {
	case *Bin:
		walk(x.A, f)
		walk(x.B, f)
	case *Neg:
		walk(x.X, f)
	case *Call:
		for _, a := range x.Args {
			walk(a, f)
		}
	case *Cmp:
		walk(x.A, f)
		walk(x.B, f)
	case *Logic:
		walk(x.A, f)
		walk(x.B, f)
	}
}
