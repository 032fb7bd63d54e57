package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

// CompareText writes planc compare: the scenarios with their
// probabilities, then each key value of the plan and of each scenario,
// with its change from the plan, and the probability-weighted expectation
// when a scenario gives a probability.
func CompareText(w io.Writer, r *compiler.Result, scs []*compiler.ScenarioResult) {
	pb := r.BaseProbability()
	list := [][]string{{"base", chance(pb), "the plan as written"}}
	for _, s := range scs {
		list = append(list, []string{s.Name, chance(s.Probability), s.Title()})
	}
	writeList(w, list)
	fmt.Fprintln(w)
	head := []string{"value", "base"}
	for _, s := range scs {
		head = append(head, s.Name, "change")
	}
	if pb != nil {
		head = append(head, "expected")
	}
	rows := [][]string{head}
	for _, v := range compiler.KeyValues(r) {
		rows = append(rows, compareRow(r, scs, v, pb != nil))
	}
	writeTable(w, rows)
}

// writeList writes rows whose first columns are short and aligned and
// whose last, a title, is as long as it is.
func writeList(w io.Writer, rows [][]string) {
	var ws [2]int
	for _, r := range rows {
		ws[0], ws[1] = max(ws[0], width(r[0])), max(ws[1], width(r[1]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%s%s  %s%s  %s\n", r[0], strings.Repeat(" ", ws[0]-width(r[0])),
			strings.Repeat(" ", ws[1]-width(r[1])), r[1], display.Printable(r[2]))
	}
}

// compareRow is one key value across the plan and the scenarios.
func compareRow(r *compiler.Result, scs []*compiler.ScenarioResult, v *compiler.Var, expected bool) []string {
	row := []string{v.Path.String(), display.Value(r, v)}
	base, ok := r.Value(v)
	for _, s := range scs {
		x, sok := s.In(v)
		switch {
		case !sok:
			row = append(row, "?", "")
		case !ok:
			row = append(row, quantity.Format(x, v.Unit), "")
		default:
			row = append(row, quantity.Format(x, v.Unit), change(x, base.Nom, v.Unit))
		}
	}
	if expected {
		e, eok := compiler.Expected(r, v)
		row = append(row, orUnknown(e, eok, v.Unit))
	}
	return row
}

// change shows x against the plan's value: "+500 (+25%)", "±0".
func change(x, base *big.Rat, u quantity.Unit) string {
	d := new(big.Rat).Sub(x, base)
	if d.Sign() == 0 {
		return "±0"
	}
	out := display.Signed(d, u)
	if pct := display.Variance(x, base); pct != "" {
		out += " (" + pct + ")"
	}
	return out
}

// chance shows a probability, "-" for none.
func chance(p *big.Rat) string {
	if p == nil {
		return "-"
	}
	return quantity.Format(p, quantity.Ratio)
}

func orUnknown(x *big.Rat, ok bool, u quantity.Unit) string {
	if !ok {
		return "?"
	}
	return quantity.Format(x, u)
}

// CompareDocument is the JSON form of planc compare.
type CompareDocument struct {
	Scenarios []CompareScenario `json:"scenarios"`
	Values    []CompareValue    `json:"values"`
}

// CompareScenario is one column: "base" is the plan as written.
type CompareScenario struct {
	Name        string       `json:"name"`
	Title       string       `json:"title"`
	Probability *json.Number `json:"probability"`
}

// CompareValue is one key value: the plan's, each scenario's with its
// change from the plan (delta: scenario minus plan), and the expectation.
type CompareValue struct {
	Path      string                      `json:"path"`
	Unit      string                      `json:"unit"`
	Base      *display.JSONPoint          `json:"base"`
	Scenarios map[string]CompareScenarioV `json:"scenarios"`
	Expected  *display.JSONPoint          `json:"expected,omitempty"`
}

// CompareScenarioV is a scenario's value and its change from the plan's.
type CompareScenarioV struct {
	Value *display.JSONPoint `json:"value"`
	Delta *display.JSONPoint `json:"delta"`
}

// CompareJSON writes planc compare --format json.
func CompareJSON(w io.Writer, r *compiler.Result, scs []*compiler.ScenarioResult) error {
	doc := CompareDocument{Scenarios: []CompareScenario{{Name: "base", Title: "the plan as written", Probability: display.Number(r.BaseProbability())}}}
	for _, s := range scs {
		doc.Scenarios = append(doc.Scenarios, CompareScenario{Name: s.Name, Title: s.Title(), Probability: display.Number(s.Probability)})
	}
	for _, v := range compiler.KeyValues(r) {
		doc.Values = append(doc.Values, compareValue(r, scs, v))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func compareValue(r *compiler.Result, scs []*compiler.ScenarioResult, v *compiler.Var) CompareValue {
	out := CompareValue{Path: v.Path.String(), Unit: display.NewJSONValue(nil, v.Unit, v.UnitKnown, "", "").Unit, Scenarios: map[string]CompareScenarioV{}}
	base, ok := r.Value(v)
	if ok {
		out.Base = display.Point(base.Nom)
	}
	for _, s := range scs {
		x, sok := s.In(v)
		var sv CompareScenarioV
		if sok {
			sv.Value = display.Point(x)
		}
		if sok && ok {
			sv.Delta = display.Point(new(big.Rat).Sub(x, base.Nom))
		}
		out.Scenarios[s.Name] = sv
	}
	if e, ok := compiler.Expected(r, v); ok {
		out.Expected = display.Point(e)
	}
	return out
}
