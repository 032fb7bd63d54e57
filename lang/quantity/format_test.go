package quantity

import (
	"math/big"
	"testing"
)

// FuzzRound checks that rounding in machine words gives what math/big
// gives, wherever it answers.
func FuzzRound(f *testing.F) {
	for _, c := range [][3]int64{{1, 2, 0}, {-5, 2, 0}, {2285, 7, 2}, {1<<63 - 1, 3, 4}, {-1 << 63, 1<<63 - 1, 18}, {7, 1<<62 + 1, 19}} {
		f.Add(c[0], c[1], int(c[2]))
	}
	f.Fuzz(func(t *testing.T, n, d int64, decimals int) {
		if d == 0 || decimals < 0 || decimals > 30 {
			return
		}
		v := big.NewRat(n, d)
		if q, ok := roundWords(v, decimals); ok {
			if want := roundBig(v, decimals); want.Cmp(new(big.Int).SetUint64(q)) != 0 {
				t.Fatalf("%s to %d decimals: %d, want %s", v, decimals, q, want)
			}
		}
	})
}
