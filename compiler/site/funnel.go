package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib"
	"github.com/rivo/uniseg"
)

type funnelBody struct {
	Label, Owner               string
	Description                template.HTML
	DealSize, Revenue, Planned string
	Chart                      waterfall
	Stages                     []stageRow
	Benchmarks                 []benchmarkRow
	// Sources is nil when no channel feeds the funnel.
	Sources *sourcesView
	// Sensitivity are the tornadoes that watch the funnel's values;
	// Improve ranks its stages (nil when none can be ranked). The
	// Skipped flags say that the plan is too large for the site to run
	// them (trialBudget).
	Sensitivity                    []sensitivityView
	Improve                        *improveView
	TornadoSkipped, ImproveSkipped bool
	// Confidence is what reaches the target with the plan's confidence,
	// nil when it writes no ranges and names none.
	Confidence *confidenceView
	Vars       []varView
	Authors    authorsView
}

// benchmarkRow is a stage's rate beside the published ranges for its step.
type benchmarkRow struct {
	Label, Href, Rate, Key string
	Outlier                bool
	Sources                []benchmarkSource
}

type benchmarkSource struct {
	Cite, Range, URL, Note string
	Point                  bool
}

type stageRow struct {
	Label, Href, Owner, Volume, Rate string
	// Blended marks a rate blended from channels that convert at their
	// own rates (funnel.F.S.blended_rate).
	Blended bool
	// Team and TeamHref name the team that works the stage, if any.
	Team, TeamHref string
	// Inflow is the leads channels bring into a stage below the funnel's
	// top, "" for other stages.
	Inflow, InflowHref string
	Handoff            bool
	Definition         template.HTML
}

// waterfall is the funnel chart: one bar per stage.
type waterfall struct {
	W, H int
	Rows []waterfallRow
}

// waterfallRow is a stage: its label and owner on a line, its bar under
// them with its volume at the right; Rate is the conversion into it, and
// Handoff the label of the handoff before it, if any.
type waterfallRow struct {
	Label, Owner, Value, Title, Href, Handoff     string
	Rate                                          template.HTML
	LabelX, TextY, BarX, Y, BarW, BarH, ValueX    int
	ValueY, RateX, RateY, HandoffY, HandoffLabelY int
}

func (g *gen) funnels() error {
	if len(g.objs("funnel")) == 0 {
		return nil
	}
	g.whatIf = g.runWhatIf()
	g.bands = g.runConfidence()
	return g.each("funnel", g.funnelPage)
}

func (g *gen) funnelPage(f *compiler.Object) error {
	vs := f.Values()
	more := []string{"waterfall", "stages", "sources", "benchmarks", "sensitivity", "improve", "confidence"}
	for _, src := range g.sources(f) {
		more = append(more, sourceAnchor(src))
	}
	for _, t := range g.whatIf.Tornadoes {
		more = append(more, tornadoAnchor(t))
	}
	ids := pageIDsFor(vs, more...)
	h := f.Node.Header()
	b := funnelBody{Label: f.Label(), Owner: h.Owner.Value, Authors: g.authors(f),
		Description: markdown(h.Description.Value, ids, "description"),
		DealSize:    g.show(f.Value("deal_size")), Revenue: g.show(f.Value("revenue")),
		Planned: g.show(f.Value("planned_revenue")), Chart: g.waterfall(f)}
	for i, s := range f.Kids {
		row := g.stageRow(f, i)
		row.Definition = markdown(s.Node.(*lang.Stage).Definition.Value, ids, "definition-"+s.Name())
		b.Stages = append(b.Stages, row)
	}
	b.Sources = g.sourcesView(f, g.S("this funnel’s planned revenue, {planned}", "planned", b.Planned))
	b.Benchmarks = g.benchmarks(f)
	b.Sensitivity, b.Improve = g.sensitivities(f), g.improve(f)
	b.TornadoSkipped, b.ImproveSkipped = g.whatIf.TornadoSkipped, g.whatIf.ImproveSkipped
	b.Confidence = g.confidence(f)
	for _, v := range vs {
		b.Vars = append(b.Vars, g.varView(v))
	}
	return g.render(g.names.page(f), "funnel", g.F("Funnel: %s", b.Label), b)
}

// stageRow is the i-th stage of a funnel in a table of stages.
func (g *gen) stageRow(f *compiler.Object, i int) stageRow {
	s := f.Kids[i]
	row := stageRow{Label: s.Label(), Href: g.names.page(s),
		Owner: s.Node.Header().Owner.Value, Volume: g.show(s.Value("volume")), Rate: g.rateText(stageRate(s)), Handoff: isHandoff(f, i),
		Blended: s.Value("blended_rate") != nil}
	if t := s.Ref("team"); t != nil {
		row.Team, row.TeamHref = t.Label(), teamsHref(t)
	}
	if in := s.Value("inflow"); in != nil {
		row.Inflow, row.InflowHref = g.show(in), g.names.href(in)
	}
	return row
}

// stageRate is the rate a stage's volume shows: its blended rate where
// channels convert at their own rates into it, else its rate.
func stageRate(s *compiler.Object) *compiler.Var {
	if b := s.Value("blended_rate"); b != nil {
		return b
	}
	return s.Value("rate")
}

// benchmarks lists the funnel's stages that are compared with a benchmark.
func (g *gen) benchmarks(f *compiler.Object) []benchmarkRow {
	var rows []benchmarkRow
	for _, s := range f.Kids {
		rate := s.Value("rate")
		bm := g.r.Info.Benchmarks[rate]
		if bm == nil {
			continue
		}
		row := benchmarkRow{Label: s.Label(), Href: g.names.page(s), Rate: g.rateText(rate), Key: bm.Key}
		if v, ok := g.r.Value(rate); ok {
			row.Outlier = bm.Outside(v.Nom)
		}
		for _, r := range bm.Ranges {
			row.Sources = append(row.Sources, benchmarkSource{Cite: r.Source.Cite(), Range: g.benchRange(r),
				URL: r.Source.URL, Note: r.Note, Point: r.IsPoint()})
		}
		rows = append(rows, row)
	}
	return rows
}

// rateText is a stage's rate, a dash for the first stage, which has none.
func (g *gen) rateText(v *compiler.Var) string {
	if v == nil {
		return "—"
	}
	return g.show(v)
}

// benchRange shows a published range as people read it: "40%–60%", or
// "13%" for a point.
func (g *gen) benchRange(r *stdlib.BenchmarkRange) string {
	lo, hi := g.num(r.Low, r.Unit), g.num(r.High, r.Unit)
	if lo == hi {
		return lo
	}
	return g.S("{low}–{high}", "low", lo, "high", hi)
}

// The waterfall's geometry, in SVG user units. It is drawn at a phone's
// width, so that a phone shows its words at their size, and scales up on
// a wider screen: a stage's label and owner on a line, its bar under
// them and its volume at the bar's end; the gap above a stage holds its
// conversion rate and, at a handoff between teams, a dashed line with the
// two owners, the gap taller then so that the two never overlap.
const (
	waterfallW      = 360
	waterfallBarH   = 20
	waterfallLabelH = 20  // the label's line above a bar
	waterfallGap    = 22  // the rate's line
	waterfallHand   = 44  // the rate's line and the handoff's
	labelColW       = 8.2 // a display column of a label, bold at 14px
	ownerColW       = 6.6 // a display column of an owner at 12px
	ownerGap        = 8   // between a label and its owner
	valueCharW      = 8.6 // a column of a value, bold at 14px
)

// waterfall lays the stages out top to bottom.
func (g *gen) waterfall(f *compiler.Object) waterfall {
	var maxVol float64
	cols := 1
	for _, s := range f.Kids {
		vol := s.Value("volume")
		if x, ok := g.float(vol); ok && x > maxVol {
			maxVol = x
		}
		cols = max(cols, uniseg.StringWidth(g.show(vol)))
	}
	barMax := waterfallW - int(float64(cols)*valueCharW+0.5) - 10
	w := waterfall{W: waterfallW}
	y := chartTopPad
	for i, s := range f.Kids {
		vol := s.Value("volume")
		label, owner := labelAndOwner(s.Label(), compiler.StageOwner(s))
		row := waterfallRow{Label: label, Owner: owner,
			Value: g.show(vol), Href: g.names.page(s), LabelX: 0, BarX: 0, BarH: waterfallBarH}
		row.Title = s.Label() + ": " + g.showExact(vol)
		if i > 0 {
			prevBottom := y
			prev := f.Kids[i-1]
			row.Rate = g.N("↓ {rate} of {prev}", "rate", g.rateText(stageRate(s)), "prev", prev.Label())
			if in := s.Value("inflow"); in != nil {
				row.Rate += g.N(" + {inflow} leads from channels", "inflow", g.show(in))
			}
			row.RateX, row.RateY = 4, prevBottom+16
			y += waterfallGap
			if isHandoff(f, i) {
				row.Handoff = g.S("handoff: {teams}", "teams", g.handoff(prev, s))
				row.HandoffY = prevBottom + 24
				row.HandoffLabelY = prevBottom + 38
				y = prevBottom + waterfallHand
			}
		}
		x, _ := g.float(vol)
		row.TextY = y + 14
		row.Y = y + waterfallLabelH
		row.BarW = scaledTo(x, maxVol, barMax)
		row.ValueX, row.ValueY = row.BarW+6, row.Y+15
		w.Rows = append(w.Rows, row)
		y = row.Y + waterfallBarH
	}
	w.H = y + chartTopPad
	return w
}

// labelAndOwner fit a stage's label and its owner on the line above its
// bar, cut with an ellipsis: the owner gets up to 18 columns, the label
// the rest, and the owner what the label leaves.
func labelAndOwner(label, owner string) (string, string) {
	ownerCols := min(uniseg.StringWidth(owner), 18)
	label = truncate(label, max(int((waterfallW-ownerGap-float64(ownerCols)*ownerColW)/labelColW), 12))
	left := (waterfallW - ownerGap - float64(uniseg.StringWidth(label))*labelColW) / ownerColW
	return label, truncate(owner, max(int(left), 4))
}
