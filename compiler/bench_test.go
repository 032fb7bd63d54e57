package compiler_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// largePlan is a plan of n metrics: a chain of KPIs that each refer to the
// one before, solved backward from the last one's target, plus the worked
// example's funnel.
func largePlan(n int) []lang.Source {
	var b strings.Builder
	b.WriteString("plan {\n  title = \"large\"\n}\n")
	b.WriteString("kpi \"m0\" {\n  unit = \"JPY\"\n}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "kpi \"m%d\" {\n  formula = kpi.m%d + \"1000 JPY\"\n}\n", i, i-1)
	}
	fmt.Fprintf(&b, "kgi \"goal\" {\n  target  = \"4.8億円\"\n  formula = kpi.m%d\n}\n", n-1)
	return []lang.Source{{Name: "large.plan.hcl", Bytes: []byte(b.String())}}
}

func BenchmarkCompile1000(b *testing.B) {
	srcs := largePlan(1000)
	b.ReportAllocs()
	for b.Loop() {
		plan, diags := lang.Parse(srcs)
		diags = compiler.Compile(plan, diags).Diags
		if diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
