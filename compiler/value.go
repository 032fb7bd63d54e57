package compiler

import (
	"math/big"
)

// Value is a solved number with the interval of values that the plan's
// equations allow for it. Nom is what planc reports; [Lo, Hi] widens it by
// the rounding planc did on the way (2,285.7 MQLs rounded up to 2,286 has
// Lo 2,285.7 and Hi 2,286). Equations are checked against the intervals,
// so that planc never reports its own rounding as a conflict. A nil bound
// is unbounded.
type Value struct {
	Nom, Lo, Hi *big.Rat
}

// Exact returns a value with no rounding in it.
func Exact(r *big.Rat) Value { return Value{Nom: r, Lo: r, Hi: r} }

// exact reports whether v has no rounding in it: both bounds are its
// nominal value, as Exact makes it. Arithmetic on exact values needs one
// operation instead of one per bound.
func (v Value) exact() bool { return v.Lo == v.Nom && v.Hi == v.Nom }

func (v Value) add(w Value) Value {
	if v.exact() && w.exact() {
		return Exact(ratAdd(v.Nom, w.Nom))
	}
	return Value{Nom: ratAdd(v.Nom, w.Nom), Lo: boundAdd(v.Lo, w.Lo), Hi: boundAdd(v.Hi, w.Hi)}
}

func (v Value) neg() Value {
	if v.exact() {
		return Exact(new(big.Rat).Neg(v.Nom))
	}
	return Value{Nom: new(big.Rat).Neg(v.Nom), Lo: boundNeg(v.Hi), Hi: boundNeg(v.Lo)}
}

func (v Value) sub(w Value) Value { return v.add(w.neg()) }

func (v Value) mul(w Value) Value {
	switch {
	case v.exact() && w.exact():
		return Exact(ratMul(v.Nom, w.Nom))
	case w.exact():
		return v.scale(w.Nom, ratMul)
	case v.exact():
		return w.scale(v.Nom, ratMul)
	}
	out := Value{Nom: ratMul(v.Nom, w.Nom)}
	if v.Lo == nil || v.Hi == nil || w.Lo == nil || w.Hi == nil {
		return out
	}
	ps := []*big.Rat{
		ratMul(v.Lo, w.Lo), ratMul(v.Lo, w.Hi),
		ratMul(v.Hi, w.Lo), ratMul(v.Hi, w.Hi),
	}
	out.Lo, out.Hi = ps[0], ps[0]
	for _, p := range ps[1:] {
		if p.Cmp(out.Lo) < 0 {
			out.Lo = p
		}
		if p.Cmp(out.Hi) > 0 {
			out.Hi = p
		}
	}
	return out
}

// quo divides; the caller has checked that w.Nom is not zero.
func (v Value) quo(w Value) Value {
	switch {
	case v.exact() && w.exact():
		return Exact(ratQuo(v.Nom, w.Nom))
	case w.exact():
		return v.scale(w.Nom, ratQuo)
	}
	out := Value{Nom: ratQuo(v.Nom, w.Nom)}
	if w.Lo == nil || w.Hi == nil || w.Lo.Sign() != w.Hi.Sign() || w.Lo.Sign() == 0 {
		return out // the divisor's interval touches zero: unbounded
	}
	inv := Value{Nom: out.Nom, Lo: new(big.Rat).Inv(w.Hi), Hi: new(big.Rat).Inv(w.Lo)}
	r := v.mul(inv)
	r.Nom = out.Nom
	return r
}

// scale applies op (multiplying or dividing) by an exact k, not zero for
// a division, to the value and its bounds: one operation a bound instead
// of the four an interval product needs. A negative k swaps the bounds.
func (v Value) scale(k *big.Rat, op func(x, y *big.Rat) *big.Rat) Value {
	out := Value{Nom: op(v.Nom, k), Lo: boundOp(v.Lo, k, op), Hi: boundOp(v.Hi, k, op)}
	if k.Sign() < 0 {
		out.Lo, out.Hi = out.Hi, out.Lo
	}
	return out
}

func boundOp(a, k *big.Rat, op func(x, y *big.Rat) *big.Rat) *big.Rat {
	if a == nil {
		return nil
	}
	return op(a, k)
}

// round replaces Nom by r(Nom) and widens the interval to keep it.
func (v Value) round(r func(*big.Rat) *big.Rat) Value {
	n := r(v.Nom)
	out := Value{Nom: n, Lo: v.Lo, Hi: v.Hi}
	if out.Lo != nil && n.Cmp(out.Lo) < 0 {
		out.Lo = n
	}
	if out.Hi != nil && n.Cmp(out.Hi) > 0 {
		out.Hi = n
	}
	return out
}

// overlaps reports whether two values can be equal within their intervals.
func (v Value) overlaps(w Value) bool {
	if v.Nom.Cmp(w.Nom) == 0 {
		return true
	}
	loOK := v.Hi == nil || w.Lo == nil || w.Lo.Cmp(v.Hi) <= 0
	hiOK := v.Lo == nil || w.Hi == nil || v.Lo.Cmp(w.Hi) <= 0
	return loOK && hiOK
}

func boundAdd(a, b *big.Rat) *big.Rat {
	if a == nil || b == nil {
		return nil
	}
	return ratAdd(a, b)
}

func boundNeg(a *big.Rat) *big.Rat {
	if a == nil {
		return nil
	}
	return new(big.Rat).Neg(a)
}
