package compiler

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Overrides: values the plan gives (a rate, a CPA, a target, an
// assumption) set to another value for one compile, as planc solve --set
// PATH=QUANTITY does and as planc improve does to try a higher rate. The
// plan's text is not changed; the value is given as if written.

// Override is a value to give instead of the plan's.
type Override struct {
	Path string
	// Value is written as in the plan ("30%", "1.2万円", 40); Exact, when
	// set, is the value in the path's canonical unit instead.
	Value string
	Exact *big.Rat
}

// applyOverrides gives each overridden value its new value, reporting an
// override of a value the plan does not give (it is solved) or cannot
// read.
func applyOverrides(in *Info, os []Override, s *sink) {
	at := hcl.Range{Filename: "--set", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2}}
	for _, o := range os {
		p, ok := lang.ParsePath(o.Path)
		v := in.Lookup(p)
		switch {
		case !ok || v == nil:
			s.fail(lang.UnknownReference, at, "No such value", fmt.Sprintf("--set %s: the plan has no value %s.", o.Path, o.Path))
			continue
		case v.Given == nil:
			s.fail(lang.Schema, at, "Not a value the plan gives",
				fmt.Sprintf("--set %s: %s is solved from the plan's other values; set one it is solved from (a rate, a CPA, a target).", o.Path, o.Path))
			continue
		}
		x := o.Exact
		if x == nil {
			var ok bool
			if x, ok = overrideValue(v, o, at, s); !ok {
				continue
			}
		}
		g := *v.Given
		g.Value = x
		v.Given = &g
		delete(in.Spreads, v) // set to one value
	}
}

// overrideValue reads an override's text in v's unit: a quantity of it, or
// a bare number in it.
func overrideValue(v *Var, o Override, at hcl.Range, s *sink) (*big.Rat, bool) {
	q, err := quantity.Parse(o.Value)
	if err != nil {
		s.fail(lang.BadQuantity, at, "Bad value", fmt.Sprintf("--set %s=%s: %s.", o.Path, o.Value, err.Error()))
		return nil, false
	}
	if _, ok := inUnit(q, v.Unit); !ok && v.UnitKnown {
		s.fail(lang.UnitMismatch, at, "Unit mismatch", fmt.Sprintf("--set %s=%s: %s is %s, but %s is %s.", o.Path, o.Value, o.Path, v.Unit.Dimension(), o.Value, q.Unit.Dimension()))
		return nil, false
	}
	return q.Value, true
}

// Improvement is what raising one stage's rate by some points does to its
// funnel: the change in the first stage's volume (the leads it needs) and
// in the funnel's channels' cost, each a full solve with the plan's
// rounding; negative is saved.
type Improvement struct {
	Stage  *Object
	Points int
	// Leads and Spend are the new plan's minus the plan's; nil when the
	// new plan does not solve.
	Leads, Spend *big.Rat
}

// Improve ranks the stages of every funnel of r's plan: each rate an
// input, raised by each of points (absolute percentage points, not past
// 100%), re-solved from the same plan. The result is sorted by the spend
// saved at the largest step, most first.
func Improve(r *Result, points []int) []Improvement {
	var out []Improvement
	for _, f := range r.Info.Kind("funnel") {
		if len(f.Kids) == 0 {
			continue // a funnel without stages (reported): nothing to raise
		}
		base := funnelCost(r, f)
		leads, _ := r.Value(f.Kids[0].Value("volume"))
		for _, s := range f.Kids[1:] {
			rate := s.Value("rate")
			cur, ok := r.Value(rate)
			if !ok || rate.Given == nil || base == nil || leads.Nom == nil {
				continue
			}
			for _, p := range points {
				up := new(big.Rat).Add(cur.Nom, big.NewRat(int64(p), 100))
				if up.Cmp(big.NewRat(1, 1)) > 0 {
					continue
				}
				next, _ := CompileWith(context.Background(), r.Plan, nil, Options{Set: []Override{{Path: rate.Path.String(), Exact: up}}, noScenarios: true, trial: true})
				im := Improvement{Stage: s, Points: p}
				if !onlyOutcomes(next.Diags) {
					out = append(out, im)
					continue
				}
				nf := next.Info.ObjectAt(f.Path)
				if cost := funnelCost(next, nf); cost != nil {
					im.Spend = new(big.Rat).Sub(cost, base)
				}
				if l, ok := next.Value(nf.Kids[0].Value("volume")); ok {
					im.Leads = new(big.Rat).Sub(l.Nom, leads.Nom)
				}
				out = append(out, im)
			}
		}
	}
	top := 0
	for _, p := range points {
		top = max(top, p)
	}
	saved := func(s *Object) *big.Rat {
		for _, im := range out {
			if im.Stage == s && im.Points == top && im.Spend != nil {
				return im.Spend
			}
		}
		return new(big.Rat)
	}
	sort.SliceStable(out, func(i, j int) bool { return saved(out[i].Stage).Cmp(saved(out[j].Stage)) < 0 })
	return out
}

// funnelCost is the cost of funnel f's channels, nil when one is unsolved.
func funnelCost(r *Result, f *Object) *big.Rat {
	sum := new(big.Rat)
	for _, c := range r.Info.Kind("channel") {
		if c.Ref("funnel") != f {
			continue
		}
		v, ok := r.Value(c.Value("cost"))
		if !ok {
			return nil
		}
		sum.Add(sum, v.Nom)
	}
	return sum
}
