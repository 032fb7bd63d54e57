package site

import (
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

// contribution is the revenue marketing sourced and its share.
type contribution struct {
	Href, Revenue, Share, Of string
}

// shareBar is one bar, stacked by source, of the shares of revenue.
type shareBar struct {
	W, H  int
	Label string
	Segs  []barSeg
}

// allSources lists every funnel's sources and then the plan's.
func allSources(m *compiler.Model) []*compiler.Source {
	var out []*compiler.Source
	for _, f := range m.Plan.Funnels {
		out = append(out, m.Sources(f)...)
	}
	return append(out, m.Sources(nil)...)
}

// sourcePath is the reference path of a source: its page's name.
func sourcePath(src *compiler.Source) string {
	if src.Funnel == nil {
		return "source." + src.Name
	}
	return "funnel." + src.Funnel.Name + ".source." + src.Name
}

// sourceAnchor is the id of a source's row on the funnel page and the
// overview.
func sourceAnchor(src *compiler.Source) string { return "source-" + src.Name }

// sourceKinds names a source's values for people.
var sourceKinds = map[compiler.VarKind]string{
	compiler.KindSourceLeads:     "leads",
	compiler.KindSourceLeadShare: "share of leads",
	compiler.KindSourceWon:       "won deals",
	compiler.KindSourceRevenue:   "revenue",
	compiler.KindSourceShare:     "share of revenue",
}

// sourceValueLabel is "marketing revenue", with the funnel for a funnel's
// source: "marketing revenue in Demand".
func sourceValueLabel(src *compiler.Source, v *compiler.Var) string {
	kind, ok := sourceKinds[v.Kind]
	if !ok {
		kind = strings.ReplaceAll(string(v.Kind), "_", " ")
	}
	out := src.Name + " " + kind
	if src.Funnel != nil {
		out += " in " + blockLabel(src.Funnel.Title.Value, src.Funnel.Name)
	}
	return out
}

// sourceVars are a source's values in the order the site shows them.
func sourceVars(src *compiler.Source) []*compiler.Var {
	return vars(src.Leads, src.LeadShare, src.Won, src.Revenue, src.Share)
}

// marketingFirst puts the marketing source first and keeps the plan's
// order otherwise.
func marketingFirst(srcs []*compiler.Source) []*compiler.Source {
	out := make([]*compiler.Source, 0, len(srcs))
	for _, s := range srcs {
		if s.Name == lang.DefaultSource {
			out = append(out, s)
		}
	}
	for _, s := range srcs {
		if s.Name != lang.DefaultSource {
			out = append(out, s)
		}
	}
	return out
}

// sourcesView shows a funnel's sources, or the plan's with a nil funnel.
// of names what the shares are shares of, for the sentence on marketing.
func (g *gen) sourcesView(f *lang.Funnel, of string) *sourcesView {
	srcs := marketingFirst(g.m.Sources(f))
	if len(srcs) == 0 {
		return nil
	}
	sv := &sourcesView{}
	for i, src := range srcs {
		row := sourceRow{Anchor: sourceAnchor(src), Label: src.Name, Href: g.names.page(src), Class: srcClass(i),
			Leads: display(g.m, src.Leads), LeadShare: display(g.m, src.LeadShare), Won: display(g.m, src.Won),
			Revenue: display(g.m, src.Revenue), Share: display(g.m, src.Share)}
		for _, c := range src.Channels {
			row.Channels = append(row.Channels, g.channelLink(c))
		}
		sv.Rows = append(sv.Rows, row)
		if src.Name == lang.DefaultSource && bigOf(g.m, src.Revenue) != nil && bigOf(g.m, src.Share) != nil {
			sv.Marketing = &contribution{Href: g.names.page(src), Revenue: display(g.m, src.Revenue), Share: display(g.m, src.Share), Of: of}
		}
	}
	sv.Chart = g.shareBar(srcs)
	return sv
}

// channelLink names a channel with its leads and, when it does not enter
// at its funnel's top, its entry stage.
func (g *gen) channelLink(c *lang.Channel) channelLink {
	leads, _, _, _ := g.m.ChannelVars(c)
	l := channelLink{Text: blockLabel(c.Title.Value, c.Name), Href: g.names.page(c), Note: display(g.m, leads)}
	if s := g.m.ChannelStage(c); s != nil {
		l.Note += " at " + blockLabel(s.Title.Value, s.Name)
	}
	return l
}

// srcClass is the colour class of the i-th source; six colours repeat.
func srcClass(i int) string { return "src-" + string(rune('0'+i%6)) }

// shareBar stacks the sources' shares of revenue in one bar. Each
// segment ends at the rounded running total, so the segments meet and
// fill the bar exactly.
func (g *gen) shareBar(srcs []*compiler.Source) *shareBar {
	const w, h = chartW, 28
	b := &shareBar{W: w, H: h}
	var parts []string
	var total float64
	shares := make([]float64, len(srcs))
	for i, src := range srcs {
		x, ok := ratOf(g.m, src.Share)
		if !ok || x < 0 {
			return nil
		}
		shares[i] = x
		total += x
		parts = append(parts, src.Name+" "+display(g.m, src.Share))
	}
	if total <= 0 {
		return nil
	}
	b.Label = "Share of revenue by source: " + strings.Join(parts, ", ")
	var run float64
	x0 := 0
	for i, src := range srcs {
		run += shares[i]
		x1 := int(run/total*w + 0.5)
		if x1 > x0 {
			b.Segs = append(b.Segs, barSeg{Class: srcClass(i), Title: src.Name + ": " + display(g.m, src.Share) + " of revenue, " + display(g.m, src.Revenue),
				X: x0, Y: 0, W: x1 - x0, H: h})
		}
		x0 = x1
	}
	return b
}

// sourcePages writes a page per source.
func (g *gen) sourcePages() error {
	for _, src := range allSources(g.m) {
		if err := g.sourcePage(src); err != nil {
			return err
		}
	}
	return nil
}

// sourceNote explains on a source's page where its numbers come from.
const sourceNote = "planc attributes won deals and revenue to the sources of the leads. A lead that enters at a stage becomes a won deal at the product of the conversion rates of the stages after it, so a source's share is the won deals its leads make over the won deals all leads make."

func (g *gen) sourcePage(src *compiler.Source) error {
	vs := sourceVars(src)
	ids := pageIDsFor(vs)
	b := nodeBody{Kind: "Lead source", Label: src.Name, Path: sourcePath(src), Description: markdown(sourceNote, ids, "description")}
	if f := src.Funnel; f != nil {
		b.Label += " in " + blockLabel(f.Title.Value, f.Name)
		b.Facts = append(b.Facts, fact{Name: "Funnel", Text: blockLabel(f.Title.Value, f.Name), Href: g.names.page(f) + "#" + sourceAnchor(src)})
		for _, all := range g.m.Sources(nil) {
			if all.Name == src.Name {
				b.Facts = append(b.Facts, fact{Name: "All funnels", Text: "source." + all.Name, Href: g.names.page(all)})
			}
		}
	} else {
		for _, fs := range allSources(g.m) {
			if fs.Funnel != nil && fs.Name == src.Name {
				b.Facts = append(b.Facts, fact{Name: "In funnel", Text: blockLabel(fs.Funnel.Title.Value, fs.Funnel.Name), Href: g.names.page(fs)})
			}
		}
	}
	for _, c := range src.Channels {
		l := g.channelLink(c)
		b.Facts = append(b.Facts, fact{Name: "Channel", Text: l.Text + " (" + l.Note + ")", Href: l.Href})
	}
	return g.renderNode(src, "Source: "+b.Label, b, vs)
}

// channelSource is the source a channel's leads count for in its funnel,
// nil when it enters none.
func (g *gen) channelSource(c *lang.Channel) *compiler.Source {
	s := g.m.ChannelStage(c)
	if s == nil {
		return nil
	}
	for _, src := range g.m.Sources(s.Funnel) {
		for _, x := range src.Channels {
			if x == c {
				return src
			}
		}
	}
	return nil
}
