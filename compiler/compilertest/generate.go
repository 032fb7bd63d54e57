package compilertest

import (
	"fmt"
	"strings"

	"github.com/planc-dev/planc/lang"
)

// Generate writes a consistent plan of about n metrics in 11 files, for
// benchmarks: the shape of a large company's plan, not a chain of one
// formula. A metric is a block whose values the plan solves (a kgi or kpi,
// a funnel, a stage, a channel, a budget, a team). Every funnel comes with
// four stages, three channels (two with shares, one filling the rest) and
// ten KPIs over them, one of them a goal the funnel is solved backward
// from, 18 metrics in all; every 10 funnels share a budget and a team that
// works their SQL stage. It solves without a diagnostic.
func Generate(n int) []lang.Source {
	files := map[string]*strings.Builder{}
	file := func(name string) *strings.Builder {
		if files[name] == nil {
			files[name] = &strings.Builder{}
		}
		return files[name]
	}
	fmt.Fprintf(file("plan"), "plan {\n  title  = \"Generated plan of %d metrics\"\n  period = \"2027-04 .. 2028-03\"\n}\n\n", n)
	fmt.Fprintf(file("plan"), "kgi \"revenue\" {\n  title   = \"New-business revenue\"\n  formula = funnel.f0.revenue\n}\n")
	segments := max(1, n*10/182) // 18 metrics a funnel, and 2 a group of 10 funnels
	for i := 0; i < segments; i++ {
		segment(file, i)
	}
	for g := 0; g*10 < segments; g++ {
		group(file, g, min(segments, g*10+10))
	}
	var out []lang.Source
	for _, name := range []string{"plan", "funnels_a", "funnels_b", "channels_a", "channels_b", "kpis_a", "kpis_b", "kpis_c", "budgets", "teams", "checks"} {
		src, _ := lang.Format(name+lang.Ext, []byte(file(name).String())) // laid out as planc fmt would
		out = append(out, lang.Source{Name: name + lang.Ext, Bytes: src})
	}
	return out
}

// segment writes funnel i with its channels and ten KPIs.
func segment(file func(string) *strings.Builder, i int) {
	half := "_a"
	if i%2 == 1 {
		half = "_b"
	}
	fmt.Fprintf(file("funnels"+half), `funnel "f%d" {
  title     = "Funnel %d"
  deal_size = "%d万円"

  stage "lead" {
    owner = "marketing"
  }
  stage "mql" {
    rate  = "30%%"
    owner = "marketing"
  }
  stage "sql" {
    rate       = "%d%%"
    team       = team.t%d
    definition = "Budget, authority, need and timing confirmed."
  }
  stage "won" {
    rate       = "25%%"
    owner      = "sales"
    definition = "Order form signed."
  }
}

`, i, i, 100+i%50, 40+i%20, i/10)
	for _, c := range []struct{ name, attr string }{{"a", `share  = "35%"`}, {"b", `share  = "25%"`}, {"c", ""}} {
		fmt.Fprintf(file("channels"+half), "channel \"c%d%s\" {\n  funnel = funnel.f%d\n  cpa    = \"%d,000 JPY\"\n  %s\n}\n\n", i, c.name, i, 5+i%20, c.attr)
	}
	kpis := []string{
		fmt.Sprintf("target  = \"%d万円\"\n  formula = funnel.f%d.revenue", 2000+i%1000, i),
		fmt.Sprintf("formula = funnel.f%d.won.volume", i),
		fmt.Sprintf("formula = funnel.f%d.sql.volume / funnel.f%d.lead.volume", i, i),
		fmt.Sprintf("formula = channel.c%da.cost + channel.c%db.cost + channel.c%dc.cost", i, i, i),
		fmt.Sprintf("formula = kpi.k%d_3 / kpi.k%d_1", i, i),
		fmt.Sprintf("formula = kpi.k%d_3 / funnel.f%d.mql.volume", i, i),
		fmt.Sprintf("formula = kpi.k%d_0 / kpi.k%d_3", i, i),
		fmt.Sprintf("formula = cac_payback(kpi.k%d_4, funnel.f%d.deal_size / \"12 months\", \"80%%\")", i, i),
		fmt.Sprintf("value = \"%d%%\"", 10+i%30),
		fmt.Sprintf("formula = kpi.k%d_0 * (1 + kpi.k%d_8)", i, i),
	}
	for k, body := range kpis {
		fmt.Fprintf(file("kpis_"+string(rune('a'+k%3))), "kpi \"k%d_%d\" {\n  title = \"KPI %d of funnel %d\"\n  %s\n}\n\n", i, k, k, i, body)
	}
}

// group writes the budget and the team of funnels from*10 .. to-1, and a
// check on the budget.
func group(file func(string) *strings.Builder, g, to int) {
	var chans []string
	for i := g * 10; i < to; i++ {
		for _, c := range "abc" {
			chans = append(chans, fmt.Sprintf("channel.c%d%c", i, c))
		}
	}
	fmt.Fprintf(file("budgets"), "budget \"b%d\" {\n  cap      = \"100億円\"\n  channels = [%s]\n}\n\n", g, strings.Join(chans, ", "))
	fmt.Fprintf(file("teams"), "team \"t%d\" {\n  headcount = 1000\n  capacity  = 120\n}\n\n", g)
	fmt.Fprintf(file("checks"), "check \"b%d\" {\n  condition = budget.b%d.spend <= budget.b%d.cap\n  message   = \"Budget %d is over its cap.\"\n}\n\n", g, g, g, g)
}
