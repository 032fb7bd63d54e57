package site

import (
	"html/template"
	"math/big"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

type channelsBody struct {
	Channels []channelRow
	Budgets  []budgetView
}

type channelRow struct {
	Label, Href, Stage, StageHref, Share, Leads, CPA, Cost string
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
	for _, c := range g.m.Plan.Channels {
		leads, share, cpa, cost := g.m.ChannelVars(c)
		row := channelRow{Label: blockLabel(c.Title.Value, c.Name), Href: g.names.page(c),
			Share: display(g.m, share), Leads: display(g.m, leads), CPA: display(g.m, cpa), Cost: display(g.m, cost)}
		if s := g.m.ChannelStage(c); s != nil {
			row.Stage = blockLabel(s.Funnel.Title.Value, s.Funnel.Name) + " / " + blockLabel(s.Title.Value, s.Name)
			row.StageHref = g.names.page(s)
		}
		b.Channels = append(b.Channels, row)
	}
	var anchors []string
	for _, bu := range g.m.Plan.Budgets {
		anchors = append(anchors, budgetAnchor(bu))
	}
	ids := newIDs(append(layoutIDs, anchors...)...)
	for _, bu := range g.m.Plan.Budgets {
		b.Budgets = append(b.Budgets, g.budgetView(bu, ids))
	}
	return g.render("channels.html", "channels", "Channels and budget", b)
}

func (g *gen) budgetView(bu *lang.Budget, ids *pageIDs) budgetView {
	spend, limit := g.m.BudgetVars(bu)
	v := budgetView{Anchor: budgetAnchor(bu), Label: blockLabel(bu.Title.Value, bu.Name), Path: "budget." + bu.Name,
		Owner: bu.Owner.Value, Spend: display(g.m, spend), Cap: display(g.m, limit),
		Description: markdown(bu.Description.Value, ids, "budget-"+bu.Name)}
	s, c := bigOf(g.m, spend), bigOf(g.m, limit)
	money := quantity.Money(g.m.Currency)
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

func (g *gen) budgetChart(bu *lang.Budget, over string) budgetChart {
	const rowH, barH, top = 34, 24, 30
	spend, limit := g.m.BudgetVars(bu)
	members := g.m.BudgetChannels(bu)
	total, _ := ratOf(g.m, spend)
	capV, hasCap := ratOf(g.m, limit)
	scale := max(total, capV)
	for _, c := range members {
		_, _, _, cost := g.m.ChannelVars(c)
		if x, ok := ratOf(g.m, cost); ok {
			scale = max(scale, x)
		}
	}
	ch := budgetChart{W: chartW}
	y := top
	for _, c := range members {
		_, _, _, cost := g.m.ChannelVars(c)
		x, _ := ratOf(g.m, cost)
		name := blockLabel(c.Title.Value, c.Name)
		ch.Rows = append(ch.Rows, budgetRow{Label: truncate(name, labelCols), Href: g.names.page(c), Value: display(g.m, cost),
			LabelX: labelX, TextY: y + 17, ValueX: valueX,
			Segs: []barSeg{{Class: "cost", Title: name + ": " + display(g.m, cost), X: barX, Y: y, W: barWidth(x, scale), H: barH}}})
		y += rowH
	}
	totalRow := budgetRow{Label: "Total spend", Href: "channels.html#" + budgetAnchor(bu), Value: display(g.m, spend),
		Over: over != "", LabelX: labelX, TextY: y + 17, ValueX: valueX}
	within := total
	if hasCap && total > capV {
		within = capV
	}
	wIn := barWidth(within, scale)
	totalRow.Segs = append(totalRow.Segs, barSeg{Class: "spend", Title: "Spend: " + display(g.m, spend), X: barX, Y: y, W: wIn, H: barH})
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
		ch.Cap = &capLine{X: x, Y1: top - 8, Y2: y - rowH + barH + 6, LabelY: top - 12, Anchor: anchor, Text: display(g.m, limit)}
	}
	ch.H = y + 4
	return ch
}
