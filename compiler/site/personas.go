package site

import (
	"fmt"
	"html/template"

	"github.com/planc-dev/planc/lang"
)

// personas.html lists the plan's personas, each under its own anchor
// (personaAnchor) so that journey phases can link to it.

type personasBody struct {
	Personas []personaView
}

type personaView struct {
	Anchor, Label, Path, Role, Company, Owner string
	Goals, Pains                              []template.HTML
	Description                               template.HTML
	// Phases are the journey phases that name the persona.
	Phases []textLink
}

// textLink is a link with its text.
type textLink struct{ Text, Href string }

const personasPage = "personas.html"

func (g *gen) personas() error {
	ps := g.m.Plan.Personas
	if len(ps) == 0 {
		return nil // no page, and no nav entry for it
	}
	anchors := personaAnchors(ps)
	ids := newIDs(append(layoutIDs, mapValues(ps, anchors)...)...)
	var b personasBody
	for _, p := range ps {
		key := anchors[p]
		b.Personas = append(b.Personas, personaView{Anchor: key, Label: blockLabel(p.Title.Value, p.Name),
			Path: "persona." + p.Name, Role: p.Role.Value, Company: p.Company.Value, Owner: p.Owner.Value,
			Goals: markdownItems(p.Goals, ids, key+"-goal"), Pains: markdownItems(p.Pains, ids, key+"-pain"),
			Description: markdown(p.Description.Value, ids, key), Phases: g.phasesNaming(p)})
	}
	return g.render(personasPage, "personas", "Personas", b)
}

// personaAnchors gives each persona the id of its section on
// personas.html. Names are unique but for a duplicate-name error, which a
// site built with --allow-errors still shows: the second gets a suffix.
func personaAnchors(ps []*lang.Persona) map[*lang.Persona]string {
	ids := newIDs()
	out := map[*lang.Persona]string{}
	for _, p := range ps {
		out[p] = ids.unique("persona-" + p.Name)
	}
	return out
}

// phasesNaming lists the journey phases whose personas include p.
func (g *gen) phasesNaming(p *lang.Persona) []textLink {
	var out []textLink
	for _, j := range g.m.Plan.Journeys {
		anchors := phaseAnchors(j)
		for _, ph := range j.Phases {
			for _, x := range ph.Personas {
				if x == p {
					out = append(out, textLink{Text: blockLabel(j.Title.Value, j.Name) + ": " + blockLabel(ph.Title.Value, ph.Name),
						Href: g.names.page(j) + "#" + anchors[ph]})
					break
				}
			}
		}
	}
	return out
}

// markdownItems renders list items as Markdown, each with its own
// footnote key.
func markdownItems(items []lang.Text, ids *pageIDs, key string) []template.HTML {
	var out []template.HTML
	for i, it := range items {
		out = append(out, markdown(it.Value, ids, fmt.Sprintf("%s-%d", key, i+1)))
	}
	return out
}

// mapValues lists the values of m for keys, in the order of keys.
func mapValues[K comparable](keys []K, m map[K]string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}
