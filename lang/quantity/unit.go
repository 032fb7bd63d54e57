package quantity

import (
	"fmt"
	"strings"
)

// Unit is the dimension of a value. Planc's dimensions are money (in one
// currency), time (canonically months), count (with a free label such as
// "leads" or "deals") and ratio (no dimension at all: the zero Unit).
//
// Counts follow the marketer's arithmetic rather than the physicist's: a
// count times money is money (200 deals x ¥2.4M = ¥480M) and money per count
// is money (a CPA of ¥15,000 is written as money), so a count exponent is
// dropped whenever money is present. Count divided by count is a ratio.
type Unit struct {
	// Currency is the ISO code of the money dimension, "" when Money is 0.
	Currency string
	// Money, Time and Count are the exponents of each base dimension.
	Money, Time, Count int
	// Label names what a count counts ("deals"); it is for display only
	// and never makes two units unequal.
	Label string
	// TimeName is the preferred display unit for time ("days", "months");
	// "" means months. It is for display only.
	TimeName string
	// Plain marks a dimensionless number that is not a percentage (a
	// number written without a unit, or 290 / 29%); other ratios show as
	// percentages. It is for display only.
	Plain bool
}

// Common units.
var (
	Ratio = Unit{}
	Count = Unit{Count: 1}
	Time  = Unit{Time: 1}
)

// Money returns the unit of an amount in the given currency.
func Money(currency string) Unit { return Unit{Currency: currency, Money: 1} }

// CountOf returns a count unit with a label.
func CountOf(label string) Unit { return Unit{Count: 1, Label: label} }

// IsRatio reports whether u has no dimension.
func (u Unit) IsRatio() bool { return u.Money == 0 && u.Time == 0 && u.Count == 0 }

// IsMoney reports whether u is an amount of money (not money per time).
func (u Unit) IsMoney() bool { return u.Money == 1 && u.Time == 0 && u.Count == 0 }

// IsCount reports whether u is a plain count.
func (u Unit) IsCount() bool { return u.Count == 1 && u.Money == 0 && u.Time == 0 }

// IsTime reports whether u is a duration.
func (u Unit) IsTime() bool { return u.Time == 1 && u.Money == 0 && u.Count == 0 }

// PlainNumber is the unit of a number written without a unit.
var PlainNumber = Unit{Plain: true}

// Same reports whether u and v have the same dimension, so that they can be
// added or compared. Labels and display names do not matter.
func (u Unit) Same(v Unit) bool {
	return u.Money == v.Money && u.Time == v.Time && u.Count == v.Count &&
		(u.Money == 0 || u.Currency == v.Currency)
}

// Mul returns the unit of a product.
func (u Unit) Mul(v Unit) Unit { return combine(u, v, 1) }

// Div returns the unit of a quotient.
func (u Unit) Div(v Unit) Unit { return combine(u, v, -1) }

func combine(u, v Unit, sign int) Unit {
	r := Unit{
		Money: u.Money + sign*v.Money,
		Time:  u.Time + sign*v.Time,
		Count: u.Count + sign*v.Count,
	}
	r.Currency = u.Currency
	if r.Currency == "" {
		r.Currency = v.Currency
	}
	if r.Money == 0 {
		r.Currency = ""
	} else {
		r.Count = 0 // price x quantity: see the type's comment
	}
	r.Label = pickLabel(r, u, v)
	r.TimeName = u.TimeName
	if r.TimeName == "" {
		r.TimeName = v.TimeName
	}
	if r.Time == 0 {
		r.TimeName = ""
	}
	// 290 / 29% is 1,000, not 100,000%: a plain number keeps the result
	// plain, while a rate times a rate, or count / count, is a rate.
	r.Plain = r.IsRatio() && (u.Plain && u.IsRatio() || v.Plain && v.IsRatio())
	return r
}

func pickLabel(r, u, v Unit) string {
	if r.Count == 0 {
		return ""
	}
	if u.Count != 0 && u.Label != "" {
		return u.Label
	}
	return v.Label
}

// String renders u as a unit expression that ParseUnit reads back to the
// same dimension: "JPY", "JPY/month", "deals", "months", "%" for a ratio.
func (u Unit) String() string {
	if u.IsRatio() {
		return "%"
	}
	var num, den []string
	add := func(name string, exp int) {
		for i := 0; i < exp; i++ {
			num = append(num, name)
		}
		for i := 0; i > exp; i-- {
			den = append(den, name)
		}
	}
	add(u.Currency, u.Money)
	label := u.Label
	if label == "" {
		label = "count"
	}
	add(label, u.Count)
	add(u.timeName(), u.Time)
	n := strings.Join(num, "*")
	if n == "" {
		n = "1"
	}
	switch len(den) {
	case 0:
		return n
	case 1:
		return n + "/" + den[0]
	default:
		return n + "/(" + strings.Join(den, "*") + ")"
	}
}

func (u Unit) timeName() string {
	name := u.TimeName
	if name == "" {
		name = "months"
	}
	if u.Time != 1 && u.Time != 0 {
		// In a rate such as JPY/month the singular reads better.
		name = strings.TrimSuffix(name, "s")
	}
	return name
}

// Dimension names the dimension in words, for messages.
func (u Unit) Dimension() string {
	switch {
	case u.IsRatio():
		return "a ratio"
	case u.IsMoney():
		return fmt.Sprintf("money (%s)", u.Currency)
	case u.IsCount():
		return "a count"
	case u.IsTime():
		return "a duration"
	}
	return fmt.Sprintf("%q", u.String())
}
