package site

import (
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
)

type channelsBody struct {
	Channels  []channelRow
	Economics []economicsTable
	// Tree lists every budget in the order of their hierarchies, when the
	// plan has more than one.
	Tree    []budgetHead
	Budgets []budgetView
}

// channelRow is a channel in the table of channels; ShareOf says what its
// share is a share of (the leads into its stage: "inquiry", "SAL
// inflow").
type channelRow struct {
	Label, Href, Stage, StageHref, Share, ShareOf, Leads, CPA, Cost string
}

func (g *gen) channels() error {
	var b channelsBody
	for _, c := range g.objs("channel") {
		row := channelRow{Label: c.Label(), Href: g.names.page(c),
			Share: g.show(c.Value("share")), Leads: g.show(c.Value("leads")), CPA: g.show(c.Value("cpa")), Cost: g.show(c.Value("cost"))}
		if s := c.Ref("stage"); s != nil {
			row.Stage = s.Parent.Label() + " / " + s.Label()
			row.StageHref = g.names.page(s)
			row.ShareOf = g.shareOf(c)
		}
		b.Channels = append(b.Channels, row)
	}
	b.Economics = g.economics()
	tree := compiler.BudgetTree(g.r.Info)
	anchors := budgetIDs(tree)
	for _, t := range b.Economics {
		anchors = append(anchors, t.Anchor)
	}
	ids := newIDs(append(layoutIDs, anchors...)...)
	for _, p := range tree {
		b.Budgets = append(b.Budgets, g.budgetView(p, ids))
	}
	if len(tree) > 1 {
		b.Tree = g.budgetList(tree)
	}
	return g.render("channels.html", "channels", g.T("Channels and budget"), b)
}

// shareOf names what channel c's share is a share of (display.ShareOf):
// the leads into its stage, "inquiry" or "SAL inflow".
func (g *gen) shareOf(c *compiler.Object) string {
	s := c.Ref("stage")
	switch {
	case s == nil:
		return ""
	case s.Value("inflow") != nil:
		return g.F("%s inflow", s.Label())
	}
	return display.ShareOf(c)
}

// budgetIDs are the ids of the budgets' sections and their items' rows,
// and of the list of budgets, which no Markdown heading may take.
func budgetIDs(tree []compiler.BudgetPlace) []string {
	out := []string{"budgets"}
	for _, p := range tree {
		out = append(out, budgetAnchor(p.Budget))
		for _, it := range p.Budget.Kids {
			out = append(out, sectionAnchor(it))
		}
	}
	return out
}
