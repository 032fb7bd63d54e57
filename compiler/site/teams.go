package site

import (
	"html/template"
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// teams.html lists the plan's teams, each under its own anchor
// (teamAnchor) so that stages can link to the team that works them: the
// stages it works, its headcount and capacity, the load the plan puts on
// it a month and the people that load requires, with a meter of
// utilisation (required / headcount). Each team also has a page of its
// own, named by its path ("team.inside_sales.html"), with its values.

const teamsPage = "teams.html"

type teamsBody struct {
	// Intro says what the page shows, in the plan's period.
	Intro string
	Teams []teamView
}

type teamView struct {
	Anchor, Label, Href, Owner          string
	Headcount, Capacity, Load, Required string
	// CapacityHTML and RequiredHTML are Capacity and Required as numbers
	// in a sentence.
	CapacityHTML, RequiredHTML template.HTML
	// UtilText says in words what the team needs and has.
	UtilText    template.HTML
	Authors     authorsView
	Description template.HTML
	Stages      []teamStage
	// Util is required / headcount as a percentage; "" when unsolved.
	Util string
	// Over is set when the team needs more people than it has; Short is
	// then the people missing, and Spare otherwise the people to spare.
	Over         bool
	Short, Spare string
	Meter        *utilMeter
}

type teamStage struct{ Text, Href, Volume string }

// utilMeter draws utilisation as a bar: the headcount's share up to a
// line at 100%, and the part above it in the "bad" colour.
type utilMeter struct {
	W, H, Full, LineX int
	Label             string
	Segs              []barSeg
}

func teamAnchor(t *compiler.Object) string { return "team-" + t.Name() }

// teamsHref links to a team's section on teams.html.
func teamsHref(t *compiler.Object) string { return teamsPage + "#" + teamAnchor(t) }

func (g *gen) teams() error {
	ts := g.objs("team")
	if len(ts) == 0 {
		return nil // no page, and no nav entry for it
	}
	var anchors []string
	for _, t := range ts {
		anchors = append(anchors, teamAnchor(t))
	}
	ids := newIDs(append(layoutIDs, anchors...)...)
	var b teamsBody
	b.Intro = g.T("What the plan asks of each team: the volume of the stages it works, per month, against what its people can handle. Utilisation is the people the load requires over the team’s headcount.")
	if meta := g.plan.Meta; meta != nil && meta.Period.Value != "" {
		b.Intro = g.S("What the plan asks of each team: the volume of the stages it works, per month of the period {period}, against what its people can handle. Utilisation is the people the load requires over the team’s headcount.",
			"period", meta.Period.Value)
	}
	for _, t := range ts {
		b.Teams = append(b.Teams, g.teamView(t, ids))
	}
	return g.render(teamsPage, "teams", g.T("Teams"), b)
}

func (g *gen) teamView(t *compiler.Object, ids *pageIDs) teamView {
	headcount, required := t.Value("headcount"), t.Value("required")
	h := t.Node.Header()
	v := teamView{Anchor: teamAnchor(t), Label: t.Label(), Href: g.names.page(t), Authors: g.authors(t),
		Owner: h.Owner.Value, Description: markdown(h.Description.Value, ids, teamAnchor(t)),
		Headcount: g.show(headcount), Capacity: g.show(t.Value("capacity")), Load: g.show(t.Value("load")), Required: g.show(required)}
	v.CapacityHTML, v.RequiredHTML = tag("span", "num", v.Capacity), tag("span", "num", v.Required)
	multi := len(g.objs("funnel")) > 1
	for _, s := range t.Refs("stages") {
		text := s.Label()
		if multi {
			text = s.Parent.Label() + " / " + text
		}
		v.Stages = append(v.Stages, teamStage{Text: text, Href: g.names.page(s), Volume: g.show(s.Value("volume"))})
	}
	need, have := g.exact(required), g.exact(headcount)
	if need == nil || have == nil || have.Sign() <= 0 {
		return v
	}
	util := new(big.Rat).Quo(need, have)
	v.Util = g.num(util, quantity.Ratio)
	diff := new(big.Rat).Sub(need, have)
	v.Over = diff.Sign() > 0
	if v.Over {
		v.Short = g.num(diff, required.Unit)
		v.UtilText = g.N("<strong>Over capacity:</strong> needs {required} people; has {headcount}: {short} short.",
			"required", v.Required, "headcount", v.Headcount, "short", v.Short)
	} else {
		v.Spare = g.num(diff.Neg(diff), required.Unit)
		v.UtilText = g.N("Within capacity: needs {required} people; has {headcount}: {spare} to spare.",
			"required", v.Required, "headcount", v.Headcount, "spare", v.Spare)
	}
	f, _ := util.Float64()
	v.Meter = utilBar(f, g.S("{team}: {util} utilised, {required} people needed of {headcount}",
		"team", v.Label, "util", v.Util, "required", v.Required, "headcount", v.Headcount))
	return v
}

// utilBar scales the bar to the larger of utilisation and 100%.
func utilBar(util float64, label string) *utilMeter {
	const w, h = 400, 20
	scale := max(util, 1)
	m := &utilMeter{W: w, H: h, Full: int(w/scale + 0.5), Label: label}
	m.LineX = m.Full
	within := min(util, 1)
	wIn := int(within/scale*w + 0.5)
	if util > 0 && wIn < 2 {
		wIn = 2
	}
	m.Segs = append(m.Segs, barSeg{Class: "load", X: 0, W: wIn, H: h})
	if util > 1 {
		m.Segs = append(m.Segs, barSeg{Class: "excess", X: wIn, W: w - wIn, H: h})
	}
	return m
}

// teamPage is a team's own page: what it works and its values.
func (g *gen) teamPage(t *compiler.Object) error {
	b, _ := g.blockBody(t)
	b.Facts = append([]fact{{Name: g.T("Utilisation"), Text: g.teamSummary(g.teamView(t, newIDs())), Href: teamsHref(t)}}, b.Facts...)
	for _, s := range t.Refs("stages") {
		b.Facts = append(b.Facts, fact{Name: g.T("Works"), Text: s.Parent.Label() + " / " + s.Label(), Href: g.names.page(s)})
	}
	return g.renderNode(t, b.Label, b)
}

// teamPages writes teams.html and a page per team.
func (g *gen) teamPages() error {
	if err := g.teams(); err != nil {
		return err
	}
	return g.each("team", g.teamPage)
}

// summary says in words what the team needs and has: "148%: needs 7.4
// people; has 5: 2.4 short".
func (g *gen) teamSummary(v teamView) string {
	switch {
	case v.Util == "":
		return g.T("not solved")
	case v.Over:
		return g.S("{util}: needs {required} people; has {headcount}: {short} short", "util", v.Util,
			"required", v.Required, "headcount", v.Headcount, "short", v.Short)
	}
	return g.S("{util}: needs {required} people; has {headcount}: {spare} to spare", "util", v.Util,
		"required", v.Required, "headcount", v.Headcount, "spare", v.Spare)
}
