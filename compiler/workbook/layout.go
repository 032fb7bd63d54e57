package workbook

import (
	"fmt"
	"math/big"
	"strings"
	"unicode"

	"github.com/planc-dev/planc/compiler"
	"github.com/xuri/excelize/v2"
)

// The columns of a sheet's table of values.
const (
	colPath  = 1 // A: the value's path
	colTitle = 2 // B: what it is, for people
	colValue = 3 // C: the value, a constant or a formula
	colUnit  = 4 // D: the unit the value is in
	colFrom  = 5 // E: input, target, solved...
	colHow   = 6 // F: the equation it is solved from
)

// sheet is one sheet of the workbook as it is laid out.
type sheet struct {
	name string
	// texts are the labels, headers and legend; cells the values and
	// helpers, in the order laid out.
	texts []text
	cells []*cell
	// next is the first row not laid out yet.
	next int
	// widths are the widths of its columns, from A; nil for a sheet of
	// values (the columns of the table of values).
	widths []float64
}

// text is a cell holding words.
type text struct {
	row, col int
	s        string
	style    textStyle
	// kind is the kind of cell a sample shows.
	kind kind
}

type textStyle int

const (
	plain textStyle = iota
	title
	header
	section
	// sample shows a kind of cell in the legend, in its style.
	sample
	// unitStyle indents a unit from the number before it.
	unitStyle
)

// kind says what a cell holds, which its style shows.
type kind int

const (
	// input is a value the plan gives: a constant the reader may change.
	input kind = iota
	// solved is a formula: the equation the value was solved from.
	solved
	// fixed is a value planc solved that no formula here reproduces: its
	// value, with a note that says why.
	fixed
	// unsolved is a value planc could not solve: empty, with a note.
	unsolved
	// helper is a step of an apportionment, not a value of the plan.
	helper
)

// cell is a cell the workbook computes with: a value of the plan, or a
// helper of an apportionment.
type cell struct {
	sheet    *sheet
	row, col int
	// name is the defined name formulas refer to the cell by; "" for a
	// helper, which formulas on its own sheet refer to by address.
	name string
	// v is the value of the plan; nil for a helper.
	v    *compiler.Var
	kind kind
	// value is planc's value (the constant of an input or a fixed value);
	// nil when unsolved.
	value *big.Rat
	// formula computes the cell; exact is the same without the plan's
	// rounding to whole counts, which the linear step needs (nil: the
	// formula is exact).
	formula, exact node
	// note is the cell's comment; format its number format.
	note, format string
}

// address is the cell's A1 address, with $ when abs.
func (c *cell) address(abs bool) string {
	a, _ := excelize.CoordinatesToCellName(c.col, c.row, abs)
	return a
}

// exactNode is the cell's formula without rounding.
func (c *cell) exactNode() node {
	if c.exact != nil {
		return c.exact
	}
	return c.formula
}

// Sheet names, in the order the workbook has them: the plan first (its
// legend, goals, KPIs, sources and teams), a sheet per funnel, then the
// channels and the budgets, and for a plan by month the Timeline
// (timeline.go).
const (
	planSheet    = "Plan"
	channelSheet = "Channels"
	budgetSheet  = "Budget"
)

// sheetKey is the sheet a value goes on, by the root of its path.
func sheetKey(v *compiler.Var) string {
	names := v.Path.Names()
	switch names[0] {
	case "funnel":
		if len(names) > 1 {
			return "Funnel " + names[1]
		}
	case "channel":
		return channelSheet
	case "budget":
		return budgetSheet
	}
	return planSheet
}

// layout gives every value a row on its sheet and a defined name.
func (b *builder) layout() {
	keys := []string{planSheet}
	seen := map[string]bool{planSheet: true}
	for _, v := range b.vars { // the funnels, in the plan's order
		if k := sheetKey(v); !seen[k] {
			seen[k] = true
			if k != channelSheet && k != budgetSheet {
				keys = append(keys, k)
			}
		}
	}
	for _, k := range []string{channelSheet, budgetSheet} {
		if seen[k] {
			keys = append(keys, k)
		}
	}
	byKey := map[string]*sheet{}
	for _, k := range keys {
		s := &sheet{name: b.sheetName(k)}
		b.sheets = append(b.sheets, s)
		byKey[k] = s
		b.head(s, k)
	}
	groups := map[*sheet]string{}
	for _, v := range b.vars {
		s := byKey[sheetKey(v)]
		if g := group(v); groups[s] != g {
			if groups[s] != "" {
				s.next++ // a blank row between groups
			}
			groups[s] = g
		}
		b.place(s, v)
	}
}

// place lays out v's row on s.
func (b *builder) place(s *sheet, v *compiler.Var) {
	row := s.next
	s.next++
	c := &cell{sheet: s, row: row, col: colValue, v: v, name: b.nameOf(v), format: numFormat(v)}
	if val, ok := b.r.Value(v); ok {
		c.value = val.Nom
	}
	s.cells = append(s.cells, c)
	b.cells[v] = c
	b.order = append(b.order, c)
	s.texts = append(s.texts,
		text{row: row, col: colPath, s: v.Path.String()},
		text{row: row, col: colTitle, s: label(v)},
		text{row: row, col: colUnit, s: unitText(v), style: unitStyle})
}

// group names the values shown together, with a blank row between
// groups: a stage's, the block's at the top (a channel with its
// cohorts, a budget with its items), and the metrics of one kind (each
// a block of one value).
func group(v *compiler.Var) string {
	o := v.Object
	for o.Parent != nil && o.Kind != "stage" {
		o = o.Parent
	}
	if v.Kind == compiler.KindTotal {
		return "totals"
	}
	if len(o.Values()) == 1 {
		return o.Kind
	}
	return o.Path.String()
}

// label names a value for people.
func label(v *compiler.Var) string {
	if v.Kind == compiler.KindTotal {
		return "total planc adds up (" + v.Path.Last() + ")"
	}
	return v.Label()
}

// head writes a sheet's title, the legend on the plan's sheet, and the
// header of its table of values.
func (b *builder) head(s *sheet, key string) {
	t := key
	if key == planSheet {
		t = b.planTitle()
	}
	s.texts = append(s.texts, text{row: 1, col: 1, s: t, style: title})
	s.next = 2
	if key == planSheet {
		b.legend(s)
	} else {
		s.texts = append(s.texts, text{row: 2, col: 1, s: "Shaded cells are the plan's inputs: change one and every value recalculates. The legend is on the Plan sheet."})
		s.next = 4
	}
	for i, h := range []string{"Path", "Title", "Value", "Unit", "From", "How planc solved it"} {
		s.texts = append(s.texts, text{row: s.next, col: i + 1, s: h, style: header})
	}
	s.next++
}

// planTitle is the plan's title with its currency and period, as planc
// solve prints it.
func (b *builder) planTitle() string {
	meta := b.r.Plan.Meta
	if meta == nil {
		return "Plan"
	}
	head := meta.Title.Value + " (" + b.r.Info.Currency
	if meta.Period.Value != "" {
		head += ", " + meta.Period.Value
	}
	return head + ")"
}

// sheetName makes key a sheet name: at most 31 characters, none of
// []:*?/\ and unique without regard to case, as Excel requires.
func (b *builder) sheetName(key string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '_'
		}
		return r
	}, key)
	return unique(truncate(name, 31), 31, b.sheetNames)
}

// nameOf makes v's path a defined name: funnel.demand.won.volume is
// funnel_demand_won_volume, and "*" (all sources) is "all". Excel's
// names are letters, digits and underscores, unique without regard to
// case; every path has a dot, so no name reads as a cell address.
func (b *builder) nameOf(v *compiler.Var) string {
	var sb strings.Builder
	for i, seg := range v.Path.Names() {
		if i > 0 {
			sb.WriteByte('_')
		}
		if seg == "*" {
			seg = "all"
		}
		for _, r := range seg {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
				sb.WriteRune(r)
			} else {
				sb.WriteByte('_')
			}
		}
	}
	name := sb.String()
	if r := []rune(name); unicode.IsDigit(r[0]) {
		name = "_" + name
	}
	return unique(truncate(name, 250), 255, b.names)
}

// unique returns name, or name with a number after it, that is not in
// used without regard to case, and records it; the result is at most max
// characters.
func unique(name string, limit int, used map[string]bool) string {
	out := name
	for i := 2; used[strings.ToLower(out)]; i++ {
		suffix := fmt.Sprintf("_%d", i)
		out = truncate(name, limit-len(suffix)) + suffix
	}
	used[strings.ToLower(out)] = true
	return out
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// legend explains, on the plan's sheet, what each kind of cell is and
// how the formulas round and split leads.
func (b *builder) legend(s *sheet) {
	s.texts = append(s.texts, text{row: 3, col: 1, s: "Legend", style: section})
	type line struct {
		sample string
		kind   kind
		s      string
	}
	rows := []line{
		{"input", input, "A value the plan gives: an input, an assumption or a target, with a note saying where. Change it and every value recalculates as planc solves the plan."},
		{"solved", solved, "The formula of the equation planc solved the value from: forward, or backward (inverted along the path to the value) from the goal."},
		{"fixed", fixed, "A value planc solved that no formula here reproduces, written as its value; its note says why. It does not follow a change of the inputs."},
		{"not solved", unsolved, "A value planc could not solve (planc check says why): empty, with a note."},
		{"", 0, "Whole counts are rounded as planc rounds them: ROUNDUP when solved backward (a stage needs whole leads from the stage before),"},
		{"", 0, "ROUNDDOWN when solved forward. The " + tolerance + " in them absorbs binary rounding: 290/0.29 is 1000.0000000000001 in a spreadsheet."},
		{"", 0, "Channel leads split the leads into their stage by the largest remainder, ties to the channel first in the plan, so that they add up to it;"},
		{"", 0, "the tables after the values on the Channels sheet show each step."},
	}
	if b.r.Timeline != nil {
		rows = append(rows, line{"", 0, "The Timeline sheet has the plan by month: each month a formula over the yearly values, by the shares of the year the plan's phasing and lags give."})
	}
	row := 4
	for _, r := range rows {
		if r.sample != "" {
			s.texts = append(s.texts, text{row: row, col: colPath, s: r.sample, style: sample, kind: r.kind})
		}
		s.texts = append(s.texts, text{row: row, col: colTitle, s: r.s})
		row++
	}
	s.next = row + 1
}
