// Package display shows a compiled plan's numbers and diagnostics the one
// way every emitter shows them: a value for people ("¥480,000,000",
// "2,286 leads", "?" when unsolved), a value for tools (the JSON value
// object of `planc solve` and `planc diff`), and the count of errors and
// warnings. It comes after package compiler and before the emitters
// (report, site, plandiff), which share it instead of importing each
// other.
package display

import (
	"bytes"
	"encoding/json"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// Value is v's solved value for people, "?" when unsolved.
func Value(r *compiler.Result, v *compiler.Var) string {
	val, ok := r.Value(v)
	if !ok {
		return "?"
	}
	return quantity.Format(val.Nom, v.Unit)
}

// WithLabel is Value with a count's label: "2,286 leads".
func WithLabel(r *compiler.Result, v *compiler.Var) string {
	s := Value(r, v)
	if s != "?" && v.UnitKnown && v.Unit.IsCount() && v.Unit.Label != "" {
		return s + " " + v.Unit.Label
	}
	return s
}

// Count returns the numbers of errors and warnings.
func Count(diags hcl.Diagnostics) (errors, warnings int) {
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			warnings++
		} else {
			errors++
		}
	}
	return errors, warnings
}

// Severity is "error" or "warning".
func Severity(d *hcl.Diagnostic) string {
	if d.Severity == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

// JSONValue is one value for tools. Value is null when it could not be
// solved. Ratios are fractions (0.3 for 30%), time is in months, money in
// the currency's major unit; Exact is the exact rational ("16000/7").
type JSONValue struct {
	Value   *json.Number `json:"value"`
	Exact   string       `json:"exact,omitempty"`
	Unit    string       `json:"unit"`
	Display string       `json:"display"`
	Origin  string       `json:"origin,omitempty"` // always set in solve
	// Periods holds a phased value in each month, quarter and half of the
	// plan's period (time phasing), in that order; Before, for a stage's
	// volume, the entries the period's deals need before it, and Open the
	// pipeline open in the stage at each period's end.
	// Range is the 90% interval of a value written as a range ("20% to
	// 30%"); Value is its midpoint.
	Range   *JSONRange `json:"range,omitempty"`
	Periods Periods    `json:"periods,omitempty"`
	Before  *JSONPoint `json:"before,omitempty"`
	Open    Periods    `json:"open,omitempty"`
}

// JSONRange is a range's low and high end.
type JSONRange struct {
	Low  *JSONPoint `json:"low"`
	High *JSONPoint `json:"high"`
}

// JSONPoint is a number as values show it: value and exact.
type JSONPoint struct {
	Value *json.Number `json:"value"`
	Exact string       `json:"exact"`
}

// Point is x as a JSONPoint; nil for nil.
func Point(x *big.Rat) *JSONPoint {
	if x == nil {
		return nil
	}
	return &JSONPoint{Value: Number(x), Exact: x.RatString()}
}

// Periods are a value's numbers by period, written as a JSON object whose
// keys keep the timeline's order (months, then quarters, then halves).
type Periods = Ordered[*JSONPoint]

// Ordered is a JSON object whose keys keep the order they are in, as
// months do; encoding/json would sort a map's.
type Ordered[T any] []Keyed[T]

// Keyed is one member of an Ordered object.
type Keyed[T any] struct {
	Key   string
	Value T
}

// MarshalJSON writes the members as one object, in order.
func (o Ordered[T]) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.Key)
		v, err := json.Marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// PeriodsOf pairs a timeline's periods with values (nil gives nil).
func PeriodsOf(tl *compiler.Timeline, xs []*big.Rat) Periods {
	if xs == nil {
		return nil
	}
	out := make(Periods, len(xs))
	for i, x := range xs {
		out[i] = Keyed[*JSONPoint]{Key: tl.Periods[i].Name, Value: Point(x)}
	}
	return out
}

// JSONOf is v's JSON form in a compiled plan.
func JSONOf(r *compiler.Result, v *compiler.Var) JSONValue {
	var x *big.Rat
	if val, ok := r.Value(v); ok {
		x = val.Nom
	}
	out := NewJSONValue(x, v.Unit, v.UnitKnown, Value(r, v), string(r.Origin(v)))
	if sp := r.Info.Spreads[v]; sp != nil {
		out.Range = &JSONRange{Low: Point(sp.Lo), High: Point(sp.Hi)}
	}
	if tl := r.Timeline; tl != nil {
		out.Periods = PeriodsOf(tl, tl.Series(v))
		out.Before = Point(tl.Before(v))
		out.Open = PeriodsOf(tl, tl.Open(v))
	}
	return out
}

// NewJSONValue is the JSON form of a value: x is nil when it could not be
// solved.
func NewJSONValue(x *big.Rat, u quantity.Unit, unitKnown bool, display, origin string) JSONValue {
	out := JSONValue{Display: display, Origin: origin, Value: Number(x)}
	switch {
	case !unitKnown:
	case u.IsRatio():
		out.Unit = "ratio"
	default:
		out.Unit = u.String()
	}
	if x != nil {
		out.Exact = x.RatString()
	}
	return out
}

// Number renders x as a JSON number, exactly when its decimal expansion
// ends within 12 places and rounded to 12 places otherwise; nil for nil.
func Number(x *big.Rat) *json.Number {
	if x == nil {
		return nil
	}
	s := x.FloatString(12)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	n := json.Number(s)
	return &n
}

// ShareOf names what channel c's share is a share of: the leads into its
// stage, which are the stage's volume at its funnel's top ("inquiry") and
// its inflow below ("SAL inflow"). A share is meaningless without it
// wherever channels enter different stages.
func ShareOf(c *compiler.Object) string {
	s := c.Ref("stage")
	switch {
	case s == nil:
		return ""
	case s.Value("inflow") != nil:
		return s.Label() + " inflow"
	}
	return s.Label()
}

// Signed shows x in unit u with its sign: "+¥840,000", "-70", "0".
func Signed(x *big.Rat, u quantity.Unit) string {
	switch {
	case x == nil:
		return "?"
	case x.Sign() < 0:
		return "-" + quantity.Format(new(big.Rat).Neg(x), u)
	case x.Sign() > 0:
		return "+" + quantity.Format(x, u)
	}
	return quantity.Format(x, u)
}

// Variance shows actual - plan relative to plan, signed ("-6.37%"); ""
// when either is unknown or the plan is zero.
func Variance(actual, plan *big.Rat) string {
	if plan == nil || actual == nil || plan.Sign() == 0 {
		return ""
	}
	return Signed(new(big.Rat).Quo(new(big.Rat).Sub(actual, plan), plan), quantity.Ratio)
}
