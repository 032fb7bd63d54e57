package compiler

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// checker runs the built-in checks on a solved plan (the check phase). It
// needs Info, the lowered equations and check blocks, the solution and
// the plan's rules (thresholds); it reports to the sink.
type checker struct {
	info  *Info
	low   *lowered
	sol   *Solution
	rules *rules
	sink  *sink
	// tl is the plan by month, nil when not built: the team check then
	// takes a month's load where it can.
	tl *Timeline
}

// checks are the built-in checks in the order they run, each with the
// code it reports (a check of inputs the solver could only judge once
// solved reports schema).
var checks = []struct {
	code lang.Code
	run  func(*checker)
}{
	{lang.RateOutOfRange, (*checker).rates},
	{lang.ValueOutOfRange, (*checker).amounts},
	{lang.OverBudget, (*checker).budgets},
	{lang.Schema, (*checker).teamInputs},
	{lang.OverCapacity, (*checker).capacity},
	{lang.KGINotRevenue, (*checker).kgis},
	{lang.HandoffWithoutDefinition, (*checker).handoffs},
	{lang.CheckFailed, (*checker).blocks},
	{lang.PaybackTooLong, (*checker).payback},
	{lang.LTVCACLow, (*checker).ltvCAC},
	{lang.BenchmarkOutlier, (*checker).benchmarks},
}

func runChecks(c *checker) {
	for _, ch := range checks {
		ch.run(c)
	}
}

func (c *checker) rates() {
	one := big.NewRat(1, 1)
	for _, v := range c.info.Vars {
		val, ok := c.sol.Value(v)
		if (v.Kind != KindRate && v.Kind != KindShare) || !ok {
			continue
		}
		if val.Nom.Sign() > 0 && val.Nom.Cmp(one) <= 0 || switchedOff(v, val.Nom) {
			continue
		}
		c.sink.add(c.rateDiag(v, val.Nom))
	}
}

// switchedOff reports whether v is a share the plan gives as 0%: a
// channel switched off (no leads, no cost), as a scenario does to a
// cancelled exhibition.
func switchedOff(v *Var, x *big.Rat) bool {
	return v.Kind == KindShare && v.Given != nil && x.Sign() == 0
}

// boundText shows a ratio as a percentage precise enough to tell it from
// the bounds it is out of: 100.0001% is not "100%", and 0.00001% is not
// "0%".
func boundText(x *big.Rat) string {
	pct := new(big.Rat).Mul(x, big.NewRat(100, 1))
	one := big.NewRat(1, 1)
	s := quantity.Format(x, quantity.Ratio)
	for d := 3; d <= 12 && (s == "100%" && x.Cmp(one) != 0 || s == "0%" && x.Sign() != 0); d++ {
		s = quantity.Decimal(pct, d, true) + "%"
	}
	return s
}

// offHint tells how to switch a channel off, for a share out of range.
func offHint(v *Var) string {
	if v.Kind == KindShare {
		return " (or exactly \"0%\" to switch the channel off)"
	}
	return ""
}

func (c *checker) rateDiag(v *Var, x *big.Rat) *hcl.Diagnostic {
	what := "rate"
	if v.Kind == KindShare {
		what = "share"
	}
	detail := fmt.Sprintf("%s is %s; a %s must be above 0%% and at most 100%%%s.", v.Path, boundText(x), what, offHint(v))
	r := v.Decl
	if v.Given != nil {
		r = v.Given.Range
		if x.Cmp(big.NewRat(1, 1)) > 0 && x.IsInt() {
			detail += fmt.Sprintf(" A bare number is a fraction, so %s means %s; write %s = \"%s%%\".",
				x.RatString(), quantity.Format(x, quantity.Ratio), what, x.RatString())
		}
	} else if eq := c.sol.SolvedBy(v); eq != nil {
		r = eq.Range
		detail += " It was solved from " + eq.Text() + "; check the values that determine it."
	}
	summary := "Rate out of range"
	if v.Kind == KindShare {
		summary = "Share out of range"
	}
	return lang.Diag(lang.RateOutOfRange, r, summary, detail)
}

// amounts reports given amounts that cannot be: below zero, or zero where
// the plan divides by them.
func (c *checker) amounts() {
	for _, v := range c.info.Vars {
		if v.Given == nil {
			continue
		}
		if summary, why := badAmount(v); summary != "" {
			c.sink.fail(lang.ValueOutOfRange, v.Given.Range, summary,
				fmt.Sprintf("%s is %s; %s", v.Path, quantity.Format(v.Given.Value, v.Unit), why))
		}
	}
}

// badAmount says what is wrong with v's given value, "" when nothing is.
func badAmount(v *Var) (summary, why string) {
	x := v.Given.Value
	switch {
	case v.Kind == KindDealSize && x.Sign() <= 0:
		return "Deal size not above zero", "a deal size must be above zero: it is what one won deal brings, and the won deals the goal needs are its revenue divided by it. Give the average revenue of a won deal, such as deal_size = \"2.4M JPY\"."
	case v.Kind == KindCPA && x.Sign() == 0 && v.Object.Node.(*lang.Channel).Budget != nil:
		return "CPA of zero with a budget", "a channel given a budget buys budget / CPA leads, which a CPA of zero cannot say. Give its cost per lead, or its leads or share instead of a budget."
	case x.Sign() >= 0:
		return "", ""
	case v.Kind == KindCPA:
		return "Amount below zero", "a cost per lead cannot be below zero. A channel that costs nothing per lead has cpa = 0."
	case v.Kind == KindCap, v.Kind == KindCost, v.Kind == KindLeads, v.Kind == KindAmount:
		return "Amount below zero", "it cannot be below zero; give the amount without the minus sign."
	case v.Kind == KindMetric && v.Given.Origin == Target && v.Unit.IsMoney():
		return "Target below zero", "a money target below zero is no goal. Give the revenue (or other amount) the plan must reach."
	}
	return "", ""
}

func (c *checker) kgis() {
	for _, k := range c.info.Kind("kgi") {
		v := k.Value("")
		if !v.UnitKnown || v.Unit.IsMoney() {
			continue
		}
		c.sink.add(lang.Warning(lang.KGINotRevenue, k.DefRange(), "KGI is not revenue",
			fmt.Sprintf("kgi %q is %s. A KGI should be the revenue the plan must reach for its period, not a count of orders; make it money (for example target = \"4.8億円\") and keep counts as KPIs.", k.Name(), v.Unit.Dimension())))
	}
}

func (c *checker) handoffs() {
	for _, f := range c.info.Kind("funnel") {
		for i := 1; i < len(f.Kids); i++ {
			prev, cur := f.Kids[i-1], f.Kids[i]
			from, to := StageOwner(prev), StageOwner(cur)
			if from == "" || to == "" || from == to || cur.Node.(*lang.Stage).Definition.Value != "" {
				continue
			}
			c.sink.add(lang.Warning(lang.HandoffWithoutDefinition, cur.DefRange(), "Handoff without a definition",
				fmt.Sprintf("stage %q passes from %s to %s, but has no definition. Write the criteria both teams agreed on, such as definition = \"Score 50+, company of 100+ employees\".",
					cur.Name(), from, to)))
		}
	}
}

// exprRange is the range of an attribute's value, or fallback when absent.
func exprRange(a *lang.Attr, fallback hcl.Range) hcl.Range {
	if a == nil {
		return fallback
	}
	return a.Expr.Range()
}

func attrRange(a *lang.Attr, fallback hcl.Range) hcl.Range {
	if a == nil {
		return fallback
	}
	return a.Range
}

// before orders ranges by file name, then position.
func before(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}
