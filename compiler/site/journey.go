package site

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/planc-dev/planc/lang"
)

// A journey's page (journey.NAME.html) draws its phases as a diagram: one
// column per phase, in order, each with the personas it serves (linked to
// personas.html), its touchpoints and its channels (linked to their
// pages). The diagram is an ordered list laid out by CSS grid, so that it
// reflows into a vertical list on a phone and reads in order without CSS.

type journeyBody struct {
	Label, Path, Owner string
	Description        template.HTML
	Phases             []phaseView
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

func (g *gen) journeys() error {
	for _, j := range g.m.Plan.Journeys {
		if err := g.journeyPage(j); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) journeyPage(j *lang.Journey) error {
	anchors := phaseAnchors(j)
	ids := newIDs(append(layoutIDs, append(mapValues(j.Phases, anchors), "phases")...)...)
	personas := personaAnchors(g.m.Plan.Personas)
	b := journeyBody{Label: blockLabel(j.Title.Value, j.Name), Path: "journey." + j.Name, Owner: j.Owner.Value,
		Description: markdown(j.Description.Value, ids, "description")}
	for i, ph := range j.Phases {
		v := phaseView{Anchor: anchors[ph], Label: blockLabel(ph.Title.Value, ph.Name), Owner: ph.Owner.Value, Step: i + 1,
			Description: markdown(ph.Description.Value, ids, anchors[ph])}
		if ph.Title.Value != "" && ph.Title.Value != ph.Name {
			v.Name = ph.Name
		}
		for _, p := range ph.Personas {
			v.Personas = append(v.Personas, textLink{Text: blockLabel(p.Title.Value, p.Name), Href: personasPage + "#" + personas[p]})
		}
		for _, c := range ph.Channels {
			v.Channels = append(v.Channels, textLink{Text: blockLabel(c.Title.Value, c.Name), Href: g.names.page(c)})
		}
		for _, t := range ph.Touchpoints {
			v.Touchpoints = append(v.Touchpoints, t.Value)
		}
		b.Phases = append(b.Phases, v)
	}
	return g.render(g.names.page(j), "journey", "Journey: "+b.Label, b)
}

// phaseAnchors gives each phase of a journey the id of its column; a
// duplicate phase name (an error a site built with --allow-errors still
// shows) gets a suffix.
func phaseAnchors(j *lang.Journey) map[*lang.Phase]string {
	ids := newIDs()
	out := map[*lang.Phase]string{}
	for _, ph := range j.Phases {
		out[ph] = ids.unique("phase-" + ph.Name)
	}
	return out
}

// addJourneys names the journeys' pages by their reference path, as
// newNames names the pages of values. Only journey pages start with
// "journey.", so they can clash only with each other: two journeys of one
// name (a duplicate-name error), or names that differ in case only, which
// would overwrite each other on a case-insensitive file system.
func (n *names) addJourneys(js []*lang.Journey) {
	sorted := append([]*lang.Journey(nil), js...)
	// Sorting first makes the suffixes that resolve clashes deterministic.
	sort.SliceStable(sorted, func(i, k int) bool { return sorted[i].Name < sorted[k].Name })
	taken := map[string]bool{}
	for _, j := range sorted {
		base := fileSlug("journey." + j.Name)
		name := base + ".html"
		for i := 2; taken[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s-%d.html", base, i)
		}
		taken[strings.ToLower(name)] = true
		n.file[j] = name
	}
}
