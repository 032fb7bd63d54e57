package stdlib

import (
	"fmt"
	"math/big"

	"github.com/planc-dev/planc/lang/quantity"
)

// The unit-economics functions. Each is a product of powers of its
// arguments (see Product), so the solver also runs them backward: the
// customers a target MRR needs, the CAC a payback target allows.
func init() {
	register(&Func{Name: "ltv", Params: []string{"price", "purchases", "periods"}, Result: ltvUnit, ArgUnit: ltvArg, Product: prod(1, 1, 1, 1),
		Doc:   "Customer lifetime value: price x purchases per period x number of periods.",
		Units: "price: money, or money per month; purchases: a number of purchases per period; periods: a number, or a duration when the price is per month -> money"})
	register(&Func{Name: "cpa", Params: []string{"cost", "conversions"}, Result: perCount("conversions"), ArgUnit: perCountArg, Product: prod(1, 1, -1),
		Doc:   "Cost per acquisition: cost / conversions.",
		Units: "cost: money; conversions: a count -> money"})
	register(&Func{Name: "cac", Params: []string{"cost", "customers"}, Result: perCount("customers"), ArgUnit: perCountArg, Product: prod(1, 1, -1),
		Doc:   "Customer acquisition cost: the cost of winning customers / the customers won.",
		Units: "cost: money; customers: a count -> money"})
	register(&Func{Name: "cac_payback", Params: []string{"cac", "monthly_revenue", "gross_margin"}, Result: paybackUnit, ArgUnit: paybackArg, Product: prod(1, 1, -1, -1),
		Doc:   "Months to earn back the CAC: cac / (monthly_revenue x gross_margin).",
		Units: "cac: money; monthly_revenue: a month's money, or money per month, in the CAC's currency; gross_margin: a ratio -> a duration in months"})
	register(&Func{Name: "roas", Params: []string{"revenue", "ad_cost"}, Result: roasUnit, ArgUnit: roasArg, Product: prod(1, 1, -1),
		Doc:   "Return on ad spend: revenue / ad_cost, shown as a percentage.",
		Units: "revenue: money; ad_cost: money in the same currency -> a ratio"})
	register(&Func{Name: "mrr", Params: []string{"customers", "monthly_fee"}, Result: mrrUnit, ArgUnit: mrrArg, Product: prod(1, 1, 1),
		Doc:   "Monthly recurring revenue: customers x monthly_fee.",
		Units: "customers: a count; monthly_fee: a month's money, or money per month -> money per month"})
	register(&Func{Name: "arr", Params: []string{"mrr"}, Result: arrUnit, ArgUnit: arrArg, Product: prod(12, 1),
		Doc:   "Annual recurring revenue: 12 x mrr.",
		Units: "mrr: money per month, or a month's money -> money (a year's)"})
}

// prod is the Product k x args^exp.
func prod(k int64, exp ...int) *Product { return &Product{K: big.NewRat(k, 1), Exp: exp} }

// moneyRate reports whether u is money or money per unit of time, and which
// of the two.
func moneyRate(u quantity.Unit) (ok, perTime bool) {
	if u.Money != 1 || u.Count != 0 {
		return false, false
	}
	return u.Time == 0 || u.Time == -1, u.Time == -1
}

// countLike reports whether u counts things: a count or a plain number.
func countLike(u quantity.Unit) bool {
	return u.Money == 0 && u.Time == 0 && (u.Count == 1 || u.Count == 0 && u.Plain)
}

func argErr(i int, format string, a ...any) *ArgError {
	return &ArgError{Arg: i, Msg: fmt.Sprintf(format, a...)}
}

func needMoney(us []quantity.Unit, i int) *ArgError {
	if !us[i].IsMoney() {
		return argErr(i, "is %s; it must be money", us[i].Dimension())
	}
	return nil
}

func sameCurrency(us []quantity.Unit, i, j int) *ArgError {
	if us[i].Currency != us[j].Currency {
		return argErr(j, "is in %s, but argument %d is in %s; convert one of them", us[j].Currency, i+1, us[i].Currency)
	}
	return nil
}

func ltvUnit(us []quantity.Unit) (quantity.Unit, *ArgError) {
	ok, perTime := moneyRate(us[0])
	if !ok {
		return quantity.Unit{}, argErr(0, "is %s; it must be money, or money per month", us[0].Dimension())
	}
	if us[1].Money != 0 || us[1].Time > 0 || us[1].Count > 1 || us[1].Count < 0 {
		return quantity.Unit{}, argErr(1, "is %s; it must be a number of purchases (per period)", us[1].Dimension())
	}
	if perTime && !us[2].IsTime() || !perTime && !us[2].IsTime() && !countLike(us[2]) && !us[2].IsRatio() {
		return quantity.Unit{}, argErr(2, "is %s; give the number of periods, as a duration (\"36 months\") when the price is per month", us[2].Dimension())
	}
	out := us[0].Mul(us[1]).Mul(us[2])
	if !out.IsMoney() {
		return quantity.Unit{}, argErr(2, "makes the lifetime value %s, not money; give the periods in the unit the price is per", out.Dimension())
	}
	return quantity.Money(us[0].Currency), nil
}

func perCount(what string) func([]quantity.Unit) (quantity.Unit, *ArgError) {
	return func(us []quantity.Unit) (quantity.Unit, *ArgError) {
		if err := needMoney(us, 0); err != nil {
			return quantity.Unit{}, err
		}
		if !countLike(us[1]) {
			return quantity.Unit{}, argErr(1, "is %s; it must be a count of %s", us[1].Dimension(), what)
		}
		return quantity.Money(us[0].Currency), nil
	}
}

func paybackUnit(us []quantity.Unit) (quantity.Unit, *ArgError) {
	if err := needMoney(us, 0); err != nil {
		return quantity.Unit{}, err
	}
	if ok, _ := moneyRate(us[1]); !ok {
		return quantity.Unit{}, argErr(1, "is %s; it must be money a month", us[1].Dimension())
	}
	if err := sameCurrency(us, 0, 1); err != nil {
		return quantity.Unit{}, err
	}
	if !us[2].IsRatio() {
		return quantity.Unit{}, argErr(2, "is %s; the gross margin must be a ratio such as \"75%%\"", us[2].Dimension())
	}
	return quantity.Time, nil
}

func roasUnit(us []quantity.Unit) (quantity.Unit, *ArgError) {
	for i := range us {
		if err := needMoney(us, i); err != nil {
			return quantity.Unit{}, err
		}
	}
	if err := sameCurrency(us, 0, 1); err != nil {
		return quantity.Unit{}, err
	}
	return quantity.Ratio, nil
}

func mrrUnit(us []quantity.Unit) (quantity.Unit, *ArgError) {
	if !countLike(us[0]) {
		return quantity.Unit{}, argErr(0, "is %s; it must be a count of customers", us[0].Dimension())
	}
	if ok, _ := moneyRate(us[1]); !ok {
		return quantity.Unit{}, argErr(1, "is %s; it must be money a month", us[1].Dimension())
	}
	return monthly(us[1].Currency), nil
}

func arrUnit(us []quantity.Unit) (quantity.Unit, *ArgError) {
	if ok, _ := moneyRate(us[0]); !ok {
		return quantity.Unit{}, argErr(0, "is %s; it must be money a month", us[0].Dimension())
	}
	return quantity.Money(us[0].Currency), nil
}

// monthly is money per month in a currency.
func monthly(currency string) quantity.Unit {
	return quantity.Unit{Currency: currency, Money: 1, Time: -1, TimeName: "months"}
}

// The units of arguments solved backward: what each parameter takes, in
// the currency of the result or of the other money argument.

func ltvArg(i int, result quantity.Unit, us []quantity.Unit) quantity.Unit {
	switch {
	case i == 0 && us[2].IsTime():
		return monthly(result.Currency)
	case i == 0:
		return quantity.Money(result.Currency)
	case i == 2 && us[0].Time == -1:
		return quantity.Time
	}
	return quantity.PlainNumber
}

func perCountArg(i int, result quantity.Unit, _ []quantity.Unit) quantity.Unit {
	if i == 0 {
		return quantity.Money(result.Currency)
	}
	return quantity.Count
}

func paybackArg(i int, _ quantity.Unit, us []quantity.Unit) quantity.Unit {
	switch i {
	case 0:
		return quantity.Money(us[1].Currency)
	case 1:
		return monthly(us[0].Currency)
	}
	return quantity.Ratio
}

func roasArg(i int, _ quantity.Unit, us []quantity.Unit) quantity.Unit {
	return quantity.Money(us[1-i].Currency)
}

func mrrArg(i int, result quantity.Unit, _ []quantity.Unit) quantity.Unit {
	if i == 0 {
		return quantity.Count
	}
	return monthly(result.Currency)
}

func arrArg(_ int, result quantity.Unit, _ []quantity.Unit) quantity.Unit {
	return monthly(result.Currency)
}
