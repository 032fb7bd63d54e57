package site

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// timeline.html is the plan by month (time phasing), when the plan has a
// timeline: revenue against target by month (a chart and a table), each
// funnel's stages by month with the pipeline needed before the period,
// its channels' leads and cost by month, and each team's load against
// what its people handle, the months over capacity marked. Every table
// with a total row adds up (display.Parts), and every row's year column
// is the yearly value.

const timelinePage = "timeline.html"

type timelineBody struct {
	// Intro says what the page shows, in the plan's period.
	Intro   string
	Months  []string
	Revenue *revenueView
	Funnels []timelineFunnel
	Teams   []timelineTeam
}

// tlRow is one value by month: its cells, and its year (the yearly value).
type tlRow struct {
	Label, Href string
	Cells       []tlCell
	Year        string
	// Before is the pipeline a stage needs before the period.
	Before string
}

type tlCell struct {
	Text string
	Over bool
}

type timelineFunnel struct {
	Label, Href, Anchor string
	// Entries charts the first stage's volume by month: the leads the plan
	// needs, and when.
	Entries      *monthChart
	EntriesLabel string
	// Before lists what each stage needs before the period, as text.
	Before string
	Stages []tlRow
	// Channels are the channels' leads and their cost by month, each a
	// table whose columns add up to its total row.
	Channels []channelMonths
}

// channelMonths is a table of the channels by month with a total row.
type channelMonths struct {
	Title  string
	Months []string
	Rows   []tlRow
	Total  *tlRow
}

// monthNames are the names of a timeline's months as the heads of a
// table's columns: "2027-04"; in Japanese "2027年4月", then "5月", the
// year again in January.
func (g *gen) monthNames(tl *compiler.Timeline) []string {
	out := make([]string, tl.Months)
	for m := range out {
		out[m] = g.monthName(m)
		if n := monthNumber(tl.Periods[m].Name); g.ja() && m > 0 && n > 1 && out[m] != tl.Periods[m].Name {
			out[m] = g.S("{month} (a month, its year the column's before)", "month", strconv.Itoa(n))
		}
	}
	return out
}

// monthName is the name of the timeline's m-th month: "2027-04", in
// Japanese "2027年4月".
func (g *gen) monthName(m int) string {
	name := g.r.Timeline.Periods[m].Name
	y, mo, ok := strings.Cut(name, "-")
	n, err := strconv.Atoi(mo)
	if !ok || err != nil || !g.ja() {
		return name
	}
	return g.S("{year}-{month}", "year", y, "month", strconv.Itoa(n))
}

type timelineTeam struct {
	Label, Href string
	Rows        []tlRow
	Over        string
	Chart       monthChart
}

// revenueView is a KGI against its target by month: a column chart and
// its table.
type revenueView struct {
	Label, Href string
	Chart       monthChart
	Rows        []tlRow
}

// monthChart draws the months' values as columns, with a mark over each
// (a target, a capacity) where there is one. It is drawn at the width of a
// phone and scales up.
type monthChart struct {
	W, H, Base int
	Label, Max string
	Cols       []monthCol
}

type monthCol struct {
	X, X2, Y, W, H, TargetY, TextX int
	Month                          string
	// Short marks a month below its target; Over one above its capacity.
	Short, Over bool
	// Mark is set when the column has a mark (TargetY).
	Mark bool
}

func (g *gen) timeline() error {
	tl := g.r.Timeline
	if tl == nil {
		return nil
	}
	b := timelineBody{Revenue: g.revenueView()}
	b.Intro = g.S("The yearly plan placed in the months of {period}: the goal spread by its phasing, each stage entered a lag earlier than the stage after it, so that the leads for a month’s deals come months before. The year column is the yearly plan, which phasing never changes; whole counts are rounded on the running total, so months add up to it.",
		"period", g.T("its period"))
	if meta := g.plan.Meta; meta != nil && meta.Period.Value != "" {
		b.Intro = g.S("The yearly plan placed in the months of {period}: the goal spread by its phasing, each stage entered a lag earlier than the stage after it, so that the leads for a month’s deals come months before. The year column is the yearly plan, which phasing never changes; whole counts are rounded on the running total, so months add up to it.",
			"period", g.S("the period {period}", "period", meta.Period.Value))
	}
	b.Months = g.monthNames(tl)
	for _, f := range g.objs("funnel") {
		b.Funnels = append(b.Funnels, g.timelineFunnel(f))
	}
	for _, t := range g.objs("team") {
		if tt, ok := g.timelineTeam(t); ok {
			b.Teams = append(b.Teams, tt)
		}
	}
	return g.render(timelinePage, "timeline", g.T("Plan by month"), b)
}

// months is v's monthly values, nil when it has none.
func (g *gen) months(v *compiler.Var) []*big.Rat {
	s := g.r.Timeline.Series(v)
	if v == nil || s == nil {
		return nil
	}
	return s[:g.r.Timeline.Months]
}

// row shows v by month, its cells as Format shows them.
func (g *gen) row(label, href string, v *compiler.Var) (tlRow, bool) {
	ms := g.months(v)
	if ms == nil {
		return tlRow{}, false
	}
	r := tlRow{Label: label, Href: href, Year: g.show(v)}
	for _, x := range ms {
		r.Cells = append(r.Cells, tlCell{Text: g.num(x, v.Unit)})
	}
	if b := g.r.Timeline.Before(v); b != nil && b.Sign() > 0 {
		r.Before = g.num(b, v.Unit)
	}
	return r, true
}

// columns shows the rows of vs by month, each month's column rounded so
// that it adds up to the total row (display.Parts); the year column is
// rounded the same way.
func (g *gen) columns(labels, hrefs []string, vs []*compiler.Var, totalLabel string) ([]tlRow, *tlRow) {
	if len(vs) == 0 {
		return nil, nil
	}
	u := vs[0].Unit
	rows := make([]tlRow, len(vs))
	total := &tlRow{Label: totalLabel}
	for i := range vs {
		if g.months(vs[i]) == nil {
			return nil, nil
		}
		rows[i] = tlRow{Label: labels[i], Href: hrefs[i]}
	}
	column := func(xs []*big.Rat) ([]string, string) { return g.parts(xs, u) }
	for m := range g.r.Timeline.Months {
		xs := make([]*big.Rat, len(vs))
		for i, v := range vs {
			xs[i] = g.months(v)[m]
		}
		texts, sum := column(xs)
		for i := range rows {
			rows[i].Cells = append(rows[i].Cells, tlCell{Text: texts[i]})
		}
		total.Cells = append(total.Cells, tlCell{Text: sum})
	}
	years := make([]*big.Rat, len(vs))
	for i, v := range vs {
		years[i] = g.exact(v)
	}
	texts, sum := column(years)
	for i := range rows {
		rows[i].Year = texts[i]
	}
	total.Year = sum
	return rows, total
}

func (g *gen) timelineFunnel(f *compiler.Object) timelineFunnel {
	tf := timelineFunnel{Label: f.Label(), Href: g.names.page(f), Anchor: "funnel-" + f.Name()}
	var before []string
	for _, s := range f.Kids {
		if r, ok := g.row(s.Label(), g.names.page(s), s.Value("volume")); ok {
			tf.Stages = append(tf.Stages, r)
			if r.Before != "" {
				before = append(before, s.Label()+" "+r.Before)
			}
		}
	}
	tf.Before = strings.Join(before, g.T(", "))
	if len(f.Kids) > 0 {
		if v := f.Kids[0].Value("volume"); g.months(v) != nil {
			tf.EntriesLabel = f.Kids[0].Label()
			c := g.monthChart(g.S("{stage} by month", "stage", f.Kids[0].Label()), g.months(v), nil, quantity.Count, false)
			tf.Entries = &c
		}
	}
	var labels, hrefs []string
	var leads, costs []*compiler.Var
	for _, c := range g.objs("channel") {
		if c.Ref("funnel") == f && c.Ref("stage") != nil {
			labels, hrefs = append(labels, c.Label()), append(hrefs, g.names.page(c))
			leads, costs = append(leads, c.Value("leads")), append(costs, c.Value("cost"))
		}
	}
	for _, t := range []struct {
		title string
		vs    []*compiler.Var
	}{{g.T("Leads by channel"), leads}, {g.T("Cost by channel"), costs}} {
		if rows, total := g.columns(labels, hrefs, t.vs, g.T("All channels")); rows != nil {
			tf.Channels = append(tf.Channels, channelMonths{Title: t.title, Months: g.monthNames(g.r.Timeline), Rows: rows, Total: total})
		}
	}
	return tf
}

// timelineTeam is a team's load against what its people handle, by month,
// with the months that need more people than it has marked.
func (g *gen) timelineTeam(t *compiler.Object) (timelineTeam, bool) {
	load, required := g.months(t.Value("load")), g.months(t.Value("required"))
	have := g.exact(t.Value("headcount"))
	capacity := g.exact(t.Value("capacity"))
	if load == nil || required == nil || have == nil || capacity == nil {
		return timelineTeam{}, false
	}
	tt := timelineTeam{Label: t.Label(), Href: teamsHref(t)}
	unit := t.Value("load").Unit
	count := func(x *big.Rat) string { return g.num(x, quantity.Count) }
	per := g.T("a month")
	if unit.Label != "" {
		per = g.S("{unit} a month", "unit", unit.Label)
	}
	loadRow := tlRow{Label: g.S("Load ({per})", "per", per), Year: count(g.exact(t.Value("load")))}
	handles := new(big.Rat).Mul(have, capacity)
	capRow := tlRow{Label: g.S("Capacity ({people} x {each})", "people", count(have), "each", count(capacity)), Year: count(handles)}
	reqRow := tlRow{Label: g.T("People required"), Year: count(g.exact(t.Value("required")))}
	var over []string
	for m := range load {
		short := required[m].Cmp(have) > 0
		loadRow.Cells = append(loadRow.Cells, tlCell{Text: count(load[m]), Over: short})
		capRow.Cells = append(capRow.Cells, tlCell{Text: count(handles)})
		reqRow.Cells = append(reqRow.Cells, tlCell{Text: count(required[m]), Over: short})
		if short {
			over = append(over, g.monthName(m))
		}
	}
	tt.Rows = []tlRow{loadRow, capRow, reqRow}
	capacities := make([]*big.Rat, len(load))
	for m := range capacities {
		capacities[m] = handles
	}
	tt.Chart = g.monthChart(g.S("{team}: load by month against what its people handle", "team", t.Label()), load, capacities, quantity.Count, true)
	if len(over) > 0 {
		tt.Over = g.S("Over capacity in {n} months: {months}.", "n", strconv.Itoa(len(over)), "months", strings.Join(over, g.T(", ")))
	}
	return tt, true
}

// revenueView charts the first KGI with a target by month: its value in
// each month against the target there.
func (g *gen) revenueView() *revenueView {
	tl := g.r.Timeline
	for _, k := range g.objs("kgi") {
		v := k.Value("")
		target, value := tl.Target(v), g.months(v)
		if target == nil || value == nil {
			continue
		}
		target = target[:tl.Months]
		rv := &revenueView{Label: k.Label(), Href: g.names.page(k)}
		valRow, _ := g.row(g.T("Plan"), "", v)
		tRow := tlRow{Label: g.T("Target"), Year: g.num(v.Given.Value, v.Unit)}
		for _, x := range target {
			tRow.Cells = append(tRow.Cells, tlCell{Text: g.num(x, v.Unit)})
		}
		rv.Rows = []tlRow{tRow, valRow}
		rv.Chart = g.monthChart(g.S("{kgi} by month against its target", "kgi", k.Label()), value, target, v.Unit, false)
		return rv
	}
	return nil
}

// monthChart lays out the columns of values by month, with marks (nil
// for none; a nil mark is no mark): 360 wide, so that at a phone's width
// it is drawn at its own size and its month numbers are legible. above
// says how a column that passes its mark is drawn: over (a capacity) or
// not short (a target).
func (g *gen) monthChart(label string, values, marks []*big.Rat, u quantity.Unit, capacity bool) monthChart {
	const w, h, left, base, top = 360, 190, 8, 165, 14
	maxV := new(big.Rat)
	for i := range values {
		for _, x := range []*big.Rat{values[i], at(marks, i)} {
			if x != nil && x.Cmp(maxV) > 0 {
				maxV = x
			}
		}
	}
	c := monthChart{W: w, H: h, Base: base, Label: label, Max: g.num(maxV, u)}
	if maxV.Sign() == 0 {
		return c
	}
	slot := (w - 2*left) / len(values)
	scale := func(x *big.Rat) int {
		f, _ := new(big.Rat).Quo(x, maxV).Float64()
		return int(f * float64(base-top))
	}
	for m, v := range values {
		x, hv := left+m*slot, scale(v)
		col := monthCol{X: x + 3, X2: x + slot - 3, W: slot - 6, Y: base - hv, H: hv, TextX: x + slot/2,
			Month: strconv.Itoa(monthNumber(g.r.Timeline.Periods[m].Name))}
		if mark := at(marks, m); mark != nil {
			col.Mark, col.TargetY = true, base-scale(mark)
			col.Short = !capacity && v.Cmp(mark) < 0
			col.Over = capacity && v.Cmp(mark) > 0
		}
		c.Cols = append(c.Cols, col)
	}
	return c
}

// at is xs[i], nil when xs is nil.
func at(xs []*big.Rat, i int) *big.Rat {
	if xs == nil {
		return nil
	}
	return xs[i]
}

// monthNumber is the month of "2027-04": 4.
func monthNumber(name string) int {
	n, _ := strconv.Atoi(name[len(name)-2:])
	return n
}
