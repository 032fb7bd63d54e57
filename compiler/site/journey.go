package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// A journey's page (journey.NAME.html) draws its phases as a diagram: one
// column per phase, in order, each with the personas it serves (linked to
// personas.html), its touchpoints and its channels (linked to their
// pages). The diagram is an ordered list laid out by CSS grid, so that it
// reflows into a vertical list on a phone and reads in order without CSS.

type journeyBody struct {
	Label, Owner string
	Authors      authorsView
	Description  template.HTML
	Phases       []phaseView
}

type phaseView struct {
	Anchor, Label, Owner string
	// Name is the phase's name, shown when its title differs from it.
	Name               string
	Step               int
	Personas, Channels []textLink
	Touchpoints        []string
	Description        template.HTML
}

func (g *gen) journeys() error { return g.each("journey", g.journeyPage) }

func (g *gen) journeyPage(j *compiler.Object) error {
	anchors := phaseAnchors(j)
	ids := newIDs(append(layoutIDs, append(mapValues(j.Kids, anchors), "phases")...)...)
	personas := personaAnchors(g.objs("persona"))
	h := j.Node.Header()
	b := journeyBody{Label: j.Label(), Authors: g.authors(j), Owner: h.Owner.Value,
		Description: markdown(h.Description.Value, ids, "description")}
	for i, po := range j.Kids {
		ph := po.Node.(*lang.Phase)
		v := phaseView{Anchor: anchors[po], Label: po.Label(), Owner: ph.Owner.Value, Step: i + 1,
			Description: markdown(ph.Description.Value, ids, anchors[po])}
		if ph.Title.Value != "" && ph.Title.Value != ph.Name && !g.ja() {
			v.Name = ph.Name // a Japanese page's readers read the title
		}
		for _, p := range po.Refs("personas") {
			v.Personas = append(v.Personas, textLink{Text: p.Label(), Href: personasPage + "#" + personas[p]})
		}
		for _, c := range po.Refs("channels") {
			v.Channels = append(v.Channels, textLink{Text: c.Label(), Href: g.names.page(c)})
		}
		for _, t := range ph.Touchpoints {
			v.Touchpoints = append(v.Touchpoints, t.Value)
		}
		b.Phases = append(b.Phases, v)
	}
	return g.render(g.names.page(j), "journey", g.F("Journey: %s", b.Label), b)
}

// phaseAnchors gives each phase of a journey the id of its column.
func phaseAnchors(j *compiler.Object) map[*compiler.Object]string { return anchorsOf("phase-", j.Kids) }
