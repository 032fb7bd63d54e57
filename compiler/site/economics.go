package site

import (
	"math/big"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// Channel economics: per funnel, a table of what each channel into it
// brings (its leads, its cohort at each stage, its won deals and revenue)
// and what they cost (cost, CPA, cost per SQL, CAC, ROAS), with a total
// row. The columns that add up (leads, volumes, won deals, revenue, cost)
// are rounded with display.Parts, so that the rows shown add up to the
// total shown; the others are ratios, and their total is the ratio of the
// totals.

type economicsTable struct {
	Anchor, Funnel, Href string
	// Stages are the columns of the cohorts' volumes: the funnel's stages
	// after its top and before its last (won is a column of its own).
	Stages []string
	// CostPer names the stage of the cost-per column ("SQL"), "" for none.
	CostPer string
	Rows    []economicsRow
	Total   economicsRow
}

type economicsRow struct {
	Label, Href, Entry           string
	Leads                        string
	Stages                       []string
	Won, Revenue, Cost           string
	CPA, CostPerStage, CAC, ROAS string
}

// economics returns the channel economics of every funnel with channels.
func (g *gen) economics() []economicsTable {
	into := map[*compiler.Object][]*compiler.Object{}
	for _, c := range g.objs("channel") {
		if s := c.Ref("stage"); s != nil {
			into[s.Parent] = append(into[s.Parent], c)
		}
	}
	var out []economicsTable
	for _, f := range g.objs("funnel") {
		if cs := into[f]; len(cs) > 0 {
			out = append(out, g.economicsOf(f, cs))
		}
	}
	return out
}

// economicsOf is the table of funnel f's channels cs.
func (g *gen) economicsOf(f *compiler.Object, cs []*compiler.Object) economicsTable {
	t := economicsTable{Anchor: "economics-" + f.Name(), Funnel: f.Label(), Href: g.names.page(f)}
	cols := economicColumns(f)
	per := -1
	for i, s := range cols {
		t.Stages = append(t.Stages, s.Label())
		if strings.EqualFold(s.Name(), "sql") {
			per, t.CostPer = i, s.Label()
		}
	}
	money := f.Value("revenue").Unit
	column := func(value func(c *compiler.Object) *compiler.Var, u quantity.Unit) ([]string, string) {
		vs := make([]*compiler.Var, len(cs))
		for i, c := range cs {
			vs[i] = value(c)
		}
		return g.partsText(vs, u)
	}
	leads, totalLeads := column(func(c *compiler.Object) *compiler.Var { return c.Value("leads") }, quantity.CountOf("leads"))
	won, totalWon := column(func(c *compiler.Object) *compiler.Var { return c.Value("won") }, quantity.Count)
	revenue, totalRevenue := column(func(c *compiler.Object) *compiler.Var { return c.Value("revenue") }, money)
	cost, totalCost := column(func(c *compiler.Object) *compiler.Var { return c.Value("cost") }, money)
	stages := make([][]string, len(cols))
	t.Total.Stages = make([]string, len(cols))
	for j, s := range cols {
		stages[j], t.Total.Stages[j] = column(func(c *compiler.Object) *compiler.Var { return cohortAt(c, s) }, quantity.Count)
	}
	for i, c := range cs {
		row := economicsRow{Label: c.Label(), Href: g.names.page(c), Entry: c.Ref("stage").Label(),
			Leads: leads[i], Won: won[i], Revenue: revenue[i], Cost: cost[i],
			CPA: g.show(c.Value("cpa")), CAC: g.show(c.Value("cac")), ROAS: g.show(c.Value("roas"))}
		for j := range cols {
			row.Stages = append(row.Stages, stages[j][i])
		}
		if per >= 0 {
			row.CostPerStage = g.ratioText(g.exact(c.Value("cost")), g.exact(cohortAt(c, cols[per])), money)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Total.Label, t.Total.Leads, t.Total.Won, t.Total.Revenue, t.Total.Cost = g.T("Total"), totalLeads, totalWon, totalRevenue, totalCost
	sums := g.sumsOf(cs, cols, per)
	t.Total.CPA = g.ratioText(sums.cost, sums.leads, money)
	t.Total.CAC = g.ratioText(sums.cost, sums.won, money)
	t.Total.ROAS = g.ratioText(sums.revenue, sums.cost, quantity.Ratio)
	if per >= 0 {
		t.Total.CostPerStage = g.ratioText(sums.cost, sums.per, money)
	}
	return t
}

// economicColumns are the stages whose volumes the table shows: after the
// funnel's first stage channels enter, before its last.
func economicColumns(f *compiler.Object) []*compiler.Object {
	first := len(f.Kids)
	for i, s := range f.Kids {
		if len(s.Refs("channels")) > 0 {
			first = i
			break
		}
	}
	if first+1 >= len(f.Kids)-1 {
		return nil
	}
	return f.Kids[first+1 : len(f.Kids)-1]
}

// cohortAt is channel c's cohort volume at stage s, nil when c enters
// below s.
func cohortAt(c, s *compiler.Object) *compiler.Var {
	for _, co := range c.Kids {
		if co.At() == s {
			return co.Value("volume")
		}
	}
	return nil
}

// sums are the exact totals of the table, for its ratio columns.
type sums struct{ leads, won, revenue, cost, per *big.Rat }

func (g *gen) sumsOf(cs []*compiler.Object, cols []*compiler.Object, per int) sums {
	add := func(value func(c *compiler.Object) *compiler.Var) *big.Rat {
		total := new(big.Rat)
		for _, c := range cs {
			v := value(c)
			if v == nil {
				continue
			}
			x := g.exact(v)
			if x == nil {
				return nil
			}
			total.Add(total, x)
		}
		return total
	}
	s := sums{
		leads:   add(func(c *compiler.Object) *compiler.Var { return c.Value("leads") }),
		won:     add(func(c *compiler.Object) *compiler.Var { return c.Value("won") }),
		revenue: add(func(c *compiler.Object) *compiler.Var { return c.Value("revenue") }),
		cost:    add(func(c *compiler.Object) *compiler.Var { return c.Value("cost") }),
	}
	if per >= 0 {
		s.per = add(func(c *compiler.Object) *compiler.Var { return cohortAt(c, cols[per]) })
	}
	return s
}

// partsText shows the values vs (nil for none) rounded so that they add
// up to the total shown (display.Parts); "" for a nil value, "?" for an
// unknown one.
func (g *gen) partsText(vs []*compiler.Var, u quantity.Unit) ([]string, string) {
	vals := make([]*big.Rat, len(vs))
	unknown := false
	for i, v := range vs {
		if v == nil {
			continue
		}
		if vals[i] = g.exact(v); vals[i] == nil {
			unknown = true
		}
	}
	out := make([]string, len(vs))
	if unknown {
		for i, v := range vs {
			if v != nil {
				out[i] = g.show(v)
			}
		}
		return out, "?"
	}
	present := make([]*big.Rat, 0, len(vals))
	for _, x := range vals {
		if x != nil {
			present = append(present, x)
		}
	}
	parts, total := g.parts(present, u)
	k := 0
	for i := range vs {
		if vals[i] != nil {
			out[i] = parts[k]
			k++
		}
	}
	return out, total
}

// ratioText shows a / b in unit u, "—" when either is unknown or b is
// zero.
func (g *gen) ratioText(a, b *big.Rat, u quantity.Unit) string {
	if a == nil || b == nil || b.Sign() == 0 {
		return "—"
	}
	return g.num(new(big.Rat).Quo(a, b), u)
}
