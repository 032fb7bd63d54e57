package compiler

import (
	"github.com/planc-dev/planc/lang/quantity"
)

// How a value is written in the plan, beyond its number: the count label
// it is written with.

// keepLabel gives a value of the table of values (a team's capacity, a
// channel's leads) the count label the plan writes it with: capacity =
// "40件/月" counts 件 in every display, whatever its team's stages count.
// The table's label (values.go) stays when the plan writes none, and a
// metric keeps the unit it declares.
func (v *Var) keepLabel(written quantity.Unit) {
	if v.Kind != KindMetric && written.Label != "" {
		v.Unit.Label = written.Label
	}
}
