package workbook

import (
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// Cells hold values in planc's canonical units, so that formulas compute
// with them as the solver does: money in the plan's currency, ratios as
// fractions (25% is 0.25), durations in months, rates per month.

// numFormat is the number format of v's cell: ¥ #,##0 for yen, 0.00% for
// ratios, #,##0 for whole counts.
func numFormat(v *compiler.Var) string {
	u := v.Unit
	switch {
	case !v.UnitKnown:
		return "General"
	case u.IsRatio() && u.Plain:
		return "#,##0.00"
	case u.IsRatio():
		return "0.00%"
	case u.IsMoney():
		return moneyFormat(u)
	case perMonth(u) && u.Money == 1:
		return moneyFormat(u) + `"/month"`
	case u.IsTime():
		return "#,##0.0"
	case v.Whole:
		return "#,##0"
	}
	return "#,##0.00"
}

// moneyFormat shows money with the yen sign, or with its currency's
// code after it and the currency's minor digits.
func moneyFormat(u quantity.Unit) string {
	digits := "#,##0"
	if d := quantity.Decimals(quantity.Money(u.Currency)); d > 0 {
		digits += "." + strings.Repeat("0", d)
	}
	if u.Currency == "JPY" {
		return `"¥"` + digits
	}
	return digits + ` "` + u.Currency + `"`
}

// perMonth reports whether u is something per month.
func perMonth(u quantity.Unit) bool { return u.Time == -1 }

// unitText names the unit a value's cell is in: its canonical unit
// (months for any duration, as the cells hold them).
func unitText(v *compiler.Var) string {
	u := v.Unit
	switch {
	case !v.UnitKnown:
		return ""
	case u.IsRatio() && u.Plain:
		return "number"
	case u.IsRatio():
		return "%"
	}
	u.TimeName = ""
	return u.String()
}
