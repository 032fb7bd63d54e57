package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Lowering a funnel and the channels that bring leads into it.

// funnel lowers a funnel: its deal size, each stage's volume from the
// stage before, and its revenue from the last stage. In a funnel with
// cohorts of its own, the volumes below the stage its channels enter
// first and the revenue come from the cohorts instead (cohorts.go).
func (l *lowerer) funnel(f *Object) {
	fn := f.Node.(*lang.Funnel)
	dealSize := f.Value("deal_size")
	l.input(dealSize, fn.DealSize)
	cohorts := l.info.cohortFunnel[f]
	first := firstEntered(f)
	var prev *Var
	for i, so := range f.Kids {
		s := so.Node.(*lang.Stage)
		vol := so.Value("volume")
		l.input(so.Value("lag"), s.Lag)
		if r := so.Value("rate"); r != nil && prev != nil {
			l.input(r, s.Rate)
			if !cohorts || i <= first {
				e := mul(prev, r, s.DefRange)
				if in := so.Value("inflow"); in != nil {
					e = &Bin{Op: '+', A: e, B: ref(in, s.DefRange), R: s.DefRange}
				}
				l.add(&Eq{V: vol, E: e, Role: RoleStep, Range: attrRange(s.Rate, s.DefRange)})
			}
		}
		prev = vol
	}
	if prev != nil && !cohorts {
		won := mul(prev, dealSize, fn.DefRange)
		l.add(&Eq{V: f.Value("revenue"), E: won, Role: RoleRevenue, Range: fn.DefRange})
		l.add(&Eq{V: f.Value("planned_revenue"), E: won, Role: RoleCohort, Range: fn.DefRange})
	}
}

// firstEntered is the index of the first stage of f that channels enter,
// whose volume their leads add up to; the last stage when none does.
func firstEntered(f *Object) int {
	for i, s := range f.Kids {
		if len(s.Refs("channels")) > 0 {
			return i
		}
	}
	return len(f.Kids) - 1
}

// stageLabel names what a stage counts: its unit, or else its name.
func stageLabel(s *lang.Stage) string {
	if s.Unit.Value != "" {
		return s.Unit.Value
	}
	return s.Name
}

// channel lowers a channel: its CPA and one of share, leads or budget,
// its cost, and its leads as a share of the leads into its stage. The
// share gives the channel's leads only through the apportionment of the
// stage's leads (entries), so that the channels add up to the stage.
func (l *lowerer) channel(c *Object) {
	ch := c.Node.(*lang.Channel)
	leads, share, cpa, cost := c.Value("leads"), c.Value("share"), c.Value("cpa"), c.Value("cost")
	l.input(cpa, ch.CPA)
	l.input(share, ch.Share)
	l.input(leads, ch.Leads)
	l.input(cost, ch.Budget)
	l.input(c.Value("deal_size"), ch.DealSize)
	l.add(&Eq{V: cost, E: mul(leads, cpa, ch.DefRange), Role: RoleChannelCost, Range: ch.DefRange, FloorBackward: ch.Budget != nil})
	s := c.Ref("stage")
	if s == nil {
		return
	}
	l.add(&Eq{V: leads, E: mul(share, entryTotal(s), ch.DefRange), Role: RoleChannelShare, Range: ch.DefRange,
		CeilForward: true, Relation: true, NoForward: true})
}

// entryTotal is the value that the leads of the channels into s add up
// to: the stage's inflow below the funnel's top, its volume at the top.
func entryTotal(s *Object) *Var {
	if in := s.Value("inflow"); in != nil {
		return in
	}
	return s.Value("volume")
}

// entries relates each stage that channels feed to their leads: the
// stage's volume (or inflow) is the sum of the leads of its channels, when
// their shares can add up to 100%.
func (l *lowerer) entries() {
	var order []*Object
	into := map[*Object][]*Object{}
	for _, c := range l.info.Kind("channel") {
		s := c.Ref("stage")
		if s == nil {
			continue
		}
		if into[s] == nil {
			order = append(order, s)
		}
		into[s] = append(into[s], c)
	}
	for _, s := range order {
		if l.checkShareSum(s, into[s]) {
			var leads []*Var
			for _, c := range into[s] {
				leads = append(leads, c.Value("leads"))
			}
			r := s.Node.Header().DefRange
			total := entryTotal(s)
			l.add(&Eq{V: total, E: sum(leads, r, quantity.CountOf("leads")), Role: RoleEntry, Range: r, Relation: true})
			l.apportion(total, into[s], r)
		}
	}
}

// checkShareSum reports shares that cannot add up to 100%: above 100% in
// any case, or below it when every channel has a literal share, so no
// channel fills the rest. It returns false when it reported: the sum is
// then left out instead of reporting a conflict about the same mistake.
func (l *lowerer) checkShareSum(s *Object, cs []*Object) bool {
	total := new(big.Rat)
	fills := false
	var last *Var
	var parts []string
	for _, c := range cs {
		sh := c.Value("share")
		if sh.Given == nil {
			fills = true
			continue
		}
		total.Add(total, sh.Given.Value)
		last = sh
		parts = append(parts, fmt.Sprintf("%s %s", c.Name(), quantity.Format(sh.Given.Value, quantity.Ratio)))
	}
	one := big.NewRat(1, 1)
	if last == nil || total.Cmp(one) == 0 || (fills && total.Cmp(one) < 0) {
		return true
	}
	detail := fmt.Sprintf("The channels into stage %q of funnel %q have shares %s, which add up to %s, not 100%%.",
		s.Name(), s.Parent.Name(), strings.Join(parts, ", "), quantity.Format(total, quantity.Ratio))
	if total.Cmp(one) < 0 {
		detail += " Raise a share, or add a channel without a share (or with leads or budget) to fill the rest."
	} else {
		detail += " Lower the shares so that they add up to 100%."
	}
	l.sink.add(lang.Diag(lang.ShareSum, last.Given.Range, "Shares do not add up to 100%", detail))
	return false
}
