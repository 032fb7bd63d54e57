package compiler

import (
	"fmt"
	"math/big"
	"time"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Plan against actuals (../shared/design/actuals.md): the plan by month
// compared with what a CRM recorded, up to the day the data is complete.
//
//   - variance: actual - plan per month and year to date; the month of
//     as_of, when as_of is not its last day, is partial, and its plan is
//     pro-rated by days;
//   - expected from actual upstream: a stage's entries that the actual
//     entries of the stage before should have given, at the plan's rate,
//     shifted by the stage's lag as in time phasing; a stage's gap splits
//     into its own part (actual - expected) and the part it inherits
//     (expected - plan); the bottleneck is the stage whose own gap,
//     relative to plan, is the most negative;
//   - forecast: actuals for the months that are over, then the top stage
//     at plan and every other stage at its rate from the stage before
//     (actual where known), so that the pipeline in motion cascades down;
//     the revenue forecast against the funnel's revenue target.

// Tracking is the plan against its actuals.
type Tracking struct {
	// Name is the actuals block's; AsOf the day the data is complete up
	// to; Through the months up to and including as_of's; Known the months
	// that are over (the month of as_of is, when as_of is its last day).
	Name    string
	AsOf    time.Time
	Through int
	Known   int
	// Elapsed is the part of the month of as_of that is over (1 when it
	// is over): its plan is pro-rated by it.
	Elapsed *big.Rat
	Values  []*Tracked
	Funnels []*FunnelTracking
}

// Tracked is a value the actuals give: by month up to as_of, the plan
// (pro-rated in a partial month), the actual (nil where none is given)
// and, for a stage's volume, what the actual entries of the stage before
// lead to expect (nil where they do not say); and year to date, over the
// months with an actual.
type Tracked struct {
	Var                    *Var
	Plan, Actual, Expected []*big.Rat
	YTDPlan, YTDActual     *big.Rat
}

// FunnelTracking is a funnel's bottleneck and forecast.
type FunnelTracking struct {
	Funnel *Object
	// Bottleneck is the stage whose own gap is the most negative relative
	// to its plan, nil when none is behind or none can be judged; Own holds
	// each stage's own gap where it can be judged.
	Bottleneck *Object
	Own        map[*Object]OwnGap
	// Forecast is the funnel's revenue to the period's end; Target its
	// revenue target; Won the won deals by month the forecast counts.
	Forecast, Target *big.Rat
	Won              []*big.Rat
	// CatchUp is what it takes to close the gap, nil when there is none.
	CatchUp *CatchUp
}

// tracker builds the Tracking of one actuals block.
type tracker struct {
	info      *Info
	sol       *Solution
	tl        *Timeline
	sink      *sink
	asOf      time.Time
	asOfMonth int
	// lookBack is set when as_of is given for this compile (track
	// --as-of), not by the plan: rows after it are left out, not wrong.
	lookBack bool
	// formulaOf is each metric's formula, for the KGI a funnel's
	// revenue adds up to.
	formulaOf map[*Var]*Eq
	// behind is how far below zero a stage's own gap, relative to plan,
	// may go before behind-plan (the rule's max, negated).
	behindAt *big.Rat
	tr       *Tracking
	byVar    map[*Var]*Tracked
}

// track compares the plan by month with the actuals of the plan's first
// actuals block (a second is reported).
func track(plan *lang.Plan, in *Info, sol *Solution, tl *Timeline, eqs []*Eq, s *sink, asOf string, behindMax *big.Rat) *Tracking {
	if len(plan.Actuals) == 0 {
		return nil
	}
	for _, extra := range plan.Actuals[1:] {
		s.fail(lang.ActualsFile, extra.DefRange, "Second actuals block",
			fmt.Sprintf("The plan has actuals %q already; give all actuals in one CSV, or one block.", plan.Actuals[0].Name))
	}
	a := plan.Actuals[0]
	if tl == nil || a.File.Value == "" || a.AsOf.Value == "" && asOf == "" {
		return nil // reported: the period without months, or a required attribute missing
	}
	t := &tracker{info: in, sol: sol, tl: tl, sink: s, byVar: map[*Var]*Tracked{}, lookBack: asOf != "", behindAt: new(big.Rat).Neg(behindMax),
		formulaOf: formulasOf(eqs, nil)}
	if !t.readAsOf(a, asOf) {
		return nil
	}
	for _, row := range t.readActuals(a) {
		t.add(row)
	}
	t.finish()
	for _, f := range in.Kind("funnel") {
		t.funnel(f)
	}
	return t.tr
}

// readAsOf reads the day the data is complete up to, a day of the period.
func (t *tracker) readAsOf(a *lang.Actuals, override string) bool {
	day := a.AsOf.Value
	if override != "" {
		day = override
	}
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.sink.fail(lang.ActualsFile, a.AsOf.Range, "Bad as_of", fmt.Sprintf("as_of is the day the data is complete up to, written as \"2027-09-15\"; %q is not.", day))
		return false
	}
	m := d.Year()*12 + int(d.Month()) - 1 - t.tl.First
	if m < 0 || m >= t.tl.Months {
		t.sink.fail(lang.ActualsFile, a.AsOf.Range, "as_of outside the period",
			fmt.Sprintf("as_of %s is not in the plan's period, %s to %s.", day, t.monthName(0), t.monthName(t.tl.Months-1)))
		return false
	}
	days := daysIn(t.tl.First + m)
	t.asOf, t.asOfMonth = d, m
	t.tr = &Tracking{Name: a.Name, AsOf: d, Through: m + 1, Known: m, Elapsed: big.NewRat(int64(d.Day()), int64(days))}
	if d.Day() == days {
		t.tr.Known = m + 1
	}
	return true
}

func (t *tracker) monthName(m int) string { return lang.MonthName(t.tl.First + m) }

// add files a row under its value.
func (t *tracker) add(row actualRow) {
	tv := t.byVar[row.v]
	if tv == nil {
		tv = &Tracked{Var: row.v, Actual: make([]*big.Rat, t.tr.Through)}
		t.byVar[row.v] = tv
	}
	tv.Actual[row.month] = row.value
}

// finish lays out every value with actuals by month, in the plan's order,
// with its plan, variance and year to date.
func (t *tracker) finish() {
	for _, v := range t.info.Vars {
		tv := t.byVar[v]
		if tv == nil {
			continue
		}
		tv.Plan = make([]*big.Rat, t.tr.Through)
		tv.YTDPlan, tv.YTDActual = new(big.Rat), new(big.Rat)
		for m := range t.tr.Through {
			tv.Plan[m] = t.planAt(v, m)
			if a := tv.Actual[m]; a != nil {
				tv.YTDPlan = ratAdd(tv.YTDPlan, tv.Plan[m])
				tv.YTDActual = ratAdd(tv.YTDActual, a)
			}
		}
		t.tr.Values = append(t.tr.Values, tv)
	}
}

// planAt is v's plan in month m, pro-rated by days in a partial month.
func (t *tracker) planAt(v *Var, m int) *big.Rat {
	p := t.tl.months(v)[m]
	if m == t.asOfMonth && t.tr.Known == m {
		return ratMul(p, t.tr.Elapsed)
	}
	return p
}

// actual is v's actual in month m, nil when none is given.
func (t *tracker) actual(v *Var, m int) *big.Rat {
	if tv := t.byVar[v]; tv != nil && m >= 0 && m < len(tv.Actual) {
		return tv.Actual[m]
	}
	return nil
}

// funnel judges a funnel's stages against what their upstream's actuals
// lead to expect, names the bottleneck, and forecasts its revenue.
func (t *tracker) funnel(f *Object) {
	stages := f.Kids
	if len(stages) == 0 || t.tl.months(stages[0].Value("volume")) == nil {
		return
	}
	ft := &FunnelTracking{Funnel: f, Own: map[*Object]OwnGap{}}
	for i, s := range stages {
		t.fillExpected(stages, i)
		if own, ok := t.ownGap(stages, i); ok {
			ft.Own[s] = own
			if own.Rel.Sign() < 0 && (ft.Bottleneck == nil || own.Rel.Cmp(ft.Own[ft.Bottleneck].Rel) < 0) {
				ft.Bottleneck = s
			}
		}
	}
	t.behind(ft)
	t.forecast(ft)
	t.catchUp(ft)
	t.tr.Funnels = append(t.tr.Funnels, ft)
	t.short(ft)
}

// rateOf is the rate stage s converts at in the plan: its blended rate
// where channels convert at their own, else its rate.
func (t *tracker) rateOf(s *Object) (*big.Rat, bool) {
	for _, name := range []string{"blended_rate", "rate"} {
		if v := s.Value(name); v != nil {
			if val, ok := t.sol.Value(v); ok {
				return val.Nom, true
			}
		}
	}
	return nil, false
}

// lagOf is stage s's lag in months, 0 when it has none.
func (t *tracker) lagOf(s *Object) *big.Rat {
	if v := s.Value("lag"); v != nil {
		if val, ok := t.sol.Value(v); ok && val.Nom.Sign() >= 0 {
			return val.Nom
		}
	}
	return new(big.Rat)
}

// expected is what stage i of stages should have had in month m from
// the actual entries of the stage before, ok false when they do not say
// (a month before the period or not over, or no actual).
func (t *tracker) expected(stages []*Object, i, m int) (*big.Rat, bool) {
	rate, ok := t.rateOf(stages[i])
	if !ok {
		return nil, false
	}
	k, f := splitMonths(t.lagOf(stages[i]))
	up := stages[i-1].Value("volume")
	sum := new(big.Rat)
	for _, part := range []struct {
		j int
		w *big.Rat
	}{{m - k, new(big.Rat).Sub(big.NewRat(1, 1), f)}, {m - k - 1, f}} {
		j, w := part.j, part.w
		if w.Sign() == 0 {
			continue
		}
		a := t.actual(up, j)
		if j < 0 || j >= t.tr.Known || a == nil {
			return nil, false
		}
		sum = ratAdd(sum, ratMul(w, a))
	}
	e := ratMul(rate, sum)
	if in := stages[i].Value("inflow"); in != nil {
		e = ratAdd(e, t.tl.months(in)[m]) // later entries at plan
	}
	return e, true
}

// fillExpected records, for stage i's months that are over, what the
// actual entries of the stage before lead to expect.
func (t *tracker) fillExpected(stages []*Object, i int) {
	tv := t.byVar[stages[i].Value("volume")]
	if i == 0 || tv == nil {
		return
	}
	tv.Expected = make([]*big.Rat, t.tr.Through)
	for m := range t.tr.Known {
		if e, ok := t.expected(stages, i, m); ok {
			tv.Expected[m] = e
		}
	}
}

// OwnGap is a stage's own gap over the months that are over: Gap is
// sum(actual - expected) where expected is known (for the first stage,
// actual - plan), Rel that relative to the plan of those months, First and
// Last the first and last month judged.
type OwnGap struct {
	Gap, Rel    *big.Rat
	First, Last int
}

func (t *tracker) ownGap(stages []*Object, i int) (OwnGap, bool) {
	v := stages[i].Value("volume")
	tv := t.byVar[v]
	if tv == nil {
		return OwnGap{}, false
	}
	g, plan := OwnGap{Gap: new(big.Rat), First: -1}, new(big.Rat)
	for m := range t.tr.Known {
		a := tv.Actual[m]
		if a == nil {
			continue
		}
		base := tv.Plan[m]
		if i > 0 {
			e, ok := t.expected(stages, i, m)
			if !ok {
				continue
			}
			base = e
		}
		g.Gap = ratAdd(g.Gap, new(big.Rat).Sub(a, base))
		plan = ratAdd(plan, tv.Plan[m])
		if g.First < 0 {
			g.First = m
		}
		g.Last = m
	}
	if plan.Sign() == 0 {
		return OwnGap{}, false
	}
	g.Rel = ratQuo(g.Gap, plan)
	return g, true
}

// behind warns at each stage whose own gap is below the threshold.
func (t *tracker) behind(ft *FunnelTracking) {
	for i, s := range ft.Funnel.Kids {
		g, ok := ft.Own[s]
		if !ok || g.Rel.Cmp(t.behindAt) > 0 {
			continue
		}
		short := quantity.Format(new(big.Rat).Neg(g.Gap), quantity.Count)
		pct := quantity.Format(new(big.Rat).Neg(g.Rel), quantity.Ratio)
		when := t.tl.monthsText(g.First, g.Last)
		detail := fmt.Sprintf("%s had %s fewer entries in %s than its plan (%s of it).", s.Path, short, when, pct)
		if i > 0 {
			detail = fmt.Sprintf("%s had %s fewer entries in %s than the actual entries of %s lead to expect at its rate (%s of its plan): its own conversion or speed is behind.",
				s.Path, short, when, ft.Funnel.Kids[i-1].Label(), pct)
		}
		t.sink.warn(lang.BehindPlan, s.DefRange(), "Behind plan",
			fmt.Sprintf("%s The bottleneck of funnel %q is %s.", detail, ft.Funnel.Name(), ft.Bottleneck.Label()))
	}
}

// forecast counts the won deals to the period's end, as the design
// fixes it: actuals in the months that are over; in the other months (and
// where a month over has no actual) the first stage at its plan, every
// other stage at its rate x the stage before's forecast shifted by its lag,
// so that the pipeline in motion cascades down. The plan is the exact one,
// before whole counts are rounded, and the cascade moves each stage's
// plan by the stage before's difference from its plan: with lags of whole
// months that is the rate x the forecast exactly, and with fractional
// lags it keeps the plan's months where time phasing put them (shifting
// stage by stage would smear a seasonal peak, which time phasing never
// does). Before the period the plan is the steady state's, so a plan
// tracked without actuals forecasts its revenue exactly. The deals are
// priced at the funnel's planned revenue per won deal.
func (t *tracker) forecast(ft *FunnelTracking) {
	stages := ft.Funnel.Kids
	n := t.tl.Months
	var upOff []*big.Rat // the stage before's forecast - plan, by month
	var won []*big.Rat
	for i, s := range stages {
		v := s.Value("volume")
		cur, off := make([]*big.Rat, n), make([]*big.Rat, n)
		for m := range n {
			plan := t.planExact(v, m)
			switch a := t.actual(v, m); {
			case m < t.tr.Known && a != nil:
				cur[m] = a
			case i == 0:
				cur[m] = plan
			default:
				cur[m] = ratAdd(plan, t.moved(s, upOff, m))
			}
			off[m] = new(big.Rat).Sub(cur[m], plan)
		}
		upOff, won = off, cur
	}
	ft.Won = won
	wonYear, _ := t.sol.Value(stages[len(stages)-1].Value("volume"))
	planned, _ := t.sol.Value(ft.Funnel.Value("planned_revenue"))
	target, _ := t.sol.Value(ft.Funnel.Value("revenue"))
	if wonYear.Nom == nil || planned.Nom == nil || target.Nom == nil || wonYear.Nom.Sign() == 0 {
		return
	}
	ft.Forecast, ft.Target = ratMul(sumRats(won), ratQuo(planned.Nom, wonYear.Nom)), target.Nom
}

// planExact is v's exact plan in month m (any month: before the period,
// the steady state's).
func (t *tracker) planExact(v *Var, m int) *big.Rat {
	y, _ := t.sol.Value(v)
	return t.tl.exact(v, y.Nom, m)
}

// moved is what stage s gets in month m from the stage before's
// difference from its plan (off), at s's rate, shifted by s's lag; before
// the period the plan is a steady state, off nothing.
func (t *tracker) moved(s *Object, off []*big.Rat, m int) *big.Rat {
	rate, ok := t.rateOf(s)
	if !ok {
		return new(big.Rat)
	}
	k, f := splitMonths(t.lagOf(s))
	at := func(j int) *big.Rat {
		if j < 0 {
			return new(big.Rat)
		}
		return off[j]
	}
	return ratMul(rate, ratAdd(ratMul(new(big.Rat).Sub(big.NewRat(1, 1), f), at(m-k)), ratMul(f, at(m-k-1))))
}

// short warns when the forecast falls short of the funnel's revenue
// target, at the KGI whose formula sums the funnel's revenue (else at the
// funnel).
func (t *tracker) short(ft *FunnelTracking) {
	if ft.Forecast == nil || ft.Forecast.Cmp(ft.Target) >= 0 {
		return
	}
	at := ft.Funnel.DefRange()
	if k := t.kgiOf(ft.Funnel.Value("revenue")); k != nil {
		at = exprRange(k.Node.(*lang.Metric).Target, k.DefRange())
	}
	u := ft.Funnel.Value("revenue").Unit
	t.sink.warn(lang.ForecastShort, at, "Forecast short of target",
		fmt.Sprintf("funnel %q is forecast to bring %s of its %s (%s short): actuals to %s, the pipeline in motion at the plan's rates, and the plan for the rest.%s See planc track for the stage that is behind.",
			ft.Funnel.Name(), quantity.Format(ft.Forecast, u), quantity.Format(ft.Target, u),
			quantity.Format(new(big.Rat).Sub(ft.Target, ft.Forecast), u), t.asOf.Format(time.DateOnly), t.catchUpText(ft)))
}

// kgiOf is the first KGI with a target whose formula's sums reach v.
func (t *tracker) kgiOf(v *Var) *Object {
	for _, k := range t.info.Kind("kgi") {
		if k.Node.(*lang.Metric).Target == nil {
			continue
		}
		found := false
		sumsFrom(t.formulaOf, k.Value(""), func(x *Var) bool {
			found = found || x == v
			return !found
		})
		if found {
			return k
		}
	}
	return nil
}
