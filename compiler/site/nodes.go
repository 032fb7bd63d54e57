package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// nodeBody is a page for one metric, stage or channel (node.html).
type nodeBody struct {
	Kind, Label             string
	Facts                   []fact
	Description, Definition template.HTML
	Vars                    []varView
	Authors                 authorsView
}

// authorsView is what the section for plan authors says about a block:
// its path and where it is written.
type authorsView struct{ Path, Where string }

// authors is o's section for plan authors.
func (g *gen) authors(o *compiler.Object) authorsView {
	return authorsView{Path: o.Path.String(), Where: g.where(o.DefRange())}
}

type fact struct{ Name, Text, Href string }

// layoutIDs are the ids layout.html and node.html use on every page.
var layoutIDs = []string{"main", "definition"}

// pageIDsFor reserves the page's own ids before any Markdown takes one.
func pageIDsFor(vars []*compiler.Var, more ...string) *pageIDs {
	ids := newIDs(append(layoutIDs, more...)...)
	for _, v := range vars {
		ids.Put([]byte(varAnchor(v)))
	}
	return ids
}

func (g *gen) nodes() error {
	for _, step := range []func() error{
		func() error { return g.each("kgi", g.metricPage) },
		func() error { return g.each("kpi", g.metricPage) },
		func() error { return g.each("stage", g.stagePage) },
		func() error { return g.each("channel", g.channelPage) },
		func() error { return g.each("source", g.sourcePage) },
		g.teamPages,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// kindTitles name each kind of object that has a page of its own (in the
// catalog).
var kindTitles = map[string]string{"kgi": "KGI", "kpi": "KPI", "stage": "Funnel stage", "channel": "Channel",
	"source": "Lead source", "team": "Team"}

// blockBody starts the page of an object: its kind, label, reference path
// and description, with the ids of its values reserved first.
func (g *gen) blockBody(o *compiler.Object) (nodeBody, *pageIDs) {
	ids := pageIDsFor(o.Values())
	b := nodeBody{Kind: g.inContext("kind", kindTitles[o.Kind]), Label: g.label(o), Authors: g.authors(o)}
	if o.Node != nil {
		b.Description = markdown(o.Node.Header().Description.Value, ids, "description")
		if owner := o.Node.Header().Owner.Value; owner != "" {
			b.Facts = append(b.Facts, fact{Name: g.T("Owner"), Text: owner})
		}
	}
	return b, ids
}

// renderNode adds o's values to b and writes o's page.
func (g *gen) renderNode(o *compiler.Object, title string, b nodeBody) error {
	for _, v := range o.Values() {
		b.Vars = append(b.Vars, g.varView(v))
	}
	return g.render(g.names.page(o), "node", title, b)
}

func (g *gen) metricPage(x *compiler.Object) error {
	b, _ := g.blockBody(x)
	return g.renderNode(x, b.Label, b)
}

func (g *gen) stagePage(s *compiler.Object) error {
	f := s.Parent
	b, ids := g.blockBody(s)
	b.Definition = markdown(s.Node.(*lang.Stage).Definition.Value, ids, "definition")
	facts := []fact{{Name: g.T("Funnel"), Text: f.Label(), Href: g.names.page(f)}}
	prev := previous(s)
	if prev != nil {
		facts = append(facts, fact{Name: g.T("After"), Text: prev.Label(), Href: g.names.page(prev)})
	}
	b.Facts = append(facts, b.Facts...) // the owner after what the stage follows
	if t := s.Ref("team"); t != nil {
		b.Facts = append(b.Facts, fact{Name: g.inContext("fact", "Team"), Text: t.Label(), Href: teamsHref(t)})
	}
	if prev != nil && compiler.StageOwner(prev) != compiler.StageOwner(s) {
		b.Facts = append(b.Facts, fact{Name: g.T("Handoff"), Text: g.handoff(prev, s)})
	}
	for _, c := range s.Refs("channels") {
		b.Facts = append(b.Facts, fact{Name: g.T("Fed by"), Text: c.Label(), Href: g.names.page(c)})
	}
	return g.renderNode(s, b.Label, b)
}

func (g *gen) channelPage(c *compiler.Object) error {
	b, _ := g.blockBody(c)
	var facts []fact
	if s := c.Ref("stage"); s != nil {
		facts = append(facts,
			fact{Name: g.T("Funnel"), Text: s.Parent.Label(), Href: g.names.page(s.Parent)},
			fact{Name: g.T("Entry stage"), Text: s.Label(), Href: g.names.page(s)})
	}
	// The channel's sources are its funnel's, then the plan's.
	if srcs := c.Refs("sources"); len(srcs) > 0 {
		facts = append(facts, fact{Name: g.T("Source"), Text: g.srcName(srcs[0]), Href: g.names.page(srcs[0])})
	}
	b.Facts = append(facts, b.Facts...)
	for _, bu := range c.Refs("budgets") {
		b.Facts = append(b.Facts, fact{Name: g.T("Budget"), Text: bu.Label(), Href: "channels.html#" + budgetAnchor(bu)})
	}
	return g.renderNode(c, b.Label, b)
}

// previous returns the stage before s in its funnel, or nil.
func previous(s *compiler.Object) *compiler.Object {
	for i, x := range s.Parent.Kids {
		if x == s && i > 0 {
			return s.Parent.Kids[i-1]
		}
	}
	return nil
}

// handoff names the teams a stage passes a lead between. A stage's owner
// is its owner, or else its team's name, as the compiler's handoff check
// has it.
func (g *gen) handoff(from, to *compiler.Object) string {
	return g.ownerName(from) + " → " + g.ownerName(to)
}

func (g *gen) ownerName(s *compiler.Object) string {
	if o := compiler.StageOwner(s); o != "" {
		return o
	}
	return g.T("(no owner)")
}

// isHandoff reports whether the stage at i of a funnel changes owner.
func isHandoff(f *compiler.Object, i int) bool {
	return i > 0 && compiler.StageOwner(f.Kids[i-1]) != compiler.StageOwner(f.Kids[i])
}
