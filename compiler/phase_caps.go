package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/zclconf/go-cty/cty"
)

// periodCaps checks the caps a budget gives for periods of the plan by
// month (caps = { Q4 = "2000万円" }): its spend in each such period, the
// sum of its months, against the cap, naming the period.
func (c *checker) periodCaps() {
	for _, b := range c.info.Kind("budget") {
		a := b.Node.(*lang.Budget).Caps
		if a == nil || c.tl == nil {
			continue
		}
		items, ok := objectItems(c.sink, a, "Caps must be an object",
			"Give a budget's caps by period name, such as caps = { Q4 = \"2000万円\", \"2027-04\" = \"500万円\" }.")
		if !ok {
			continue
		}
		spend := c.tl.months(b.Value("spend"))
		for _, it := range items {
			per, ok := c.periodNamed(it.Key)
			if !ok {
				continue
			}
			limit, ok := c.moneyOf(it.Value, b)
			if !ok || spend == nil {
				continue
			}
			c.periodCap(b, per, limit, spend, it.Value.Range())
		}
	}
}

// periodCap reports budget b over its cap limit in period per.
func (c *checker) periodCap(b *Object, per Period, limit *big.Rat, spend []*big.Rat, r hcl.Range) {
	in := new(big.Rat)
	for _, x := range spend[per.From:per.To] {
		in = ratAdd(in, x)
	}
	if in.Cmp(limit) <= 0 {
		return
	}
	u := b.Value("spend").Unit
	when := per.Name
	if per.To-per.From > 1 {
		when += " (" + c.tl.monthsText(per.From, per.To-1) + ")"
	}
	c.sink.fail(lang.OverBudget, r, "Over budget",
		fmt.Sprintf("budget %q spends %s in %s, above its cap for %s of %s by %s. %s",
			b.Name(), quantity.Format(in, u), when, per.Name, quantity.Format(limit, u),
			quantity.Format(new(big.Rat).Sub(in, limit), u), overBudgetFix(b)))
}

// periodNamed reads the period a key names: a month ("2027-04"), a
// quarter (Q1..Q4) or a half (H1, H2) of the plan's period; reported when
// it is none.
func (c *checker) periodNamed(key hcl.Expression) (Period, bool) {
	name := hcl.ExprAsKeyword(key)
	if name == "" {
		if v, diags := key.Value(nil); !diags.HasErrors() && v.Type() == cty.String {
			name = v.AsString()
		}
	}
	if i, ok := c.tl.Index(name); ok {
		return c.tl.Periods[i], true
	}
	c.sink.fail(lang.PeriodIndex, key.Range(), "No such period",
		fmt.Sprintf("%q is not a period of the plan by month; give a month of the period (%s to %s, such as \"%s\"), or %s.",
			name, lang.MonthName(c.tl.First), lang.MonthName(c.tl.First+c.tl.Months-1), lang.MonthName(c.tl.First), c.tl.groupNames()))
	return Period{}, false
}

// groupNames lists the quarters and halves of the timeline's periods.
func (t *Timeline) groupNames() string {
	var names []string
	for _, p := range t.Periods[t.Months:] {
		names = append(names, p.Name)
	}
	if len(names) == 0 {
		return "no quarter: the period is not whole quarters"
	}
	return "a quarter or half: " + strings.Join(names, ", ")
}

// moneyOf reads a cap: an amount of money in the plan's currency, written
// as a quantity ("2000万円") or a bare number of it.
func (c *checker) moneyOf(e hcl.Expression, b *Object) (*big.Rat, bool) {
	v, diags := e.Value(nil)
	q, err := literal(v)
	if diags.HasErrors() || err != nil {
		c.sink.fail(lang.BadQuantity, e.Range(), "Bad cap", fmt.Sprintf("budget %q: a cap is an amount, such as \"2000万円\".", b.Name()))
		return nil, false
	}
	x, ok := inUnit(q, quantity.Money(c.info.Currency))
	if !ok {
		c.sink.fail(lang.UnitMismatch, e.Range(), "Cap is not money",
			fmt.Sprintf("budget %q's cap for a period is money in %s, such as \"2000万円\".", b.Name(), c.info.Currency))
	}
	return x, ok
}

// objectItems reads an attribute that holds an object of values by name
// (a channel's rates, a funnel's opening, a budget's caps), reporting
// summary and detail, which show how to write one, when it holds
// something else.
func objectItems(s *sink, a *lang.Attr, summary, detail string) ([]hcl.KeyValuePair, bool) {
	items, diags := hcl.ExprMap(a.Expr)
	if diags.HasErrors() {
		s.fail(lang.Schema, a.Expr.Range(), summary, detail)
		return nil, false
	}
	return items, true
}
