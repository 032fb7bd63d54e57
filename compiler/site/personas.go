package site

import (
	"fmt"
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// personas.html lists the plan's personas, each under its own anchor
// (personaAnchor) so that journey phases can link to it.

type personasBody struct {
	Personas []personaView
}

type personaView struct {
	Anchor, Label, Role, Company, Owner string
	Authors                             authorsView
	Goals, Pains                        []template.HTML
	Description                         template.HTML
	// Phases are the journey phases that name the persona.
	Phases []textLink
}

// textLink is a link with its text.
type textLink struct{ Text, Href string }

const personasPage = "personas.html"

func (g *gen) personas() error {
	ps := g.objs("persona")
	if len(ps) == 0 {
		return nil // no page, and no nav entry for it
	}
	anchors := personaAnchors(ps)
	ids := newIDs(append(layoutIDs, mapValues(ps, anchors)...)...)
	var b personasBody
	for _, po := range ps {
		key, p := anchors[po], po.Node.(*lang.Persona)
		b.Personas = append(b.Personas, personaView{Anchor: key, Label: po.Label(),
			Authors: g.authors(po), Role: p.Role.Value, Company: p.Company.Value, Owner: p.Owner.Value,
			Goals: markdownItems(p.Goals, ids, key+"-goal"), Pains: markdownItems(p.Pains, ids, key+"-pain"),
			Description: markdown(p.Description.Value, ids, key), Phases: g.phasesNaming(po)})
	}
	return g.render(personasPage, "personas", g.T("Personas"), b)
}

// personaAnchors gives each persona the id of its section on
// personas.html.
func personaAnchors(ps []*compiler.Object) map[*compiler.Object]string {
	return anchorsOf("persona-", ps)
}

// anchorsOf gives each object an id on a page: prefix and its name,
// unique on that page.
func anchorsOf(prefix string, os []*compiler.Object) map[*compiler.Object]string {
	ids := newIDs()
	out := map[*compiler.Object]string{}
	for _, o := range os {
		out[o] = ids.unique(prefix + o.Name())
	}
	return out
}

// phasesNaming lists the journey phases whose personas include p.
func (g *gen) phasesNaming(p *compiler.Object) []textLink {
	var out []textLink
	for _, ph := range p.Refs("phases") {
		j := ph.Parent
		out = append(out, textLink{Text: j.Label() + ": " + ph.Label(), Href: g.names.page(j) + "#" + phaseAnchors(j)[ph]})
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
