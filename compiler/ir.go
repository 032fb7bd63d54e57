package compiler

import (
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// The compiler's intermediate representation: formulas lowered from HCL
// expressions (lower.go) and the equations of the plan (eq.go) are trees of
// these nodes, over the values (Var) the resolver declared.

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
	// Spread is the range a value written as one lies in ("20% to 30%");
	// V is its midpoint. Nil for a single value.
	Spread *Spread
}

// Spread is a 90% interval of a value, as a plan writes it ("20% to
// 30%"): the Monte Carlo draws the value from it (uncertainty.go).
type Spread struct {
	Lo, Hi *big.Rat
}

// Ref is a reference to a value.
type Ref struct {
	Var *Var
	R   hcl.Range
	// Period, when set, names a period of the plan by month
	// (funnel.demand.sql.volume["2027-06"], kgi.revenue["Q2"]): the
	// reference is to Var's value in it, or with Open to the pipeline open
	// in Var's stage at its end (periodref.go).
	Period string
	Open   bool
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

// Building expressions for the equations the plan's structure implies.

func mul(a, b *Var, r hcl.Range) Expr {
	return &Bin{Op: '*', A: &Ref{Var: a, R: r}, B: &Ref{Var: b, R: r}, R: r}
}

func ref(v *Var, r hcl.Range) Expr { return &Ref{Var: v, R: r} }

func div(a, b Expr, r hcl.Range) Expr { return &Bin{Op: '/', A: a, B: b, R: r} }

// sum returns the expression v1 + v2 + ... (zero, in unit zero, for no
// values).
func sum(vs []*Var, r hcl.Range, zero quantity.Unit) Expr {
	if len(vs) == 0 {
		return &Const{V: new(big.Rat), Unit: zero, R: r}
	}
	var e Expr
	for _, v := range vs {
		if e == nil {
			e = ref(v, r)
		} else {
			e = &Bin{Op: '+', A: e, B: ref(v, r), R: r}
		}
	}
	return e
}
