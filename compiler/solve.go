package compiler

// The solver treats the plan as a set of equations V = E over exact
// rationals and propagates known values through them in both directions,
// like goal seek over the whole plan:
//
//   - An equation with one unknown is solved for it: forward (V from E) by
//     evaluating E, backward (a value inside E) by inverting E along the path
//     to the unknown, which must occur exactly once.
//   - An equation with no unknowns is checked: if its sides disagree it is a
//     conflict. Sides are compared as intervals (see Value), so planc's own
//     rounding never reads as a conflict.
//   - Whole counts (stage volumes, channel leads, count metrics) are rounded
//     up when solved backward (a stage needs whole leads from the stage
//     before), down when solved forward (a stage yields whole leads), and up
//     for channel leads derived from shares. Money is never rounded.
//
// A worklist keeps this linear in the size of the plan: when a value
// becomes known, only the equations that mention it are revisited.

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// Solution is what the solver found: the value of every value it could
// solve (given values included), and the equation it solved each from.
// Both are indexed by the value's place in Info.Vars: the solver looks
// values up more than anything else it does.
type Solution struct {
	// val holds each value; Nom is nil while unsolved.
	val []Value
	// by records the equation that solved a value, nil for given values.
	by []*Eq
	// tl is the plan by month once it is made, for references to values
	// in a period (periodref.go).
	tl *Timeline
}

// Value returns v's solved value; ok is false when it could not be solved.
func (s *Solution) Value(v *Var) (Value, bool) {
	if v.id >= len(s.val) {
		return Value{}, false
	}
	val := s.val[v.id]
	return val, val.Nom != nil
}

// has reports whether v is solved.
func (s *Solution) has(v *Var) bool { return s.val[v.id].Nom != nil }

// SolvedBy returns the equation v was solved from, nil for a given value
// or an unsolved one.
func (s *Solution) SolvedBy(v *Var) *Eq {
	if v.id >= len(s.by) {
		return nil
	}
	return s.by[v.id]
}

// solver holds the state of solving, indexed by Var.id and Eq.id.
type solver struct {
	*Solution
	vars []*Var
	eqs  []*Eq
	sink *sink
	// uses lists the equations that mention each value; of holds each
	// equation's values, each once: V, then E's references.
	uses [][]*Eq
	of   [][]*Var
	// unknown counts the values of each equation not solved yet; done
	// marks the equations solved or checked; queued those on the worklist.
	unknown []int
	done    []bool
	queued  []bool
	// undo, when not nil, records what a trial changed (see try).
	undo *undoLog
	// stop, when closed, ends propagation early: the compile is stale.
	stop <-chan struct{}
	// fresh lists the values the step being taken solved.
	fresh []*Var
	// targets are the goals, in the plan's order, put in after the inputs.
	targets []*Var
	// exact leaves whole counts unrounded: a goal seek's answer is the
	// exact break-even (a spend met to the yen), which rounding each
	// stage to whole leads would move.
	exact bool
}

// newSolver prepares solving eqs, a subset of the plan's equations, over
// vars, the plan's values (Info.Vars, whose indices are their ids).
func newSolver(vars []*Var, eqs []*Eq, sk *sink) *solver {
	neq := 0
	for _, eq := range eqs {
		neq = max(neq, eq.id+1)
	}
	s := &solver{Solution: &Solution{val: make([]Value, len(vars)), by: make([]*Eq, len(vars))},
		vars: vars, eqs: eqs, sink: sk, uses: make([][]*Eq, len(vars)), of: make([][]*Var, neq),
		unknown: make([]int, neq), done: make([]bool, neq), queued: make([]bool, neq)}
	for _, eq := range eqs {
		vs := distinctVars(eq)
		s.of[eq.id] = vs
		for _, v := range vs {
			s.uses[v.id] = append(s.uses[v.id], eq)
		}
	}
	for _, v := range vars {
		switch {
		case v.Given == nil:
		case v.Given.Origin == Target:
			s.targets = append(s.targets, v) // put in after the inputs (run)
		default:
			s.val[v.id] = Exact(v.Given.Value)
		}
	}
	for _, eq := range eqs {
		for _, v := range s.of[eq.id] {
			if !s.has(v) {
				s.unknown[eq.id]++
			}
		}
	}
	return s
}

// distinctVars lists V and the references of E, each once, in order.
// Most equations have a few values, which a scan finds fastest; a set
// takes over for long sums, so that a sum of n stays O(n).
func distinctVars(eq *Eq) []*Var {
	out := []*Var{eq.V}
	var seen map[*Var]bool
	add := func(v *Var) {
		if seen == nil && len(out) > 8 {
			seen = map[*Var]bool{}
			for _, v := range out {
				seen[v] = true
			}
		}
		if seen[v] || seen == nil && slices.Contains(out, v) {
			return
		}
		if seen != nil {
			seen[v] = true
		}
		out = append(out, v)
	}
	walk(eq.E, func(e Expr) {
		if r, ok := e.(*Ref); ok {
			add(r.Var)
		}
	})
	for _, p := range eq.parts { // an apportionment needs the shares too
		if p.share != nil {
			add(p.share)
		}
	}
	return out
}

// run solves the plan from its inputs, then from its targets one by one,
// propagating until no equation can make progress, and then takes the
// linear step (linear.go) where propagation stalled.
func (s *solver) run() {
	s.propagate(s.eqs)
	for _, t := range s.targets {
		s.target(t)
	}
	// Once, at the end: before the targets are in, most of a plan is
	// open and nothing can be settled, and settling after each target
	// would be quadratic in a plan of many funnels (a target each).
	s.settle()
}

// target puts a goal in. A value the inputs left open takes it, and the
// plan is solved backward from it. A value the inputs already determine
// (a plan driven by channel budgets or fixed leads) is compared with it:
// one that misses it is reported at the target, with what the plan
// reaches, by how much it misses, and the inputs that determine it, rather
// than as a conflict deep in the funnel where forward and backward meet.
func (s *solver) target(t *Var) {
	goal := Exact(t.Given.Value)
	if !s.has(t) {
		s.solved(t, goal, nil)
		s.propagate(nil)
		return
	}
	if got := s.val[t.id]; !got.overlaps(goal) {
		s.report(s.gap(t, got))
	}
}

// propagate works through the equations from queue, and those of each
// value solved, until none can make progress.
func (s *solver) propagate(queue []*Eq) {
	queue = slices.Clone(queue)
	for _, v := range s.fresh { // values solved before: their equations too
		queue = append(queue, s.uses[v.id]...)
	}
	s.fresh = s.fresh[:0]
	queue = slices.DeleteFunc(queue, func(eq *Eq) bool {
		dup := s.queued[eq.id]
		s.queued[eq.id] = true
		return dup
	})
	for steps := 0; len(queue) > 0; steps++ {
		if steps%1024 == 0 && s.stopped() {
			return
		}
		eq := queue[0]
		queue = queue[1:]
		s.queued[eq.id] = false
		if s.done[eq.id] {
			continue
		}
		s.step(eq)
		for _, solved := range s.fresh {
			for _, next := range s.uses[solved.id] {
				if !s.queued[next.id] && !s.done[next.id] {
					s.queued[next.id] = true
					queue = append(queue, next)
				}
			}
		}
		s.fresh = s.fresh[:0]
	}
}

// stopped reports whether the compile was cancelled.
func (s *solver) stopped() bool {
	select {
	case <-s.stop:
		return true
	default:
		return false
	}
}

// step makes what progress eq allows; the values it solves are in fresh.
func (s *solver) step(eq *Eq) {
	if eq.Role == RoleApportion {
		s.apportion(eq) // solves several values at once, or none
		return
	}
	switch s.unknown[eq.id] {
	case 0:
		s.finish(eq)
		s.verify(eq)
	case 1:
		for _, v := range s.of[eq.id] {
			if !s.has(v) {
				s.solveFor(eq, v)
				return
			}
		}
	}
}

// finish marks eq solved or checked.
func (s *solver) finish(eq *Eq) {
	s.done[eq.id] = true
	if s.undo != nil {
		s.undo.done = append(s.undo.done, eq)
	}
}

// solved records x's value, found by eq (nil for none).
func (s *solver) solved(x *Var, v Value, eq *Eq) {
	s.val[x.id] = v
	s.by[x.id] = eq
	for _, other := range s.uses[x.id] {
		s.unknown[other.id]--
	}
	if s.undo != nil {
		s.undo.solved = append(s.undo.solved, x)
	}
	s.fresh = append(s.fresh, x)
}

func (s *solver) solveFor(eq *Eq, x *Var) {
	var v Value
	var err *evalError
	forward := x == eq.V
	if forward && eq.NoForward {
		return // another equation gives V
	}
	if forward {
		v, err = s.eval(eq.E)
	} else {
		if occurrences(eq.E, x) != 1 {
			return
		}
		var ok bool
		v, ok, err = s.invert(eq.E, s.val[eq.V.id], x)
		if !ok && err == nil {
			return
		}
	}
	s.finish(eq)
	if err != nil {
		if !eq.ZeroUnsolved {
			s.report(err.diag(eq))
		}
		return
	}
	if !forward && eq.FloorBackward && s.whole(x) {
		v = v.round(stdlib.Floor)
	} else {
		v = s.roundWhole(x, v, forward, eq.CeilForward)
	}
	s.solved(x, v, eq)
}

// whole reports whether x is rounded to a whole count.
func (s *solver) whole(x *Var) bool { return x.Whole && !s.exact }

func (s *solver) roundWhole(x *Var, v Value, forward, ceilForward bool) Value {
	if !s.whole(x) {
		return v
	}
	if forward && !ceilForward {
		return v.round(stdlib.Floor)
	}
	return v.round(stdlib.Ceil)
}

func occurrences(e Expr, x *Var) int {
	n := 0
	for _, v := range refs(e) {
		if v == x {
			n++
		}
	}
	return n
}

func (s *solver) report(d *hcl.Diagnostic) { s.sink.add(d) }

// verify checks an equation whose values are all known.
func (s *solver) verify(eq *Eq) {
	rhs, err := s.eval(eq.E)
	if err != nil {
		s.report(err.diag(eq))
		return
	}
	// Compare with what solving forward would give, rounding included,
	// so that planc's own rounding is not a conflict.
	rhs = s.roundWhole(eq.V, rhs, true, eq.CeilForward)
	lhs := s.val[eq.V.id]
	if lhs.overlaps(rhs) {
		return
	}
	s.report(lang.Diag(lang.Conflict, eq.Range, "Conflicting values", s.conflictDetail(eq, lhs, rhs)))
}

func (s *solver) conflictDetail(eq *Eq, lhs, rhs Value) string {
	u := eq.V.Unit
	return fmt.Sprintf("%s is %s (%s), but %s gives %s (%s). Change one of them so that they agree.",
		eq.V.Path, quantity.Format(lhs.Nom, u), s.origin(eq.V),
		eq.Text(), quantity.Format(rhs.Nom, u), rangeString(eq.Range))
}

// origin says where a value came from, for messages.
func (s *Solution) origin(v *Var) string {
	if v.Given != nil {
		return fmt.Sprintf("its %s at %s", v.Given.Origin, rangeString(v.Given.Range))
	}
	if eq := s.SolvedBy(v); eq != nil {
		return fmt.Sprintf("solved from %s at %s", eq.Text(), rangeString(eq.Range))
	}
	return "solved"
}

func rangeString(r hcl.Range) string { return lang.At(r) }

// evalError is a division by zero, or a number too large to be a plan's,
// found while evaluating.
type evalError struct {
	// reason, when set, is the diagnostic to report (periodref.go);
	// reported says that the cause was reported already.
	reason   *hcl.Diagnostic
	reported bool
	at       hcl.Range
	tooLong  bool
	// tiny says that the value too long to compute is below 1 in size
	// (a product of many small rates), not above.
	tiny bool
}

func (e *evalError) diag(eq *Eq) *hcl.Diagnostic {
	if e.reason != nil || e.reported {
		return e.reason
	}
	if e.tooLong && e.tiny {
		return lang.Diag(lang.BadQuantity, e.at, "Number too small",
			fmt.Sprintf("This value is closer to zero than %d binary digits can say, so %s is not computed. Check the formula: no plan needs numbers this small.", maxBits, eq.Text()))
	}
	if e.tooLong {
		return lang.Diag(lang.BadQuantity, e.at, "Number too large",
			fmt.Sprintf("This value has more than %d binary digits, so %s is not computed. Check the formula: no plan needs numbers this large.", maxBits, eq.Text()))
	}
	if !eq.Formula() {
		return nil // a zero rate or share is reported as rate-out-of-range
	}
	return lang.Diag(lang.DivisionByZero, e.at, "Division by zero",
		fmt.Sprintf("This divisor is zero, so %s has no value. Check the values it refers to.", eq.Text()))
}

// maxBits bounds the numerator and denominator of every value the solver
// computes with. Exact arithmetic on rationals grows without limit (pow of
// pow of pow...), and no plan needs a number beyond 10^1,000; the bound
// keeps every computation fast.
const maxBits = 4096

// tooLong reports whether v is beyond maxBits.
func tooLong(v Value) bool {
	for _, r := range []*big.Rat{v.Nom, v.Lo, v.Hi} {
		if r != nil && (r.Num().BitLen() > maxBits || r.Denom().BitLen() > maxBits) {
			return true
		}
	}
	return false
}

// tinyOf reports whether the first of vs that is too long is below 1 in
// size: its denominator, not its numerator, is what grew.
func tinyOf(vs ...Value) bool {
	for _, v := range vs {
		if tooLong(v) {
			return v.Nom.Num().CmpAbs(v.Nom.Denom()) < 0
		}
	}
	return false
}

// eval computes an expression whose references are all known.
func (s *Solution) eval(e Expr) (Value, *evalError) {
	switch x := e.(type) {
	case *Const:
		return Exact(x.V), nil
	case *Ref:
		if x.Period != "" {
			return s.inPeriod(x)
		}
		return s.val[x.Var.id], nil
	case *Neg:
		v, err := s.eval(x.X)
		if err != nil {
			return Value{}, err
		}
		return v.neg(), nil
	case *Bin:
		return s.evalBin(x)
	case *Call:
		return s.evalCall(x)
	}
	return Value{}, &evalError{at: e.Range()}
}

func (s *Solution) evalBin(x *Bin) (Value, *evalError) {
	a, err := s.eval(x.A)
	if err != nil {
		return Value{}, err
	}
	b, err := s.eval(x.B)
	if err != nil {
		return Value{}, err
	}
	if tooLong(a) || tooLong(b) {
		return Value{}, &evalError{at: x.R, tooLong: true, tiny: tinyOf(a, b)}
	}
	return arith2(x.Op, a, b, x.B.Range())
}

func arith2(op byte, a, b Value, divisor hcl.Range) (Value, *evalError) {
	switch op {
	case '+':
		return a.add(b), nil
	case '-':
		return a.sub(b), nil
	case '*':
		return a.mul(b), nil
	}
	if b.Nom.Sign() == 0 {
		return Value{}, &evalError{at: divisor}
	}
	return a.quo(b), nil
}

func (s *Solution) evalCall(x *Call) (Value, *evalError) {
	if x.Fn.Product != nil {
		return s.evalProduct(x, -1)
	}
	noms := make([]*big.Rat, len(x.Args))
	los, his := make([]*big.Rat, len(x.Args)), make([]*big.Rat, len(x.Args))
	bounded := x.Fn.Monotone
	for i, a := range x.Args {
		v, err := s.eval(a)
		if err != nil {
			return Value{}, err
		}
		if tooLong(v) {
			return Value{}, &evalError{at: a.Range(), tooLong: true, tiny: tinyOf(v)}
		}
		noms[i], los[i], his[i] = v.Nom, v.Lo, v.Hi
		bounded = bounded && v.Lo != nil && v.Hi != nil
	}
	out := Value{Nom: x.Fn.Eval(noms)}
	if bounded {
		out.Lo, out.Hi = x.Fn.Eval(los), x.Fn.Eval(his)
	}
	return out, nil
}

// evalProduct evaluates a product function with interval arithmetic,
// leaving out the argument at index skip (-1 for none).
func (s *Solution) evalProduct(x *Call, skip int) (Value, *evalError) {
	out := Exact(x.Fn.Product.K)
	for i, a := range x.Args {
		if i == skip {
			continue
		}
		v, err := s.eval(a)
		if err == nil {
			op := byte('*')
			if x.Fn.Product.Exp[i] < 0 {
				op = '/'
			}
			out, err = arith2(op, out, v, a.Range())
		}
		if err != nil {
			return Value{}, err
		}
	}
	return out, nil
}

// invert solves e = want for x, which occurs in e once. ok is false when
// the path to x goes through something that cannot be inverted.
func (s *Solution) invert(e Expr, want Value, x *Var) (Value, bool, *evalError) {
	switch n := e.(type) {
	case *Ref:
		return want, n.Var == x, nil
	case *Neg:
		return s.invert(n.X, want.neg(), x)
	case *Bin:
		return s.invertBin(n, want, x)
	case *Call:
		if n.Fn.Product != nil {
			return s.invertProduct(n, want, x)
		}
	}
	return Value{}, false, nil
}

// invertProduct solves k x a^e x rest = want for the argument a that holds
// x: a = want / (k x rest) when a multiplies, (k x rest) / want when it
// divides.
func (s *Solution) invertProduct(n *Call, want Value, x *Var) (Value, bool, *evalError) {
	i := 0
	for !contains(n.Args[i], x) {
		i++
	}
	rest, err := s.evalProduct(n, i)
	if err != nil {
		return Value{}, false, err
	}
	var w Value
	if n.Fn.Product.Exp[i] > 0 {
		w, err = arith2('/', want, rest, n.Range())
	} else {
		w, err = arith2('/', rest, want, n.Range())
	}
	if err != nil {
		return Value{}, false, err
	}
	return s.invert(n.Args[i], w, x)
}

func (s *Solution) invertBin(n *Bin, want Value, x *Var) (Value, bool, *evalError) {
	// x occurs once: look in the right side, which is one term of a
	// chain (a + b + c is (a + b) + c), so that inverting a chain of n
	// terms is O(n), not O(n²).
	inA := !contains(n.B, x)
	self, other := n.A, n.B
	if !inA {
		self, other = n.B, n.A
	}
	o, err := s.eval(other)
	if err != nil {
		return Value{}, false, err
	}
	var w Value
	switch {
	case n.Op == '+':
		w = want.sub(o)
	case n.Op == '-' && inA: // self - o = want
		w = want.add(o)
	case n.Op == '-': // o - self = want
		w = o.sub(want)
	case n.Op == '*': // self * o = want
		w, err = arith2('/', want, o, other.Range())
	case inA: // self / o = want
		w = want.mul(o)
	default: // o / self = want
		w, err = arith2('/', o, want, other.Range())
	}
	if err != nil {
		return Value{}, false, err
	}
	return s.invert(self, w, x)
}
