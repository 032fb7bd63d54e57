package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
)

type funnelBody struct {
	Label, Path, Owner string
	Description        template.HTML
	DealSize, Revenue  string
	Chart              waterfall
	Stages             []stageRow
	Benchmarks         []benchmarkRow
	// Sources is nil when no channel feeds the funnel.
	Sources *sourcesView
	Vars    []varView
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
	for _, f := range g.m.Plan.Funnels {
		if err := g.funnelPage(f); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) funnelPage(f *lang.Funnel) error {
	dealSize, revenue := g.m.FunnelVars(f)
	vs := vars(dealSize, revenue)
	more := []string{"waterfall", "stages", "sources"}
	for _, src := range g.m.Sources(f) {
		more = append(more, sourceAnchor(src))
	}
	ids := pageIDsFor(vs, more...)
	b := funnelBody{Label: blockLabel(f.Title.Value, f.Name), Path: "funnel." + f.Name, Owner: f.Owner.Value,
		Description: markdown(f.Description.Value, ids, "description"),
		DealSize:    display(g.m, dealSize), Revenue: display(g.m, revenue), Chart: g.waterfall(f)}
	for i, s := range f.Stages {
		row := g.stageRow(f, i)
		row.Definition = markdown(s.Definition.Value, ids, "definition-"+s.Name)
		b.Stages = append(b.Stages, row)
	}
	b.Sources = g.sourcesView(f, "this funnel’s revenue")
	b.Benchmarks = g.benchmarks(f)
	for _, v := range vs {
		b.Vars = append(b.Vars, g.varView(v))
	}
	return g.render(g.names.page(f), "funnel", "Funnel: "+b.Label, b)
}

// stageRow is the i-th stage of a funnel in a table of stages.
func (g *gen) stageRow(f *lang.Funnel, i int) stageRow {
	s := f.Stages[i]
	vol, rate := g.m.StageVars(s)
	row := stageRow{Label: blockLabel(s.Title.Value, s.Name), Href: g.names.page(s),
		Owner: s.Owner.Value, Volume: display(g.m, vol), Rate: rateText(g.m, rate), Handoff: g.isHandoff(f, i)}
	if t := g.teamOf(s); t != nil {
		row.Team, row.TeamHref = blockLabel(t.Title.Value, t.Name), teamsHref(t)
	}
	if in := g.m.Inflow(s); in != nil {
		row.Inflow, row.InflowHref = display(g.m, in), g.names.href(in)
	}
	return row
}

// benchmarks lists the funnel's stages that are compared with a benchmark.
func (g *gen) benchmarks(f *lang.Funnel) []benchmarkRow {
	var rows []benchmarkRow
	for _, s := range f.Stages {
		_, rate := g.m.StageVars(s)
		bm := g.m.Benchmark(rate)
		if bm == nil {
			continue
		}
		row := benchmarkRow{Label: blockLabel(s.Title.Value, s.Name), Href: g.names.page(s), Rate: rateText(g.m, rate), Key: bm.Key}
		if v, ok := g.m.Value(rate); ok {
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

// display is report.Display with "" for a value the plan does not have.
func display(m *compiler.Model, v *compiler.Var) string {
	if v == nil {
		return ""
	}
	return report.Display(m, v)
}

func rateText(m *compiler.Model, v *compiler.Var) string {
	if v == nil {
		return "—"
	}
	return report.Display(m, v)
}

// waterfall lays the stages out top to bottom. The gap above a stage holds
// its conversion rate and, at a handoff between teams, a dashed line with
// the two owners; the gap is taller then, so the two never overlap.
func (g *gen) waterfall(f *lang.Funnel) waterfall {
	const barH, gap, handoffGap = 30, 30, 54
	var maxVol float64
	for _, s := range f.Stages {
		vol, _ := g.m.StageVars(s)
		if x, ok := ratOf(g.m, vol); ok && x > maxVol {
			maxVol = x
		}
	}
	w := waterfall{W: chartW}
	y := chartTopPad
	for i, s := range f.Stages {
		vol, rate := g.m.StageVars(s)
		row := waterfallRow{Label: truncate(blockLabel(s.Title.Value, s.Name), labelCols), Owner: truncate(g.m.StageOwner(s), labelCols+4),
			Value: display(g.m, vol), Href: g.names.page(s), LabelX: labelX, BarX: barX, BarH: barH, ValueX: valueX}
		if i > 0 {
			prevBottom := y
			prev := f.Stages[i-1]
			row.Rate, row.Prev = rateText(g.m, rate), blockLabel(prev.Title.Value, prev.Name)
			if in := g.m.Inflow(s); in != nil {
				row.Inflow = display(g.m, in)
			}
			row.RateX, row.RateY = barX+4, prevBottom+19
			y += gap
			if g.isHandoff(f, i) {
				row.Handoff = g.handoff(prev, s)
				row.HandoffY = prevBottom + 28
				row.HandoffLabelY = prevBottom + 44
				y = prevBottom + handoffGap
			}
		}
		x, _ := ratOf(g.m, vol)
		row.Y, row.BarW = y, barWidth(x, maxVol)
		row.TextY, row.OwnerY = y+14, y+29
		w.Rows = append(w.Rows, row)
		y += barH
	}
	w.H = y + chartTopPad
	return w
}
