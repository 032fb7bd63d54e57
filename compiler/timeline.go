package compiler

import (
	"fmt"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"math/big"
	"slices"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib"
)

// Time phasing (../shared/design/time-phasing.md): the yearly plan placed
// in the months of its period. The yearly solve is not changed; the
// timeline spreads its values:
//
//   - the won deals of a funnel follow the phasing of the KGI its revenue
//     feeds (a profile's weights, calendar days, or even);
//   - every stage is the won schedule shifted back by its offset, the sum
//     of the lags of the stages after it, exactly and cyclically (the
//     plan is a steady state: the period's last months build the next
//     period's first deals, as the months before it built this one's);
//   - whole counts are rounded up on the cumulative series, so that the
//     months are whole and add up to the yearly number;
//   - channels' leads are the stage's cumulative leads apportioned by
//     largest remainder at each month's end; cost is leads x CPA;
//   - flows sum over quarters and halves, stocks (the pipeline open in a
//     stage) close, and formulas are evaluated at each grain on the
//     aggregated inputs.

// Timeline is the plan by month. Periods lists the months, then the
// quarters and halves of the plan's period where it has whole ones; every
// series is indexed like Periods.
type Timeline struct {
	// First is the first month (year x 12 + month - 1); Months the number
	// of months.
	First, Months int
	Periods       []Period
	// monthly holds the values placed in months; series, every period of
	// them and of the formulas, is made from it on first use (finish):
	// check needs only months, and most of a timeline's work is the
	// quarters, halves and formulas that output asks for.
	monthly map[*Var][]*big.Rat
	series  map[*Var][]*big.Rat
	// shape is, for a stage's volume or inflow, its share of the year in
	// each month before whole counts are rounded (plan against actuals
	// forecasts from it).
	shape  map[*Var][]*big.Rat
	once   sync.Once
	finish func()
	target map[*Var][]*big.Rat
	// before holds, for a stage's volume, the entries the period's deals
	// need before its first day; open the pipeline open in the stage at
	// the end of each period (a stock).
	before map[*Var]*big.Rat
	open   map[*Var][]*big.Rat
}

// Period is a month, quarter or half of the plan's period: months From to
// To-1, counted from the period's first.
type Period struct {
	Name     string
	From, To int
}

// Series returns v's value in each period (indexed like Periods), nil
// when v is not phased (a rate, a CPA: the same in every period).
func (t *Timeline) Series(v *Var) []*big.Rat {
	if t == nil {
		return nil
	}
	t.once.Do(t.finish)
	return t.series[v]
}

// Shape returns, for a stage's volume or inflow, its share of the year in
// each month (the funnel's won shape shifted back by the stage's offset),
// before whole counts are rounded; nil for other values. The workbook
// writes the months as the year times it.
func (t *Timeline) Shape(v *Var) []*big.Rat {
	if t == nil {
		return nil
	}
	return t.shape[v]
}

// exact is v's plan in month m before whole counts are rounded: its
// year x its shape there, for a stage; its month otherwise.
func (t *Timeline) exact(v *Var, y *big.Rat, m int) *big.Rat {
	if q := t.shape[v]; q != nil && y != nil {
		n := len(q)
		return ratMul(y, q[((m%n)+n)%n])
	}
	return t.monthly[v][m]
}

// months returns v's values by month only, without making the other
// periods; nil when v has none.
func (t *Timeline) months(v *Var) []*big.Rat {
	if t == nil {
		return nil
	}
	return t.monthly[v]
}

// Target returns a KGI's target in each period; nil when it has none.
func (t *Timeline) Target(v *Var) []*big.Rat {
	if t == nil {
		return nil
	}
	return t.target[v]
}

// Before returns the entries of a stage (its volume) that the period's
// deals need before the period; nil for other values.
func (t *Timeline) Before(v *Var) *big.Rat {
	if t == nil {
		return nil
	}
	return t.before[v]
}

// Open returns the pipeline open in a stage (its volume) at the end of
// each period; nil for the last stage, which nothing leaves.
func (t *Timeline) Open(v *Var) []*big.Rat {
	if t == nil {
		return nil
	}
	return t.open[v]
}

// Index returns the place of the period named name in Periods.
func (t *Timeline) Index(name string) (int, bool) {
	for i, p := range t.Periods {
		if p.Name == name {
			return i, true
		}
	}
	return 0, false
}

// periodsOf lists the n months from first, then the quarters and halves
// the months divide into.
func periodsOf(first, n int) []Period {
	var out []Period
	for m := range n {
		out = append(out, Period{Name: lang.MonthName(first + m), From: m, To: m + 1})
	}
	for _, g := range []struct {
		prefix string
		size   int
	}{{"Q", 3}, {"H", 6}} {
		if n%g.size != 0 || n == g.size {
			continue
		}
		for k := 0; k < n/g.size; k++ {
			out = append(out, Period{Name: fmt.Sprintf("%s%d", g.prefix, k+1), From: k * g.size, To: (k + 1) * g.size})
		}
	}
	return out
}

// Phased reports whether a plan uses time phasing: a profile, a phasing,
// a lag or an opening pipeline. Such a plan always has its timeline;
// others have one when asked (Options.Timeline).
func Phased(p *lang.Plan) bool {
	_, ok := phasedAt(p)
	return ok
}

// phasedAt returns where a plan first uses time phasing.
func phasedAt(p *lang.Plan) (hcl.Range, bool) {
	if len(p.Profiles) > 0 {
		return p.Profiles[0].DefRange, true
	}
	if len(p.Actuals) > 0 {
		return p.Actuals[0].DefRange, true
	}
	for _, m := range p.Metrics() {
		if m.Phasing != nil {
			return m.Phasing.Range, true
		}
	}
	for _, b := range p.Budgets {
		if b.Caps != nil {
			return b.Caps.Range, true
		}
	}
	for _, f := range p.Funnels {
		if f.Opening != nil {
			return f.Opening.Range, true
		}
		for _, s := range f.Stages {
			if s.Lag != nil {
				return s.Lag.Range, true
			}
		}
	}
	return hcl.Range{}, false
}

// flows spreads a yearly amount y over months by shape (which sums to 1):
// exactly, or rounded up on the cumulative series when whole.
func flows(y *big.Rat, shape []*big.Rat, whole bool) []*big.Rat {
	out := make([]*big.Rat, len(shape))
	cum, prev := new(big.Rat), new(big.Rat)
	for m, w := range shape {
		if !whole {
			out[m] = ratMul(y, w)
			continue
		}
		cum = ratAdd(cum, w)
		at := stdlib.Ceil(ratMul(y, cum))
		if m == len(shape)-1 {
			at = y // the months add up to the yearly count, exactly
		}
		out[m] = new(big.Rat).Sub(at, prev)
		prev = at
	}
	return out
}

// shift is shape moved back by offset months (k whole months and a
// fraction f), cyclically: month m gets (1 - f) x p[m+k] + f x p[m+k+1].
// Entries are even within a month, so a fractional shift mixes two
// months; shifting by the cumulative offset at once, never stage by stage,
// keeps fractional lags from smearing.
func shift(p []*big.Rat, offset *big.Rat) []*big.Rat {
	n := len(p)
	k, f := splitMonths(offset)
	g := new(big.Rat).Sub(big.NewRat(1, 1), f)
	out := make([]*big.Rat, n)
	for m := range n {
		a, b := p[(m+k)%n], p[(m+k+1)%n]
		out[m] = ratAdd(ratMul(g, a), ratMul(f, b))
	}
	return out
}

// splitMonths splits a non-negative number of months into whole months
// and the fraction left.
func splitMonths(x *big.Rat) (int, *big.Rat) {
	k := stdlib.Floor(x)
	return int(k.Num().Int64()), new(big.Rat).Sub(x, k)
}

// sums is a shape with its running totals: c[m] is the part of months 0 to
// m-1.
type sums struct {
	p, c []*big.Rat
}

func cumulative(p []*big.Rat) sums {
	c := make([]*big.Rat, len(p)+1)
	c[0] = new(big.Rat)
	for m, x := range p {
		c[m+1] = ratAdd(c[m], x)
	}
	return sums{p, c}
}

// at is the part of the shape in the first x months (k whole months and
// a fraction of the next), cyclically: each whole cycle counts 1.
func (s sums) at(x *big.Rat) *big.Rat {
	n := len(s.p)
	k, f := splitMonths(x)
	whole := ratAdd(big.NewRat(int64(k/n), 1), s.c[k%n])
	if f.Sign() == 0 {
		return whole
	}
	return ratAdd(whole, ratMul(f, s.p[k%n]))
}

// normalize makes weights into a shape that sums to 1.
func normalize(w []*big.Rat) []*big.Rat {
	sum := new(big.Rat)
	for _, x := range w {
		sum = ratAdd(sum, x)
	}
	out := make([]*big.Rat, len(w))
	for i, x := range w {
		out[i] = ratQuo(x, sum)
	}
	return out
}

// even is the shape of n equal months.
func even(n int) []*big.Rat {
	out := make([]*big.Rat, n)
	for i := range out {
		out[i] = big.NewRat(1, int64(n))
	}
	return out
}

// days is the shape of the months by their calendar days, from month
// index first.
func days(first, n int) []*big.Rat {
	w := make([]*big.Rat, n)
	for m := range n {
		w[m] = big.NewRat(int64(daysIn(first+m)), 1)
	}
	return normalize(w)
}

// daysIn is the number of days of a month index.
func daysIn(i int) int {
	y, m := i/12, i%12+1
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// aggregate extends monthly values with the quarters and halves of
// periods: their sum, or for a stock the value at their end.
func aggregate(months []*big.Rat, periods []Period, stock bool) []*big.Rat {
	out := slices.Clone(months)
	for _, p := range periods[len(months):] {
		if stock {
			out = append(out, months[p.To-1])
			continue
		}
		out = append(out, sumOf(out, months, periods, p))
	}
	return out
}

// sumOf is the sum of the months of period p, from the periods summed
// before it where they tile it (a half is two quarters).
func sumOf(done, months []*big.Rat, periods []Period, p Period) *big.Rat {
	sum := new(big.Rat)
	for from := p.From; from < p.To; {
		step := 1
		x := months[from]
		for i := len(months); i < len(done); i++ {
			if q := periods[i]; q.From == from && q.To <= p.To && q.To-q.From > step {
				step, x = q.To-q.From, done[i]
			}
		}
		sum = ratAdd(sum, x)
		from += step
	}
	return sum
}
