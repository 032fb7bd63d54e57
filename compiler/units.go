package compiler

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Unit inference runs before solving. Structural values have fixed units
// (a rate is a ratio, a deal size money); metrics take the unit they
// declare, the unit of their given value, or the unit their formula
// implies. Units also flow backward: in revenue = kpi.deals x kpi.price,
// a known revenue and deals give price its unit. Then every equation whose
// units are all known is checked.

// typ is the unit of an expression during inference. bare marks a number
// written without a unit; ok is false while a referenced unit is unknown.
type typ struct {
	u    quantity.Unit
	bare bool
	ok   bool
}

// unitOf computes an expression's unit. With report set, it reports
// mismatches inside the expression (adding money to a count) there.
func unitOf(in *Info, e Expr, report *sink) typ {
	switch x := e.(type) {
	case *Const:
		return typ{u: x.Unit, bare: x.Bare, ok: true}
	case *Ref:
		return typ{u: x.Var.Unit, ok: x.Var.UnitKnown}
	case *Neg:
		return unitOf(in, x.X, report)
	case *Bin:
		return binUnit(in, x, report)
	case *Call:
		return callUnit(in, x, report)
	case *Cmp:
		sameUnit(in, x.A, x.B, x.R, "compare", report)
		return typ{ok: true}
	case *Logic:
		return typ{ok: true}
	case *Bool:
		return typ{ok: true}
	}
	return typ{}
}

func binUnit(in *Info, x *Bin, report *sink) typ {
	if x.Op == '+' || x.Op == '-' {
		return sameUnit(in, x.A, x.B, x.R, "add or subtract", report)
	}
	a, b := unitOf(in, x.A, report), unitOf(in, x.B, report)
	if !a.ok || !b.ok {
		return typ{}
	}
	if x.Op == '*' {
		return typ{u: a.u.Mul(b.u), bare: a.bare && b.bare, ok: true}
	}
	return typ{u: a.u.Div(b.u), bare: a.bare && b.bare, ok: true}
}

// sameUnit is the unit of a + b: both must agree, except that a bare
// number takes the other side's unit.
func sameUnit(in *Info, ea, eb Expr, r hcl.Range, verb string, report *sink) typ {
	a, b := unitOf(in, ea, report), unitOf(in, eb, report)
	switch {
	case a.ok && a.bare:
		return b
	case b.ok && b.bare:
		return a
	case !a.ok || !b.ok:
		return typ{}
	case !a.u.Same(b.u):
		if report != nil {
			report.fail(lang.UnitMismatch, r, "Unit mismatch",
				fmt.Sprintf("Cannot %s %s and %s. Both sides must have one unit; check the references, or convert with * or /.",
					verb, describe(ea, a.u), describe(eb, b.u)))
		}
		return typ{}
	}
	return a
}

func describe(e Expr, u quantity.Unit) string {
	if r, ok := e.(*Ref); ok {
		return fmt.Sprintf("%s (%s)", r.Var.Path, u.Dimension())
	}
	return u.Dimension()
}

func callUnit(in *Info, x *Call, report *sink) typ {
	us := make([]quantity.Unit, len(x.Args))
	bare := true
	for i, a := range x.Args {
		t := unitOf(in, a, report)
		if !t.ok {
			return typ{}
		}
		us[i], bare = t.u, bare && t.bare
	}
	u, err := x.Fn.Result(us)
	if err != nil {
		if report != nil {
			report.fail(lang.UnitMismatch, x.Args[err.Arg].Range(), "Unit mismatch",
				fmt.Sprintf("Argument %d of %s %s.", err.Arg+1, x.Fn.Signature(), err.Msg))
		}
		return typ{}
	}
	// A function with a unit of its own (cac_payback is months) is not a
	// plain number even when its arguments are.
	return typ{u: u, bare: bare && x.Fn.Product == nil, ok: true}
}

// inferUnits propagates units through the equations until nothing
// changes.
func inferUnits(in *Info, low *lowered, s *sink) {
	for changed := true; changed; {
		changed = false
		for _, eq := range low.eqs {
			changed = inferEq(in, eq) || changed
		}
	}
	for _, v := range in.Vars {
		// A metric counts whole things only when it says what it counts
		// ("deals"); a plain number may well be fractional.
		if v.Kind == KindMetric && v.UnitKnown && v.Unit.IsCount() && v.Unit.Label != "" {
			v.Whole = true
		}
	}
}

func inferEq(in *Info, eq *Eq) bool {
	t := unitOf(in, eq.E, nil)
	if !eq.V.UnitKnown {
		if !t.ok {
			return false
		}
		u := t.u
		if t.bare && u.IsRatio() && eq.Formula() {
			u = quantity.Count // a formula of plain numbers counts things
		}
		eq.V.setUnit(u)
		return true
	}
	changed := false
	for _, v := range refs(eq.E) {
		if v.UnitKnown {
			continue
		}
		if u, ok := invertUnit(in, eq.E, eq.V.Unit, v); ok {
			v.setUnit(u)
			changed = true
		}
	}
	return changed
}

// invertUnit finds the unit x must have for e to have unit want, when x
// occurs in e once and every other unit is known.
func invertUnit(in *Info, e Expr, want quantity.Unit, x *Var) (quantity.Unit, bool) {
	switch n := e.(type) {
	case *Ref:
		return want, n.Var == x
	case *Neg:
		return invertUnit(in, n.X, want, x)
	case *Bin:
		inA := contains(n.A, x)
		if inA == contains(n.B, x) {
			return quantity.Unit{}, false
		}
		self, other := n.A, n.B
		if !inA {
			self, other = n.B, n.A
		}
		o := unitOf(in, other, nil)
		if !o.ok {
			return quantity.Unit{}, false
		}
		switch {
		case n.Op == '+' || n.Op == '-':
			return invertUnit(in, self, want, x)
		case n.Op == '*':
			return invertUnit(in, self, want.Div(o.u), x)
		case inA: // self / other
			return invertUnit(in, self, want.Mul(o.u), x)
		default: // other / self
			return invertUnit(in, self, o.u.Div(want), x)
		}
	case *Call:
		return invertCallUnit(in, n, want, x)
	}
	return quantity.Unit{}, false
}

// invertCallUnit finds x's unit through a function that declares the unit
// of each argument (the unit-economics functions), when x is an argument
// itself and the other arguments' units are known. A currency the other
// arguments do not say is the plan's.
func invertCallUnit(in *Info, n *Call, want quantity.Unit, x *Var) (quantity.Unit, bool) {
	if n.Fn.ArgUnit == nil {
		return quantity.Unit{}, false
	}
	at := -1
	us := make([]quantity.Unit, len(n.Args))
	for i, a := range n.Args {
		if r, ok := a.(*Ref); ok && r.Var == x {
			at = i
			continue
		}
		t := unitOf(in, a, nil)
		if !t.ok {
			return quantity.Unit{}, false
		}
		us[i] = t.u
	}
	if at < 0 {
		return quantity.Unit{}, false
	}
	u := n.Fn.ArgUnit(at, want, us)
	if u.Money != 0 && u.Currency == "" {
		u.Currency = in.Currency
	}
	return u, true
}

func contains(e Expr, x *Var) bool {
	found := false
	walk(e, func(n Expr) {
		if r, ok := n.(*Ref); ok && r.Var == x {
			found = true
		}
	})
	return found
}

// checkUnits reports every equation whose sides have different units, and
// returns the equations with a unit error: the solver leaves them out,
// since what they would give means nothing.
func checkUnits(in *Info, low *lowered, s *sink) map[*Eq]bool {
	bad := map[*Eq]bool{}
	for _, eq := range low.eqs {
		t := unitOf(in, eq.E, s)
		switch {
		case !t.ok:
			bad[eq] = true
		case !eq.V.UnitKnown || t.bare:
		case !t.u.Same(eq.V.Unit):
			bad[eq] = true
			s.fail(lang.UnitMismatch, eq.Range, "Unit mismatch",
				fmt.Sprintf("This gives %s, but %s is %s. %s", t.u.Dimension(), eq.V.Path, eq.V.Unit.Dimension(), fixFor(eq.V)))
		}
	}
	for _, c := range low.checks {
		unitOf(in, c.cond, s)
		if !isCondition(c.cond) {
			s.fail(lang.Schema, c.cond.Range(), "Condition is not true or false",
				"A check's condition compares values, such as condition = channel.ads.cpa <= \"20,000 JPY\", and may combine comparisons with &&, || and !.")
		}
	}
	return bad
}

func isCondition(e Expr) bool {
	switch x := e.(type) {
	case *Cmp, *Bool:
		return true
	case *Logic:
		return isCondition(x.A) && (x.B == nil || isCondition(x.B))
	}
	return false
}

func fixFor(v *Var) string {
	if v.Kind == KindMetric {
		return "Fix the formula, or change the metric's unit (or given value) to match it."
	}
	return unitHint(v.Unit)
}
