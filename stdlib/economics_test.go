package stdlib

import (
	"math/big"
	"testing"

	"github.com/planc-dev/planc/lang/quantity"
)

// TestEconomics evaluates each unit-economics function on values computed
// by hand (canonical units: money in yen, time in months, ratios as
// fractions).
func TestEconomics(t *testing.T) {
	tests := []struct {
		fn   string
		args []string
		want string
	}{
		// ¥80,000 a month, 1 purchase a month, for 36 months.
		{"ltv", []string{"80000", "1", "36"}, "2880000"},
		// ¥120,000 a year paid twice (6-month terms) for 3 years.
		{"ltv", []string{"60000", "2", "3"}, "360000"},
		{"cpa", []string{"3000000", "250"}, "12000"},
		{"cac", []string{"60000000", "100"}, "600000"},
		// The example: 1,200,000 / (80,000 x 75%) = 20 months.
		{"cac_payback", []string{"1200000", "80000", "3/4"}, "20"},
		// 500,000 / (45,000 x 80%) = 500,000 / 36,000 = 13.88... months.
		{"cac_payback", []string{"500000", "45000", "4/5"}, "125/9"},
		{"roas", []string{"9000000", "3000000"}, "3"},
		{"roas", []string{"1000000", "4000000"}, "1/4"},
		{"mrr", []string{"200", "50000"}, "10000000"},
		{"arr", []string{"10000000"}, "120000000"},
		{"pow", []string{"51/50", "2"}, "2601/2500"},
		{"pow", []string{"7", "0"}, "1"},
	}
	for _, tt := range tests {
		f := Lookup(tt.fn)
		var args []*big.Rat
		for _, a := range tt.args {
			v, _ := new(big.Rat).SetString(a)
			args = append(args, v)
		}
		got, ok := eval(f, args)
		want, _ := new(big.Rat).SetString(tt.want)
		if !ok || got.Cmp(want) != 0 {
			t.Errorf("%s%v = %v, want %s", tt.fn, tt.args, got, tt.want)
		}
	}
}

func eval(f *Func, args []*big.Rat) (*big.Rat, bool) {
	if f.Product != nil {
		return f.Product.Eval(args)
	}
	return f.Eval(args), true
}

func TestProductDivisionByZero(t *testing.T) {
	if _, ok := Lookup("cpa").Product.Eval([]*big.Rat{big.NewRat(1000, 1), new(big.Rat)}); ok {
		t.Error("cpa(1000, 0) evaluated; want ok = false")
	}
}

// TestEconomicsUnits checks the result unit of each function, and that a
// wrong argument is reported at that argument.
func TestEconomicsUnits(t *testing.T) {
	jpy, usd := quantity.Money("JPY"), quantity.Money("USD")
	perMonth := monthly("JPY")
	months := quantity.Time
	customers := quantity.CountOf("customers")
	pct, plain := quantity.Ratio, quantity.PlainNumber
	type u = []quantity.Unit
	tests := []struct {
		fn      string
		args    u
		want    quantity.Unit
		wrongAt int // -1: no error
	}{
		{"ltv", u{jpy, plain, plain}, jpy, -1},
		{"ltv", u{perMonth, plain, months}, jpy, -1},
		{"ltv", u{perMonth, plain, plain}, quantity.Unit{}, 2}, // ¥/month x 36 is not money
		{"ltv", u{customers, plain, plain}, quantity.Unit{}, 0},
		{"ltv", u{jpy, jpy, plain}, quantity.Unit{}, 1},
		{"cpa", u{jpy, quantity.CountOf("leads")}, jpy, -1},
		{"cpa", u{jpy, jpy}, quantity.Unit{}, 1},
		{"cac", u{months, customers}, quantity.Unit{}, 0},
		{"cac", u{jpy, customers}, jpy, -1},
		{"cac_payback", u{jpy, jpy, pct}, months, -1},
		{"cac_payback", u{jpy, perMonth, pct}, months, -1},
		{"cac_payback", u{jpy, jpy, jpy}, quantity.Unit{}, 2}, // a cost in the place of the margin
		{"cac_payback", u{jpy, usd, pct}, quantity.Unit{}, 1},
		{"cac_payback", u{customers, jpy, pct}, quantity.Unit{}, 0},
		{"roas", u{jpy, jpy}, quantity.Ratio, -1},
		{"roas", u{jpy, usd}, quantity.Unit{}, 1},
		{"roas", u{jpy, pct}, quantity.Unit{}, 1},
		{"mrr", u{customers, jpy}, perMonth, -1},
		{"mrr", u{customers, perMonth}, perMonth, -1},
		{"mrr", u{jpy, jpy}, quantity.Unit{}, 0},
		{"arr", u{perMonth}, jpy, -1},
		{"arr", u{customers}, quantity.Unit{}, 0},
		{"pow", u{pct, plain}, pct, -1},
		{"pow", u{jpy, plain}, quantity.Unit{}, 0},
	}
	for _, tt := range tests {
		got, err := Lookup(tt.fn).Result(tt.args)
		switch {
		case tt.wrongAt < 0 && err != nil:
			t.Errorf("%s%v: unexpected error at argument %d: %s", tt.fn, tt.args, err.Arg+1, err.Msg)
		case tt.wrongAt < 0 && !got.Same(tt.want):
			t.Errorf("%s%v = %v, want %v", tt.fn, tt.args, got, tt.want)
		case tt.wrongAt >= 0 && (err == nil || err.Arg != tt.wrongAt):
			t.Errorf("%s%v: error %v, want one at argument %d", tt.fn, tt.args, err, tt.wrongAt+1)
		}
	}
}

// TestEveryFunctionDocumented keeps the declarations complete: hover and the
// language reference show Doc and Units.
func TestEveryFunctionDocumented(t *testing.T) {
	for _, name := range Names() {
		f := Lookup(name)
		if f.Doc == "" || f.Units == "" || f.Result == nil || (f.Eval == nil) == (f.Product == nil) {
			t.Errorf("%s: needs Doc, Units, Result and exactly one of Eval and Product", name)
		}
		if f.Product != nil && len(f.Product.Exp) != len(f.Params) {
			t.Errorf("%s: %d exponents for %d parameters", name, len(f.Product.Exp), len(f.Params))
		}
	}
}
