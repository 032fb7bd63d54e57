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
	// Units says in words which unit each parameter takes and what the
	// result is, for the language reference and editor hover:
	// "cost: money; customers: a count -> money".
	Units string
	// Result gives the result unit from the argument units, or the index of
	// the argument whose unit is wrong and why.
	Result func(args []quantity.Unit) (quantity.Unit, *ArgError)
	// Eval computes the result exactly. It is nil when Product is set: the
	// compiler evaluates products itself, with their bounds and with a
	// division-by-zero diagnostic at the argument that is zero.
	Eval func(args []*big.Rat) *big.Rat
	// Monotone is true when the result never decreases as any argument
	// grows, so that bounds can be evaluated at the bounds of the arguments.
	Monotone bool
	// ArgUnit gives the unit argument i must have for the result to have
	// unit result, given the other arguments' units (us[i] is unknown), so
	// that a value solved backward through the function gets a unit. Nil
	// for functions that are not solved backward.
	ArgUnit func(i int, result quantity.Unit, us []quantity.Unit) quantity.Unit
	// Product, when set, says that the function is a product of powers of
	// its arguments, which lets the solver carry rounding bounds through it
	// and solve it backward for any one unknown argument.
	Product *Product
	// Const lists parameters that must be whole numbers from 0 to ConstMax
	// written in the formula (pow's exponent), so that evaluation stays
	// exact and small and never divides.
	Const []int
}

// ConstMax bounds a Const argument: 10^64 is already far beyond any plan.
const ConstMax = 64

// Product is K x args[0]^Exp[0] x args[1]^Exp[1] ..., each exponent 1 or -1.
type Product struct {
	K   *big.Rat
	Exp []int
}

// Eval computes the product exactly; ok is false when a divisor is zero.
func (p *Product) Eval(args []*big.Rat) (r *big.Rat, ok bool) {
	out := new(big.Rat).Set(p.K)
	for i, x := range args {
		switch {
		case p.Exp[i] > 0:
			out.Mul(out, x)
		case x.Sign() == 0:
			return nil, false
		default:
			out.Quo(out, x)
		}
	}
	return out, true
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
