package compiler

import (
	"errors"
	"math/big"

	"github.com/planc-dev/planc/lang/quantity"
	"github.com/zclconf/go-cty/cty"
)

// Quantities written as literals outside formulas: a profile's weights, a
// funnel's opening, a budget's caps for periods, an actuals CSV's values,
// a --set. A number is a plain number; a string is a planc quantity.

// literal reads a literal value as a quantity.
func literal(v cty.Value) (quantity.Quantity, error) {
	switch {
	case v.IsNull() || !v.IsKnown():
		return quantity.Quantity{}, errors.New("a value written in the plan is expected")
	case v.Type() == cty.Number:
		r, _ := new(big.Rat).SetString(v.AsBigFloat().Text('g', -1))
		return quantity.Quantity{Value: r, Unit: quantity.PlainNumber}, nil
	case v.Type() == cty.String:
		q, err := quantity.Parse(v.AsString())
		if err != nil { // a nil *quantity.Error is no error
			return q, err
		}
		return q, nil
	}
	return quantity.Quantity{}, errors.New("a number or a quantity in quotes is expected")
}

// inUnit is q's value in unit u: a plain number counts in u, as a bare
// number in an attribute does; ok is false for another unit.
func inUnit(q quantity.Quantity, u quantity.Unit) (*big.Rat, bool) {
	if q.Unit.Same(quantity.PlainNumber) || q.Unit.Same(u) {
		return q.Value, true
	}
	return nil, false
}
