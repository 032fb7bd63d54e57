package stdlib

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/planc-dev/planc/lang/quantity"
)

// Func is a built-in function.
type Func struct {
	Name string
	// Doc is one sentence for the language reference and editor hover.
	Doc string
	// Params names the parameters; with Variadic the last one repeats.
	Params   []string
	Variadic bool
	// Result gives the result unit from the argument units, or the index of
	// the argument whose unit is wrong and why.
	Result func(args []quantity.Unit) (quantity.Unit, *ArgError)
	// Eval computes the result exactly.
	Eval func(args []*big.Rat) *big.Rat
	// Monotone is true when the result never decreases as any argument
	// grows, so that bounds can be evaluated at the bounds of the arguments.
	Monotone bool
}

// ArgError says which argument has the wrong unit.
type ArgError struct {
	Arg int
	Msg string
}

var registry = map[string]*Func{}

func register(f *Func) { registry[f.Name] = f }

// Lookup returns the function with the name, or nil.
func Lookup(name string) *Func { return registry[name] }

// Names returns the names of all functions, sorted.
func Names() []string {
	var out []string
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Signature renders the function as it is called: "round(x, digits)".
func (f *Func) Signature() string {
	s := f.Name + "("
	for i, p := range f.Params {
		if i > 0 {
			s += ", "
		}
		s += p
	}
	if f.Variadic {
		s += ", ..."
	}
	return s + ")"
}

// CheckArity reports whether n arguments suit the function.
func (f *Func) CheckArity(n int) error {
	switch {
	case f.Variadic && n < len(f.Params):
		return fmt.Errorf("%s takes at least %d arguments, got %d", f.Signature(), len(f.Params), n)
	case !f.Variadic && n != len(f.Params):
		return fmt.Errorf("%s takes %d arguments, got %d", f.Signature(), len(f.Params), n)
	}
	return nil
}
