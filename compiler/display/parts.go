package display

import (
	"math/big"
	"slices"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// Parts returns the values vs of one unit u for a table that shows them
// with their total, rounded as Format rounds them but so that the rows
// shown add up to the total shown: each is rounded down, and the units
// left over go to the largest remainders, ties to the first (the
// largest-remainder method, as planc splits leads among channels). A
// reader adding up the column gets the total row. nil values are unknown:
// then the total is nil too. Parts below zero are rounded each on its own.
func Parts(vs []*big.Rat, u quantity.Unit) (parts []*big.Rat, total *big.Rat) {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimalsOf(u))), nil))
	sum := new(big.Rat)
	known := true
	for _, v := range vs {
		if v == nil {
			known = false
			continue
		}
		sum.Add(sum, v)
	}
	parts = make([]*big.Rat, len(vs))
	units := make([]*big.Rat, len(vs)) // each part in the last decimal shown
	left := roundHalfAway(new(big.Rat).Mul(sum, scale))
	negative := false
	for i, v := range vs {
		if v == nil {
			continue
		}
		units[i] = new(big.Rat).Mul(v, scale)
		negative = negative || v.Sign() < 0
	}
	idx := make([]int, 0, len(vs))
	for i, x := range units {
		if x == nil {
			continue
		}
		down := floorRat(x)
		if negative {
			down = roundHalfAway(x)
		}
		parts[i] = down
		left.Sub(left, down)
		idx = append(idx, i)
	}
	if !negative && left.Sign() > 0 {
		slices.SortStableFunc(idx, func(a, b int) int {
			return new(big.Rat).Sub(units[b], parts[b]).Cmp(new(big.Rat).Sub(units[a], parts[a]))
		})
		for _, i := range idx[:min(int(left.Num().Int64()), len(idx))] {
			parts[i] = new(big.Rat).Add(parts[i], big.NewRat(1, 1))
		}
	}
	for i := range parts {
		if parts[i] != nil {
			parts[i].Quo(parts[i], scale)
		}
	}
	if !known {
		return parts, nil
	}
	total = new(big.Rat)
	for _, p := range parts {
		total.Add(total, p)
	}
	return parts, total
}

// PartsOf is Parts of the solved values of vs (nil for a value not
// solved, or a nil Var), in the unit of the first of them.
func PartsOf(r *compiler.Result, vs []*compiler.Var, u quantity.Unit) (parts []*big.Rat, total *big.Rat) {
	vals := make([]*big.Rat, len(vs))
	for i, v := range vs {
		if v == nil {
			continue
		}
		if val, ok := r.Value(v); ok {
			vals[i] = val.Nom
		} else {
			return make([]*big.Rat, len(vs)), nil
		}
	}
	return Parts(vals, u)
}

// decimalsOf is the decimals of a value in unit u, in the unit's own
// terms: a percentage's two decimals are four of the ratio.
func decimalsOf(u quantity.Unit) int {
	if u.IsRatio() && !u.Plain {
		return quantity.Decimals(u) + 2
	}
	return quantity.Decimals(u)
}

func floorRat(x *big.Rat) *big.Rat {
	q := new(big.Int).Div(x.Num(), x.Denom()) // Euclidean: rounds toward -inf for a positive divisor
	return new(big.Rat).SetInt(q)
}

// roundHalfAway rounds x to a whole number, halves away from zero, as
// quantity.Format does.
func roundHalfAway(x *big.Rat) *big.Rat {
	abs := new(big.Rat).Abs(x)
	r := floorRat(new(big.Rat).Add(abs, big.NewRat(1, 2)))
	if x.Sign() < 0 {
		r.Neg(r)
	}
	return r
}
