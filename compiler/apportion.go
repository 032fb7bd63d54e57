package compiler

// Apportioning a stage's leads among the channels into it.
//
// The channels into a stage add up to the stage's leads exactly: each
// channel with a share gets its share of them, the channel that fills the
// rest what the shares and the channels with fixed leads leave, rounded by
// the largest-remainder method: every part is rounded down, and the leads
// that are left over go one each to the parts with the largest fractions,
// ties to the channel declared first. So each channel is within one lead of
// its exact share, and the channels add up to the stage. (Rounding each
// share up on its own, as planc did before, gave 4,190 leads into a stage
// of 4,188.)

import (
	"math/big"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib"
)

// part is one channel of an apportionment: its leads and, when its share
// gives them, its share. A channel with neither a share nor fixed leads
// (given, or bought by a budget) fills the rest.
type part struct {
	leads, share *Var
	rest         bool
}

// apportion adds the equation that splits total, the leads into a stage,
// among the channels cs into it.
func (l *lowerer) apportion(total *Var, cs []*Object, r hcl.Range) {
	var parts []part
	var leads []*Var
	for _, c := range cs {
		ch := c.Node.(*lang.Channel)
		p := part{leads: c.Value("leads")}
		switch {
		case ch.Share != nil:
			p.share = c.Value("share")
		case ch.Leads == nil && ch.Budget == nil:
			p.rest = true
		}
		parts = append(parts, p)
		leads = append(leads, p.leads)
	}
	l.add(&Eq{V: total, E: sum(leads, r, total.Unit), Role: RoleApportion, Range: r, Relation: true, parts: parts})
}

// apportion solves what eq, a RoleApportion equation, can: once the
// stage's leads, the shares and the fixed leads are known, the leads of
// every channel with a share and of the one that fills the rest.
func (s *solver) apportion(eq *Eq) {
	total, ok := s.Value(eq.V)
	if !ok {
		return
	}
	exact, split, ok := s.exactParts(eq, total.Nom)
	if !ok {
		return
	}
	s.finish(eq)
	whole := exact
	if !s.exact {
		whole = largestRemainder(exact, split)
	}
	lo, hi := s.exactAt(eq, total.Lo), s.exactAt(eq, total.Hi)
	for i, p := range eq.parts {
		if exact[i] == nil || s.has(p.leads) {
			continue
		}
		s.solved(p.leads, partValue(whole[i], lo, hi, i), eq)
	}
}

// exactParts returns each part's exact leads (nil for a fixed part) and
// what they split among them (the stage's leads less the fixed ones), when
// everything they need is known and the parts can be apportioned: at most
// one fills the rest, and none is below zero.
func (s *solver) exactParts(eq *Eq, total *big.Rat) (exact []*big.Rat, split *big.Rat, ok bool) {
	exact = make([]*big.Rat, len(eq.parts))
	split = new(big.Rat).Set(total)
	rest := -1
	for i, p := range eq.parts {
		switch {
		case p.rest && rest >= 0:
			return nil, nil, false // two channels fill the rest: underdetermined
		case p.rest:
			rest = i
		case p.share != nil:
			sh, ok := s.Value(p.share)
			if !ok {
				return nil, nil, false
			}
			exact[i] = ratMul(sh.Nom, total)
		default:
			l, ok := s.Value(p.leads)
			if !ok {
				return nil, nil, false
			}
			split.Sub(split, l.Nom)
		}
	}
	if rest >= 0 {
		left := new(big.Rat).Set(split)
		for _, x := range exact {
			if x != nil {
				left.Sub(left, x)
			}
		}
		exact[rest] = left
	}
	for _, x := range exact {
		if x != nil && x.Sign() < 0 {
			return nil, nil, false // more than the stage has: a conflict, reported by the sum
		}
	}
	return exact, split, true
}

// largestRemainder rounds the exact parts (nil for fixed ones) down and
// gives the leads left over of split, one each, to the parts with the
// largest fractions, ties to the part first in the plan. When split is
// not whole (a stage's leads solved as a fraction), the parts stay exact.
func largestRemainder(exact []*big.Rat, split *big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(exact))
	if !split.IsInt() {
		copy(out, exact)
		return out
	}
	left := new(big.Rat).Set(split)
	var idx []int
	for i, x := range exact {
		if x != nil {
			idx = append(idx, i)
			out[i] = stdlib.Floor(x)
			left.Sub(left, out[i])
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return new(big.Rat).Sub(exact[b], out[b]).Cmp(new(big.Rat).Sub(exact[a], out[a]))
	})
	n := 0
	if left.Sign() > 0 {
		n = int(min(left.Num().Int64(), int64(len(idx))))
	}
	for _, i := range idx[:n] {
		out[i] = ratAdd(out[i], big.NewRat(1, 1))
	}
	return out
}

// partValue is part i's leads, whole, with the interval of the exact
// share it stands for: its share of every value the stage's leads could
// have (lo and hi: the parts at the bounds of the stage's leads, which may
// be rounded up from a requirement), so that checking the equations never
// reads the apportionment's rounding as a conflict.
func partValue(whole *big.Rat, lo, hi []*big.Rat, i int) Value {
	v := Value{Nom: whole, Lo: whole, Hi: whole}
	if lo == nil || hi == nil {
		return Value{Nom: whole}
	}
	for _, x := range []*big.Rat{lo[i], hi[i]} {
		if x.Cmp(v.Lo) < 0 {
			v.Lo = x
		}
		if x.Cmp(v.Hi) > 0 {
			v.Hi = x
		}
	}
	return v
}

// exactAt returns the exact parts if the stage's leads were total, nil
// when total is unbounded or they cannot be apportioned.
func (s *solver) exactAt(eq *Eq, total *big.Rat) []*big.Rat {
	if total == nil {
		return nil
	}
	exact, _, ok := s.exactParts(eq, total)
	if !ok {
		return nil
	}
	return exact
}
