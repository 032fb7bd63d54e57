package compiler_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/compilertest"
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

// BenchmarkPhasedCompile compiles the generated plan of 10,000 metrics
// (compilertest.Generate) with a lag on every stage, so that it is placed
// in the months of its period, and the same plan without lags, yearly; it
// reports the phased compile's time (what check does) as a multiple of the
// yearly one (x-yearly, medians of alternating runs; the target is 1.5),
// and the same with every period of every value made, as solve --format
// json and the site need (x-yearly-all).
func BenchmarkPhasedCompile(b *testing.B) {
	yearly := compilertest.Generate(10000)
	phased := make([]lang.Source, len(yearly))
	for i, s := range yearly {
		phased[i] = lang.Source{Name: s.Name, Bytes: []byte(lagged.ReplaceAllString(string(s.Bytes), "$0\n    lag   = \"1 month\""))}
	}
	compile := func(srcs []lang.Source) (time.Duration, *compiler.Result) {
		start := time.Now()
		plan, diags := lang.Parse(srcs)
		r := compiler.Compile(plan, diags)
		if r.Diags.HasErrors() {
			b.Fatal(r.Diags)
		}
		return time.Since(start), r
	}
	var ys, ps, alls []time.Duration
	for b.Loop() {
		y, _ := compile(yearly)
		p, r := compile(phased)
		start := time.Now()
		if r.Timeline.Series(r.Info.Vars[0]) == nil { // the KGI: every period made
			b.Fatal("the phased plan has no months")
		}
		ys, ps, alls = append(ys, y), append(ps, p), append(alls, p+time.Since(start))
	}
	b.ReportMetric(float64(medianOf(ps))/float64(medianOf(ys)), "x-yearly")
	b.ReportMetric(float64(medianOf(alls))/float64(medianOf(ys)), "x-yearly-all")
}

// lagged finds the rate of a stage (indented four spaces, as Generate
// writes stages).
var lagged = regexp.MustCompile(`(?m)^    rate +=.*$`)

func medianOf(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
