package stdlib

import (
	"fmt"
	"math/big"

	"github.com/planc-dev/planc/lang/quantity"
)

func init() {
	register(&Func{Name: "min", Doc: "The smallest of its arguments, which must share one unit.",
		Units:  "x, ...: values in one unit -> that unit",
		Params: []string{"x"}, Variadic: true, Result: sameUnits, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return pick(a, -1) }})
	register(&Func{Name: "max", Doc: "The largest of its arguments, which must share one unit.",
		Units:  "x, ...: values in one unit -> that unit",
		Params: []string{"x"}, Variadic: true, Result: sameUnits, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return pick(a, 1) }})
	register(&Func{Name: "sum", Doc: "The sum of its arguments, which must share one unit.",
		Units:  "x, ...: values in one unit -> that unit",
		Params: []string{"x"}, Variadic: true, Result: sameUnits, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat {
			s := new(big.Rat)
			for _, x := range a {
				s.Add(s, x)
			}
			return s
		}})
	register(&Func{Name: "ceil", Doc: "x rounded up to a whole number (of its unit's canonical form: yen, months, items).",
		Units:  "x: any value -> x's unit",
		Params: []string{"x"}, Result: firstUnit, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return Ceil(a[0]) }})
	register(&Func{Name: "floor", Doc: "x rounded down to a whole number.",
		Units:  "x: any value -> x's unit",
		Params: []string{"x"}, Result: firstUnit, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return Floor(a[0]) }})
	register(&Func{Name: "round", Doc: "x rounded to the nearest whole number, halves away from zero.",
		Units:  "x: any value -> x's unit",
		Params: []string{"x"}, Result: firstUnit, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return Round(a[0]) }})
	register(&Func{Name: "pow", Doc: "x to the power n, for growth over periods: pow(1 + kpi.growth, 12).",
		Units:  "x: a number or ratio; n: a whole number from 0 to 64 written in the formula -> x's unit",
		Params: []string{"x", "n"}, Result: powUnit, Const: []int{1},
		Eval: func(a []*big.Rat) *big.Rat { return Pow(a[0], int(a[1].Num().Int64())) }})
}

// Pow returns x^n for a whole n >= 0, exactly.
func Pow(x *big.Rat, n int) *big.Rat {
	e := big.NewInt(int64(n))
	num := new(big.Int).Exp(x.Num(), e, nil)
	den := new(big.Int).Exp(x.Denom(), e, nil)
	return new(big.Rat).SetFrac(num, den)
}

func powUnit(us []quantity.Unit) (quantity.Unit, *ArgError) {
	if !us[0].IsRatio() {
		return quantity.Unit{}, &ArgError{0, fmt.Sprintf("is %s; pow takes a number or a ratio (a growth factor such as 1 + kpi.growth)", us[0].Dimension())}
	}
	if !us[1].IsRatio() {
		return quantity.Unit{}, &ArgError{1, fmt.Sprintf("is %s; the exponent must be a plain whole number", us[1].Dimension())}
	}
	return us[0], nil
}

func sameUnits(us []quantity.Unit) (quantity.Unit, *ArgError) {
	for i, u := range us[1:] {
		if !u.Same(us[0]) {
			return quantity.Unit{}, &ArgError{i + 1, fmt.Sprintf("is %s, but the first argument is %s", u.Dimension(), us[0].Dimension())}
		}
	}
	return us[0], nil
}

func firstUnit(us []quantity.Unit) (quantity.Unit, *ArgError) { return us[0], nil }

func pick(a []*big.Rat, sign int) *big.Rat {
	best := a[0]
	for _, x := range a[1:] {
		if x.Cmp(best) == sign {
			best = x
		}
	}
	return new(big.Rat).Set(best)
}

// Floor returns the largest whole number not above x.
func Floor(x *big.Rat) *big.Rat {
	// Euclidean division by the positive denominator floors.
	return new(big.Rat).SetInt(new(big.Int).Div(x.Num(), x.Denom()))
}

// Ceil returns the smallest whole number not below x.
func Ceil(x *big.Rat) *big.Rat {
	f := Floor(x)
	if f.Cmp(x) != 0 {
		f.Add(f, big.NewRat(1, 1))
	}
	return f
}

// Round returns x rounded to a whole number, halves away from zero.
func Round(x *big.Rat) *big.Rat {
	half := big.NewRat(1, 2)
	if x.Sign() < 0 {
		return new(big.Rat).Neg(Floor(new(big.Rat).Add(new(big.Rat).Neg(x), half)))
	}
	return Floor(new(big.Rat).Add(x, half))
}
