package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// analyses.html shows every analysis block in its framework's
// conventional layout. The page lists every section of the framework, the
// empty ones marked, so that a SWOT is always a 2x2 grid and five forces
// always has rivalry in the center; the layout itself is CSS
// (.fw-KEY in site.css), keyed by the framework and the section names.

type analysesBody struct {
	Analyses []analysisView
}

type analysisView struct {
	Anchor, Label, Owner string
	Authors              authorsView
	// Framework is the framework's title ("SWOT") and Key its key, the
	// layout's class; both are empty when the framework is unknown (an
	// error a site built with --allow-errors still shows).
	Framework, Key string
	Description    template.HTML
	Cells          []cellView
}

// cellView is one section of a framework.
type cellView struct {
	Name, Title, Hint string
	Items             []template.HTML
}

const analysesPage = "analyses.html"

func (g *gen) analyses() error {
	as := g.objs("analysis")
	if len(as) == 0 {
		return nil
	}
	anchors := analysisAnchors(as)
	ids := newIDs(append(layoutIDs, mapValues(as, anchors)...)...)
	var b analysesBody
	for _, a := range as {
		b.Analyses = append(b.Analyses, g.viewAnalysis(a, anchors[a], ids))
	}
	return g.render(analysesPage, "analysis", g.T("Analyses"), b)
}

func (g *gen) viewAnalysis(o *compiler.Object, anchor string, ids *pageIDs) analysisView {
	a := o.Node.(*lang.Analysis)
	v := analysisView{Anchor: anchor, Label: o.Label(), Authors: g.authors(o),
		Owner: a.Owner.Value, Description: markdown(a.Description.Value, ids, anchor)}
	if a.Framework == nil {
		return v
	}
	v.Framework, v.Key = g.inContext("framework", a.Framework.Title), a.Framework.Key
	for _, def := range a.Framework.Sections {
		c := cellView{Name: def.Name, Title: g.inContext("framework", def.Title), Hint: g.inContext("framework", def.Hint)}
		if s := a.Section(def.Name); s != nil {
			c.Items = markdownItems(s.Items, ids, anchor+"-"+def.Name)
		}
		v.Cells = append(v.Cells, c)
	}
	return v
}

// analysisAnchors gives each analysis the id of its section on
// analyses.html.
func analysisAnchors(as []*compiler.Object) map[*compiler.Object]string {
	return anchorsOf("analysis-", as)
}
