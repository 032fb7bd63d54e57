package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
)

type overviewBody struct {
	Title, Period, Owner, Currency string
	Description                    template.HTML
	KGIs                           []kgiCard
	Funnels                        []funnelHead
	Budgets                        []budgetHead
	KPIs                           []valueLink
	// Sources are the plan's lead sources over every funnel; Marketing
	// is marketing's contribution as a card beside the KGIs.
	Sources          *sourcesView
	Marketing        *kgiCard
	Errors, Warnings int
	// DiagCount says how many: "0 errors, 2 warnings".
	DiagCount string
	Diags     []diagHead
	// FunnelsAnchor and Journeys list the funnels and journeys the nav
	// does not (more than maxNavItems).
	FunnelsAnchor string
	Journeys      []valueLink
}

// funnelsAnchor and journeysAnchor are the ids of the overview's lists of
// funnels and journeys, which the nav links when it cannot list them.
const (
	funnelsAnchor  = "funnels"
	journeysAnchor = "journeys"
)

type kgiCard struct{ Label, Href, Display, Note string }

// funnelHead is a funnel's headline numbers. Planned is its planned
// revenue, shown as won deals x deal size (or the channels' deals at
// their sizes, with Cohorts); Required the revenue the plan needs, when
// whole deals make the planned revenue more.
type funnelHead struct {
	Anchor, Label, Href, DealSize, Won, Planned, Required string
	Cohorts                                               bool
	Stages                                                []stageRow
}

// diagHead is a diagnostic in the overview's list: Severity is its class
// ("error"), SevText the word shown.
type diagHead struct{ Severity, SevText, Code, Summary, Href string }

// maxOverviewDiags is how many diagnostics the overview lists before
// pointing to diagnostics.html for the rest.
const maxOverviewDiags = 10

func (g *gen) overview() error {
	b := overviewBody{Title: g.planTitle(), Currency: g.currency()}
	ids := newIDs(append(layoutIDs, "kgis", "budgets", "kpis", "diagnostics", "sources", funnelsAnchor, journeysAnchor)...)
	for _, f := range g.objs("funnel") {
		ids.Put([]byte(funnelAnchor(f)))
	}
	for _, src := range g.sources(nil) {
		ids.Put([]byte(sourceAnchor(src)))
	}
	if meta := g.plan.Meta; meta != nil {
		b.Period, b.Owner = meta.Period.Value, meta.Owner.Value
		b.Description = markdown(meta.Description.Value, ids, "plan")
	}
	for _, x := range g.objs("kgi") {
		v := x.Value("")
		card := kgiCard{Label: x.Label(), Href: g.names.page(x), Display: g.show(v), Note: g.origin(v)}
		if v.Given != nil && v.Given.Origin == compiler.Target {
			card.Note = g.F("target %s", g.num(v.Given.Value, v.Unit))
			if val, ok := g.r.Value(v); ok && val.Nom.Cmp(v.Given.Value) == 0 {
				card.Note = g.T("target: the plan is solved backward from it")
			}
		}
		b.KGIs = append(b.KGIs, card)
	}
	b.Sources = g.sourcesView(nil, g.T("the planned revenue of all funnels"))
	if b.Sources != nil && b.Sources.Marketing != nil {
		mk := b.Sources.Marketing
		b.Marketing = &kgiCard{Label: g.T("Marketing-sourced revenue"), Href: mk.Href, Display: mk.Revenue,
			Note: g.S("{share} of {of}", "share", mk.Share, "of", mk.Of)}
	}
	for _, x := range g.objs("kpi") {
		b.KPIs = append(b.KPIs, g.link(x.Value("")))
	}
	for _, f := range g.objs("funnel") {
		b.Funnels = append(b.Funnels, g.funnelHead(f))
	}
	if len(b.Funnels) > maxNavItems {
		b.FunnelsAnchor = funnelsAnchor
	}
	if js := g.objs("journey"); len(js) > maxNavItems {
		for _, j := range js {
			b.Journeys = append(b.Journeys, valueLink{Href: g.names.page(j), Text: j.Label()})
		}
	}
	b.Budgets = g.budgetList(compiler.BudgetTree(g.r.Info))
	b.Errors, b.Warnings = display.Count(g.r.Diags)
	b.DiagCount = g.diagCount(b.Errors, b.Warnings)
	for i, d := range g.r.Diags {
		if i == maxOverviewDiags {
			break
		}
		b.Diags = append(b.Diags, diagHead{Severity: display.Severity(d), SevText: g.T(display.Severity(d)), Code: string(lang.CodeOf(d)),
			Summary: d.Summary, Href: "diagnostics.html#" + diagAnchor(i)})
	}
	return g.render("index.html", "index", g.T("Overview"), b)
}

func funnelAnchor(f *compiler.Object) string { return "funnel-" + f.Name() }

// funnelHead is a funnel's headline numbers: each stage's volume, and the
// won deals with the revenue they make.
func (g *gen) funnelHead(f *compiler.Object) funnelHead {
	planned, required := f.Value("planned_revenue"), f.Value("revenue")
	h := funnelHead{Anchor: funnelAnchor(f), Label: f.Label(), Href: g.names.page(f),
		DealSize: g.show(f.Value("deal_size")), Planned: g.show(planned), Cohorts: g.hasCohorts(f)}
	if p, r := g.exact(planned), g.exact(required); p != nil && r != nil && p.Cmp(r) != 0 {
		h.Required = g.show(required)
		if h.Required == h.Planned {
			// 2.4億円 against 2.4億円 would not show what rounding up
			// adds: show both to the yen.
			h.Planned, h.Required = g.showExact(planned), g.showExact(required)
		}
	}
	for i := range f.Kids {
		row := g.stageRow(f, i)
		h.Stages = append(h.Stages, row)
		h.Won = row.Volume
	}
	return h
}

// hasCohorts reports whether some channel into f converts at its own
// rates or deal size: the funnel's revenue is then its channels' sum.
func (g *gen) hasCohorts(f *compiler.Object) bool {
	for _, c := range g.objs("channel") {
		if s := c.Ref("stage"); s != nil && s.Parent == f && (c.Value("deal_size") != nil || hasOwnRate(c)) {
			return true
		}
	}
	return false
}

// hasOwnRate reports whether channel c converts at a rate of its own.
func hasOwnRate(c *compiler.Object) bool {
	for _, co := range c.Kids {
		if co.Value("rate") != nil {
			return true
		}
	}
	return false
}

// currency is the plan's currency as the pages name it: its code, or in
// Japanese "円" for the yen.
func (g *gen) currency() string {
	if c := g.r.Info.Currency; c != "JPY" || !g.ja() {
		return c
	}
	return g.T("JPY")
}

// diagCount says how many errors and warnings: "1 error, 2 warnings".
func (g *gen) diagCount(errors, warnings int) string {
	return g.S("{errors}, {warnings}", "errors", g.counted(errors, "1 error", "%d errors"),
		"warnings", g.counted(warnings, "1 warning", "%d warnings"))
}
