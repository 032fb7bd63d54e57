package stdlib

import (
	"fmt"
	"math/big"

	"github.com/planc-dev/planc/lang/quantity"
)

func init() {
	register(&Func{Name: "min", Doc: "The smallest of its arguments, which must share one unit.",
		Params: []string{"x"}, Variadic: true, Result: sameUnits, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return pick(a, -1) }})
	register(&Func{Name: "max", Doc: "The largest of its arguments, which must share one unit.",
		Params: []string{"x"}, Variadic: true, Result: sameUnits, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return pick(a, 1) }})
	register(&Func{Name: "sum", Doc: "The sum of its arguments, which must share one unit.",
		Params: []string{"x"}, Variadic: true, Result: sameUnits, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat {
			s := new(big.Rat)
			for _, x := range a {
				s.Add(s, x)
			}
			return s
		}})
	register(&Func{Name: "ceil", Doc: "x rounded up to a whole number (of its unit's canonical form: yen, months, items).",
		Params: []string{"x"}, Result: firstUnit, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return Ceil(a[0]) }})
	register(&Func{Name: "floor", Doc: "x rounded down to a whole number.",
		Params: []string{"x"}, Result: firstUnit, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return Floor(a[0]) }})
	register(&Func{Name: "round", Doc: "x rounded to the nearest whole number, halves away from zero.",
		Params: []string{"x"}, Result: firstUnit, Monotone: true,
		Eval: func(a []*big.Rat) *big.Rat { return Round(a[0]) }})
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
