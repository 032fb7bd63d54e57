package site

import (
	"html/template"
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// Budgets on the site. channels.html has a section per budget, in the
// order of their hierarchies (each budget followed by the budgets under
// it), and, when the plan has several, a list of them all first; the
// overview has the same list. A section says where the budget stands,
// lists what it pays for (its channels, its fixed items and the budgets
// under it) with the spend they add up to, its cap and what is left, and
// draws the same rows as bars against the cap.

// maxIndent bounds the indentation of a budget in a list, so that a deep
// hierarchy does not push its names off a phone's screen.
const maxIndent = 3

// budgetHead is a budget's line in a list of budgets: its place in its
// hierarchy, and its spend against its cap.
type budgetHead struct {
	Label, Href, Spend, Cap, Over, Left string
	// Depth is the number of budgets above it; Indent is Depth, at most
	// maxIndent, for the style sheet.
	Depth, Indent int
}

// budgetView is a budget's section on channels.html.
type budgetView struct {
	budgetHead
	Anchor, Owner string
	// OverHTML is Over, strong, for the chart's caption.
	OverHTML template.HTML
	Authors  authorsView
	// Parent is the budget it is part of, nil at the top.
	Parent      *valueLink
	Description template.HTML
	// Groups are what it pays for, without the empty ones; Total is
	// their sum. Both are rounded so that the rows shown add up to the
	// total shown (display.Parts).
	Groups []partGroup
	Total  string
	Chart  budgetChart
}

// partGroup is one kind of thing a budget pays for, with the class of its
// bars in the chart.
type partGroup struct {
	Title, Class string
	Parts        []budgetPart
}

// budgetPart is one thing a budget pays for: a channel, a fixed item or a
// budget under it, with what it costs.
type budgetPart struct {
	Label, Href, Value string
	// Anchor is an item's id: its values link to its row.
	Anchor      string
	Description template.HTML
	v           *compiler.Var
}

// budgetList is every budget's line, in the order of their hierarchies.
func (g *gen) budgetList(tree []compiler.BudgetPlace) []budgetHead {
	var out []budgetHead
	for _, p := range tree {
		out = append(out, g.budgetHead(p))
	}
	return out
}

func (g *gen) budgetHead(p compiler.BudgetPlace) budgetHead {
	b := p.Budget
	h := budgetHead{Label: b.Label(), Href: "channels.html#" + budgetAnchor(b), Spend: g.show(b.Value("spend")),
		Cap: g.capText(b), Depth: p.Depth, Indent: min(p.Depth, maxIndent)}
	s, c := g.exact(b.Value("spend")), g.exact(b.Value("cap"))
	if s == nil || c == nil {
		return h
	}
	money := quantity.Money(g.r.Info.Currency)
	if diff := new(big.Rat).Sub(s, c); diff.Sign() > 0 {
		h.Over = g.num(diff, money)
	} else {
		h.Left = g.num(diff.Neg(diff), money)
	}
	return h
}

// capText is a budget's cap, "none" for a budget without one (it is
// limited only by the budgets above it).
func (g *gen) capText(b *compiler.Object) string {
	c := b.Value("cap")
	if _, ok := g.r.Value(c); !ok && c.Given == nil && len(c.Attrs()) == 0 {
		return g.T("none")
	}
	return g.show(c)
}

// budgetView is the section of the budget at p.
func (g *gen) budgetView(p compiler.BudgetPlace, ids *pageIDs) budgetView {
	b := p.Budget
	h := b.Node.Header()
	v := budgetView{budgetHead: g.budgetHead(p), Anchor: budgetAnchor(b), Owner: h.Owner.Value, Authors: g.authors(b),
		Description: markdown(h.Description.Value, ids, budgetAnchor(b))}
	if v.Over != "" {
		v.OverHTML = tag("strong", "", v.Over)
	}
	if up := b.Ref("parent"); up != nil {
		v.Parent = &valueLink{Text: up.Label(), Href: "#" + budgetAnchor(up)}
	}
	v.Groups, v.Total = g.budgetParts(b, ids)
	v.Chart = g.budgetChart(b, v.Groups, v.Total, v.Over)
	return v
}

// budgetParts lists what budget b pays for, in the order its spend adds
// them up: its channels, its fixed items, the budgets under it; and their
// total, the spend.
func (g *gen) budgetParts(b *compiler.Object, ids *pageIDs) ([]partGroup, string) {
	var out []partGroup
	add := func(title, class string, parts []budgetPart) {
		if len(parts) > 0 {
			out = append(out, partGroup{Title: title, Class: class, Parts: parts})
		}
	}
	var chans, items, subs []budgetPart
	for _, c := range b.Refs("channels") {
		chans = append(chans, g.part(c.Label(), g.names.page(c), c.Value("cost")))
	}
	for _, it := range b.Kids {
		p := g.part(it.Label(), "", it.Value("amount")) // an item has no page: its row is its place
		p.Anchor = sectionAnchor(it)
		p.Description = markdown(it.Node.Header().Description.Value, ids, p.Anchor)
		items = append(items, p)
	}
	for _, k := range b.Refs("budgets") {
		subs = append(subs, g.part(k.Label(), "#"+budgetAnchor(k), k.Value("spend")))
	}
	add(g.T("Channels"), "cost", chans)
	add(g.T("Fixed items"), "item", items)
	add(g.T("Budgets under it"), "sub", subs)
	return out, g.showParts(out, b.Value("spend").Unit)
}

func (g *gen) part(label, href string, v *compiler.Var) budgetPart {
	return budgetPart{Label: label, Href: href, v: v}
}

// showParts gives every part of groups its value as shown, rounded so
// that the parts add up to the total it returns.
func (g *gen) showParts(groups []partGroup, u quantity.Unit) string {
	var vs []*compiler.Var
	for _, grp := range groups {
		for _, p := range grp.Parts {
			vs = append(vs, p.v)
		}
	}
	texts, total := g.partsText(vs, u)
	for _, grp := range groups {
		for j := range grp.Parts {
			grp.Parts[j].Value, texts = texts[0], texts[1:]
		}
	}
	return total
}

// budgetChart draws what a budget pays for, row by row, and the total
// spend against the cap: a dashed line across every row, and the part of
// the total above it in red. Each row's label is on a line of its own
// above its bar and the values are in a column at the right, so the
// chart is narrow enough to sit beside its table, and to stay legible
// when a phone shrinks it.
type budgetChart struct {
	W, H int
	Rows []budgetRow
	Cap  *capLine
}

type budgetRow struct {
	Label, Href, Value    string
	Over, Total           bool
	LabelY, ValueX, TextY int
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

// The budget chart's geometry, in SVG user units: a row is a label line
// and a bar; values end at the right edge.
const (
	budgetW      = 480
	budgetBarMax = 360
	budgetRowH   = 44
	budgetBarH   = 18
	budgetTop    = 22
	budgetCols   = 58 // display columns of a label at 14px
)

func (g *gen) budgetChart(b *compiler.Object, groups []partGroup, total, over string) budgetChart {
	spend, limit := b.Value("spend"), b.Value("cap")
	sum, _ := g.float(spend)
	capV, hasCap := g.float(limit)
	scale := max(sum, capV)
	for _, grp := range groups {
		for _, p := range grp.Parts {
			if x, ok := g.float(p.v); ok {
				scale = max(scale, x)
			}
		}
	}
	ch := budgetChart{W: budgetW}
	y := budgetTop
	for _, grp := range groups {
		for _, p := range grp.Parts {
			x, _ := g.float(p.v)
			href := p.Href
			if href == "" {
				href = "#" + p.Anchor
			}
			row := chartRow(p.Label, href, p.Value, y)
			row.Segs = []barSeg{{Class: grp.Class, Title: p.Label + ": " + g.showExact(p.v), X: 0, Y: y + 20, W: scaled(x, scale), H: budgetBarH}}
			ch.Rows = append(ch.Rows, row)
			y += budgetRowH
		}
	}
	ch.Rows = append(ch.Rows, g.totalRow(b, total, sum, capV, hasCap, scale, y, over))
	y += budgetRowH
	if hasCap {
		ch.Cap = g.capLine(limit, capV, scale, y-budgetRowH+20+budgetBarH+4)
	}
	ch.H = y
	return ch
}

// chartRow is a row of the budget chart at y, without its bar.
func chartRow(label, href, value string, y int) budgetRow {
	return budgetRow{Label: truncate(label, budgetCols), Href: href, Value: value, LabelY: y + 14, ValueX: budgetW, TextY: y + 34}
}

// scaled is x's bar width against max, in the budget chart.
func scaled(x, max float64) int { return barWidth(x, max) * budgetBarMax / barMax }

// totalRow is the chart's last row: the spend (text as the table shows
// it, sum to draw), in red above the cap.
func (g *gen) totalRow(b *compiler.Object, text string, sum, capV float64, hasCap bool, scale float64, y int, over string) budgetRow {
	row := chartRow(g.T("Total spend"), "#"+budgetAnchor(b), text, y)
	row.Over, row.Total = over != "", true
	within := sum
	if hasCap && sum > capV {
		within = capV
	}
	wIn := scaled(within, scale)
	row.Segs = append(row.Segs, barSeg{Class: "spend", Title: g.F("Spend: %s", g.showExact(b.Value("spend"))), X: 0, Y: y + 20, W: wIn, H: budgetBarH})
	if over != "" {
		wAll := scaled(sum, scale)
		over = g.exactNum(new(big.Rat).Sub(g.exact(b.Value("spend")), g.exact(b.Value("cap"))), b.Value("spend").Unit)
		row.Segs = append(row.Segs, barSeg{Class: "excess", Title: g.F("Over the cap by %s", over), X: wIn, Y: y + 20, W: wAll - wIn, H: budgetBarH})
	}
	return row
}

// capLine is the dashed line of the cap, from the top of the chart to y2,
// its label kept inside the chart.
func (g *gen) capLine(limit *compiler.Var, capV, scale float64, y2 int) *capLine {
	x := scaled(capV, scale)
	anchor := "middle"
	switch {
	case x > budgetBarMax-70:
		anchor = "end"
	case x < 70:
		anchor = "start"
	}
	return &capLine{X: x, Y1: budgetTop - 6, Y2: y2, LabelY: budgetTop - 10, Anchor: anchor, Text: g.show(limit)}
}
