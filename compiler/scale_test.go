package compiler_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/compilertest"
	"github.com/planc-dev/planc/lang"
)

// The tests here check that the compiler's work grows linearly with the
// plan on inputs shaped to make it grow faster, by counting what it builds
// (never by timing it). Benchmarks measure the time.

// eqSize is the number of references in all of a result's equations: the
// size of what the solver works through.
func eqSize(r *compiler.Result) int {
	n := 0
	for _, eq := range r.Eqs {
		n += 1 + len(compiler.RefNodes(eq.E))
	}
	return n
}

// TestSourcesLinear: every channel with a source of its own. Each
// source's shares divide by the leads of all the funnel's channels; that
// sum used to be written into every source's equations (3,000 channels:
// 9 million references, 88 s), and is now a total made once.
func TestSourcesLinear(t *testing.T) {
	sizes := map[int]int{}
	for _, n := range []int{100, 1000} {
		var b strings.Builder
		b.WriteString("plan {\n  title = \"Sources\"\n}\nkgi \"revenue\" {\n  formula = funnel.d.revenue\n}\n")
		b.WriteString("funnel \"d\" {\n  deal_size = \"120万円\"\n  stage \"lead\" {}\n  stage \"won\" {\n    rate = \"12.5%\"\n  }\n}\n")
		for i := range n {
			fmt.Fprintf(&b, "channel \"c%d\" {\n  funnel = funnel.d\n  cpa    = \"1.8万円\"\n  source = \"s%d\"\n  leads  = 8\n}\n", i, i)
		}
		plan, diags := lang.Parse([]lang.Source{{Name: "a.plan.hcl", Bytes: []byte(b.String())}})
		r := compiler.Compile(plan, diags)
		if r.Diags.HasErrors() {
			t.Fatalf("%d channels: %s", n, describe(r.Diags))
		}
		sizes[n] = eqSize(r)
		// Each source has 8 of the 8n leads: its share of leads is 8/8n =
		// 1/n, and of won deals (all channels convert alike) 1/n too.
		share := fmt.Sprintf("1/%d", n)
		compilertest.Values(t, r, map[string]string{
			"funnel.d.source.s0.lead_share": share,
			"funnel.d.source.s7.share":      share,
			"source.s1.lead_share":          share,
		})
	}
	// Ten times the channels, at most ten times the references (and a
	// little for the plan's fixed part).
	if sizes[1000] > 10*sizes[100]+100 {
		t.Errorf("equations hold %d references for 100 channels, %d for 1,000: not linear", sizes[100], sizes[1000])
	}
}

// TestFlatChains: a sum or product of many terms is one level of nesting
// (a KGI that adds up 202 KPIs was "nested more than 200 levels", twice,
// with a false kgi-not-revenue warning).
func TestFlatChains(t *testing.T) {
	var terms []string
	var b strings.Builder
	b.WriteString("plan {\n  title = \"Chains\"\n}\n")
	for i := range 202 {
		fmt.Fprintf(&b, "kpi \"a%d\" {\n  value = \"1.5万円\"\n}\n", i)
		terms = append(terms, fmt.Sprintf("kpi.a%d", i))
	}
	fmt.Fprintf(&b, "kgi \"revenue\" {\n  formula = %s\n}\n", strings.Join(terms, " + "))
	fmt.Fprintf(&b, "kpi \"growth\" {\n  value = \"101%%\"\n}\nkpi \"compound\" {\n  formula = %skpi.growth\n}\n", strings.Repeat("kpi.growth * ", 249))
	plan, diags := lang.Parse([]lang.Source{{Name: "a.plan.hcl", Bytes: []byte(b.String())}})
	r := compiler.Compile(plan, diags)
	if len(r.Diags) > 0 {
		t.Fatalf("want no diagnostic, got:\n%s", describe(r.Diags))
	}
	// 250 factors of 101/100: 101^250 / 100^250, exactly.
	compound := new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(101), big.NewInt(250), nil), new(big.Int).Exp(big.NewInt(100), big.NewInt(250), nil))
	compilertest.Values(t, r, map[string]string{
		"kgi.revenue":  "3030000", // 202 x 15,000
		"kpi.compound": compound.RatString(),
	})
}

// TestOneErrorPerFormula: a formula whose both sides are too deep is one
// diagnostic, not one per side.
func TestOneErrorPerFormula(t *testing.T) {
	deep := strings.Repeat("(", 300) + "kpi.a" + strings.Repeat(")", 300)
	src := "plan {\n  title = \"Deep\"\n}\nkpi \"a\" {\n  value = \"1円\"\n}\nkgi \"revenue\" {\n  formula = " + deep + " + " + deep + "\n}\n"
	plan, diags := lang.Parse([]lang.Source{{Name: "a.plan.hcl", Bytes: []byte(src)}})
	r := compiler.Compile(plan, diags)
	if len(r.Diags) != 1 || lang.CodeOf(r.Diags[0]) != lang.Schema {
		t.Errorf("want one schema error, got:\n%s", describe(r.Diags))
	}
}

// TestLongCycle: a loop of 20,000 KPIs is one diagnostic of one line,
// naming the first and last of them (it used to name all 20,000).
func TestLongCycle(t *testing.T) {
	const n = 20000
	var b strings.Builder
	b.WriteString("plan {\n  title = \"Loop\"\n}\n")
	for i := range n {
		fmt.Fprintf(&b, "kpi \"k%d\" {\n  formula = kpi.k%d\n}\n", i, (i+1)%n)
	}
	plan, diags := lang.Parse([]lang.Source{{Name: "a.plan.hcl", Bytes: []byte(b.String())}})
	r := compiler.Compile(plan, diags)
	if len(r.Diags) != 1 || lang.CodeOf(r.Diags[0]) != lang.Cycle {
		t.Fatalf("want one cycle error, got:\n%s", describe(r.Diags))
	}
	want := "These values are defined in terms of each other: kpi.k0 -> kpi.k1 -> kpi.k2 -> kpi.k3 -> kpi.k4 -> kpi.k5 -> ... (19,992 more) -> kpi.k19998 -> kpi.k19999 -> kpi.k0. Give one of them a value or target instead of a formula, or break the loop."
	if got := r.Diags[0].Detail; got != want {
		t.Errorf("detail:\n%s\nwant:\n%s", got, want)
	}
}

// TestTinyProduct: a product too close to zero to compute says so: it
// read "Number too large".
func TestTinyProduct(t *testing.T) {
	src := "plan {\n  title = \"Tiny\"\n}\nkpi \"r\" {\n  value = \"0.1%\"\n}\nkpi \"p\" {\n  formula = " + strings.Repeat("kpi.r * ", 499) + "kpi.r\n}\n"
	plan, diags := lang.Parse([]lang.Source{{Name: "a.plan.hcl", Bytes: []byte(src)}})
	r := compiler.Compile(plan, diags)
	if len(r.Diags) != 1 || r.Diags[0].Summary != "Number too small" {
		t.Fatalf("want one Number too small, got:\n%s", describe(r.Diags))
	}
}
