// Package compilertest helps tests check what a compile solved: the
// values computed by hand, compared exactly. It is for tests only, of any
// package that compiles plans (the compiler, the examples, the starter
// plans), as net/http/httptest is for servers.
package compilertest

import (
	"math/big"
	"testing"

	"github.com/planc-dev/planc/compiler"
)

// Unsolved is the want of a value that must not be solved.
const Unsolved = "unsolved"

// Values checks solved values by reference path, each against an exact
// rational as big.Rat reads it ("7620", "3/10", "158877/32000"), or
// Unsolved.
func Values(t testing.TB, r *compiler.Result, want map[string]string) {
	t.Helper()
	for path, w := range want {
		if err := Value(r, path, w); err != "" {
			t.Error(err)
		}
	}
}

// Value checks one value and says what is wrong, "" when nothing is.
func Value(r *compiler.Result, path, want string) string {
	v := r.Lookup(path)
	if v == nil {
		return path + ": no such value"
	}
	got, solved := r.Value(v)
	if want == Unsolved {
		if solved {
			return path + " = " + got.Nom.RatString() + ", want unsolved"
		}
		return ""
	}
	w, ok := new(big.Rat).SetString(want)
	switch {
	case !ok:
		return path + ": bad rational " + want
	case !solved:
		return path + ": not solved, want " + want
	case got.Nom.Cmp(w) != 0:
		return path + " = " + got.Nom.RatString() + ", want " + w.RatString()
	}
	return ""
}
