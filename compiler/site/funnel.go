package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
)

type funnelBody struct {
	Label, Path, Owner         string
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

type waterfallRow struct {
	Label, Owner, Value, Href, Rate, Prev, Handoff     string
	Inflow                                             string
	LabelX, TextY, OwnerY, BarX, Y, BarW, BarH, ValueX int
	RateX, RateY, HandoffY, HandoffLabelY              int
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
	b := funnelBody{Label: f.Label(), Path: f.Path.String(), Owner: h.Owner.Value,
		Description: markdown(h.Description.Value, ids, "description"),
		DealSize:    g.show(f.Value("deal_size")), Revenue: g.show(f.Value("revenue")),
		Planned: g.show(f.Value("planned_revenue")), Chart: g.waterfall(f)}
	for i, s := range f.Kids {
		row := g.stageRow(f, i)
		row.Definition = markdown(s.Node.(*lang.Stage).Definition.Value, ids, "definition-"+s.Name())
		b.Stages = append(b.Stages, row)
	}
	b.Sources = g.sourcesView(f, "this funnel’s planned revenue, "+b.Planned)
	b.Benchmarks = g.benchmarks(f)
	b.Sensitivity, b.Improve = g.sensitivities(f), g.improve(f)
	b.TornadoSkipped, b.ImproveSkipped = g.whatIf.TornadoSkipped, g.whatIf.ImproveSkipped
	b.Confidence = g.confidence(f)
	for _, v := range vs {
		b.Vars = append(b.Vars, g.varView(v))
	}
	return g.render(g.names.page(f), "funnel", "Funnel: "+b.Label, b)
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
			row.Sources = append(row.Sources, benchmarkSource{Cite: r.Source.Cite(), Range: r.String(),
				URL: r.Source.URL, Note: r.Note, Point: r.IsPoint()})
		}
		rows = append(rows, row)
	}
	return rows
}

// show is v's value for people, "" for a value the plan does not have.
func (g *gen) show(v *compiler.Var) string {
	if v == nil {
		return ""
	}
	return display.Value(g.r, v)
}

// rateText is a stage's rate, a dash for the first stage, which has none.
func (g *gen) rateText(v *compiler.Var) string {
	if v == nil {
		return "—"
	}
	return display.Value(g.r, v)
}

// waterfall lays the stages out top to bottom. The gap above a stage holds
// its conversion rate and, at a handoff between teams, a dashed line with
// the two owners; the gap is taller then, so the two never overlap.
func (g *gen) waterfall(f *compiler.Object) waterfall {
	const barH, gap, handoffGap = 30, 30, 54
	var maxVol float64
	for _, s := range f.Kids {
		if x, ok := g.float(s.Value("volume")); ok && x > maxVol {
			maxVol = x
		}
	}
	w := waterfall{W: chartW}
	y := chartTopPad
	for i, s := range f.Kids {
		vol := s.Value("volume")
		row := waterfallRow{Label: truncate(s.Label(), labelCols), Owner: truncate(compiler.StageOwner(s), labelCols+4),
			Value: g.show(vol), Href: g.names.page(s), LabelX: labelX, BarX: barX, BarH: barH, ValueX: valueX}
		if i > 0 {
			prevBottom := y
			prev := f.Kids[i-1]
			row.Rate, row.Prev = g.rateText(stageRate(s)), prev.Label()
			if in := s.Value("inflow"); in != nil {
				row.Inflow = g.show(in)
			}
			row.RateX, row.RateY = barX+4, prevBottom+19
			y += gap
			if isHandoff(f, i) {
				row.Handoff = handoff(prev, s)
				row.HandoffY = prevBottom + 28
				row.HandoffLabelY = prevBottom + 44
				y = prevBottom + handoffGap
			}
		}
		x, _ := g.float(vol)
		row.Y, row.BarW = y, barWidth(x, maxVol)
		row.TextY, row.OwnerY = y+14, y+29
		w.Rows = append(w.Rows, row)
		y += barH
	}
	w.H = y + chartTopPad
	return w
}
