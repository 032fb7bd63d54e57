package site

import (
	"html/template"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

// progress.html is the plan against its actuals, when the plan has an
// actuals block: for each funnel, its stages by month (plan, actual, what
// the actual upstream leads to expect, variance) with the year to date,
// the bottleneck, the revenue forecast by month against the plan (SVG) and
// against the target, and the catch-up by month and channel; then every
// other value with actuals (channels' leads and spend) against plan.

const progressPage = "progress.html"

type progressBody struct {
	// Intro names the actuals and the months they cover.
	Intro   template.HTML
	Funnels []progressFunnel
	Others  []progressValue
}

type progressFunnel struct {
	Label, Href string
	Months      []string
	Stages      []progressValue
	Bottleneck  string
	Forecast    string
	// ForecastHTML is Forecast as a number, red when Short.
	ForecastHTML template.HTML
	Short        bool
	Chart        *monthChart
	CatchUp      *progressCatchUp
}

// progressValue is one value with actuals: a row per month and the year
// to date.
type progressValue struct {
	Label, Href, Path string
	Rows              []progressRow
	Own               string
	// Expected is set for a stage after the first, which has what the
	// stage before leads to expect; others have no such column.
	Expected bool
}

type progressRow struct {
	Month, Plan, Actual, Expected, Variance string
	Behind, Partial, YTD                    bool
}

type progressCatchUp struct {
	Text    string
	Months  []string
	Rows    []tlRow
	Budgets []string
}

func (g *gen) progress() error {
	tr := g.r.Tracking
	if tr == nil {
		return nil
	}
	asOf := tr.AsOf.Format(time.DateOnly)
	if g.ja() {
		asOf = tr.AsOf.Format("2006年1月2日")
	}
	b := progressBody{Intro: g.N("Actuals “{name}” up to {date}: {months} months over. <em>Expected</em> is what the actual entries of the stage before should have given at the plan’s rate and lag; a stage below it converts behind plan itself, rather than receiving fewer entries than planned.",
		"name", g.actualsName(tr), "date", asOf, "months", strconv.Itoa(tr.Known))}
	inFunnel := map[*compiler.Var]bool{}
	for _, f := range tr.Funnels {
		pf := g.progressFunnel(f, tr)
		for _, s := range f.Funnel.Kids {
			inFunnel[s.Value("volume")] = true
		}
		b.Funnels = append(b.Funnels, pf)
	}
	for _, tv := range tr.Values {
		if !inFunnel[tv.Var] {
			b.Others = append(b.Others, g.progressValue(tv, tr, nil))
		}
	}
	return g.render(progressPage, "progress", g.T("Plan against actuals"), b)
}

func (g *gen) progressFunnel(f *compiler.FunnelTracking, tr *compiler.Tracking) progressFunnel {
	pf := progressFunnel{Label: f.Funnel.Label(), Href: g.names.page(f.Funnel)}
	for m := range tr.Through {
		pf.Months = append(pf.Months, g.monthName(m))
	}
	byVar := map[*compiler.Var]*compiler.Tracked{}
	for _, tv := range tr.Values {
		byVar[tv.Var] = tv
	}
	for _, s := range f.Funnel.Kids {
		if tv := byVar[s.Value("volume")]; tv != nil {
			pv := g.progressValue(tv, tr, f)
			pv.Label, pv.Href = s.Label(), g.names.page(s)
			if own, ok := f.Own[s]; ok {
				pv.Own = g.num(own.Rel, quantity.Ratio)
			}
			pf.Stages = append(pf.Stages, pv)
		}
	}
	if f.Bottleneck != nil {
		pf.Bottleneck = f.Bottleneck.Label()
	}
	if f.Forecast != nil {
		u := f.Funnel.Value("revenue").Unit
		pf.Short = f.Forecast.Cmp(f.Target) < 0
		pf.Forecast = g.S("{forecast} of {target}", "forecast", g.num(f.Forecast, u), "target", g.num(f.Target, u))
		class := "num"
		if pf.Short {
			class += " over"
		}
		pf.ForecastHTML = tag("span", class, pf.Forecast)
		pf.Chart = g.forecastChart(f, tr)
	}
	pf.CatchUp = g.progressCatchUp(f)
	return pf
}

// progressValue lays out a tracked value by month and year to date.
func (g *gen) progressValue(tv *compiler.Tracked, tr *compiler.Tracking, f *compiler.FunnelTracking) progressValue {
	u := tv.Var.Unit
	show := func(x *big.Rat) string {
		if x == nil {
			return "—"
		}
		return g.num(x, u)
	}
	pv := progressValue{Label: g.valueLabel(tv.Var), Href: g.names.page(tv.Var.Object), Path: tv.Var.Path.String()}
	for m := range tv.Plan {
		if tv.Actual[m] == nil {
			continue
		}
		row := progressRow{Month: g.monthName(m), Plan: show(tv.Plan[m]), Actual: show(tv.Actual[m]),
			Variance: display.Variance(tv.Actual[m], tv.Plan[m]), Partial: m >= tr.Known, Expected: "—"}
		pv.Expected = pv.Expected || tv.Expected != nil
		if tv.Expected != nil && tv.Expected[m] != nil {
			row.Expected = show(tv.Expected[m])
			row.Behind = tv.Actual[m].Cmp(tv.Expected[m]) < 0
		}
		pv.Rows = append(pv.Rows, row)
	}
	pv.Rows = append(pv.Rows, progressRow{Month: g.T("Year to date"), Plan: show(tv.YTDPlan), Actual: show(tv.YTDActual),
		Variance: display.Variance(tv.YTDActual, tv.YTDPlan), YTD: true})
	return pv
}

// forecastChart draws the forecast revenue by month (actual won deals in
// the months that are over) against the plan's revenue by month.
func (g *gen) forecastChart(f *compiler.FunnelTracking, tr *compiler.Tracking) *monthChart {
	plan := g.months(f.Funnel.Value("planned_revenue"))
	if plan == nil || f.Won == nil {
		return nil
	}
	perDeal := new(big.Rat)
	total := new(big.Rat)
	for _, w := range f.Won {
		total.Add(total, w)
	}
	if total.Sign() == 0 {
		return nil
	}
	perDeal.Quo(f.Forecast, total)
	values := make([]*big.Rat, len(f.Won))
	for m, w := range f.Won {
		values[m] = new(big.Rat).Mul(w, perDeal)
	}
	c := g.monthChart(g.S("{funnel}: revenue by month, actual and forecast, against the plan", "funnel", f.Funnel.Label()), values, plan, f.Funnel.Value("revenue").Unit, false)
	return &c
}

// progressCatchUp lays out a funnel's catch-up: the extra leads by month,
// by channel with their spend, or the rates that would close the gap.
func (g *gen) progressCatchUp(f *compiler.FunnelTracking) *progressCatchUp {
	cu := f.CatchUp
	if cu == nil || cu.Leads == nil {
		return nil
	}
	pc := &progressCatchUp{}
	deals := quantity.Decimal(cu.Deals, 2, true)
	if len(cu.Months) == 0 {
		var ifs []string
		for _, s := range f.Funnel.Kids {
			if rate, ok := cu.Rates[s]; ok {
				ifs = append(ifs, g.S("{stage} converted at {rate}", "stage", s.Label(), "rate", g.num(rate, quantity.Ratio)))
			}
		}
		pc.Text = g.S("The {deals} deals missing can no longer come from new leads: leads created now close after the period.", "deals", deals)
		if len(ifs) > 0 {
			pc.Text += g.S(" The pipeline in motion would close the gap if {ifs}.", "ifs", strings.Join(ifs, g.T(", or if ")))
		}
		return pc
	}
	pc.Text = g.S("The {deals} deals missing take {leads} more {stage}, created in time to close in the period:",
		"deals", deals, "leads", g.num(cu.Leads, quantity.Count), "stage", f.Funnel.Kids[0].Label())
	for _, m := range cu.Months {
		pc.Months = append(pc.Months, g.monthName(m))
	}
	leads := tlRow{Label: g.T("Leads"), Year: g.num(cu.Leads, quantity.Count)}
	for _, x := range cu.ByMonth {
		leads.Cells = append(leads.Cells, tlCell{Text: g.num(x, quantity.Count)})
	}
	pc.Rows = append(pc.Rows, leads)
	money := quantity.Money(g.r.Info.Currency)
	for _, c := range cu.Channels {
		l, s := tlRow{Label: g.S("{channel}: leads", "channel", c.Channel.Label()), Href: g.names.page(c.Channel), Year: g.num(c.TotalLeads, quantity.Count)},
			tlRow{Label: g.S("{channel}: spend", "channel", c.Channel.Label()), Year: g.num(c.TotalSpend, money)}
		for i := range cu.Months {
			l.Cells = append(l.Cells, tlCell{Text: g.num(c.Leads[i], quantity.Count)})
			s.Cells = append(s.Cells, tlCell{Text: g.num(c.Spend[i], money)})
		}
		pc.Rows = append(pc.Rows, l, s)
	}
	for _, b := range cu.Budgets {
		pc.Budgets = append(pc.Budgets, g.S("Budget {budget} has {left} left for the rest of the period; the catch-up spends {spend}.",
			"budget", b.Budget.Label(), "left", g.num(b.Left, money), "spend", g.num(b.Spend, money)))
	}
	return pc
}

// actualsName names the actuals: their block's name, or in Japanese its
// title where it has one ("CRM 実績(第1四半期)"), which its readers read.
func (g *gen) actualsName(tr *compiler.Tracking) string {
	for _, a := range g.plan.Actuals {
		if a.Name == tr.Name && a.Title.Value != "" && g.ja() {
			return a.Title.Value
		}
	}
	return tr.Name
}
