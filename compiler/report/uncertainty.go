package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

// UncertaintyText writes the Monte Carlo: its confidence, seed and worlds,
// then for each funnel every stage's volume, channel's leads and the
// channels' cost as planned and at the confidence, with the safety
// factor.
func UncertaintyText(w io.Writer, r *compiler.Result, o compiler.UncertaintyOptions, fbs []compiler.FunnelBands) {
	fmt.Fprintf(w, "\nUncertainty: what reaches the target with %s probability (Monte Carlo, %s worlds, seed %d)\n\n",
		quantity.Format(o.Confidence, quantity.Ratio), quantity.Format(big.NewRat(int64(o.Worlds), 1), quantity.Count), o.Seed)
	rows := [][]string{{"value", "plan", "at " + quantity.Format(o.Confidence, quantity.Ratio), "safety"}}
	money := quantity.Money(r.Info.Currency)
	for _, fb := range fbs {
		for _, b := range append(append([]compiler.Band{}, fb.Stages...), fb.Channels...) {
			rows = append(rows, bandRow(b.Var.Path.String(), b, b.Var.Unit))
		}
		rows = append(rows, bandRow(fb.Funnel.Path.String()+" channels' cost", fb.Cost, money))
	}
	writeTable(w, rows)
}

func bandRow(name string, b compiler.Band, u quantity.Unit) []string {
	return []string{name, fmtOr(b.Plan, u), fmtOr(b.At, u), factor(b.Factor())}
}

// factor shows a safety factor: "1.23x".
func factor(f *big.Rat) string {
	if f == nil {
		return "?"
	}
	return quantity.Decimal(f, 2, false) + "x"
}

// UncertaintyJSON is the JSON form of the Monte Carlo.
type UncertaintyJSON struct {
	Confidence *json.Number        `json:"confidence"`
	Seed       uint64              `json:"seed"`
	Worlds     int                 `json:"worlds"`
	Values     map[string]BandJSON `json:"values"`
	// Cost is each funnel's channels' cost, by the funnel's path.
	Cost map[string]BandJSON `json:"cost"`
}

// BandJSON is a value as planned and at the confidence, and their ratio.
type BandJSON struct {
	Plan   *display.JSONPoint `json:"plan"`
	At     *display.JSONPoint `json:"at"`
	Factor *json.Number       `json:"factor"`
}

// UncertaintyDoc is the Monte Carlo's JSON form: each value by path, and
// each funnel's channels' cost by the funnel's.
func UncertaintyDoc(o compiler.UncertaintyOptions, fbs []compiler.FunnelBands) *UncertaintyJSON {
	out := &UncertaintyJSON{Confidence: display.Number(o.Confidence), Seed: o.Seed, Worlds: o.Worlds, Values: map[string]BandJSON{}, Cost: map[string]BandJSON{}}
	band := func(b compiler.Band) BandJSON {
		return BandJSON{Plan: display.Point(b.Plan), At: display.Point(b.At), Factor: display.Number(b.Factor())}
	}
	for _, fb := range fbs {
		for _, b := range append(append([]compiler.Band{}, fb.Stages...), fb.Channels...) {
			out.Values[b.Var.Path.String()] = band(b)
		}
		out.Cost[fb.Funnel.Path.String()] = band(fb.Cost)
	}
	return out
}
