package site

import (
	"html/template"
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

type channelsBody struct {
	Channels  []channelRow
	Economics []economicsTable
	Budgets   []budgetView
}

// channelRow is a channel in the table of channels; ShareOf says what its
// share is a share of (the leads into its stage: "inquiry", "SAL
// inflow").
type channelRow struct {
	Label, Href, Stage, StageHref, Share, ShareOf, Leads, CPA, Cost string
}

type budgetView struct {
	Anchor, Label, Path, Owner, Spend, Cap, Over, Left string
	Description                                        template.HTML
	Chart                                              budgetChart
}

// budgetChart draws each member channel's cost and the total spend against
// the cap: a dashed line across every row, and the part of the total above
// it in red.
type budgetChart struct {
	W, H int
	Rows []budgetRow
	Cap  *capLine
}

type budgetRow struct {
	Label, Href, Value    string
	Over                  bool
	LabelX, TextY, ValueX int
	Segs                  []barSeg
}

type barSeg struct {
	Class, Title string
	X, Y, W, H   int
}

type capLine struct {
	X, Y1, Y2, LabelY int
	Anchor, Text      string
}

func (g *gen) channels() error {
	var b channelsBody
	for _, c := range g.objs("channel") {
		row := channelRow{Label: c.Label(), Href: g.names.page(c),
			Share: g.show(c.Value("share")), Leads: g.show(c.Value("leads")), CPA: g.show(c.Value("cpa")), Cost: g.show(c.Value("cost"))}
		if s := c.Ref("stage"); s != nil {
			row.Stage = s.Parent.Label() + " / " + s.Label()
			row.StageHref = g.names.page(s)
			row.ShareOf = shareOf(s)
		}
		b.Channels = append(b.Channels, row)
	}
	b.Economics = g.economics()
	var anchors []string
	for _, bu := range g.objs("budget") {
		anchors = append(anchors, budgetAnchor(bu))
	}
	for _, t := range b.Economics {
		anchors = append(anchors, t.Anchor)
	}
	ids := newIDs(append(layoutIDs, anchors...)...)
	for _, bu := range g.objs("budget") {
		b.Budgets = append(b.Budgets, g.budgetView(bu, ids))
	}
	return g.render("channels.html", "channels", "Channels and budget", b)
}

// shareOf names what the shares of the channels into stage s are shares
// of: the stage's leads at its funnel's top, its inflow below.
func shareOf(s *compiler.Object) string {
	if s.Value("inflow") != nil {
		return s.Label() + " inflow"
	}
	return s.Label()
}

func (g *gen) budgetView(bu *compiler.Object, ids *pageIDs) budgetView {
	spend, limit := bu.Value("spend"), bu.Value("cap")
	h := bu.Node.Header()
	v := budgetView{Anchor: budgetAnchor(bu), Label: bu.Label(), Path: bu.Path.String(),
		Owner: h.Owner.Value, Spend: g.show(spend), Cap: g.show(limit),
		Description: markdown(h.Description.Value, ids, budgetAnchor(bu))}
	s, c := g.exact(spend), g.exact(limit)
	money := quantity.Money(g.r.Info.Currency)
	if s != nil && c != nil {
		diff := new(big.Rat).Sub(s, c)
		if diff.Sign() > 0 {
			v.Over = quantity.Format(diff, money)
		} else {
			v.Left = quantity.Format(diff.Neg(diff), money)
		}
	}
	v.Chart = g.budgetChart(bu, v.Over)
	return v
}

func (g *gen) budgetChart(bu *compiler.Object, over string) budgetChart {
	const rowH, barH, top = 34, 24, 30
	spend, limit := bu.Value("spend"), bu.Value("cap")
	members := bu.Refs("channels")
	total, _ := g.float(spend)
	capV, hasCap := g.float(limit)
	scale := max(total, capV)
	for _, c := range members {
		if x, ok := g.float(c.Value("cost")); ok {
			scale = max(scale, x)
		}
	}
	ch := budgetChart{W: chartW}
	y := top
	for _, c := range members {
		cost := c.Value("cost")
		x, _ := g.float(cost)
		name := c.Label()
		ch.Rows = append(ch.Rows, budgetRow{Label: truncate(name, labelCols), Href: g.names.page(c), Value: g.show(cost),
			LabelX: labelX, TextY: y + 17, ValueX: valueX,
			Segs: []barSeg{{Class: "cost", Title: name + ": " + g.show(cost), X: barX, Y: y, W: barWidth(x, scale), H: barH}}})
		y += rowH
	}
	totalRow := budgetRow{Label: "Total spend", Href: "channels.html#" + budgetAnchor(bu), Value: g.show(spend),
		Over: over != "", LabelX: labelX, TextY: y + 17, ValueX: valueX}
	within := total
	if hasCap && total > capV {
		within = capV
	}
	wIn := barWidth(within, scale)
	totalRow.Segs = append(totalRow.Segs, barSeg{Class: "spend", Title: "Spend: " + g.show(spend), X: barX, Y: y, W: wIn, H: barH})
	if over != "" {
		wAll := barWidth(total, scale)
		totalRow.Segs = append(totalRow.Segs, barSeg{Class: "excess", Title: "Over the cap by " + over, X: barX + wIn, Y: y, W: wAll - wIn, H: barH})
	}
	ch.Rows = append(ch.Rows, totalRow)
	y += rowH
	if hasCap {
		x := barX + barWidth(capV, scale)
		anchor := "middle"
		switch {
		case x > barX+barMax-70:
			anchor = "end"
		case x < barX+70:
			anchor = "start"
		}
		ch.Cap = &capLine{X: x, Y1: top - 8, Y2: y - rowH + barH + 6, LabelY: top - 12, Anchor: anchor, Text: g.show(limit)}
	}
	ch.H = y + 4
	return ch
}
