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
// names one (after unit inference, which the comparison of units needs).
// Stages do not map to benchmarks by their names: published ranges hold
// for the stage definitions of their source, which planc cannot compare,
// so a stage opts in when its definition matches.
func resolveBenchmarks(in *Info, s *sink) {
	pack := stdlib.Benchmarks()
	for _, o := range in.Objects {
		if o.Node == nil {
			continue
		}
		bm := lang.TextOf(o.Node, "benchmark")
		v := o.Value("rate")
		if o.Kind != "stage" {
			v = o.Value("")
		}
		if v != nil && bm.Value != "" {
			useBenchmark(in, s, v, bm.Value, bm.Range, pack)
		}
	}
}

func useBenchmark(in *Info, s *sink, v *Var, key string, at hcl.Range, pack *stdlib.BenchmarkPack) {
	ranges := pack.Ranges(key)
	if ranges == nil {
		detail := fmt.Sprintf("The benchmark pack has no %q.", key)
		if s := lang.Suggest(key, pack.Keys()); s != "" {
			detail += fmt.Sprintf(" Did you mean %q?", s)
		}
		s.fail(lang.UnknownReference, at, "Unknown benchmark",
			detail+" Benchmarks: "+strings.Join(pack.Keys(), ", ")+".")
		return
	}
	if v.UnitKnown && !v.Unit.Same(ranges[0].Unit) {
		s.fail(lang.UnitMismatch, at, "Unit mismatch",
			fmt.Sprintf("%s is %s, but benchmark %q is %s.", v.Path, v.Unit.Dimension(), key, ranges[0].Unit.Dimension()))
		return
	}
	in.Benchmarks[v] = &Benchmark{Key: key, Ranges: ranges, At: at}
}

// benchmarks warns about each value outside every range of its benchmark,
// citing each source.
func (c *checker) benchmarks() {
	for _, v := range c.info.Vars {
		b, val := c.info.Benchmarks[v], c.sol.val[v.id]
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
		c.sink.add(lang.Warning(lang.BenchmarkOutlier, at, "Outside every published benchmark",
			fmt.Sprintf("%s is %s, outside every published range for %s: %s. Check the stage's definition and the assumption, or say why in its description; rule \"benchmark-outlier\" { enabled = false } turns the comparison off.",
				v.Path, quantity.Format(val.Nom, v.Unit), b.Key, strings.Join(cites, "; "))))
	}
}

// payback warns about each cac_payback call above the rule's max.
func (c *checker) payback() {
	max := c.rules.paybackMax
	for _, eq := range c.low.eqs {
		walk(eq.E, func(e Expr) {
			call, ok := e.(*Call)
			if !ok || call.Fn.Name != "cac_payback" || !c.sol.known(call) || !unitOf(c.info, call, nil).ok {
				return // a call with a unit error is reported as such
			}
			v, err := c.sol.eval(call)
			if err != nil || v.Nom.Cmp(max) <= 0 {
				return
			}
			what := "cac_payback(...)"
			if eq.E == call {
				what = eq.V.Path.String()
			}
			c.sink.add(lang.Warning(lang.PaybackTooLong, call.R, "CAC payback too long",
				fmt.Sprintf("%s is %s, above %s: the plan waits that long to earn back what a customer costs (6 to 12 months is the common guideline). Lower the CAC, or raise the price or the margin; a rule \"payback-too-long\" { max = \"...\" } block sets another limit.",
					what, quantity.Format(v.Nom, quantity.Time), quantity.Format(max, quantity.Time))))
		})
	}
}

// ltvCAC warns when the plan's LTV is below min times its CAC. The LTV
// and CAC are the metrics named ltv and cac, or defined by an ltv() or
// cac() call; with more than one of either, planc cannot tell which pair
// belongs together and says nothing.
func (c *checker) ltvCAC() {
	min := c.rules.ltvCACMin
	ltv, cac := c.metricsFor("ltv"), c.metricsFor("cac")
	if len(ltv) != 1 || len(cac) != 1 {
		return
	}
	l, okL := c.sol.Value(ltv[0])
	k, okC := c.sol.Value(cac[0])
	if !okL || !okC || k.Nom.Sign() <= 0 {
		return
	}
	ratio := new(big.Rat).Quo(l.Nom, k.Nom)
	if ratio.Cmp(min) >= 0 {
		return
	}
	c.sink.add(lang.Warning(lang.LTVCACLow, ltv[0].Decl, "LTV / CAC too low",
		fmt.Sprintf("%s (%s) is %sx %s (%s), below %sx: customers bring too little for what winning them costs. Lower the CAC, or raise price, retention or margin; a rule \"ltv-cac-low\" { min = ... } block sets another limit.",
			ltv[0].Path, quantity.Format(l.Nom, ltv[0].Unit), quantity.Decimal(ratio, 1, true), cac[0].Path, quantity.Format(k.Nom, cac[0].Unit), quantity.Decimal(min, 1, true))))
}

// metricsFor lists the metrics named fn or defined by a call of fn.
func (c *checker) metricsFor(fn string) []*Var {
	defined := map[*Var]bool{}
	for _, eq := range c.low.eqs {
		if call, ok := eq.E.(*Call); ok && eq.Formula() && call.Fn.Name == fn {
			defined[eq.V] = true
		}
	}
	var out []*Var
	for _, kind := range []string{"kgi", "kpi"} {
		for _, m := range c.info.Kind(kind) {
			if v := m.Value(""); m.Name() == fn || defined[v] {
				out = append(out, v)
			}
		}
	}
	return out
}
