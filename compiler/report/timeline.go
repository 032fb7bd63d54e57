package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

// Grain is what solve --by shows: months or quarters.
type Grain string

// The grains of solve --by.
const (
	ByMonth   Grain = "month"
	ByQuarter Grain = "quarter"
)

// periodsAt returns the indexes of the timeline's periods of grain g.
func periodsAt(tl *compiler.Timeline, g Grain) []int {
	var out []int
	for i, p := range tl.Periods {
		month := i < tl.Months
		if g == ByMonth && month || g == ByQuarter && strings.HasPrefix(p.Name, "Q") {
			out = append(out, i)
		}
	}
	return out
}

// row is one value by period: its path, its unit and its numbers, and its
// total (the yearly value, or a stock's closing one).
type row struct {
	path  string
	unit  quantity.Unit
	cells []*big.Rat
	total *big.Rat
}

// timelineRows lists every phased value by period of grain g, with the
// pipeline open in each stage after its volume.
func timelineRows(r *compiler.Result, g Grain) []row {
	tl := r.Timeline
	at := periodsAt(tl, g)
	pick := func(s []*big.Rat) []*big.Rat {
		out := make([]*big.Rat, len(at))
		for i, j := range at {
			out[i] = s[j]
		}
		return out
	}
	var rows []row
	for _, v := range r.Info.Vars {
		s := tl.Series(v)
		if s == nil {
			continue
		}
		var total *big.Rat
		if val, ok := r.Value(v); ok {
			total = val.Nom
		}
		rows = append(rows, row{path: v.Path.String(), unit: v.Unit, cells: pick(s), total: total})
		if open := tl.Open(v); open != nil {
			path := strings.TrimSuffix(v.Path.String(), ".volume") + ".open"
			rows = append(rows, row{path: path, unit: v.Unit, cells: pick(open), total: open[tl.Months-1]})
		}
	}
	return rows
}

// TimelineText writes the plan by period of grain g as a table: a column
// per period and the year's total (for the pipeline open, its value at the
// period's end), then the pipeline each stage needs before the period.
func TimelineText(w io.Writer, r *compiler.Result, g Grain) {
	tl := r.Timeline
	header := []string{"path"}
	for _, i := range periodsAt(tl, g) {
		header = append(header, tl.Periods[i].Name)
	}
	header = append(header, "total")
	table := [][]string{header}
	for _, rw := range timelineRows(r, g) {
		line := []string{rw.path}
		for _, x := range append(rw.cells, rw.total) {
			line = append(line, cell(x, rw.unit))
		}
		table = append(table, line)
	}
	writeTable(w, table)
	var before [][]string
	for _, v := range r.Info.Vars {
		if b := tl.Before(v); b != nil && b.Sign() > 0 {
			before = append(before, []string{strings.TrimSuffix(v.Path.String(), ".volume") + ".before", cell(b, v.Unit)})
		}
	}
	if len(before) > 0 {
		fmt.Fprintln(w, "\nNeeded before the period (entries for the first deals):")
		writeTable(w, before)
	}
}

// cell shows a number in a table of periods: counts and loads as numbers
// (the path says what they count), money with its symbol.
func cell(x *big.Rat, u quantity.Unit) string {
	if x == nil {
		return "?"
	}
	if u.Money == 0 && !u.IsRatio() {
		u = quantity.Count // a count, a load a month: the path says what
	}
	return quantity.Format(x, u)
}

// writeTable writes rows aligned: the first column left, the others right.
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-width(c))
			switch {
			case i == 0:
				b.WriteString(c + pad)
			default:
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, display.Printable(b.String()))
	}
}

// CSV writes every value as tidy rows, path,period,value,unit: the yearly
// value with an empty period, and with a timeline each period of grain g
// ("" for none) after it. Values are exact decimals (12 places at most),
// so a spreadsheet reads them as numbers.
func CSV(w io.Writer, r *compiler.Result, g Grain) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"path", "period", "value", "unit"}); err != nil {
		return err
	}
	var at []int
	if r.Timeline != nil && g != "" {
		at = periodsAt(r.Timeline, g)
	}
	for _, v := range r.Info.Vars {
		unit := display.JSONOf(r, v).Unit
		var yearly *big.Rat
		if val, ok := r.Value(v); ok {
			yearly = val.Nom
		}
		if err := cw.Write([]string{v.Path.String(), "", number(yearly), unit}); err != nil {
			return err
		}
		s := r.Timeline.Series(v)
		if s == nil {
			continue
		}
		for _, i := range at {
			if err := cw.Write([]string{v.Path.String(), r.Timeline.Periods[i].Name, number(s[i]), unit}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// number is x as a decimal, "" when unsolved.
func number(x *big.Rat) string {
	if n := display.Number(x); n != nil {
		return n.String()
	}
	return ""
}
