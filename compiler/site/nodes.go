package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// nodeBody is a page for one metric, stage or channel (node.html).
type nodeBody struct {
	Kind, Label, Path       string
	Facts                   []fact
	Description, Definition template.HTML
	Vars                    []varView
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
	for _, x := range g.m.Plan.Metrics() {
		if err := g.metricPage(x); err != nil {
			return err
		}
	}
	for _, f := range g.m.Plan.Funnels {
		for _, s := range f.Stages {
			if err := g.stagePage(s); err != nil {
				return err
			}
		}
	}
	for _, c := range g.m.Plan.Channels {
		if err := g.channelPage(c); err != nil {
			return err
		}
	}
	if err := g.sourcePages(); err != nil {
		return err
	}
	return g.teamPages()
}

// blockBody starts the page of a block: its kind, label, reference path
// and description, with the ids of its values vs reserved first.
func blockBody(kind, path string, x *lang.Block, vs []*compiler.Var) (nodeBody, *pageIDs) {
	ids := pageIDsFor(vs)
	return nodeBody{Kind: kind, Label: blockLabel(x.Title.Value, x.Name), Path: path,
		Description: markdown(x.Description.Value, ids, "description")}, ids
}

// renderNode adds the values vs to b and writes owner's page.
func (g *gen) renderNode(owner any, title string, b nodeBody, vs []*compiler.Var) error {
	for _, v := range vs {
		b.Vars = append(b.Vars, g.varView(v))
	}
	return g.render(g.names.page(owner), "node", title, b)
}

// vars drops the values a block does not have (a first stage's rate).
func vars(vs ...*compiler.Var) []*compiler.Var {
	var out []*compiler.Var
	for _, v := range vs {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

func (g *gen) metricPage(x *lang.Metric) error {
	vs := vars(g.m.MetricVar(x))
	kind := "KPI"
	if x.Kind == "kgi" {
		kind = "KGI"
	}
	b, _ := blockBody(kind, x.Kind+"."+x.Name, &x.Block, vs)
	if x.Owner.Value != "" {
		b.Facts = append(b.Facts, fact{Name: "Owner", Text: x.Owner.Value})
	}
	return g.renderNode(x, b.Label, b, vs)
}

func (g *gen) stagePage(s *lang.Stage) error {
	vol, rate := g.m.StageVars(s)
	vs := vars(vol, rate, g.m.Inflow(s))
	f := s.Funnel
	b, ids := blockBody("Funnel stage", "funnel."+f.Name+"."+s.Name, &s.Block, vs)
	b.Definition = markdown(s.Definition.Value, ids, "definition")
	b.Facts = append(b.Facts, fact{Name: "Funnel", Text: blockLabel(f.Title.Value, f.Name), Href: g.names.page(f)})
	if prev := previous(s); prev != nil {
		b.Facts = append(b.Facts, fact{Name: "After", Text: blockLabel(prev.Title.Value, prev.Name), Href: g.names.page(prev)})
	}
	if s.Owner.Value != "" {
		b.Facts = append(b.Facts, fact{Name: "Owner", Text: s.Owner.Value})
	}
	if t := g.teamOf(s); t != nil {
		b.Facts = append(b.Facts, fact{Name: "Team", Text: blockLabel(t.Title.Value, t.Name), Href: teamsHref(t)})
	}
	if prev := previous(s); prev != nil && g.m.StageOwner(prev) != g.m.StageOwner(s) {
		b.Facts = append(b.Facts, fact{Name: "Handoff", Text: g.handoff(prev, s)})
	}
	for _, c := range g.m.Plan.Channels {
		if g.m.ChannelStage(c) == s {
			b.Facts = append(b.Facts, fact{Name: "Fed by", Text: blockLabel(c.Title.Value, c.Name), Href: g.names.page(c)})
		}
	}
	return g.renderNode(s, b.Label, b, vs)
}

func (g *gen) channelPage(c *lang.Channel) error {
	leads, share, cpa, cost := g.m.ChannelVars(c)
	vs := vars(leads, share, cpa, cost)
	b, _ := blockBody("Channel", "channel."+c.Name, &c.Block, vs)
	if s := g.m.ChannelStage(c); s != nil {
		b.Facts = append(b.Facts,
			fact{Name: "Funnel", Text: blockLabel(s.Funnel.Title.Value, s.Funnel.Name), Href: g.names.page(s.Funnel)},
			fact{Name: "Entry stage", Text: blockLabel(s.Title.Value, s.Name), Href: g.names.page(s)})
	}
	if src := g.channelSource(c); src != nil {
		b.Facts = append(b.Facts, fact{Name: "Source", Text: src.Name, Href: g.names.page(src)})
	}
	if c.Owner.Value != "" {
		b.Facts = append(b.Facts, fact{Name: "Owner", Text: c.Owner.Value})
	}
	for _, bu := range g.m.Plan.Budgets {
		for _, member := range g.m.BudgetChannels(bu) {
			if member == c {
				b.Facts = append(b.Facts, fact{Name: "Budget", Text: blockLabel(bu.Title.Value, bu.Name), Href: "channels.html#" + budgetAnchor(bu)})
			}
		}
	}
	return g.renderNode(c, b.Label, b, vs)
}

// previous returns the stage before s in its funnel, or nil.
func previous(s *lang.Stage) *lang.Stage {
	for i, x := range s.Funnel.Stages {
		if x == s && i > 0 {
			return s.Funnel.Stages[i-1]
		}
	}
	return nil
}

// handoff names the teams a stage passes a lead between. A stage's owner
// is its owner, or else its team's name, as the compiler's handoff check
// has it.
func (g *gen) handoff(from, to *lang.Stage) string {
	return g.ownerName(from) + " → " + g.ownerName(to)
}

func (g *gen) ownerName(s *lang.Stage) string {
	if o := g.m.StageOwner(s); o != "" {
		return o
	}
	return "(no owner)"
}

// isHandoff reports whether the stage at i of a funnel changes owner.
func (g *gen) isHandoff(f *lang.Funnel, i int) bool {
	return i > 0 && g.m.StageOwner(f.Stages[i-1]) != g.m.StageOwner(f.Stages[i])
}
