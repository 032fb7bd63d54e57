package site

import (
	"html/template"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// Lead sources on the site. The funnel page and the overview list the
// sources of a funnel's (or the plan's) leads in a table, marketing
// first, with marketing's contribution in words and a bar of each source's
// share of revenue; each source has a page of its own, named by its path
// ("funnel.demand.source.partner.html", "source.marketing.html"), with its
// values.

// sourcesView is the "sources" template: a funnel's or the plan's sources.
type sourcesView struct {
	Rows []sourceRow
	// Total adds the rows up (the shares too: they are shares of one
	// total).
	Total sourceRow
	// Marketing is marketing's contribution, nil when marketing sources
	// nothing here or its revenue could not be solved.
	Marketing *contribution
	// Chart is nil when a share could not be solved.
	Chart *shareBar
}

type sourceRow struct {
	Anchor, Label, Href                   string
	Leads, LeadShare, Won, Revenue, Share string
	Channels                              []channelLink
	// Class picks the row's colour in the chart's legend ("src-0").
	Class string
}

// channelLink is a source's channel with the leads it brings and where.
type channelLink struct{ Text, Href, Note string }

// contribution is the revenue marketing sourced and its share, and the
// sentence that says so.
type contribution struct {
	Href, Revenue, Share, Of string
	Sentence                 template.HTML
}

// shareBar is one bar, stacked by source, of the shares of revenue.
type shareBar struct {
	W, H  int
	Label string
	Segs  []barSeg
}

// sources lists the sources of a funnel, or of the plan with f nil, in
// the order they first appear.
func (g *gen) sources(f *compiler.Object) []*compiler.Object {
	var out []*compiler.Object
	for _, src := range g.objs("source") {
		if src.Parent == f {
			out = append(out, src)
		}
	}
	return out
}

// sourceAnchor is the id of a source's row on the funnel page and the
// overview.
func sourceAnchor(src *compiler.Object) string { return "source-" + src.Name() }

// marketingFirst puts the marketing source first and keeps the plan's
// order otherwise.
func marketingFirst(srcs []*compiler.Object) []*compiler.Object {
	out := make([]*compiler.Object, 0, len(srcs))
	for _, s := range srcs {
		if s.Name() == lang.DefaultSource {
			out = append(out, s)
		}
	}
	for _, s := range srcs {
		if s.Name() != lang.DefaultSource {
			out = append(out, s)
		}
	}
	return out
}

// sourcesView shows a funnel's sources, or the plan's with a nil funnel.
// of names what the shares are shares of, for the sentence on marketing.
func (g *gen) sourcesView(f *compiler.Object, of string) *sourcesView {
	srcs := marketingFirst(g.sources(f))
	if len(srcs) == 0 {
		return nil
	}
	sv := &sourcesView{}
	col := func(name string) ([]string, string) {
		vs := make([]*compiler.Var, len(srcs))
		for i, src := range srcs {
			vs[i] = src.Value(name)
		}
		return g.partsText(vs, vs[0].Unit)
	}
	leads, totalLeads := col("leads")
	leadShares, totalLeadShare := col("lead_share")
	won, totalWon := col("won")
	revenues, totalRevenue := col("revenue")
	shares, totalShare := col("share")
	sv.Total = sourceRow{Label: g.T("Total"), Leads: totalLeads, LeadShare: totalLeadShare, Won: totalWon, Revenue: totalRevenue, Share: totalShare}
	for i, src := range srcs {
		revenue, share := src.Value("revenue"), src.Value("share")
		row := sourceRow{Anchor: sourceAnchor(src), Label: g.srcName(src), Href: g.names.page(src), Class: srcClass(i),
			Leads: leads[i], LeadShare: leadShares[i], Won: won[i], Revenue: revenues[i], Share: shares[i]}
		for _, c := range src.Refs("channels") {
			row.Channels = append(row.Channels, g.channelLink(c))
		}
		sv.Rows = append(sv.Rows, row)
		if src.Name() == lang.DefaultSource && g.exact(revenue) != nil && g.exact(share) != nil {
			// The sentence rounds as a headline does (2.33億円), not as
			// the table's column, which adds up.
			rev := g.show(revenue)
			sv.Marketing = &contribution{Href: g.names.page(src), Revenue: rev, Share: shares[i], Of: of,
				Sentence: g.N("Marketing sourced {revenue}, {share} of {of}.",
					"revenue", anchor(g.names.page(src), tag("strong", "num", rev)), "share", tag("strong", "num", shares[i]), "of", of)}
		}
	}
	sv.Chart = g.shareBar(srcs)
	return sv
}

// channelLink names a channel with its leads and, when it does not enter
// at its funnel's top, its entry stage.
func (g *gen) channelLink(c *compiler.Object) channelLink {
	l := channelLink{Text: c.Label(), Href: g.names.page(c), Note: g.show(c.Value("leads"))}
	if s := c.Ref("stage"); s != nil {
		l.Note = g.S("{leads} at {stage}", "leads", l.Note, "stage", s.Label())
	}
	return l
}

// srcClass is the colour class of the i-th source; six colours repeat.
func srcClass(i int) string { return "src-" + string(rune('0'+i%6)) }

// shareBar stacks the sources' shares of revenue in one bar, on a track
// that stands for the whole planned revenue: a share of 72% spans 72% of
// the track, and what the sources do not cover (the revenue of funnels
// without channels) is left open. Each segment ends at the rounded
// running total, so the segments meet.
func (g *gen) shareBar(srcs []*compiler.Object) *shareBar {
	const w, h = chartW, 28
	b := &shareBar{W: w, H: h}
	var parts []string
	var total float64
	shares := make([]float64, len(srcs))
	for i, src := range srcs {
		x, ok := g.float(src.Value("share"))
		if !ok || x < 0 {
			return nil
		}
		shares[i] = x
		total += x
		parts = append(parts, g.srcName(src)+" "+g.show(src.Value("share")))
	}
	if total <= 0 {
		return nil
	}
	if total < 1 {
		total = 1 // the sources cover part of the revenue: the rest stays open
	}
	b.Label = g.T("Share of revenue by source: ") + strings.Join(parts, g.T(", "))
	var run float64
	x0 := 0
	for i, src := range srcs {
		run += shares[i]
		x1 := int(run/total*w + 0.5)
		if x1 > x0 {
			b.Segs = append(b.Segs, barSeg{Class: srcClass(i), Title: g.S("{source}: {share} of revenue, {revenue}", "source", g.srcName(src),
				"share", g.show(src.Value("share")), "revenue", g.showExact(src.Value("revenue"))),
				X: x0, Y: 0, W: x1 - x0, H: h})
		}
		x0 = x1
	}
	return b
}

// sourceNote explains on a source's page where its numbers come from.
const sourceNote = "A source's won deals and revenue are those of its channels: each channel's cohort of leads moves down the funnel at the funnel's rates, or at the channel's own where it has them, and its deals bring the channel's deal size, or the funnel's. A source's share is its share of the funnel's planned revenue, which the sources add up to."

func (g *gen) sourcePage(src *compiler.Object) error {
	b, ids := g.blockBody(src)
	b.Description = markdown(g.T(sourceNote), ids, "description")
	if f := src.Parent; f != nil {
		b.Facts = append(b.Facts, fact{Name: g.T("Funnel"), Text: f.Label(), Href: g.names.page(f) + "#" + sourceAnchor(src)})
		if all := g.r.Info.ObjectAt(lang.NewPath("source", src.Name())); all != nil {
			b.Facts = append(b.Facts, fact{Name: g.T("All funnels"), Text: g.label(all), Href: g.names.page(all)})
		}
	} else {
		for _, fs := range g.objs("source") {
			if fs.Parent != nil && fs.Name() == src.Name() {
				b.Facts = append(b.Facts, fact{Name: g.T("In funnel"), Text: fs.Parent.Label(), Href: g.names.page(fs)})
			}
		}
	}
	for _, c := range src.Refs("channels") {
		l := g.channelLink(c)
		b.Facts = append(b.Facts, fact{Name: g.T("Channel"), Text: l.Text + g.S(" ({note})", "note", l.Note), Href: l.Href})
	}
	return g.renderNode(src, g.F("Source: %s", b.Label), b)
}
