package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// How a value is written in the plan, beyond its number: the count label
// it is written with, and money per time where an amount is expected.

// keepLabel gives a value of the table of values (a team's capacity, a
// channel's leads) the count label the plan writes it with: capacity =
// "40件/月" counts 件 in every display, whatever its team's stages count;
// and a duration the time unit it is written in (lag = "3 weeks").
// The table's label (values.go) stays when the plan writes none, and a
// metric keeps the unit it declares.
func (v *Var) keepLabel(written quantity.Unit) {
	if v.Kind != KindMetric && written.Label != "" {
		v.Unit.Label = written.Label
	}
	if v.Kind != KindMetric && v.Unit.IsTime() && written.TimeName != "" {
		v.Unit.TimeName = written.TimeName // lag = "45 days" shows in days
	}
}

// mismatch says why attribute a, written as val in unit u, cannot give v
// and how to fix it.
func (l *lowerer) mismatch(v *Var, a *lang.Attr, val *big.Rat, u quantity.Unit) string {
	what := v.Path.String() + " is " + v.Unit.Dimension() + ", but " + a.Name + " is "
	if v.Unit.IsMoney() && u.Same(v.Unit.Div(quantity.Time)) {
		return what + "money per " + timeWord(u) + " (" + quantity.Format(val, u) + "). " + l.perTimeFix(v, a, u)
	}
	return what + u.Dimension() + ". " + unitHint(v.Unit)
}

// perTimeFix says how to turn money per time ("180万円/年", a yearly
// subscription) into the amount an attribute takes: a deal is worth what
// the customer pays over the contract, and a budget, cap, CPA or item is
// an amount for the plan's period (here a year, as an example).
func (l *lowerer) perTimeFix(v *Var, a *lang.Attr, u quantity.Unit) string {
	written := string(a.Expr.Range().SliceBytes(l.files[a.Expr.Range().Filename].Bytes))
	if v.Kind == KindDealSize {
		return fmt.Sprintf("A deal size is an amount: give the value of one deal, or multiply by the contract length, as in %s = %s * \"3 %ss\".", a.Name, written, timeWord(u))
	}
	return fmt.Sprintf("Give the amount for the plan's period, or multiply by the period's length, as in %s = %s * %q for a plan of a year.", a.Name, written, aYear[timeWord(u)])
}

// aYear is a year in each time unit, for the example of perTimeFix.
var aYear = map[string]string{"day": "365 days", "week": "52 weeks", "month": "12 months", "quarter": "4 quarters", "year": "1 year"}

// timeWord is the time a rate is per, in the singular: "year" for
// JPY/year.
func timeWord(u quantity.Unit) string {
	if u.TimeName == "" {
		return "month"
	}
	return strings.TrimSuffix(u.TimeName, "s")
}
