package workbook

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/stdlib"
)

// tolerance absorbs the spreadsheet's binary rounding where a result is
// rounded to a whole number: planc's arithmetic is exact, a
// spreadsheet's is not (290/0.29 is 1000.0000000000001 in binary
// floating point, which ROUNDUP makes 1,001, where planc needs 1,000). A
// count a millionth above a whole number is taken as that number; no
// plan's rates put a genuine fraction that close.
const tolerance = "0.000001"

// unsupported says why an expression has no formula in the workbook.
type unsupported struct{ why string }

func (u *unsupported) Error() string { return u.why }

// converter turns the compiler's expressions into formulas over the
// workbook's cells.
type converter struct {
	cells map[*compiler.Var]*cell
	// period refers to a value in a period of the plan by month (the
	// Timeline sheet's cells); nil when the workbook has the year only.
	period func(*compiler.Ref) (node, error)
}

// expr is e as a formula.
func (cv *converter) expr(e compiler.Expr) (node, error) {
	switch x := e.(type) {
	case *compiler.Const:
		return number(x.V), nil
	case *compiler.Ref:
		return cv.ref(x)
	case *compiler.Neg:
		n, err := cv.expr(x.X)
		return neg{n}, err
	case *compiler.Bin:
		a, err := cv.expr(x.A)
		if err != nil {
			return nil, err
		}
		b, err := cv.expr(x.B)
		return bin{string(x.Op), a, b}, err
	case *compiler.Call:
		return cv.call(x)
	}
	return nil, &unsupported{fmt.Sprintf("it is solved from an expression the workbook cannot write (%T)", e)}
}

// ref is a reference to the cell of a value, or to its value in a
// period of the plan by month.
func (cv *converter) ref(x *compiler.Ref) (node, error) {
	switch {
	case x.Period != "" && cv.period != nil:
		return cv.period(x)
	case x.Period != "":
		return nil, &unsupported{fmt.Sprintf("its formula uses %s, a value in a period of the plan by month, and the workbook has the year only", x.Text())}
	}
	c := cv.cells[x.Var]
	if c == nil {
		return nil, &unsupported{fmt.Sprintf("its formula uses %s, which the workbook does not hold", x.Var.Path)}
	}
	return ref{c: c}, nil
}

// call maps a function of planc's formula language to the spreadsheet's.
// The unit-economics functions are products of powers of their
// arguments (cac(cost, won) is cost/won), and written as such.
func (cv *converter) call(x *compiler.Call) (node, error) {
	args := make([]node, len(x.Args))
	for i, a := range x.Args {
		var err error
		if args[i], err = cv.expr(a); err != nil {
			return nil, err
		}
	}
	if p := x.Fn.Product; p != nil {
		return product(p, args), nil
	}
	switch x.Fn.Name {
	case "min", "max", "sum":
		return call{strings.ToUpper(x.Fn.Name), args}, nil
	case "floor": // INT floors, negative numbers too
		return fn("INT", add(args[0], num{tolerance})), nil
	case "ceil":
		return neg{fn("INT", sub(num{tolerance}, args[0]))}, nil
	case "round": // both round halves away from zero
		return fn("ROUND", args[0], num{"0"}), nil
	case "pow":
		return fn("POWER", args[0], args[1]), nil
	}
	return nil, &unsupported{fmt.Sprintf("its formula calls %s, which the workbook cannot write", x.Fn.Name)}
}

// product writes K x args[0]^e0 x args[1]^e1 ... as a quotient.
func product(p *stdlib.Product, args []node) node {
	n, d := factors(p, args, -1)
	if n == nil {
		n = num{"1"}
	}
	if d == nil {
		return n
	}
	return quo(n, d)
}

// factors returns the product's numerator (K and the arguments that
// multiply) and denominator (those that divide), leaving out the
// argument at skip (-1 for none); nil for none.
func factors(p *stdlib.Product, args []node, skip int) (n, d node) {
	if p.K.Cmp(big.NewRat(1, 1)) != 0 {
		n = number(p.K)
	}
	for i, a := range args {
		switch {
		case i == skip:
		case p.Exp[i] > 0:
			n = times(n, a)
		default:
			d = times(d, a)
		}
	}
	return n, d
}

// times is a x b, where nil is 1.
func times(a, b node) node {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return mul(a, b)
}

// invert solves e = want for x, which occurs in e once, as the solver
// does: peeling + - * / and the products of the formula language off
// the path to x. It fails where the solver never solves backward.
func (cv *converter) invert(e compiler.Expr, want node, x *compiler.Var) (node, error) {
	switch n := e.(type) {
	case *compiler.Ref:
		if n.Var != x || n.Period != "" {
			break
		}
		return want, nil
	case *compiler.Neg:
		return cv.invert(n.X, neg{want}, x)
	case *compiler.Bin:
		return cv.invertBin(n, want, x)
	case *compiler.Call:
		if n.Fn.Product != nil {
			return cv.invertProduct(n, want, x)
		}
		return nil, &unsupported{fmt.Sprintf("it is solved backward through %s, which the workbook cannot invert", n.Fn.Name)}
	}
	return nil, &unsupported{"it is solved backward through an expression the workbook cannot invert"}
}

// invertBin peels one operation off the path to x.
func (cv *converter) invertBin(n *compiler.Bin, want node, x *compiler.Var) (node, error) {
	inA := contains(n.A, x)
	self, other := n.A, n.B
	if !inA {
		self, other = n.B, n.A
	}
	o, err := cv.expr(other)
	if err != nil {
		return nil, err
	}
	var w node
	switch {
	case n.Op == '+':
		w = sub(want, o)
	case n.Op == '-' && inA: // self - o = want
		w = add(want, o)
	case n.Op == '-': // o - self = want
		w = sub(o, want)
	case n.Op == '*': // self x o = want
		w = quo(want, o)
	case inA: // self / o = want
		w = mul(want, o)
	default: // o / self = want
		w = quo(o, want)
	}
	return cv.invert(self, w, x)
}

// invertProduct solves N x a / D = want (or N / (a x D) = want) for the
// argument a that holds x, N and D being the product's other factors: a
// = want x D / N when a multiplies, N / (want x D) when it divides.
func (cv *converter) invertProduct(n *compiler.Call, want node, x *compiler.Var) (node, error) {
	i := 0
	for !contains(n.Args[i], x) {
		i++
	}
	args := make([]node, len(n.Args))
	for j, a := range n.Args {
		if j == i {
			continue
		}
		var err error
		if args[j], err = cv.expr(a); err != nil {
			return nil, err
		}
	}
	num, den := factors(n.Fn.Product, args, i)
	if n.Fn.Product.Exp[i] > 0 {
		w := times(want, den)
		if num != nil {
			w = quo(w, num)
		}
		return cv.invert(n.Args[i], w, x)
	}
	if num == nil {
		num = number(big.NewRat(1, 1))
	}
	return cv.invert(n.Args[i], quo(num, times(want, den)), x)
}

// contains reports whether e refers to x.
func contains(e compiler.Expr, x *compiler.Var) bool {
	for _, r := range compiler.RefNodes(e) {
		if r.Var == x {
			return true
		}
	}
	return false
}

// occurrences counts the references to x in e.
func occurrences(e compiler.Expr, x *compiler.Var) int {
	n := 0
	for _, r := range compiler.RefNodes(e) {
		if r.Var == x {
			n++
		}
	}
	return n
}

// number writes a rational as the spreadsheet reads it: a decimal when
// it has one of at most 15 significant digits (what a spreadsheet
// keeps), else the quotient of two integers.
func number(x *big.Rat) node {
	if x.Sign() < 0 {
		return neg{number(new(big.Rat).Neg(x))}
	}
	if s, ok := decimal(x); ok {
		return num{s}
	}
	return bin{"/", num{x.Num().String()}, num{x.Denom().String()}}
}

// decimal is x's exact decimal expansion, when it is an integer or ends
// within 15 significant digits.
func decimal(x *big.Rat) (string, bool) {
	if x.IsInt() {
		return x.Num().String(), true
	}
	for places := 1; places <= 15; places++ {
		s := x.FloatString(places)
		back, _ := new(big.Rat).SetString(s)
		if back.Cmp(x) == 0 {
			return s, len(strings.TrimLeft(strings.Replace(s, ".", "", 1), "0")) <= 15
		}
	}
	return "", false
}

// Rounding to whole counts, as the solver rounds them.

// roundUp is n rounded up to a whole number (n is not negative: it is a
// count).
func roundUp(n node) node { return fn("ROUNDUP", sub(n, num{tolerance}), num{"0"}) }

// roundDown is n rounded down to a whole number.
func roundDown(n node) node { return fn("ROUNDDOWN", add(n, num{tolerance}), num{"0"}) }

// whole reports whether n is a whole number whatever the inputs: whole
// counts and integers added, subtracted and multiplied. Rounding it
// changes nothing, so its formula leaves the rounding out (the leads
// into a stage as the sum of its channels' leads).
func whole(n node) bool {
	switch x := n.(type) {
	case num:
		r, ok := new(big.Rat).SetString(x.text)
		return ok && r.IsInt()
	case ref:
		// Not an input: the reader may type a fraction into it.
		c := x.c
		return c.v != nil && c.v.Whole && c.v.Given == nil && c.value != nil && c.value.IsInt()
	case neg:
		return whole(x.x)
	case bin:
		return (x.op == "+" || x.op == "-" || x.op == "*") && whole(x.a) && whole(x.b)
	}
	return false
}
