package compiler

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// Catch-up: what a funnel that is forecast short of its revenue target
// needs now. The won deals missing, at the plan's rates from the first
// stage to the last, are leads; they can still close in the period only if
// created in a month from which the stages' lags end inside it. The extra
// leads spread over those months by the plan's shape of its first stage,
// whole by the running total, and among the channels into the first stage
// by their plan's leads (largest remainder); their spend is leads x CPA.
// When no such month is left, new leads cannot close the gap: CatchUp then
// says by how much each later stage's rate would have to rise, alone, for
// the pipeline that is still to enter it to close the gap.

// CatchUp is a funnel's catch-up.
type CatchUp struct {
	// Deals are the won deals missing; Leads the extra leads of the first
	// stage they take at the plan's rates (whole).
	Deals, Leads *big.Rat
	// Months are the months whose leads can still close in the period
	// (from the period's first), each with its extra leads, and by
	// channel the leads and spend.
	Months   []int
	ByMonth  []*big.Rat
	Channels []ChannelCatchUp
	// Rates, when no month is left, are the rates that would close the
	// gap alone, by stage; a rate above 100% cannot.
	Rates map[*Object]*big.Rat
	// Budgets are the budgets at the top of the hierarchies that pay for
	// the channels, each with what is left of its cap and the catch-up's
	// spend in it.
	Budgets []BudgetLeft
}

// BudgetLeft is what is left of a budget's cap for the rest of the
// period: the cap - its actual spend to date (its plan where no actual is
// given) - its planned spend in the months to come; and the catch-up's
// extra spend it would pay.
type BudgetLeft struct {
	Budget      *Object
	Left, Spend *big.Rat
}

// ChannelCatchUp is a channel's part of the catch-up by month.
type ChannelCatchUp struct {
	Channel      *Object
	Leads, Spend []*big.Rat
	TotalLeads   *big.Rat
	TotalSpend   *big.Rat
}

// catchUp works out ft's catch-up when its forecast is short.
func (t *tracker) catchUp(ft *FunnelTracking) {
	if ft.Forecast == nil || ft.Forecast.Cmp(ft.Target) >= 0 {
		return
	}
	stages := ft.Funnel.Kids
	perDeal := ratQuo(ft.Forecast, sumRats(ft.Won)) // revenue per won deal, as the forecast prices them
	deals := ratQuo(new(big.Rat).Sub(ft.Target, ft.Forecast), perDeal)
	cu := &CatchUp{Deals: deals}
	ft.CatchUp = cu
	through := big.NewRat(1, 1) // a first-stage lead's won deals
	offset := new(big.Rat)
	for _, s := range stages[1:] {
		rate, ok := t.rateOf(s)
		if !ok || rate.Sign() == 0 {
			return
		}
		through = ratMul(through, rate)
		offset = ratAdd(offset, t.lagOf(s))
	}
	cu.Leads = stdlib.Ceil(ratQuo(deals, through))
	k, f := splitMonths(offset)
	if f.Sign() > 0 {
		k++ // entries of a month spread over it: the last of them close a month later
	}
	for m := t.tr.Known; m+k < t.tl.Months; m++ {
		cu.Months = append(cu.Months, m)
	}
	if len(cu.Months) == 0 {
		cu.Rates = t.ratesToClose(ft, deals)
		return
	}
	top := stages[0].Value("volume")
	weights := make([]*big.Rat, len(cu.Months))
	for i, m := range cu.Months {
		weights[i] = t.planExact(top, m) // the plan's phasing, not its rounding
	}
	cu.ByMonth = flows(cu.Leads, normalize(weights), true)
	t.catchUpChannels(ft.Funnel, cu)
	t.budgetsLeft(cu)
}

// budgetsLeft works out, for each budget at the top of a hierarchy that
// pays for a catch-up channel and has a cap, what is left of it and the
// catch-up's spend in it.
func (t *tracker) budgetsLeft(cu *CatchUp) {
	spendOf := map[*Object]*big.Rat{}
	var tops []*Object
	for _, place := range BudgetTree(t.info) {
		for _, c := range cu.Channels {
			if !slices.Contains(place.Budget.Refs("channels"), c.Channel) {
				continue
			}
			if spendOf[place.Top] == nil {
				spendOf[place.Top] = new(big.Rat)
				tops = append(tops, place.Top)
			}
			spendOf[place.Top] = ratAdd(spendOf[place.Top], c.TotalSpend)
		}
	}
	for _, b := range tops {
		limit, ok1 := t.sol.Value(b.Value("cap"))
		spend := b.Value("spend")
		plan := t.tl.months(spend)
		if !ok1 || plan == nil {
			continue
		}
		left := new(big.Rat).Set(limit.Nom)
		for m, p := range plan {
			if a := t.actual(spend, m); m < t.tr.Known && a != nil {
				p = a
			}
			left.Sub(left, p)
		}
		cu.Budgets = append(cu.Budgets, BudgetLeft{Budget: b, Left: left, Spend: spendOf[b]})
	}
}

// catchUpChannels splits the catch-up's leads among the channels into the
// first stage, by their plan's leads, at each month's end.
func (t *tracker) catchUpChannels(f *Object, cu *CatchUp) {
	first := f.Kids[0]
	var cs []*Object
	var weights []*big.Rat
	for _, c := range t.info.Kind("channel") {
		if c.Ref("funnel") == f && c.Ref("stage") == first {
			y, ok := t.sol.Value(c.Value("leads"))
			if !ok {
				return
			}
			cs, weights = append(cs, c), append(weights, y.Nom)
		}
	}
	split := apportionRunning(cu.ByMonth, weights)
	if len(cs) == 0 || split == nil {
		return
	}
	out := make([]ChannelCatchUp, len(cs))
	for i, c := range cs {
		out[i] = ChannelCatchUp{Channel: c, Leads: split[i], TotalLeads: sumRats(split[i]), TotalSpend: new(big.Rat)}
		cpa, ok := t.sol.Value(c.Value("cpa"))
		for _, leads := range split[i] {
			spend := new(big.Rat)
			if ok {
				spend = ratMul(leads, cpa.Nom)
			}
			out[i].Spend = append(out[i].Spend, spend)
			out[i].TotalSpend = ratAdd(out[i].TotalSpend, spend)
		}
	}
	cu.Channels = out
}

// ratesToClose is, for each stage after the first, the rate that would
// close the gap of deals alone: the won deals still to come from entries
// into it after as_of (those in months from as_of's month plus its offset)
// would have to grow by deals.
func (t *tracker) ratesToClose(ft *FunnelTracking, deals *big.Rat) map[*Object]*big.Rat {
	out := map[*Object]*big.Rat{}
	stages := ft.Funnel.Kids
	offset := new(big.Rat)
	for i := len(stages) - 1; i >= 1; i-- {
		s := stages[i]
		k, f := splitMonths(offset)
		if f.Sign() > 0 {
			k++
		}
		coming := new(big.Rat)
		for m := t.tr.Known + k; m < t.tl.Months; m++ {
			coming = ratAdd(coming, ft.Won[m])
		}
		if rate, ok := t.rateOf(s); ok && coming.Sign() > 0 {
			out[s] = ratMul(rate, ratAdd(big.NewRat(1, 1), ratQuo(deals, coming)))
		}
		offset = ratAdd(offset, t.lagOf(s))
	}
	return out
}

func sumRats(xs []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for _, x := range xs {
		s = ratAdd(s, x)
	}
	return s
}

// catchUpText says what the catch-up is, for forecast-short.
func (t *tracker) catchUpText(ft *FunnelTracking) string {
	cu := ft.CatchUp
	if cu == nil || cu.Leads == nil {
		return ""
	}
	deals := quantity.Decimal(cu.Deals, 2, true)
	if len(cu.Months) > 0 {
		var ms []string
		for i, m := range cu.Months {
			ms = append(ms, fmt.Sprintf("%s %s", t.monthName(m), quantity.Format(cu.ByMonth[i], quantity.Count)))
		}
		text := fmt.Sprintf(" To catch up, %s more deals take %s more %s leads, created by %s: %s.",
			deals, quantity.Format(cu.Leads, quantity.Count), ft.Funnel.Kids[0].Label(), t.monthName(cu.Months[len(cu.Months)-1]), strings.Join(ms, ", "))
		if len(cu.Channels) > 0 {
			spend := new(big.Rat)
			for _, c := range cu.Channels {
				spend = ratAdd(spend, c.TotalSpend)
			}
			text += fmt.Sprintf(" At the channels' CPAs they cost %s", quantity.Format(spend, quantity.Money(t.info.Currency)))
			for _, b := range cu.Budgets {
				text += fmt.Sprintf("; budget %q has %s left for the rest of the period", b.Budget.Name(), quantity.Format(b.Left, quantity.Money(t.info.Currency)))
			}
			text += "."
		}
		return text
	}
	var rs []string
	for _, s := range ft.Funnel.Kids[1:] {
		if r, ok := cu.Rates[s]; ok {
			rs = append(rs, fmt.Sprintf("%s's rate to %s", s.Label(), quantity.Format(r, quantity.Ratio)))
		}
	}
	text := fmt.Sprintf(" New leads can no longer close in the period: the %s deals missing must come from the pipeline already in motion", deals)
	if len(rs) > 0 {
		text += ", raising " + strings.Join(rs, ", or ")
	}
	return text + "."
}
