package workbook

import (
	"math/big"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib"
)

// exprFixture is a few values with cells named as the workbook names
// them: kpi_x, kpi_a, kpi_b, kpi_c, and the left side kpi_v.
type exprFixture struct {
	cv               *converter
	x, a, b, c, v    *compiler.Var
	X, A, B, C       compiler.Expr
	sheet            *sheet
	period, constant compiler.Expr
}

func newExprFixture() *exprFixture {
	fx := &exprFixture{cv: &converter{cells: map[*compiler.Var]*cell{}}, sheet: &sheet{name: "Plan"}}
	mk := func(name string) (*compiler.Var, compiler.Expr) {
		v := &compiler.Var{Path: lang.NewPath("kpi", name)}
		fx.cv.cells[v] = &cell{sheet: fx.sheet, row: 1, col: 3, name: "kpi_" + name, v: v}
		return v, &compiler.Ref{Var: v}
	}
	fx.x, fx.X = mk("x")
	fx.a, fx.A = mk("a")
	fx.b, fx.B = mk("b")
	fx.c, fx.C = mk("c")
	fx.v, _ = mk("v")
	fx.period = &compiler.Ref{Var: fx.x, Period: "2027-06"}
	fx.constant = &compiler.Const{V: big.NewRat(3, 10)}
	return fx
}

func op(o byte, a, b compiler.Expr) compiler.Expr { return &compiler.Bin{Op: o, A: a, B: b} }

func callOf(name string, args ...compiler.Expr) compiler.Expr {
	return &compiler.Call{Fn: stdlib.Lookup(name), Args: args}
}

// TestInvert solves v = e for x through each operator and each function
// the solver inverts, and fails where the solver never inverts.
func TestInvert(t *testing.T) {
	fx := newExprFixture()
	X, A, B, C := fx.X, fx.A, fx.B, fx.C
	for _, c := range []struct {
		name string
		e    compiler.Expr
		want string // "" for no inverse
	}{
		{"x", X, "kpi_v"},
		{"x + a", op('+', X, A), "kpi_v-kpi_a"},
		{"a + x", op('+', A, X), "kpi_v-kpi_a"},
		{"x - a", op('-', X, A), "kpi_v+kpi_a"},
		{"a - x", op('-', A, X), "kpi_a-kpi_v"},
		{"x * a", op('*', X, A), "kpi_v/kpi_a"},
		{"a * x", op('*', A, X), "kpi_v/kpi_a"},
		{"x / a", op('/', X, A), "kpi_v*kpi_a"},
		{"a / x", op('/', A, X), "kpi_a/kpi_v"},
		{"-x", &compiler.Neg{X: X}, "-kpi_v"},
		{"-x + 20", op('+', &compiler.Neg{X: X}, &compiler.Const{V: big.NewRat(20, 1)}), "-(kpi_v-20)"},
		{"(a + x) * b", op('*', op('+', A, X), B), "kpi_v/kpi_b-kpi_a"},
		{"a / (b - x)", op('/', A, op('-', B, X)), "kpi_b-kpi_a/kpi_v"},
		{"(x - a) / (b * c)", op('/', op('-', X, A), op('*', B, C)), "kpi_v*kpi_b*kpi_c+kpi_a"},
		{"a - (b - x)", op('-', A, op('-', B, X)), "kpi_b-(kpi_a-kpi_v)"},
		{"x * 30%", op('*', X, fx.constant), "kpi_v/0.3"},
		{"cpa(x, a)", callOf("cpa", X, A), "kpi_v*kpi_a"},
		{"cpa(a, x)", callOf("cpa", A, X), "kpi_a/kpi_v"},
		{"cac(x, a)", callOf("cac", X, A), "kpi_v*kpi_a"},
		{"cac(a, x)", callOf("cac", A, X), "kpi_a/kpi_v"},
		{"cac_payback(x, a, b)", callOf("cac_payback", X, A, B), "kpi_v*kpi_a*kpi_b"},
		{"cac_payback(a, x, b)", callOf("cac_payback", A, X, B), "kpi_a/(kpi_v*kpi_b)"},
		{"cac_payback(a, b, x)", callOf("cac_payback", A, B, X), "kpi_a/(kpi_v*kpi_b)"},
		{"roas(x, a)", callOf("roas", X, A), "kpi_v*kpi_a"},
		{"roas(a, x)", callOf("roas", A, X), "kpi_a/kpi_v"},
		{"ltv(x, a, b)", callOf("ltv", X, A, B), "kpi_v/(kpi_a*kpi_b)"},
		{"ltv(a, b, x)", callOf("ltv", A, B, X), "kpi_v/(kpi_a*kpi_b)"},
		{"mrr(x, a)", callOf("mrr", X, A), "kpi_v/kpi_a"},
		{"mrr(a, x)", callOf("mrr", A, X), "kpi_v/kpi_a"},
		{"arr(x)", callOf("arr", X), "kpi_v/12"},
		{"arr(mrr(x, a))", callOf("arr", callOf("mrr", X, A)), "kpi_v/12/kpi_a"},
		{"cac(a + x, b)", callOf("cac", op('+', A, X), B), "kpi_v*kpi_b-kpi_a"},
		{"min(x, a)", callOf("min", X, A), ""},
		{"max(x, a)", callOf("max", X, A), ""},
		{"sum(x, a)", callOf("sum", X, A), ""},
		{"ceil(x)", callOf("ceil", X), ""},
		{"floor(x)", callOf("floor", X), ""},
		{"round(x)", callOf("round", X), ""},
		{"pow(x, 2)", callOf("pow", X, &compiler.Const{V: big.NewRat(2, 1)}), ""},
		{"x in June", fx.period, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, err := fx.cv.invert(c.e, ref{c: fx.cv.cells[fx.v]}, fx.x)
			switch {
			case c.want == "" && err == nil:
				t.Errorf("inverted to %s, want no inverse", formula(n, fx.sheet))
			case c.want == "":
			case err != nil:
				t.Errorf("no inverse: %v; want %s", err, c.want)
			case formula(n, fx.sheet) != c.want:
				t.Errorf("inverse %s, want %s", formula(n, fx.sheet), c.want)
			}
		})
	}
}

// TestExpr writes each operator and each function of the formula
// language as a spreadsheet formula.
func TestExpr(t *testing.T) {
	fx := newExprFixture()
	X, A, B := fx.X, fx.A, fx.B
	for _, c := range []struct {
		name string
		e    compiler.Expr
		want string // "" for none
	}{
		{"a + b * x", op('+', A, op('*', B, X)), "kpi_a+kpi_b*kpi_x"},
		{"(a + b) * x", op('*', op('+', A, B), X), "(kpi_a+kpi_b)*kpi_x"},
		{"a - (b - x)", op('-', A, op('-', B, X)), "kpi_a-(kpi_b-kpi_x)"},
		{"a / (b / x)", op('/', A, op('/', B, X)), "kpi_a/(kpi_b/kpi_x)"},
		{"a - -x", op('-', A, &compiler.Neg{X: X}), "kpi_a-(-kpi_x)"},
		{"-(a + x)", &compiler.Neg{X: op('+', A, X)}, "-(kpi_a+kpi_x)"},
		{"30%", fx.constant, "0.3"},
		{"1/3", &compiler.Const{V: big.NewRat(1, 3)}, "1/3"},
		{"-2.5", &compiler.Const{V: big.NewRat(-5, 2)}, "-2.5"},
		{"x / 3 months", op('/', X, &compiler.Const{V: big.NewRat(3, 1)}), "kpi_x/3"},
		{"min", callOf("min", X, A, B), "MIN(kpi_x,kpi_a,kpi_b)"},
		{"max", callOf("max", X, A), "MAX(kpi_x,kpi_a)"},
		{"sum", callOf("sum", X, A), "SUM(kpi_x,kpi_a)"},
		{"floor", callOf("floor", X), "INT(kpi_x+0.000001)"},
		{"ceil", callOf("ceil", X), "-INT(0.000001-kpi_x)"},
		{"round", callOf("round", X), "ROUND(kpi_x,0)"},
		{"pow", callOf("pow", op('+', &compiler.Const{V: big.NewRat(1, 1)}, X), &compiler.Const{V: big.NewRat(12, 1)}), "POWER(1+kpi_x,12)"},
		{"cpa", callOf("cpa", X, A), "kpi_x/kpi_a"},
		{"cac", callOf("cac", X, A), "kpi_x/kpi_a"},
		{"cac_payback", callOf("cac_payback", X, A, B), "kpi_x/(kpi_a*kpi_b)"},
		{"roas", callOf("roas", X, A), "kpi_x/kpi_a"},
		{"ltv", callOf("ltv", X, A, B), "kpi_x*kpi_a*kpi_b"},
		{"mrr", callOf("mrr", X, A), "kpi_x*kpi_a"},
		{"arr", callOf("arr", X), "12*kpi_x"},
		{"a value in June", fx.period, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, err := fx.cv.expr(c.e)
			switch {
			case c.want == "" && err == nil:
				t.Errorf("wrote %s, want no formula", formula(n, fx.sheet))
			case c.want == "":
			case err != nil:
				t.Errorf("no formula: %v; want %s", err, c.want)
			case formula(n, fx.sheet) != c.want:
				t.Errorf("wrote %s, want %s", formula(n, fx.sheet), c.want)
			}
		})
	}
	for _, name := range stdlib.Names() { // a new function needs a mapping
		f := stdlib.Lookup(name)
		args := make([]compiler.Expr, len(f.Params))
		for i := range args {
			args[i] = X
		}
		if _, err := fx.cv.expr(&compiler.Call{Fn: f, Args: args}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestNumber writes rationals as the spreadsheet reads them.
func TestNumber(t *testing.T) {
	for _, c := range []struct {
		x    *big.Rat
		want string
	}{
		{big.NewRat(7620, 1), "7620"},
		{big.NewRat(1, 4), "0.25"},
		{big.NewRat(1234, 10000), "0.1234"},
		{big.NewRat(1, 3), "1/3"},
		{big.NewRat(-3, 4), "-0.75"},
		{new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil), big.NewInt(1)), "100000000000000000000"},
	} {
		if got := formula(number(c.x), &sheet{}); got != c.want {
			t.Errorf("%s is written %s, want %s", c.x.RatString(), got, c.want)
		}
	}
}
