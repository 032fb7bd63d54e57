package site

import (
	"math/big"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// summary.html is the plan on one page for a board meeting, the first
// entry of the nav, made to print on one A4 page in landscape: cards of
// the headline numbers (the KGIs against their targets, the forecast
// when the plan has actuals, spend against each budget's cap, CAC,
// payback and ROAS), a strip per funnel with its stages' volumes and
// rates, the teams' utilisation, and the top risks (errors, then the
// stages behind plan and the forecasts short of target, then warnings).
// Everything on it links to the page with the detail.
//
// What one page can hold is bounded (summaryMax...): beyond it, a line
// says how many more there are and links to where they all are.

const summaryPage = "summary.html"

// What the summary shows at most, so that it stays one printed page.
const (
	summaryMaxKGIs      = 4
	summaryMaxForecasts = 2
	summaryMaxBudgets   = 3
	summaryMaxFunnels   = 2
	summaryMaxStages    = 6
	summaryMaxTeams     = 5
	summaryMaxRisks     = 5
	// summaryDetailCols bounds the detail line of a risk, in display
	// columns (a Japanese character is two).
	summaryDetailCols = 150
)

type summaryBody struct {
	Title, Period, Owner, AsOf string
	// Status is "bad" with errors, "warn" with warnings only, else
	// "good"; StatusText counts them.
	Status, StatusText string
	Cards              []summaryCard
	Funnels            []summaryFunnel
	Teams              []summaryTeam
	Risks              []summaryRisk
	// Dense is set when the page holds so much that it prints smaller
	// (summaryDense).
	Dense bool
	// The More texts say how many funnels, teams and risks the page
	// leaves out, "" when none.
	MoreCards, MoreFunnels, MoreTeams, MoreRisks string
}

// summaryCard is one headline number: its label, the number, what it is
// measured against ("target ¥480,000,000") and how it stands.
type summaryCard struct {
	// Class colours the card's edge by what it is: "goal", "forecast",
	// "spend" or "unit".
	Class              string
	Label, Href, Value string
	Against, Note      string
	// Status is "good", "warn", "bad" or "" (nothing to judge).
	Status string
	Meter  *summaryMeter
}

// summaryMeter is a small bar: the value's share of the larger of it and
// its reference, with a tick at the reference (a target, a cap, 100%).
type summaryMeter struct {
	W, H, Fill, Mark int
	// Over is the part of the bar past the reference, drawn in the
	// status's colour; 0 when the value is within it.
	Over  int
	Label string
}

// summaryMeterW is the width of a meter in SVG units; CSS stretches it
// to its box.
const summaryMeterW, summaryMeterH = 200, 8

type summaryFunnel struct {
	Label, Href, DealSize, Planned string
	Stages                         []summaryStage
	// MoreStages says how many stages the strip leaves out of the
	// middle, "" when none.
	MoreStages string
}

type summaryStage struct {
	Label, Href, Volume, Rate string
	// Behind marks a stage behind its plan (a behind-plan warning).
	Behind bool
}

type summaryTeam struct {
	Label, Href, Util, Need, Have, Note string
	Over                                bool
	Meter                               *summaryMeter
}

type summaryRisk struct {
	Severity, SeverityText, Code, Summary, Detail, Href string
}

func (g *gen) summary() error {
	b := summaryBody{Title: g.planTitle()}
	if meta := g.plan.Meta; meta != nil {
		b.Period, b.Owner = meta.Period.Value, meta.Owner.Value
	}
	if tr := g.r.Tracking; tr != nil {
		b.AsOf = tr.AsOf.Format(time.DateOnly)
	}
	b.Status, b.StatusText = g.diagStatus()
	b.Cards = append(b.Cards, g.goalCards()...)
	b.Cards = append(b.Cards, g.forecastCards()...)
	b.Cards = append(b.Cards, g.spendCards()...)
	b.Cards = append(b.Cards, g.unitCards()...)
	if n := g.cardsLeftOut(); n > 0 {
		b.MoreCards = g.counted(n, "1 more goal or budget is on the overview.", "%d more goals and budgets are on the overview.")
	}
	behind := g.behindStages()
	for i, f := range g.objs("funnel") {
		if i == summaryMaxFunnels {
			b.MoreFunnels = g.counted(len(g.objs("funnel"))-i, "1 more funnel is on the overview.", "%d more funnels are on the overview.")
			break
		}
		b.Funnels = append(b.Funnels, g.summaryFunnel(f, behind))
	}
	for i, t := range g.objs("team") {
		if i == summaryMaxTeams {
			b.MoreTeams = g.counted(len(g.objs("team"))-i, "1 more team is on the teams page.", "%d more teams are on the teams page.")
			break
		}
		b.Teams = append(b.Teams, g.summaryTeam(t))
	}
	risks := g.sumRisks(behind)
	if len(risks) > summaryMaxRisks {
		b.MoreRisks = g.counted(len(risks)-summaryMaxRisks, "1 more is on the diagnostics page.", "%d more are on the diagnostics page.")
		risks = risks[:summaryMaxRisks]
	}
	b.Risks = risks
	b.Dense = summaryDense(b)
	return g.render(summaryPage, "summary", g.T("Summary"), b)
}

// summaryDense reports whether the summary holds too much to print on one
// page at its usual size: the rows of cards (six to a row on A4), the
// funnels' strips and the longer of the teams and the risks, weighed by
// their height in print.
func summaryDense(b summaryBody) bool {
	rows := (len(b.Cards) + 5) / 6
	lower := max(len(b.Teams), len(b.Risks))
	return rows*3+len(b.Funnels)*2+lower > 10
}

// diagStatus is how the plan stands with its checks, and its counts of
// errors and warnings in words.
func (g *gen) diagStatus() (status, text string) {
	errs, warns := display.Count(g.r.Diags)
	status = "good"
	switch {
	case errs > 0:
		status = "bad"
	case warns > 0:
		status = "warn"
	}
	return status, g.F("Checks: %s, %s", g.counted(errs, "1 error", "%d errors"), g.counted(warns, "1 warning", "%d warnings"))
}

// cardsLeftOut counts the KGIs and top budgets past the summary's bounds.
func (g *gen) cardsLeftOut() int {
	tops := 0
	for _, p := range compiler.BudgetTree(g.r.Info) {
		if p.Depth == 0 {
			tops++
		}
	}
	return max(0, len(g.objs("kgi"))-summaryMaxKGIs) + max(0, tops-summaryMaxBudgets)
}

// goalCards are the KGIs, each against its target when it has one.
func (g *gen) goalCards() []summaryCard {
	var out []summaryCard
	for i, x := range g.objs("kgi") {
		if i == summaryMaxKGIs {
			break
		}
		v := x.Value("")
		c := summaryCard{Class: "goal", Label: x.Label(), Href: g.names.page(x), Value: g.show(v)}
		val := g.exact(v)
		if v.Given != nil && v.Given.Origin == compiler.Target {
			target := v.Given.Value
			c.Against = g.F("target %s", g.num(target, v.Unit))
			switch {
			case val == nil:
				c.Note = g.T("not solved")
			case val.Cmp(target) == 0:
				c.Note, c.Status = g.T("the plan is solved backward from its target"), "good"
			case val.Cmp(target) > 0:
				c.Note, c.Status = g.F("%s of target", g.sumPercent(val, target)), "good"
			default:
				c.Note, c.Status = g.F("%s of target: %s short", g.sumPercent(val, target), g.num(new(big.Rat).Sub(target, val), v.Unit)), "bad"
			}
			if val != nil {
				c.Meter = g.sumMeter(val, target, c.Status, c.Label)
			}
		} else {
			c.Note = g.T("no target")
		}
		out = append(out, c)
	}
	return out
}

// forecastCards are the revenue forecasts of the funnels with actuals.
func (g *gen) forecastCards() []summaryCard {
	tr := g.r.Tracking
	if tr == nil {
		return nil
	}
	var out []summaryCard
	for _, f := range tr.Funnels {
		if f.Forecast == nil || f.Target == nil || len(out) == summaryMaxForecasts {
			continue
		}
		u := f.Funnel.Value("revenue").Unit
		c := summaryCard{Class: "forecast", Label: g.F("Forecast: %s", f.Funnel.Label()), Href: progressPage,
			Value: g.num(f.Forecast, u), Against: g.F("target %s", g.num(f.Target, u)), Status: "good"}
		if f.Forecast.Cmp(f.Target) < 0 {
			c.Status = "bad"
			c.Note = g.F("%s short, as of %s", g.num(new(big.Rat).Sub(f.Target, f.Forecast), u), tr.AsOf.Format(time.DateOnly))
		} else {
			c.Note = g.F("on track, as of %s", tr.AsOf.Format(time.DateOnly))
		}
		c.Meter = g.sumMeter(f.Forecast, f.Target, c.Status, c.Label)
		out = append(out, c)
	}
	return out
}

// spendCards are the top budgets' spend against their caps.
func (g *gen) spendCards() []summaryCard {
	var out []summaryCard
	for _, p := range compiler.BudgetTree(g.r.Info) {
		if p.Depth > 0 {
			continue
		}
		if len(out) == summaryMaxBudgets {
			break
		}
		bud := p.Budget
		spend, limit := bud.Value("spend"), bud.Value("cap")
		c := summaryCard{Class: "spend", Label: bud.Label(), Href: "channels.html#" + budgetAnchor(bud), Value: g.show(spend)}
		s, capV := g.exact(spend), g.exact(limit)
		switch {
		case s == nil:
			c.Note = g.T("not solved")
		case capV == nil:
			c.Note = g.T("spend; no cap")
		case s.Cmp(capV) > 0:
			c.Against, c.Status = g.F("cap %s", g.num(capV, limit.Unit)), "bad"
			c.Note = g.F("over the cap by %s", g.num(new(big.Rat).Sub(s, capV), limit.Unit))
		default:
			c.Against, c.Status = g.F("cap %s", g.num(capV, limit.Unit)), "good"
			c.Note = g.F("%s used, %s left", g.sumPercent(s, capV), g.num(new(big.Rat).Sub(capV, s), limit.Unit))
		}
		if s != nil && capV != nil {
			c.Meter = g.sumMeter(s, capV, c.Status, c.Label)
		}
		out = append(out, c)
	}
	return out
}

// unitCards are the unit economics: the plan's CAC, its payback, and the
// channels' ROAS.
func (g *gen) unitCards() []summaryCard {
	var out []summaryCard
	cac, payback, ltv := g.unitMetrics()
	switch {
	case cac != nil:
		c := summaryCard{Class: "unit", Label: cac.Object.Label(), Href: g.names.page(cac.Object), Value: g.show(cac)}
		c.Note = g.ltvNote(ltv, cac)
		if c.Note == "" {
			c.Note = g.T("the cost of winning one customer")
		}
		out = append(out, c)
	default:
		if cost, won, _ := g.sumChannels(); cost != nil && won != nil && won.Sign() > 0 {
			out = append(out, summaryCard{Class: "unit", Label: g.T("CAC (channels)"), Href: "channels.html",
				Value: g.num(new(big.Rat).Quo(cost, won), quantity.Money(g.r.Info.Currency)), Note: g.T("channel cost per won deal")})
		}
	}
	if payback != nil {
		c := summaryCard{Class: "unit", Label: payback.Object.Label(), Href: g.names.page(payback.Object), Value: g.show(payback),
			Note: g.T("months to earn back the CAC")}
		if g.sumHasCode(lang.PaybackTooLong) {
			c.Status, c.Note = "bad", g.T("longer than the rule allows")
		}
		out = append(out, c)
	}
	if cost, _, revenue := g.sumChannels(); cost != nil && revenue != nil && cost.Sign() > 0 {
		out = append(out, summaryCard{Class: "unit", Label: g.T("ROAS"), Href: "channels.html",
			Value: g.sumWholePercent(new(big.Rat).Quo(revenue, cost)), Note: g.T("the channels’ revenue over their cost")})
	}
	return out
}

// unitMetrics finds the plan's CAC, CAC payback and LTV: the metrics
// defined by a cac(), cac_payback() or ltv() call, else named so ("cac",
// "marketing_cac", "payback"); nil for one the plan does not have, or has
// more than one of.
func (g *gen) unitMetrics() (cac, payback, ltv *compiler.Var) {
	calls := map[*compiler.Var]string{}
	for _, eq := range g.r.Eqs {
		if call, ok := eq.E.(*compiler.Call); ok && eq.Formula() && call.Fn != nil {
			calls[eq.V] = call.Fn.Name
		}
	}
	var cacs, paybacks, ltvs []*compiler.Var
	for _, kind := range []string{"kpi", "kgi"} {
		for _, m := range g.objs(kind) {
			v := m.Value("")
			words := strings.Split(strings.ToLower(m.Name()), "_")
			fn := calls[v]
			is := func(call, word string) bool {
				return fn == call || fn != "cac" && fn != "cac_payback" && fn != "ltv" && slices.Contains(words, word)
			}
			switch {
			case is("cac_payback", "payback"):
				paybacks = append(paybacks, v)
			case is("cac", "cac"):
				cacs = append(cacs, v)
			case is("ltv", "ltv"):
				ltvs = append(ltvs, v)
			}
		}
	}
	one := func(vs []*compiler.Var) *compiler.Var {
		if len(vs) == 1 {
			return vs[0]
		}
		return nil
	}
	return one(cacs), one(paybacks), one(ltvs)
}

// ltvNote is "LTV ¥9,600,000: 5.2× the CAC", "" without an LTV.
func (g *gen) ltvNote(ltv, cac *compiler.Var) string {
	l, k := g.exact(ltv), g.exact(cac)
	if l == nil || k == nil || k.Sign() <= 0 {
		return ""
	}
	return g.F("LTV %s: %s× the CAC", g.show(ltv), quantity.Decimal(new(big.Rat).Quo(l, k), 1, true))
}

// sumChannels are the channels' total cost, won deals and revenue; each
// nil when some channel's is not solved or there is no channel.
func (g *gen) sumChannels() (cost, won, revenue *big.Rat) {
	cs := g.objs("channel")
	if len(cs) == 0 {
		return nil, nil, nil
	}
	sum := func(name string) *big.Rat {
		total := new(big.Rat)
		for _, c := range cs {
			x := g.exact(c.Value(name))
			if x == nil {
				return nil
			}
			total.Add(total, x)
		}
		return total
	}
	return sum("cost"), sum("won"), sum("revenue")
}

// sumHasCode reports whether the plan has a diagnostic with code.
func (g *gen) sumHasCode(code lang.Code) bool {
	for _, d := range g.r.Diags {
		if lang.CodeOf(d) == code {
			return true
		}
	}
	return false
}

// sumPercent is x as a share of of, in whole percent for a reader at a
// glance: "92%".
func (g *gen) sumPercent(x, of *big.Rat) string {
	if of.Sign() == 0 {
		return "—"
	}
	return g.sumWholePercent(new(big.Rat).Quo(x, of))
}

// sumWholePercent is ratio r rounded to a whole percent ("16%"), or to a
// tenth of one below 10% ("0.4%"), so that a small share is not 0%.
func (g *gen) sumWholePercent(r *big.Rat) string {
	scale := big.NewRat(100, 1)
	if new(big.Rat).Abs(r).Cmp(big.NewRat(1, 10)) < 0 {
		scale = big.NewRat(1000, 1)
	}
	return g.num(new(big.Rat).Quo(stdlib.Round(new(big.Rat).Mul(r, scale)), scale), quantity.Ratio)
}

// sumMeter draws x against ref: the bar is scaled to the larger of the two,
// the tick is at ref, and the part past ref is in the status's colour.
func (g *gen) sumMeter(x, ref *big.Rat, status, label string) *summaryMeter {
	xf, _ := x.Float64()
	rf, _ := ref.Float64()
	scale := max(xf, rf)
	m := &summaryMeter{W: summaryMeterW, H: summaryMeterH, Label: label}
	if scale <= 0 {
		return m
	}
	at := func(v float64) int { return int(max(0, v)/scale*summaryMeterW + 0.5) }
	m.Mark = at(rf)
	m.Fill = at(min(xf, rf))
	if xf > rf {
		m.Over = at(xf) - m.Fill
	}
	return m
}

// summaryFunnel is a funnel's strip: its stages' volumes and rates, and
// its planned revenue.
func (g *gen) summaryFunnel(f *compiler.Object, behind map[*compiler.Object]bool) summaryFunnel {
	sf := summaryFunnel{Label: f.Label(), Href: g.names.page(f), DealSize: g.show(f.Value("deal_size")),
		Planned: g.show(f.Value("planned_revenue"))}
	stages := f.Kids
	if len(stages) > summaryMaxStages {
		// Keep the top and the bottom of the funnel: the leads it needs
		// and the deals it wins.
		sf.MoreStages = g.counted(len(stages)-summaryMaxStages, "1 more stage is on the funnel’s page.", "%d more stages are on the funnel’s page.")
		stages = append(append([]*compiler.Object{}, stages[:summaryMaxStages-1]...), stages[len(stages)-1])
	}
	for i, s := range stages {
		st := summaryStage{Label: s.Label(), Href: g.names.page(s), Volume: g.headline(s.Value("volume")), Behind: behind[s]}
		if i > 0 {
			st.Rate = g.show(stageRate(s))
		}
		sf.Stages = append(sf.Stages, st)
	}
	return sf
}

// summaryTeam is a team's utilisation: the people its load requires
// against its headcount.
func (g *gen) summaryTeam(t *compiler.Object) summaryTeam {
	headcount, required := t.Value("headcount"), t.Value("required")
	st := summaryTeam{Label: t.Label(), Href: teamsHref(t), Need: g.show(required), Have: g.show(headcount)}
	need, have := g.exact(required), g.exact(headcount)
	if need == nil || have == nil || have.Sign() <= 0 {
		st.Util = "?"
		return st
	}
	st.Util = g.sumPercent(need, have)
	diff := new(big.Rat).Sub(need, have)
	st.Over = diff.Sign() > 0
	status := "good"
	if st.Over {
		status = "bad"
		st.Note = g.F("%s people short", g.num(diff, required.Unit))
	} else {
		st.Note = g.F("%s people to spare", g.num(diff.Neg(diff), required.Unit))
	}
	st.Meter = g.sumMeter(need, have, status, st.Label)
	return st
}

// behindStages are the stages with a behind-plan warning: the warning is
// on the stage's block.
func (g *gen) behindStages() map[*compiler.Object]bool {
	out := map[*compiler.Object]bool{}
	if g.r.Tracking == nil {
		return out
	}
	for _, ft := range g.r.Tracking.Funnels {
		for _, s := range ft.Funnel.Kids {
			if _, ok := ft.Own[s]; ok && g.sumDiagAt(lang.BehindPlan, s.DefRange()) >= 0 {
				out[s] = true
			}
		}
	}
	return out
}

// sumDiagAt is the index of the diagnostic with code at r, -1 when none.
func (g *gen) sumDiagAt(code lang.Code, r hcl.Range) int {
	for i, d := range g.r.Diags {
		if lang.CodeOf(d) == code && !ofScenario(d) && d.Subject != nil && *d.Subject == r {
			return i
		}
	}
	return -1
}

// sumRisks lists what could sink the plan, most serious first: its errors;
// with actuals, the forecasts short of target and the stages behind plan
// (worst first), told from the tracking's numbers; then its other
// warnings, in the plan's order; then its scenarios' warnings.
func (g *gen) sumRisks(behind map[*compiler.Object]bool) []summaryRisk {
	var errs, tracked, warns []summaryRisk
	covered := map[int]bool{}
	if tr := g.r.Tracking; tr != nil {
		type stageGap struct {
			f   *compiler.FunnelTracking
			s   *compiler.Object
			gap compiler.OwnGap
		}
		var gaps []stageGap
		for _, ft := range tr.Funnels {
			if ft.Forecast != nil && ft.Target != nil && ft.Forecast.Cmp(ft.Target) < 0 {
				u := ft.Funnel.Value("revenue").Unit
				tracked = append(tracked, summaryRisk{Severity: "warning", SeverityText: g.T("Warning"), Code: string(lang.ForecastShort),
					Summary: g.F("%s is forecast short of its target", ft.Funnel.Label()),
					Detail: g.F("Forecast %s of %s: %s short, as of %s.", g.num(ft.Forecast, u), g.num(ft.Target, u),
						g.num(new(big.Rat).Sub(ft.Target, ft.Forecast), u), tr.AsOf.Format(time.DateOnly)),
					Href: progressPage})
			}
			for _, s := range ft.Funnel.Kids {
				if behind[s] {
					gaps = append(gaps, stageGap{ft, s, ft.Own[s]})
				}
			}
		}
		sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].gap.Rel.Cmp(gaps[j].gap.Rel) < 0 })
		for _, x := range gaps {
			covered[g.sumDiagAt(lang.BehindPlan, x.s.DefRange())] = true
			detail := g.F("%s fewer than planned, %s behind, in %s.", g.num(new(big.Rat).Neg(x.gap.Gap), quantity.Count),
				g.sumWholePercent(new(big.Rat).Neg(x.gap.Rel)), g.sumMonths(x.gap.First, x.gap.Last))
			if x.f.Bottleneck == x.s {
				detail += " " + g.T("The funnel’s bottleneck.")
			}
			tracked = append(tracked, summaryRisk{Severity: "warning", SeverityText: g.T("Warning"), Code: string(lang.BehindPlan),
				Summary: g.F("%s / %s is behind plan", x.f.Funnel.Label(), x.s.Label()), Detail: detail, Href: progressPage})
		}
	}
	var scenarios []summaryRisk
	for i, d := range g.r.Diags {
		// The forecasts short of target are told above, from the
		// tracking, one for each such warning.
		if covered[i] || lang.CodeOf(d) == lang.ForecastShort && !ofScenario(d) && len(tracked) > 0 {
			continue
		}
		r := summaryRisk{Severity: display.Severity(d), Code: string(lang.CodeOf(d)), Summary: g.T(d.Summary),
			Detail: truncate(sumFirstSentence(d.Detail), summaryDetailCols), Href: "diagnostics.html#" + diagAnchor(i)}
		switch {
		case d.Severity == hcl.DiagWarning && ofScenario(d):
			r.SeverityText = g.T("Warning")
			scenarios = append(scenarios, r)
		case d.Severity == hcl.DiagWarning:
			r.SeverityText = g.T("Warning")
			warns = append(warns, r)
		default:
			r.SeverityText = g.T("Error")
			errs = append(errs, r)
		}
	}
	return slices.Concat(errs, tracked, warns, scenarios)
}

// sumMonths names the months from first to last: "2027-05" or
// "2027-05 to 2027-06".
func (g *gen) sumMonths(first, last int) string {
	tl := g.r.Timeline
	if tl == nil || first < 0 || last >= len(tl.Periods) || first > last {
		return "?"
	}
	if first == last {
		return tl.Periods[first].Name
	}
	return g.F("%s to %s", tl.Periods[first].Name, tl.Periods[last].Name)
}

// sumFirstSentence is the first sentence of a diagnostic's detail.
func sumFirstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// ofScenario reports whether d is a scenario's.
func ofScenario(d *hcl.Diagnostic) bool {
	_, ok := compiler.ScenarioOf(d)
	return ok
}
