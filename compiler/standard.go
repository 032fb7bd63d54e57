package compiler

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// The standard checks of the marketing library: CAC payback, LTV / CAC and
// the benchmark pack. They warn rather than fail: they judge a plan that
// is consistent. Their thresholds come from rules (see rules.go).

// Benchmark is the benchmark a value is compared with.
type Benchmark struct {
	Key    string
	Ranges []*stdlib.BenchmarkRange
	// At is the benchmark attribute that asked for the comparison.
	At hcl.Range
}

// Outside reports whether x is outside every range. A source's single
// value (an average or an example) is no range: almost every plan misses it
// exactly, so only spreads decide, and a benchmark of single values alone
// never calls a value an outlier. The message still cites them.
func (b *Benchmark) Outside(x *big.Rat) bool {
	spreads := 0
	for _, r := range b.Ranges {
		if r.IsPoint() {
			continue
		}
		if r.Contains(x) {
			return false
		}
		spreads++
	}
	return spreads > 0
}

// resolveBenchmarks finds the benchmark of each stage rate and metric that
// names one. Stages do not map to benchmarks by their names: published
// ranges hold for the stage definitions of their source, which planc cannot
// compare, so a stage opts in when its definition matches.
func (g *graph) resolveBenchmarks() {
	pack := stdlib.Benchmarks()
	g.benchmarks = map[*Var]*Benchmark{}
	for _, f := range g.plan.Funnels {
		for _, s := range f.Stages {
			if v := g.rate[s]; v != nil && s.Benchmark.Value != "" {
				g.useBenchmark(v, s.Benchmark.Value, s.Benchmark.Range, pack)
			}
		}
	}
	for _, m := range g.plan.Metrics() {
		if v := g.metricVar[m]; v != nil && m.Benchmark.Value != "" {
			g.useBenchmark(v, m.Benchmark.Value, m.Benchmark.Range, pack)
		}
	}
}

func (g *graph) useBenchmark(v *Var, key string, at hcl.Range, pack *stdlib.BenchmarkPack) {
	ranges := pack.Ranges(key)
	if ranges == nil {
		detail := fmt.Sprintf("The benchmark pack has no %q.", key)
		if s := lang.Suggest(key, pack.Keys()); s != "" {
			detail += fmt.Sprintf(" Did you mean %q?", s)
		}
		g.low.fail(lang.UnknownReference, at, "Unknown benchmark",
			detail+" Benchmarks: "+strings.Join(pack.Keys(), ", ")+".")
		return
	}
	if v.UnitKnown && !v.Unit.Same(ranges[0].Unit) {
		g.low.fail(lang.UnitMismatch, at, "Unit mismatch",
			fmt.Sprintf("%s is %s, but benchmark %q is %s.", v.Path, v.Unit.Dimension(), key, ranges[0].Unit.Dimension()))
		return
	}
	g.benchmarks[v] = &Benchmark{Key: key, Ranges: ranges, At: at}
}

// checkBenchmarks warns about each value outside every range of its
// benchmark, citing each source.
func (s *solver) checkBenchmarks() {
	for _, v := range s.g.vars {
		b, val := s.g.benchmarks[v], s.val[v]
		if b == nil || val.Nom == nil || !b.Outside(val.Nom) {
			continue
		}
		var cites []string
		for _, r := range b.Ranges {
			cites = append(cites, fmt.Sprintf("%s: %s", r.Source.Cite(), r))
		}
		at := b.At
		if v.Given != nil {
			at = v.Given.Range
		}
		s.report(lang.Warning(lang.BenchmarkOutlier, at, "Outside every published benchmark",
			fmt.Sprintf("%s is %s, outside every published range for %s: %s. Check the stage's definition and the assumption, or say why in its description; rule \"benchmark-outlier\" { enabled = false } turns the comparison off.",
				v.Path, quantity.Format(val.Nom, v.Unit), b.Key, strings.Join(cites, "; "))))
	}
}

// checkPayback warns about each cac_payback call above the rule's max.
func (s *solver) checkPayback(max *big.Rat) {
	for _, eq := range s.g.eqs {
		walk(eq.E, func(e Expr) {
			c, ok := e.(*Call)
			if !ok || c.Fn.Name != "cac_payback" || !s.known(c) || !s.g.unitOf(c, false).ok {
				return // a call with a unit error is reported as such
			}
			v, err := s.eval(c)
			if err != nil || v.Nom.Cmp(max) <= 0 {
				return
			}
			what := "cac_payback(...)"
			if eq.E == c {
				what = eq.V.Path
			}
			s.report(lang.Warning(lang.PaybackTooLong, c.R, "CAC payback too long",
				fmt.Sprintf("%s is %s, above %s: the plan waits that long to earn back what a customer costs (6 to 12 months is the common guideline). Lower the CAC, or raise the price or the margin; a rule \"payback-too-long\" { max = \"...\" } block sets another limit.",
					what, quantity.Format(v.Nom, quantity.Time), quantity.Format(max, quantity.Time))))
		})
	}
}

// checkLTVCAC warns when the plan's LTV is below min times its CAC. The
// LTV and CAC are the metrics named ltv and cac, or defined by an ltv() or
// cac() call; with more than one of either, planc cannot tell which pair
// belongs together and says nothing.
func (s *solver) checkLTVCAC(min *big.Rat) {
	ltv, cac := s.g.metricsFor("ltv"), s.g.metricsFor("cac")
	if len(ltv) != 1 || len(cac) != 1 {
		return
	}
	l, okL := s.val[ltv[0]]
	c, okC := s.val[cac[0]]
	if !okL || !okC || c.Nom.Sign() <= 0 {
		return
	}
	ratio := new(big.Rat).Quo(l.Nom, c.Nom)
	if ratio.Cmp(min) >= 0 {
		return
	}
	s.report(lang.Warning(lang.LTVCACLow, ltv[0].Decl, "LTV / CAC too low",
		fmt.Sprintf("%s (%s) is %sx %s (%s), below %sx: customers bring too little for what winning them costs. Lower the CAC, or raise price, retention or margin; a rule \"ltv-cac-low\" { min = ... } block sets another limit.",
			ltv[0].Path, quantity.Format(l.Nom, ltv[0].Unit), quantity.Decimal(ratio, 1, true), cac[0].Path, quantity.Format(c.Nom, cac[0].Unit), quantity.Decimal(min, 1, true))))
}

// metricsFor lists the metrics named fn or defined by a call of fn.
func (g *graph) metricsFor(fn string) []*Var {
	defined := map[*Var]bool{}
	for _, eq := range g.eqs {
		if c, ok := eq.E.(*Call); ok && eq.Formula && c.Fn.Name == fn {
			defined[eq.V] = true
		}
	}
	var out []*Var
	for _, m := range g.plan.Metrics() {
		if v := g.metricVar[m]; v != nil && (m.Name == fn || defined[v]) {
			out = append(out, v)
		}
	}
	return out
}
