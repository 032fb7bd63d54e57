package site

import (
	"math/big"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// Numbers on the pages. Every number a reader sees goes through num (or
// show, for a value): in English as quantity.Format writes it
// ("¥240,000,000"), in Japanese as a Japanese plan does ("2.4億円",
// "1,800万円", "月20件"), or in full digits with number_style = "plain".
// Details stay exact to the yen (exactNum): a value page's exact figure,
// a chart's tooltips, the section for plan authors.

// num shows x in unit u for readers: in 万 and 億 in Japanese.
func (g *gen) num(x *big.Rat, u quantity.Unit) string {
	return quantity.FormatStyle(x, u, g.style)
}

// exactNum shows x in unit u exactly: money to the yen ("¥158,877,000",
// "158,877,000円").
func (g *gen) exactNum(x *big.Rat, u quantity.Unit) string {
	if g.style.Japanese {
		s := g.style
		s.Plain = true
		return quantity.FormatStyle(x, u, s)
	}
	return quantity.Format(x, u)
}

// show is v's value for people, "" for a value the plan does not have,
// "?" for one it could not solve.
func (g *gen) show(v *compiler.Var) string { return g.showBy(v, g.num) }

// showExact is v's value exactly (exactNum), "?" when unsolved.
func (g *gen) showExact(v *compiler.Var) string { return g.showBy(v, g.exactNum) }

// showBy is v's value written by format, "" for a value the plan does
// not have, "?" for one it could not solve.
func (g *gen) showBy(v *compiler.Var, format func(*big.Rat, quantity.Unit) string) string {
	if v == nil {
		return ""
	}
	x := g.exact(v)
	if x == nil {
		return display.Value(g.r, v)
	}
	return format(x, v.Unit)
}

// headline is v as a page's headline figure: a count of 10 or more that
// is an expected value, not whole (1,719.16 MQLs from channels that
// convert at rates of their own), is rounded to a whole number, as a
// manager presents it; the value's page keeps the decimals.
func (g *gen) headline(v *compiler.Var) string {
	x := g.exact(v)
	if x == nil || !v.Unit.IsCount() || x.IsInt() || new(big.Rat).Abs(x).Cmp(big.NewRat(10, 1)) < 0 {
		return g.show(v)
	}
	return g.num(stdlib.Round(x), v.Unit)
}

// signed shows x with its sign, a minus sign for a negative number:
// "+¥840,000", "−70", "+84万円".
func (g *gen) signed(x *big.Rat, u quantity.Unit) string {
	switch {
	case x == nil:
		return "?"
	case x.Sign() < 0:
		return "−" + g.num(new(big.Rat).Neg(x), u)
	case x.Sign() > 0:
		return "+" + g.num(x, u)
	}
	return g.num(x, u)
}

// parts shows the values xs of one unit u in a column with their total,
// rounded so that the rows shown add up to the total shown
// (display.Parts). Yen in 万/億 are rounded alike for the whole column,
// to a 万 (to a tenth of one when every amount is below 1,000万), and
// written out in 億 and 万 ("1億1,480万円") so that they still add up.
func (g *gen) parts(xs []*big.Rat, u quantity.Unit) ([]string, string) {
	if g.tableYen(u) {
		if texts, total, ok := manParts(xs); ok {
			return texts, total
		}
	}
	ps, total := display.Parts(xs, u)
	out := make([]string, len(ps))
	for i, p := range ps {
		if p != nil {
			out[i] = g.num(p, u)
		}
	}
	if total == nil {
		return out, "?"
	}
	return out, g.num(total, u)
}

// tableYen reports whether a column of unit u is written in 万 and 億.
func (g *gen) tableYen(u quantity.Unit) bool {
	return g.style.Japanese && !g.style.Plain && u.IsMoney() && u.Currency == "JPY"
}

var (
	tenThousand = big.NewRat(10000, 1)
	tenMillion  = big.NewRat(10000000, 1)
)

// manParts rounds a column of yen to 万 (or a tenth of one) so that it adds
// up, and writes each amount in 億 and 万; ok is false for a column below
// 1万 throughout, which shows in yen.
func manParts(xs []*big.Rat) (texts []string, total string, ok bool) {
	largest, sum := new(big.Rat), new(big.Rat)
	scaled := make([]*big.Rat, len(xs))
	for i, x := range xs {
		if x == nil {
			continue
		}
		sum.Add(sum, x)
		if a := new(big.Rat).Abs(x); a.Cmp(largest) > 0 {
			largest = a
		}
		scaled[i] = new(big.Rat).Quo(x, tenThousand)
	}
	if a := new(big.Rat).Abs(sum); a.Cmp(largest) > 0 {
		largest = a
	}
	if largest.Cmp(tenThousand) < 0 {
		return nil, "", false
	}
	decimals := 1
	if largest.Cmp(tenMillion) >= 0 {
		decimals = 0
	}
	// display.Parts rounds to the decimals of its unit: a count's two,
	// the yen's none. Tenths of a 万 are rounded as whole units of ten.
	unit, scale := quantity.Money("JPY"), big.NewRat(1, 1)
	if decimals == 1 {
		scale = big.NewRat(10, 1)
	}
	for i, s := range scaled {
		if s != nil {
			scaled[i] = s.Mul(s, scale)
		}
	}
	ps, t := display.Parts(scaled, unit)
	texts = make([]string, len(ps))
	for i, p := range ps {
		if p != nil {
			texts[i] = manOku(p.Quo(p, scale), decimals)
		}
	}
	if t == nil {
		return texts, "?", true
	}
	return texts, manOku(t.Quo(t, scale), decimals), true
}

// manOku writes an amount of 万 in 兆, 億 and 万 with decimals of a 万 at
// most: "1億1,480万円", "4,500万円", "412.5万円", "3億円".
func manOku(man *big.Rat, decimals int) string {
	sign := ""
	if man.Sign() < 0 {
		sign = "−"
	}
	abs := new(big.Rat).Abs(man)
	// Round first, so that 9,999.96万 is 1億, not 9,999 and 1.0万.
	rounded, _ := new(big.Rat).SetString(strings.ReplaceAll(quantity.Decimal(abs, decimals, false), ",", ""))
	whole := new(big.Int).Quo(rounded.Num(), rounded.Denom())
	frac := new(big.Rat).Sub(rounded, new(big.Rat).SetInt(whole))
	oku := new(big.Int).Quo(whole, big.NewInt(10000))
	rest := new(big.Rat).Add(new(big.Rat).SetInt(new(big.Int).Rem(whole, big.NewInt(10000))), frac)
	cho := new(big.Int).Quo(oku, big.NewInt(10000))
	oku.Rem(oku, big.NewInt(10000))
	var b strings.Builder
	b.WriteString(sign)
	if cho.Sign() > 0 {
		b.WriteString(quantity.Decimal(new(big.Rat).SetInt(cho), 0, true) + "兆")
	}
	if oku.Sign() > 0 {
		b.WriteString(quantity.Decimal(new(big.Rat).SetInt(oku), 0, true) + "億")
	}
	if rest.Sign() > 0 {
		b.WriteString(quantity.Decimal(rest, decimals, true) + "万")
	}
	if b.Len() == len(sign) {
		return "0円"
	}
	return b.String() + "円"
}
