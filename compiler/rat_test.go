package compiler

import (
	"math/big"
	"testing"
)

// FuzzRat: the word-sized fast paths give what math/big gives, for any
// fractions, on both sides of the fast path's limit.
func FuzzRat(f *testing.F) {
	for _, c := range [][4]int64{
		{2285, 7, 3, 10}, {-1, 3, 1, 3}, {0, 1, -5, 2}, {1<<31 - 1, 1, 1<<31 - 1, 1},
		{-(1<<62 - 1), 1<<62 - 1, 1, 1<<62 - 1}, {1 << 62, 1, 1, 2}, {1 << 40, 3, -7, 1 << 35},
		{1<<31 + 1, 1<<31 - 1, 1<<31 - 1, 1<<31 + 1}, {-(1 << 61), 3, 1 << 61, 5}, {24000000000, 1000003, 7, 240000000000},
	} {
		f.Add(c[0], c[1], c[2], c[3])
	}
	f.Fuzz(func(t *testing.T, an, ad, bn, bd int64) {
		if ad == 0 || bd == 0 {
			return
		}
		a, b := big.NewRat(an, ad), big.NewRat(bn, bd)
		check := func(op string, got, want *big.Rat) {
			if got.Cmp(want) != 0 || got.String() != want.String() {
				t.Fatalf("%s %s %s = %s, want %s", a, op, b, got, want)
			}
		}
		check("+", ratAdd(a, b), new(big.Rat).Add(a, b))
		check("x", ratMul(a, b), new(big.Rat).Mul(a, b))
		if b.Sign() != 0 {
			check("/", ratQuo(a, b), new(big.Rat).Quo(a, b))
		}
	})
}
