package workbook

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// The Timeline sheet of a plan by month (compiler.Timeline, whose rules
// are in compiler/timeline.go): a row for each value the timeline places
// in months and for each KGI's target by month, a column for each month
// and the Total. A month is a formula over the yearly cells wherever the
// timeline's rule is one the workbook can write:
//
//   - a value spread by a shape (a stage's volume or inflow, a funnel's
//     revenue, a budget's item, a metric given as an amount, a target):
//     the year x its share of the month; whole counts are rounded up on
//     the cumulative months, so that they add up to the year. The shares
//     are constants, in rows after the values: they come from the plan's
//     phasing and lags, which the workbook does not recalculate;
//   - a channel's leads: its part of the leads into its stage so far, by
//     the largest remainder at each month's end (a table after the
//     values), less the month before's;
//   - a channel's cohort: its part of its stage's month, or in a funnel
//     with cohorts of its own its year in its stage's shape;
//   - a channel's cost, a budget's spend and fixed costs, a funnel's
//     planned revenue, a team's load and a metric's formula: its equation
//     on the month's values.
//
// Anything else is planc's months, grey, with a note, and so is a month
// computed from one: never a formula that would not follow planc. The
// tests recalculate every month and compare it with planc's.

const timelineSheet = "Timeline"

// tlRow is a value's row on the Timeline sheet, or a KGI's target's.
type tlRow struct {
	v      *compiler.Var
	target bool
	// series is planc's months; months and total the row's cells.
	series []*big.Rat
	months []*cell
	total  *cell
	row    int
	// how says how the months are made (the sheet's last column).
	how string
	// mean marks a team's load and the people it requires, whose Total
	// is the monthly average, as their yearly value is; evaluated a value
	// computed by its equation on each month's values, which is not the
	// sum of its months over a quarter.
	mean, evaluated bool
}

// timeline lays out the Timeline sheet.
type timeline struct {
	b    *builder
	tl   *compiler.Timeline
	s    *sheet
	rows []*tlRow
	// byVar are the rows of values (not targets).
	byVar map[*compiler.Var]*tlRow
	// eqs are the equations whose expression gives a value's months.
	eqs map[*compiler.Var]*compiler.Eq
	// shares are the share rows laid out, by shape; tables the
	// apportionment tables, by stage.
	shares map[string]shareRows
	tables map[*compiler.Object]*leadsTable
	// own marks the funnels with cohorts of their own (a channel with
	// rates or a deal size), whose channels' cohorts the timeline spreads
	// by their stages' shapes instead of sharing the stages' months.
	own map[*compiler.Object]bool
}

// leadsTable is a stage's apportionment by month: each channel's leads
// so far at each month's end; why says why there is none.
type leadsTable struct {
	parts map[*compiler.Var][]*cell
	why   string
}

// shareRows are a shape's helper rows: the share of the year in each
// month, and by each month's end.
type shareRows struct{ month, cum []*cell }

// Columns of the Timeline sheet: the path and title, then the months.
const colMonth = 3

func (t *timeline) colTotal() int { return colMonth + t.tl.Months }
func (t *timeline) colUnit() int  { return colMonth + t.tl.Months + 1 }
func (t *timeline) colHow() int   { return colMonth + t.tl.Months + 2 }

// timeline adds the Timeline sheet to the workbook of a plan by month.
func (b *builder) timeline() {
	tl := b.r.Timeline
	if tl == nil {
		return
	}
	s := &sheet{name: b.sheetName(timelineSheet)}
	t := &timeline{b: b, tl: tl, s: s, byVar: map[*compiler.Var]*tlRow{}, eqs: map[*compiler.Var]*compiler.Eq{},
		shares: map[string]shareRows{}, tables: map[*compiler.Object]*leadsTable{}}
	b.sheets = append(b.sheets, s)
	b.tl = t
	b.cv.period = t.inPeriod
	t.head()
	t.equations()
	t.own = map[*compiler.Object]bool{}
	for _, c := range b.r.Info.Kind("channel") {
		if ch, ok := c.Node.(*lang.Channel); ok && ch.Overrides() && c.Ref("stage") != nil {
			t.own[c.Ref("stage").Parent] = true
		}
	}
	group := ""
	for _, v := range b.vars {
		ser, target := tl.Series(v), tl.Target(v)
		if ser == nil && target == nil {
			continue
		}
		if g := groupOf(v); g != group {
			if group != "" {
				s.next++
			}
			group = g
		}
		if ser != nil {
			t.byVar[v] = t.place(v, ser, false)
		}
		if target != nil && v.Given != nil {
			t.place(v, target, true)
		}
	}
	// The spread values first, so that the shares come before the
	// apportionment tables, which read the spread stages.
	var rest []*tlRow
	for _, r := range t.rows {
		if shape, whole := t.shapeOf(r); shape != nil {
			t.spread(r, shape, whole)
		} else {
			rest = append(rest, r)
		}
	}
	for _, r := range rest {
		t.define(r)
	}
	t.propagate()
	for _, r := range t.rows {
		s.texts = append(s.texts, text{row: r.row, col: t.colHow(), s: r.how})
	}
}

// groupOf is the group of v's row: its sheet's, then its group there.
func groupOf(v *compiler.Var) string { return sheetKey(v) + "\x00" + group(v) }

// head writes the sheet's title, what it is, and the header of its table.
func (t *timeline) head() {
	s, n := t.s, t.tl.Months
	s.widths = []float64{40, 36}
	for range n {
		s.widths = append(s.widths, 13)
	}
	s.widths = append(s.widths, 15, 10, 90)
	s.texts = append(s.texts,
		text{row: 1, col: 1, s: fmt.Sprintf("The plan by month, %s to %s", t.tl.Periods[0].Name, t.tl.Periods[n-1].Name), style: title},
		text{row: 2, col: 1, s: "Each month is a formula over the yearly values on the other sheets, and follows a change of their inputs; grey months are planc's values. " +
			"The shares of the year come from the plan's phasing and lags, which the workbook does not recalculate."})
	s.next = 4
	heads := []string{"Path", "Title"}
	for _, p := range t.tl.Periods[:n] {
		heads = append(heads, p.Name)
	}
	for i, h := range append(heads, "Total", "Unit", "How planc places it in the months") {
		s.texts = append(s.texts, text{row: s.next, col: i + 1, s: h, style: header})
	}
	s.next++
}

// equations finds the equations whose expression, on each month's
// values, gives a value's months: a KGI's or KPI's formula (but one that
// uses a value in a period, which gives a number, not months), a
// channel's cost, a budget's spend and fixed costs.
func (t *timeline) equations() {
	for _, eq := range t.b.r.Eqs {
		v := eq.V
		switch eq.Role {
		case compiler.RoleFormula:
			if k := v.Object.Kind; k != "kgi" && k != "kpi" || t.eqs[v] != nil || periodRef(eq.E) {
				continue
			}
		case compiler.RoleChannelCost, compiler.RoleSpend, compiler.RoleFixed:
		default:
			continue
		}
		if t.eqs[v] == nil {
			t.eqs[v] = eq
		}
	}
}

// periodRef reports whether e uses a value in a period.
func periodRef(e compiler.Expr) bool {
	for _, r := range compiler.RefNodes(e) {
		if r.Period != "" {
			return true
		}
	}
	return false
}

// place lays out a row for v's months (a target's with target).
func (t *timeline) place(v *compiler.Var, series []*big.Rat, target bool) *tlRow {
	s := t.s
	r := &tlRow{v: v, target: target, series: series[:t.tl.Months], row: s.next}
	s.next++
	title := label(v)
	if target {
		title += " (target, by its phasing)"
	}
	s.texts = append(s.texts,
		text{row: r.row, col: colPath, s: v.Path.String()},
		text{row: r.row, col: colTitle, s: title},
		text{row: r.row, col: t.colUnit(), s: unitText(v), style: unitStyle})
	for m := range t.tl.Months {
		r.months = append(r.months, t.cell(r.row, colMonth+m, numFormat(v)))
	}
	r.total = t.cell(r.row, t.colTotal(), numFormat(v))
	t.rows = append(t.rows, r)
	return r
}

// cell lays out a cell of the sheet.
func (t *timeline) cell(row, col int, format string) *cell {
	c := &cell{sheet: t.s, row: row, col: col, kind: solved, format: format}
	t.s.cells = append(t.s.cells, c)
	return c
}

// how says how a row's months are made.
func (t *timeline) how(r *tlRow, s string) { r.how = s }

// shapeOf is the share of the year in each month by which the timeline
// spreads r's value, and whether its months are whole counts; nil when
// it spreads it by none.
func (t *timeline) shapeOf(r *tlRow) ([]*big.Rat, bool) {
	v, o := r.v, r.v.Object
	var shape []*big.Rat
	switch {
	case r.target:
		// A target is spread by its phasing, which only its months say.
		return sharesOf(r.series, v.Given.Value), false
	case t.tl.Shape(v) != nil:
		shape = t.tl.Shape(v)
	case o.Kind == "funnel" && v == o.Value("revenue") && len(o.Kids) > 0:
		// A funnel's revenue follows its won deals, whose shape is the
		// last stage's.
		shape = t.tl.Shape(o.Kids[len(o.Kids)-1].Value("volume"))
	case t.ownCohort(v):
		// In a funnel with cohorts of its own, a cohort is its own year
		// in its stage's shape (but at the channel's entry, its leads).
		if !t.entry(v) {
			shape = t.tl.Shape(cohortStage(v).Value("volume"))
		}
	case o.Kind == "item" && v == o.Value("amount"):
		shape = sharesOf(make([]*big.Rat, t.tl.Months), nil) // even
	case (o.Kind == "kgi" || o.Kind == "kpi") && v.Given != nil && t.eqs[v] == nil:
		// A metric given as an amount of the period, spread by its
		// phasing.
		shape = sharesOf(r.series, v.Given.Value)
	}
	if shape == nil {
		return nil, false
	}
	y := t.b.cells[v].value
	return shape, v.Whole && y != nil && y.IsInt()
}

// sharesOf is each month's share of year: series / year, or even when
// year is nil; nil when year is zero.
func sharesOf(series []*big.Rat, year *big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(series))
	for m, x := range series {
		switch {
		case year == nil:
			out[m] = big.NewRat(1, int64(len(series)))
		case year.Sign() == 0:
			return nil
		default:
			out[m] = new(big.Rat).Quo(x, year)
		}
	}
	return out
}

// spread makes r's months the year x its shape: whole counts rounded up
// on the cumulative months, the last month what the others leave of the
// year, as the timeline rounds them; money exactly.
func (t *timeline) spread(r *tlRow, shape []*big.Rat, whole bool) {
	sh := t.shareRows(r.v, shape)
	var year node = ref{c: t.b.cells[r.v]}
	n := t.tl.Months
	upTo := func(m int) node { // the whole months to m's end
		switch {
		case m < 0:
			return nil
		case m == n-1:
			return year
		}
		return roundUp(mul(year, ref{c: sh.cum[m]}))
	}
	for m, c := range r.months {
		switch {
		case !whole:
			c.formula = mul(year, ref{c: sh.month[m]})
		case m == 0:
			c.formula = upTo(0)
		default:
			c.formula = sub(upTo(m), upTo(m-1))
		}
	}
	t.sum(r)
	what := "the year"
	if r.target {
		what = "the target"
	}
	if whole {
		t.how(r, fmt.Sprintf("%s x its share of the year by each month's end (row %d), rounded up, less the months before: whole months that add up to the year", what, sh.cum[0].row))
	} else {
		t.how(r, fmt.Sprintf("%s x its share of the year in the month (row %d)", what, sh.month[0].row))
	}
}

// sum makes r's Total the sum of its months, or their average.
func (t *timeline) sum(r *tlRow) {
	name := "SUM"
	if r.mean {
		name = "AVERAGE"
	}
	r.total.formula = fn(name, column(r.months))
}

// shareRows lays out a shape's rows, once: the share of the year in each
// month and by each month's end, as exact constants.
func (t *timeline) shareRows(v *compiler.Var, shape []*big.Rat) shareRows {
	key := shapeKey(shape)
	if sh, ok := t.shares[key]; ok {
		return sh
	}
	s := t.s
	if len(t.shares) == 0 {
		s.next++
		s.texts = append(s.texts, text{row: s.next, col: colPath, style: section,
			s: "Shares of the year: the plan's phasing (a profile, calendar days or even), shifted back by the lags of the stages after each stage"})
		s.next++
	}
	var sh shareRows
	cum := new(big.Rat)
	for i, name := range []string{"share of the year in the month", "share of the year by the month's end"} {
		s.texts = append(s.texts,
			text{row: s.next, col: colPath, s: "shape of " + v.Path.String()},
			text{row: s.next, col: colTitle, s: name})
		for m, x := range shape {
			if i == 1 {
				x = cum.Add(cum, x)
			}
			c := t.b.helper(s, s.next, colMonth+m, "0.0000%", number(new(big.Rat).Set(x)))
			if m == 0 {
				c.note = "From the plan's phasing and the stages' lags, which the workbook does not recalculate: a change of a phasing or a lag needs planc export again."
			}
			if i == 0 {
				sh.month = append(sh.month, c)
			} else {
				sh.cum = append(sh.cum, c)
			}
		}
		s.next++
	}
	t.shares[key] = sh
	return sh
}

// shapeKey tells shapes apart: their shares, exactly.
func shapeKey(shape []*big.Rat) string {
	keys := make([]string, len(shape))
	for i, x := range shape {
		keys[i] = x.RatString()
	}
	return strings.Join(keys, " ")
}

// define gives the months of a row no shape spreads.
func (t *timeline) define(r *tlRow) {
	v, o := r.v, r.v.Object
	switch {
	case o.Kind == "channel" && v == o.Value("leads"):
		t.leads(r)
	case t.eqs[v] != nil:
		t.evaluate(r, t.eqs[v])
	case t.entry(v):
		t.same(r, t.byVar[o.Parent.Value("leads")], "the channel's leads")
	case cohortStage(v) != nil:
		t.partOf(r, t.byVar[cohortStage(v).Value("volume")])
	case o.Kind == "funnel" && v == o.Value("planned_revenue"):
		t.planned(r, o)
	case o.Kind == "team" && (v == o.Value("load") || v == o.Value("required")):
		t.load(r, o)
	default:
		t.fix(r, "planc places it in the months by a rule the workbook does not reproduce")
	}
}

// cohortStage is the stage whose months a value of a channel's cohorts
// follows: a cohort's volume, its stage; a channel's won deals and
// revenue, its last cohort's. nil for other values.
func cohortStage(v *compiler.Var) *compiler.Object {
	o := v.Object
	switch {
	case o.Kind == "cohort" && v == o.Value("volume"):
		return o.At()
	case o.Kind == "channel" && (v == o.Value("won") || v == o.Value("revenue")):
		var last *compiler.Object
		for _, co := range o.Kids {
			if co.Kind == "cohort" {
				last = co
			}
		}
		if last != nil {
			return last.At()
		}
	}
	return nil
}

// ownCohort reports whether v is a value of a channel's cohorts in a
// funnel with cohorts of its own.
func (t *timeline) ownCohort(v *compiler.Var) bool {
	c := v.Object
	if c.Kind == "cohort" {
		c = c.Parent
	}
	return cohortStage(v) != nil && c.Ref("stage") != nil && t.own[c.Ref("stage").Parent]
}

// entry reports whether v is a channel's cohort at the stage it enters,
// which is its leads, month by month.
func (t *timeline) entry(v *compiler.Var) bool {
	o := v.Object
	return o.Kind == "cohort" && v == o.Value("volume") && o.At() == o.Parent.Ref("stage") && t.byVar[o.Parent.Value("leads")] != nil
}

// same makes r's months those of row x (what says what it is).
func (t *timeline) same(r, x *tlRow, what string) {
	for m, c := range r.months {
		c.formula = ref{c: x.months[m]}
	}
	t.sum(r)
	t.how(r, what+", month by month")
}

// partOf makes r's months, a channel's cohort's (or what its won deals
// bring), its part of its stage's months (row stage): the stage's month
// x its year / the stage's year, so that the channels add up to the stage
// in every month.
func (t *timeline) partOf(r, stage *tlRow) {
	if stage == nil {
		t.fix(r, "its stage has no months")
		return
	}
	share := quo(ref{c: t.b.cells[r.v]}, ref{c: t.b.cells[stage.v]})
	for m, c := range r.months {
		c.formula = mul(ref{c: stage.months[m]}, share)
	}
	t.sum(r)
	t.how(r, fmt.Sprintf("its part of %s's month: the month x its year / the stage's year", stage.v.Path))
}

// planned makes r's months, funnel f's planned revenue, the sum of its
// channels' revenue in a funnel with cohorts of its own, its won deals
// x its deal size otherwise.
func (t *timeline) planned(r *tlRow, f *compiler.Object) {
	var terms []*tlRow
	if t.own[f] {
		for _, c := range t.b.r.Info.Kind("channel") {
			if x := t.byVar[c.Value("revenue")]; x != nil && c.Ref("funnel") == f && c.Ref("stage") != nil {
				terms = append(terms, x)
			}
		}
		t.sumOf(r, terms, "the sum of its channels' revenue in the month")
		return
	}
	if len(f.Kids) == 0 {
		t.fix(r, "its funnel has no stages")
		return
	}
	won, size := t.byVar[f.Kids[len(f.Kids)-1].Value("volume")], t.b.cells[f.Value("deal_size")]
	if won == nil || size == nil {
		t.fix(r, "its won deals have no months")
		return
	}
	for m, c := range r.months {
		c.formula = mul(ref{c: won.months[m]}, ref{c: size})
	}
	t.sum(r)
	t.how(r, "the won deals of the month x the deal size")
}

// load makes r's months, team o's load or the people it requires, the
// entries of its stages in the month (divided by what one person
// handles a month).
func (t *timeline) load(r *tlRow, o *compiler.Object) {
	r.mean = true
	var stages []*tlRow
	for _, s := range t.b.r.Info.Kind("stage") {
		if s.Ref("team") == o {
			stages = append(stages, t.byVar[s.Value("volume")])
		}
	}
	if r.v == o.Value("load") {
		t.sumOf(r, stages, "the entries of its stages in the month")
		return
	}
	load, capacity := t.byVar[o.Value("load")], t.b.cells[o.Value("capacity")]
	if load == nil || capacity == nil {
		t.fix(r, "its load has no months")
		return
	}
	for m, c := range r.months {
		c.formula = quo(ref{c: load.months[m]}, ref{c: capacity})
	}
	t.sum(r)
	t.how(r, "its load in the month / what one person handles a month; the Total is the monthly average")
}

// sumOf makes r's months the sum of rows' months.
func (t *timeline) sumOf(r *tlRow, rows []*tlRow, how string) {
	for _, x := range rows {
		if x == nil {
			t.fix(r, "a value it adds up has no months")
			return
		}
	}
	if len(rows) == 0 {
		t.fix(r, "it adds up nothing")
		return
	}
	for m, c := range r.months {
		terms := make([]*cell, len(rows))
		for i, x := range rows {
			terms[i] = x.months[m]
		}
		c.formula = sumOfCells(terms)
	}
	t.sum(r)
	t.how(r, how)
}

// sumOfCells is the sum of cells, written out: they lie in no one range.
func sumOfCells(cs []*cell) node {
	var n node
	for _, c := range cs {
		n = plus(n, ref{c: c})
	}
	return n
}

// evaluate makes r's months eq's expression on each month's values (the
// values the timeline places in months at the month, the others the
// year), and its Total the expression on the Totals.
func (t *timeline) evaluate(r *tlRow, eq *compiler.Eq) {
	r.evaluated = true
	// Only the values eq uses: a map of every cell per month made the
	// sheet quadratic in the plan (a row per channel's cost).
	refs := compiler.RefNodes(eq.E)
	for m := -1; m < t.tl.Months; m++ {
		cells := make(map[*compiler.Var]*cell, len(refs))
		for _, x := range refs {
			cells[x.Var] = t.b.cells[x.Var]
			if row := t.byVar[x.Var]; row != nil {
				cells[x.Var] = row.total
				if m >= 0 {
					cells[x.Var] = row.months[m]
				}
			}
		}
		n, err := (&converter{cells: cells}).expr(eq.E)
		if err != nil {
			t.fix(r, err.Error())
			return
		}
		if m < 0 {
			r.total.formula = n
		} else {
			r.months[m].formula = n
		}
	}
	t.how(r, t.b.equationText(eq)+", on the month's values")
}

// leads makes r's months, a channel's leads, its leads so far less those
// of the month before, from its stage's apportionment table.
func (t *timeline) leads(r *tlRow) {
	o := r.v.Object
	tb := t.table(o.Ref("funnel"), o.Ref("stage"))
	so := tb.parts[r.v]
	if so == nil {
		t.fix(r, tb.why)
		return
	}
	for m, c := range r.months {
		c.formula = ref{c: so[m]}
		if m > 0 {
			c.formula = sub(ref{c: so[m]}, ref{c: so[m-1]})
		}
	}
	t.sum(r)
	t.how(r, fmt.Sprintf("its part of the leads into %s so far by the largest remainder at the month's end (row %d), less the month before's",
		o.Ref("stage").Path, so[0].row))
}

// table lays out, once for a stage, the apportionment of its leads so far
// at each month's end among its channels by their yearly leads, as
// compiler.apportionRunning does: a part's exact share is so far x its
// yearly leads / all the channels', whose whole part and remainder are
// computed in whole numbers (the quotient and MOD of so far x its yearly
// leads by all the channels'), and the leads left over go one each to
// the largest remainders, ties to the channel first in the plan.
func (t *timeline) table(f, stage *compiler.Object) *leadsTable {
	if f == nil || stage == nil {
		return &leadsTable{why: "the channel enters no stage of a funnel"}
	}
	if tb := t.tables[stage]; tb != nil {
		return tb
	}
	tb := &leadsTable{}
	t.tables[stage] = tb
	into := t.byVar[stage.Value("inflow")]
	if into == nil {
		into = t.byVar[stage.Value("volume")]
	}
	var ws []*compiler.Var
	for _, c := range t.b.r.Info.Kind("channel") {
		if c.Ref("funnel") == f && c.Ref("stage") == stage {
			ws = append(ws, c.Value("leads"))
		}
	}
	if into == nil || !into.v.Whole {
		tb.why = "the leads into its stage are not whole counts, which the timeline leaves exact"
		return tb
	}
	var years []*cell
	for _, w := range ws {
		if !w.Whole || t.b.cells[w] == nil {
			tb.why = "the leads of its stage's channels are not whole counts"
			return tb
		}
		years = append(years, t.b.cells[w])
	}
	s, n := t.s, t.tl.Months
	s.next++
	s.texts = append(s.texts, text{row: s.next, col: colPath, style: section,
		s: "Leads into " + stage.Path.String() + " so far, split at each month's end among its channels by their yearly leads: the largest remainder, ties to the channel first in the plan"})
	s.next++
	label := func(path, title string) int {
		s.texts = append(s.texts, text{row: s.next, col: colPath, s: path}, text{row: s.next, col: colTitle, s: title})
		s.next++
		return s.next - 1
	}
	total := t.b.helper(s, label("yearly leads", "of the stage's channels"), colMonth, "#,##0", sumOfCells(years))
	row := label("leads so far", "into "+stage.Path.String()+", by the month's end")
	so := make([]*cell, n)
	for m := range n {
		var x node = ref{c: into.months[m]}
		if m > 0 {
			x = add(ref{c: so[m-1]}, x)
		}
		so[m] = t.b.helper(s, row, colMonth+m, "#,##0", x)
	}
	k := len(ws)
	rows := func(title string, f func(i, m int) node) [][]*cell {
		out := make([][]*cell, k)
		for i, w := range ws {
			at := label(w.Path.String(), title)
			for m := range n {
				out[i] = append(out[i], t.b.helper(s, at, colMonth+m, "#,##0", nil))
			}
		}
		for i := range ws { // after laying out, as a formula may read a later row
			for m := range n {
				out[i][m].formula = f(i, m)
			}
		}
		return out
	}
	// so far x its yearly leads, a whole number, as the remainders'
	// numerators: exact, unlike the fraction of a quotient.
	scaled := func(i, m int) node { return mul(ref{c: so[m]}, ref{c: years[i]}) }
	rems := rows("remainder (of the yearly leads)", func(i, m int) node {
		return fn("MOD", scaled(i, m), ref{c: total})
	})
	wholes := rows("whole part", func(i, m int) node {
		return quo(sub(scaled(i, m), ref{c: rems[i][m]}), ref{c: total})
	})
	left := make([]*cell, n)
	at := label("left over", "one each to the largest remainders")
	for m := range n {
		col := make([]*cell, k)
		for i := range ws {
			col[i] = wholes[i][m]
		}
		left[m] = t.b.helper(s, at, colMonth+m, "#,##0", sub(ref{c: so[m]}, fn("SUM", column(col))))
	}
	ranks := rows("rank", func(i, m int) node {
		col := make([]*cell, k)
		for j := range ws {
			col[j] = rems[j][m]
		}
		return rankOf(col, i)
	})
	sofar := rows("leads so far", func(i, m int) node {
		return add(ref{c: wholes[i][m]}, bonus(ranks[i][m], left[m]))
	})
	tb.parts = map[*compiler.Var][]*cell{}
	for i, w := range ws {
		tb.parts[w] = sofar[i]
	}
	return tb
}

// fix makes r's months planc's values, with a note saying why there is no
// formula; its Total is their sum.
func (t *timeline) fix(r *tlRow, why string) {
	for m, c := range r.months {
		c.kind, c.formula, c.value = fixed, nil, r.series[m]
	}
	r.months[0].note = "planc placed this value in the months, but the workbook has no formula for its months: " + why +
		". They are planc's values, and do not follow a change of the inputs."
	r.total.kind = fixed
	t.sum(r)
	t.how(r, "planc's months (the note says why)")
}

// propagate makes planc's values the months computed from months that are
// (grey): a formula over values that do not follow the inputs would not
// follow planc.
func (t *timeline) propagate() {
	memo := map[*cell]bool{}
	var stale func(n node) bool
	stale = func(n node) bool {
		found := false
		refs(n, func(c *cell) {
			if found || c.sheet != t.s {
				return
			}
			got, ok := memo[c]
			if !ok {
				memo[c] = false // fresh until known, which ends any cycle
				got = c.kind == fixed || c.kind == helper && c.formula != nil && stale(c.formula)
				memo[c] = got
			}
			found = got
		})
		return found
	}
	for changed := true; changed; {
		changed = false
		for _, r := range t.rows {
			if r.months[0].kind == fixed {
				continue
			}
			for _, c := range append(r.months, r.total) {
				if stale(c.formula) {
					t.fix(r, "it is computed from months that are planc's values")
					clear(memo)
					changed = true
					break
				}
			}
		}
	}
}

// inPeriod is a reference to x's value in a period, for a yearly formula
// that uses one: its month's cell, or for a quarter or half the sum of
// its months there (their average for a team's load), as the timeline
// aggregates them; the value itself when it is the same in every period
// (a rate).
func (t *timeline) inPeriod(x *compiler.Ref) (node, error) {
	i, ok := t.tl.Index(x.Period)
	r := t.byVar[x.Var]
	switch {
	case !ok || x.Open:
		return nil, &unsupported{fmt.Sprintf("its formula uses %s, which the Timeline sheet does not hold", x.Text())}
	case t.tl.Series(x.Var) == nil:
		return ref{c: t.b.cells[x.Var]}, nil
	case r == nil || r.months[0].kind == fixed:
		return nil, &unsupported{fmt.Sprintf("its formula uses %s, whose months are planc's values on the Timeline sheet", x.Text())}
	}
	p := t.tl.Periods[i]
	months := r.months[p.From:p.To]
	switch {
	case len(months) == 1:
		return ref{c: months[0]}, nil
	case r.evaluated:
		return nil, &unsupported{fmt.Sprintf("its formula uses %s, a formula in a quarter or half, which the Timeline sheet has by month only", x.Text())}
	case r.mean:
		return fn("AVERAGE", column(months)), nil
	}
	return fn("SUM", column(months)), nil
}
