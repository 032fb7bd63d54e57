package compiler

import (
	"math/big"
)

// Comparing scenarios (planc compare, the site's scenarios page): the key
// values of the plan and of each scenario side by side, and the
// expectation the probabilities weigh them to.

// KeyValues are the values a comparison of scenarios shows, in this
// order: the KGIs, every stage's volume, every channel's leads, every
// budget's spend, every team's load.
func KeyValues(r *Result) []*Var {
	var out []*Var
	add := func(kind, name string) {
		for _, o := range r.Info.Kind(kind) {
			if v := o.Value(name); v != nil {
				out = append(out, v)
			}
		}
	}
	add("kgi", "")
	for _, f := range r.Info.Kind("funnel") {
		for _, s := range f.Kids {
			if v := s.Value("volume"); v != nil {
				out = append(out, v)
			}
		}
	}
	add("channel", "leads")
	add("budget", "spend")
	add("team", "load")
	return out
}

// In returns the value of s with the path of v, a value of the plan s is
// a scenario of; ok is false when s could not solve it.
func (s *ScenarioResult) In(v *Var) (*big.Rat, bool) {
	w := s.Info.ValueAt(v.Path)
	if w == nil {
		return nil, false
	}
	x, ok := s.Value(w)
	return x.Nom, ok
}

// Expected is v weighed by the probabilities: the plan's value times its
// probability (what the scenarios leave) plus each scenario's value times
// its own. Scenarios without a probability do not count. ok is false when
// no scenario gives a probability or a value it weighs is unsolved.
func Expected(r *Result, v *Var) (*big.Rat, bool) {
	pb := r.BaseProbability()
	base, ok := r.Value(v)
	if pb == nil || !ok || pb.Sign() < 0 {
		return nil, false
	}
	sum := new(big.Rat).Mul(pb, base.Nom)
	for _, s := range r.Scenarios {
		if s.Probability == nil {
			continue
		}
		x, ok := s.In(v)
		if !ok {
			return nil, false
		}
		sum.Add(sum, new(big.Rat).Mul(s.Probability, x))
	}
	return sum, true
}
