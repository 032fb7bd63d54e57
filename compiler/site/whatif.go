package site

import (
	"html/template"
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/rivo/uniseg"
)

// What-if on a funnel's page: the sensitivity of the funnel's values to
// the plan's inputs (a tornado: the plan's sensitivity blocks that watch
// them, or the default one when the plan has none), and which stage's
// rate to improve first (compiler.Improve). Both re-solve the plan once
// per input and end of its range, so the site runs them once, before the
// funnels' pages, and only while the re-solves stay within trialBudget:
// a larger plan's pages say to run planc solve and planc improve
// instead, so that a build stays linear in the plan's size.

// trialBudget bounds the what-if trials of a build, in values solved:
// trials times the plan's values. 60,000 is 1,400 trials of the tutorial's
// plan, or 60 of a plan of 1,000 values: about a second. A variable for
// the tests.
var trialBudget = 60_000

// improvePoints are the steps by which "which stage first" raises each
// rate, in percentage points.
var improvePoints = []int{1, 5}

// whatIf is what the trials found, for every funnel's page.
type whatIf struct {
	// Tornadoes are the sensitivity blocks run, or the default one;
	// Default is set for the default. TornadoSkipped is set when they
	// would take more than the budget.
	Tornadoes      []*compiler.Tornado
	Default        bool
	TornadoSkipped bool
	// Improve is compiler.Improve's ranking; ImproveSkipped is set when
	// it would take more than the budget.
	Improve        []compiler.Improvement
	ImproveSkipped bool
}

// runWhatIf runs the trials the funnels' pages show, the plan's own
// sensitivity blocks first, each only when it fits in what is left of
// the budget.
func (g *gen) runWhatIf() *whatIf {
	w := &whatIf{}
	left := trialBudget
	values := max(len(g.r.Info.Vars), 1)
	fits := func(trials int) bool {
		if trials*values > left {
			return false
		}
		left -= trials * values
		return true
	}
	if blocks := g.objs("sensitivity"); len(blocks) > 0 {
		trials := 0
		for _, o := range blocks {
			n := len(o.Node.(*lang.Sensitivity).Varies)
			if n == 0 {
				n = g.defaultInputs()
			}
			trials += 2 * n
		}
		if w.TornadoSkipped = !fits(trials); !w.TornadoSkipped {
			w.Tornadoes = g.r.Tornadoes()
		}
	}
	// compiler.Improve needs every funnel's first stage: a plan with a
	// funnel without stages (an error) has no ranking.
	if g.rankable() {
		if w.ImproveSkipped = !fits(g.improveTrials()); !w.ImproveSkipped {
			w.Improve = compiler.Improve(g.r, improvePoints)
		}
	}
	if len(g.objs("sensitivity")) == 0 {
		w.Default = true
		if w.TornadoSkipped = !fits(2 * g.defaultInputs()); !w.TornadoSkipped {
			w.Tornadoes = []*compiler.Tornado{compiler.DefaultTornado(g.r)}
		}
	}
	return w
}

// rankable reports whether every funnel has a first stage with a volume,
// which compiler.Improve measures the leads by.
func (g *gen) rankable() bool {
	for _, f := range g.objs("funnel") {
		if len(f.Kids) == 0 || f.Kids[0].Value("volume") == nil {
			return false
		}
	}
	return true
}

// defaultInputs counts the inputs the default tornado varies: the
// plan's input rates and CPAs.
func (g *gen) defaultInputs() int {
	n := 0
	for _, v := range g.r.Info.Vars {
		if v.Given == nil || v.Given.Origin != compiler.Input || (v.Kind != compiler.KindRate && v.Kind != compiler.KindCPA) {
			continue
		}
		if x := g.exact(v); x != nil && x.Sign() > 0 {
			n++
		}
	}
	return n
}

// improveTrials counts the trials of compiler.Improve: a trial per stage
// with a rate the plan gives, per step.
func (g *gen) improveTrials() int {
	n := 0
	for _, f := range g.objs("funnel") {
		for i, s := range f.Kids {
			if rate := s.Value("rate"); i > 0 && rate != nil && rate.Given != nil {
				n += len(improvePoints)
			}
		}
	}
	return n
}

// sensitivityView is a tornado on a funnel's page: a chart of how far
// its first output swings with each input, and a table of every output
// at each input's low and high end.
type sensitivityView struct {
	Anchor, Name string
	Default      bool
	Outputs      []outputHead
	Rows         []tornadoRowView
	// Chart is nil when the first output's base value is unsolved.
	Chart *tornadoChart
}

type outputHead struct{ Label, Href, Base string }

type tornadoRowView struct {
	Label, Href, Path, Low, High string
	Cells                        []swingCell
}

// swingCell is an output with the input low and high; "?" where that
// trial did not solve.
type swingCell struct{ Low, High string }

// sensitivities are the tornadoes that watch a value of funnel f.
func (g *gen) sensitivities(f *compiler.Object) []sensitivityView {
	var out []sensitivityView
	for _, t := range g.whatIf.Tornadoes {
		if !watches(t, f) {
			continue
		}
		out = append(out, g.sensitivityView(t))
	}
	return out
}

// watches reports whether t has an output of funnel f or its stages.
func watches(t *compiler.Tornado, f *compiler.Object) bool {
	for _, o := range t.Outputs {
		if o.Object == f || o.Object.Parent == f {
			return true
		}
	}
	return false
}

func tornadoAnchor(t *compiler.Tornado) string { return "sensitivity-" + t.Name }

func (g *gen) sensitivityView(t *compiler.Tornado) sensitivityView {
	v := sensitivityView{Anchor: tornadoAnchor(t), Name: t.Name, Default: g.whatIf.Default}
	for _, o := range t.Outputs {
		v.Outputs = append(v.Outputs, outputHead{Label: g.valueLabel(o), Href: g.names.href(o), Base: g.show(o)})
	}
	for _, row := range t.Rows {
		in := row.Input
		rv := tornadoRowView{Label: g.valueLabel(in), Href: g.names.href(in), Path: in.Path.String(),
			Low: g.num(row.Low, in.Unit), High: g.num(row.High, in.Unit)}
		for i, o := range t.Outputs {
			rv.Cells = append(rv.Cells, swingCell{Low: g.orUnknown(row.Outputs[i].Low, o.Unit), High: g.orUnknown(row.Outputs[i].High, o.Unit)})
		}
		v.Rows = append(v.Rows, rv)
	}
	if len(t.Outputs) > 0 && len(t.Rows) > 0 {
		v.Chart = g.tornadoChart(t)
	}
	return v
}

func (g *gen) orUnknown(x *big.Rat, u quantity.Unit) string {
	if x == nil {
		return "?"
	}
	return g.num(x, u)
}

// tornadoChart draws the first output of a tornado: a row per input, the
// widest swing first, with a bar from the base value to the output's
// value at the input's low end and one to its value at the high end.
// The label of a row is on a line above its bars, and each bar's value
// at its far end: the chart is 360 wide, so that a phone shows it at its
// own size, and the bars are as wide as the values beside them leave.
type tornadoChart struct {
	W, H                      int
	Label, Output, Href, Base string
	// Title heads the chart: the output, linked, and what the chart shows.
	Title          template.HTML
	CenterX, BaseY int
	Rows           []tornadoBarRow
}

type tornadoBarRow struct {
	// Label is the input's label, cut to fit; Full is all of it.
	Label, Full, Range    string
	LabelY                int
	AxisX, AxisY1, AxisY2 int
	Low, High             tornadoSeg
}

// tornadoSeg is one bar from the base value to the output's value at one
// end of the input's range, with that value at the bar's far end.
type tornadoSeg struct {
	X, Y, W, H   int
	Text, Title  string
	TextX, TextY int
	Anchor       string
	Unknown      bool
}

// The tornado chart's geometry, in SVG user units.
const (
	tornadoW    = 360
	tornadoTop  = 22
	tornadoRowH = 54
	tornadoBarH = 12
	tornadoCols = 30  // display columns of an input's label at 13px
	valueColW   = 6.8 // the width of a column of a value at 12px
)

func (g *gen) tornadoChart(t *compiler.Tornado) *tornadoChart {
	out := t.Outputs[0]
	base := g.exact(out)
	if base == nil {
		return nil
	}
	var widest float64
	cols := 1
	for _, row := range t.Rows {
		for _, x := range []*big.Rat{row.Outputs[0].Low, row.Outputs[0].High} {
			if x != nil {
				d, _ := new(big.Rat).Sub(x, base).Float64()
				widest = max(widest, d, -d)
				cols = max(cols, uniseg.StringWidth(g.num(x, out.Unit)))
			}
		}
	}
	cx := tornadoW / 2
	half := max(40, cx-int(float64(cols)*valueColW+0.5)-8)
	label := g.valueLabel(out)
	ch := &tornadoChart{W: tornadoW, Output: label, Href: g.names.href(out), Base: g.show(out), CenterX: cx, BaseY: 13,
		Label: g.S("How far {output} moves with each input", "output", label),
		Title: g.N("{output}: how far it moves with each input", "output", anchor(g.names.href(out), template.HTML(escapeText(label))))} //nolint:gosec // escaped
	y := tornadoTop
	for _, row := range t.Rows {
		in := row.Input
		inLabel := g.valueLabel(in)
		r := tornadoBarRow{Label: truncate(inLabel, tornadoCols), Full: inLabel, LabelY: y + 17,
			Range: g.num(row.Low, in.Unit) + " → " + g.num(row.High, in.Unit),
			AxisX: cx, AxisY1: y + 20, AxisY2: y + 22 + 2*tornadoBarH + 6}
		r.Low = g.tornadoBar(row.Outputs[0].Low, base, widest, half, cx, y+23, out.Unit)
		r.High = g.tornadoBar(row.Outputs[0].High, base, widest, half, cx, y+23+tornadoBarH+3, out.Unit)
		r.Low.Title = g.S("{input} at {value}: {output}", "input", inLabel, "value", g.exactNum(row.Low, in.Unit), "output", g.exactOrUnknown(row.Outputs[0].Low, out.Unit))
		r.High.Title = g.S("{input} at {value}: {output}", "input", inLabel, "value", g.exactNum(row.High, in.Unit), "output", g.exactOrUnknown(row.Outputs[0].High, out.Unit))
		ch.Rows = append(ch.Rows, r)
		y += tornadoRowH
	}
	ch.H = y
	return ch
}

// tornadoBar is the bar from the base to x at height y, at most half
// wide.
func (g *gen) tornadoBar(x, base *big.Rat, widest float64, half, cx, y int, u quantity.Unit) tornadoSeg {
	s := tornadoSeg{Y: y, H: tornadoBarH, TextY: y + tornadoBarH - 2, X: cx, TextX: cx + 5, Anchor: "start"}
	if x == nil {
		s.Text, s.Unknown = "?", true
		return s
	}
	s.Text = g.num(x, u)
	d, _ := new(big.Rat).Sub(x, base).Float64()
	w := scaledTo(max(d, -d), widest, half)
	if d < 0 {
		s.X, s.TextX, s.Anchor = cx-w, cx-w-5, "end"
	} else {
		s.TextX = cx + w + 5
	}
	s.W = w
	return s
}

// improveView is "which stage first": each stage of the funnel with its
// rate raised by each of improvePoints, and what that saves.
type improveView struct {
	// Points are the steps, Top the largest, which ranks the stages.
	Points []string
	Top    string
	Rows   []improveRow
	// Best says which stage saves the most, "" when none saves.
	Best string
	// SpendHead heads the columns of the channels' spend.
	SpendHead string
}

type improveRow struct {
	Label, Href, Rate string
	Cells             []improveCell
}

// improveCell is the funnel's channel spend and leads with the rate
// raised: "" for a step past 100%, "?" when that plan did not solve.
type improveCell struct {
	Rate, Spend, Leads string
	Saved, More        bool
	Fewer              bool
}

// improve is the ranking of funnel f's stages, in compiler.Improve's
// order: the most spend saved at the largest step first.
func (g *gen) improve(f *compiler.Object) *improveView {
	var order []*compiler.Object
	at := map[*compiler.Object]map[int]compiler.Improvement{}
	for _, im := range g.whatIf.Improve {
		if im.Stage.Parent != f {
			continue
		}
		if at[im.Stage] == nil {
			order = append(order, im.Stage)
			at[im.Stage] = map[int]compiler.Improvement{}
		}
		at[im.Stage][im.Points] = im
	}
	if len(order) == 0 {
		return nil
	}
	v := &improveView{SpendHead: g.inContext("improve", "Spend")}
	for _, p := range improvePoints {
		v.Points = append(v.Points, g.pointsText(p))
	}
	v.Top = v.Points[len(v.Points)-1]
	for _, s := range order {
		rate := s.Value("rate")
		row := improveRow{Label: s.Label(), Href: g.names.page(s), Rate: g.show(rate)}
		for _, p := range improvePoints {
			im, ok := at[s][p]
			if !ok {
				row.Cells = append(row.Cells, improveCell{})
				continue
			}
			row.Cells = append(row.Cells, g.improveCell(rate, im))
		}
		v.Rows = append(v.Rows, row)
	}
	v.Best = g.bestStage(f, order[0], at[order[0]])
	return v
}

func (g *gen) improveCell(rate *compiler.Var, im compiler.Improvement) improveCell {
	c := improveCell{Spend: "?", Leads: "?"}
	if cur := g.exact(rate); cur != nil {
		c.Rate = g.num(new(big.Rat).Add(cur, big.NewRat(int64(im.Points), 100)), rate.Unit)
	}
	money := quantity.Money(g.r.Info.Currency)
	if im.Spend != nil {
		c.Spend, c.Saved, c.More = g.signedOrZero(im.Spend, money), im.Spend.Sign() < 0, im.Spend.Sign() > 0
	}
	if im.Leads != nil {
		c.Leads, c.Fewer = g.signedOrZero(im.Leads, quantity.Count), im.Leads.Sign() < 0
	}
	return c
}

// signedOrZero is x with its sign, "±0" for zero.
func (g *gen) signedOrZero(x *big.Rat, u quantity.Unit) string {
	if x.Sign() == 0 {
		return "±0"
	}
	return g.signed(x, u)
}

// exactOrUnknown is x exactly, "?" for nil.
func (g *gen) exactOrUnknown(x *big.Rat, u quantity.Unit) string {
	if x == nil {
		return "?"
	}
	return g.exactNum(x, u)
}

// bestStage says what raising the first stage of the ranking by the
// largest step saves, "" when it saves nothing.
func (g *gen) bestStage(f, s *compiler.Object, at map[int]compiler.Improvement) string {
	top := improvePoints[len(improvePoints)-1]
	im, ok := at[top]
	if !ok || im.Spend == nil || im.Spend.Sign() >= 0 {
		return ""
	}
	change, leads := "", ""
	if r := g.exact(s.Value("rate")); r != nil {
		u := s.Value("rate").Unit
		change = g.S(" ({from} → {to})", "from", g.num(r, u), "to", g.num(new(big.Rat).Add(r, big.NewRat(int64(top), 100)), u))
	}
	if im.Leads != nil && im.Leads.Sign() < 0 {
		// The leads' own word: the first stage's unit ("件"), else
		// "leads" in English and none in Japanese, whose number needs no
		// noun after "リードも".
		what := f.Kids[0].Value("volume").Unit.Label
		if what == "" && !g.ja() {
			what = "leads"
		}
		leads = g.S(" and {n} {what}", "n", g.num(new(big.Rat).Neg(im.Leads), quantity.Count), "what", what)
	}
	return g.S("Improve {stage} first: raising its rate by {points}{change} saves {spend} of channel spend{leads}.",
		"stage", s.Label(), "points", g.pointsWords(top), "change", change,
		"spend", g.num(new(big.Rat).Neg(im.Spend), quantity.Money(g.r.Info.Currency)), "leads", leads)
}

// pointsText is a step in percentage points: "+1 point", "+5 points".
func (g *gen) pointsText(p int) string { return "+" + g.pointsWords(p) }

// pointsWords is a number of percentage points: "1 point", "5 points".
func (g *gen) pointsWords(p int) string {
	if p == 1 {
		return g.T("1 point")
	}
	return g.F("%s points", quantity.Format(big.NewRat(int64(p), 1), quantity.Count))
}
