package compiler

// The solver's linear step. Propagation solves an equation once it has one
// unknown; some plans stall on a group of equations that determine their
// unknowns only together. The funnel with cohorts of its own is the one
// that matters: its revenue is the sum of its channels' revenue, each a
// product of the funnel's top volume, a share and the channel's own rates,
// so that no single equation has one unknown. Every equation of such a
// group is linear in the unknowns once the known values are put in.
//
// The step picks one unknown of a stalled group, t, and propagates through
// the group as propagation does, but with affine forms a + b·t instead of
// numbers, exactly over the rationals. The first equation of the group
// whose every value then has a form, and that says something about t, is
// a linear equation a + b·t = 0: it gives t = -a/b. t is then solved as if
// backward (a whole count rounded up), and propagation takes over from it,
// with its rounding rules and its checks; an equation of the group that
// disagrees is then a conflict like any other. A group where no unknown
// can be found this way is left to the underdetermined report.

import (
	"math/big"
	"slices"

	"github.com/planc-dev/planc/stdlib"
)

// maxShots bounds the unknowns tried per stalled group: the first in the
// plan's order is the one that works for a funnel (its top volume, or a
// value just before it), and trying every unknown of a large group that
// cannot be solved would take time quadratic in its size.
const maxShots = 4

// settle applies the linear step to the stalled groups until none makes
// progress.
func (s *solver) settle() {
	for progress := true; progress && !s.stopped(); {
		progress = false
		for _, g := range s.stalled() {
			if s.shoot(g) {
				progress = true
			}
		}
	}
}

// stalled returns the groups of equations propagation left unsolved,
// connected through their unknowns: for each, its equations in the plan's
// order.
func (s *solver) stalled() [][]*Eq {
	u := sets{}
	var open []*Eq
	for _, eq := range s.eqs {
		if s.done[eq.id] || s.unknown[eq.id] == 0 {
			continue
		}
		open = append(open, eq)
		var first *Var
		for _, v := range s.of[eq.id] {
			if s.has(v) {
				continue
			}
			u.add(v)
			if first == nil {
				first = v
			} else {
				u.union(first, v)
			}
		}
	}
	g := groupOf{sets: u}
	var out [][]*Eq
	for _, eq := range open {
		for _, v := range s.of[eq.id] {
			if s.has(v) {
				continue
			}
			i, isNew := g.of(v, len(out))
			if isNew {
				out = append(out, nil)
			}
			out[i] = append(out[i], eq)
			break
		}
	}
	return out
}

// shoot tries the first unknowns of group g, in the plan's order, as t;
// it solves the first that a linear equation of the group determines, and
// propagates from it.
func (s *solver) shoot(g []*Eq) bool {
	tried := 0
	for _, x := range s.unknowns(g) {
		if tried == maxShots {
			break
		}
		tried++
		t, by, ok := s.symbolic(g, x)
		if !ok {
			continue
		}
		v := Exact(t)
		if s.whole(x) {
			v = v.round(stdlib.Ceil) // solved as if backward: the whole count the requirement needs
		}
		s.solved(x, v, by)
		s.propagate(nil)
		return true
	}
	return false
}

// unknowns returns the unknown values of g in the plan's order.
func (s *solver) unknowns(g []*Eq) []*Var {
	seen := map[*Var]bool{}
	var out []*Var
	for _, eq := range g {
		for _, v := range s.of[eq.id] {
			if !s.has(v) && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Var) int { return a.id - b.id })
	return out
}

// affine is a + b·t.
type affine struct{ a, b *big.Rat }

func affConst(r *big.Rat) affine { return affine{r, new(big.Rat)} }

func (x affine) isConst() bool { return x.b.Sign() == 0 }

func (x affine) add(y affine) affine { return affine{ratAdd(x.a, y.a), ratAdd(x.b, y.b)} }

func (x affine) neg() affine { return affine{new(big.Rat).Neg(x.a), new(big.Rat).Neg(x.b)} }

// scale multiplies by a constant k.
func (x affine) scale(k *big.Rat) affine { return affine{ratMul(x.a, k), ratMul(x.b, k)} }

// symbolic propagates t through the equations of g as affine forms and
// returns t from the first equation that determines it, and that
// equation.
func (s *solver) symbolic(g []*Eq, t *Var) (*big.Rat, *Eq, bool) {
	sp := &symbols{s: s, forms: map[*Var]affine{t: {new(big.Rat), big.NewRat(1, 1)}}}
	in := map[*Eq]bool{}
	for _, eq := range g {
		in[eq] = true
	}
	queue := append([]*Eq(nil), g...)
	queued := map[*Eq]bool{}
	for _, eq := range queue {
		queued[eq] = true
	}
	for len(queue) > 0 {
		eq := queue[0]
		queue = queue[1:]
		queued[eq] = false
		if sp.closed[eq] {
			continue
		}
		if t, ok := sp.closing(eq); ok {
			return t, eq, true
		}
		for _, v := range sp.step(eq) {
			for _, next := range s.uses[v.id] {
				if in[next] && !queued[next] {
					queued[next] = true
					queue = append(queue, next)
				}
			}
		}
	}
	return nil, nil, false
}

// symbols is the state of one symbolic propagation.
type symbols struct {
	s      *solver
	forms  map[*Var]affine
	closed map[*Eq]bool
}

// form returns v as an affine form: its value when known, its form when
// it has one.
func (sp *symbols) form(v *Var) (affine, bool) {
	if val, ok := sp.s.Value(v); ok {
		return affConst(val.Nom), true
	}
	f, ok := sp.forms[v]
	return f, ok
}

// missing returns the values of eq without a form.
func (sp *symbols) missing(eq *Eq) []*Var {
	var out []*Var
	for _, v := range sp.s.of[eq.id] {
		if _, ok := sp.form(v); !ok {
			out = append(out, v)
		}
	}
	return out
}

// step gives forms to what eq determines, and returns those values.
func (sp *symbols) step(eq *Eq) []*Var {
	if eq.Role == RoleApportion {
		return sp.apportion(eq)
	}
	miss := sp.missing(eq)
	if len(miss) != 1 {
		return nil
	}
	x := miss[0]
	var f affine
	var ok bool
	switch {
	case x == eq.V && eq.NoForward:
		return nil
	case x == eq.V:
		f, ok = sp.eval(eq.E)
	case occurrences(eq.E, x) == 1:
		want, _ := sp.form(eq.V)
		f, ok = sp.invert(eq.E, want, x)
	}
	if !ok {
		return nil
	}
	sp.forms[x] = f
	return []*Var{x}
}

// closing returns t when every value of eq has a form and eq, a linear
// equation in t, determines it.
func (sp *symbols) closing(eq *Eq) (*big.Rat, bool) {
	if eq.Role == RoleApportion || len(sp.missing(eq)) > 0 {
		return nil, false
	}
	if sp.closed == nil {
		sp.closed = map[*Eq]bool{}
	}
	sp.closed[eq] = true
	v, _ := sp.form(eq.V)
	e, ok := sp.eval(eq.E)
	if !ok {
		return nil, false
	}
	d := v.add(e.neg()) // V - E = 0
	if d.isConst() {
		return nil, false // true whatever t is, or a conflict the propagation will report
	}
	return new(big.Rat).Quo(new(big.Rat).Neg(d.a), d.b), true
}

// apportion gives the channels into a stage their exact shares of the
// stage's form: the rounding waits for the stage's leads to be known.
func (sp *symbols) apportion(eq *Eq) []*Var {
	total, ok := sp.form(eq.V)
	if !ok {
		return nil
	}
	left := total
	rest := -1
	forms := make([]*affine, len(eq.parts))
	for i, p := range eq.parts {
		switch {
		case p.rest && rest >= 0:
			return nil
		case p.rest:
			rest = i
		case p.share != nil:
			sh, ok := sp.form(p.share)
			if !ok || !sh.isConst() {
				return nil
			}
			f := total.scale(sh.a)
			forms[i] = &f
			left = left.add(f.neg())
		default:
			l, ok := sp.form(p.leads)
			if !ok {
				return nil
			}
			left = left.add(l.neg())
		}
	}
	if rest >= 0 {
		forms[rest] = &left
	}
	var out []*Var
	for i, p := range eq.parts {
		if forms[i] == nil {
			continue
		}
		if _, ok := sp.form(p.leads); !ok {
			sp.forms[p.leads] = *forms[i]
			out = append(out, p.leads)
		}
	}
	return out
}

// eval evaluates e as an affine form; ok is false where e is not linear
// in t (a product of two forms with t, a division by one).
func (sp *symbols) eval(e Expr) (affine, bool) {
	switch x := e.(type) {
	case *Const:
		return affConst(x.V), true
	case *Ref:
		return sp.form(x.Var)
	case *Neg:
		f, ok := sp.eval(x.X)
		return f.neg(), ok
	case *Bin:
		a, ok1 := sp.eval(x.A)
		b, ok2 := sp.eval(x.B)
		if !ok1 || !ok2 {
			return affine{}, false
		}
		return affineOp(x.Op, a, b)
	case *Call:
		return sp.call(x)
	}
	return affine{}, false
}

// affineOp applies op to two forms, when the result is one.
func affineOp(op byte, a, b affine) (affine, bool) {
	switch {
	case op == '+':
		return a.add(b), true
	case op == '-':
		return a.add(b.neg()), true
	case op == '*' && b.isConst():
		return a.scale(b.a), true
	case op == '*' && a.isConst():
		return b.scale(a.a), true
	case op == '/' && b.isConst() && b.a.Sign() != 0:
		return a.scale(new(big.Rat).Inv(b.a)), true
	}
	return affine{}, false
}

// call evaluates a function call whose arguments are all constants.
func (sp *symbols) call(x *Call) (affine, bool) {
	args := make([]*big.Rat, len(x.Args))
	for i, a := range x.Args {
		f, ok := sp.eval(a)
		if !ok || !f.isConst() {
			return affine{}, false
		}
		args[i] = f.a
	}
	if x.Fn.Product != nil {
		v, ok := x.Fn.Product.Eval(args)
		return affConst(v), ok
	}
	return affConst(x.Fn.Eval(args)), true
}

// invert solves e = want for x, which occurs in e once, as a form.
func (sp *symbols) invert(e Expr, want affine, x *Var) (affine, bool) {
	switch n := e.(type) {
	case *Ref:
		return want, n.Var == x
	case *Neg:
		return sp.invert(n.X, want.neg(), x)
	case *Bin:
		inA := !contains(n.B, x)
		self, other := n.A, n.B
		if !inA {
			self, other = n.B, n.A
		}
		o, ok := sp.eval(other)
		if !ok {
			return affine{}, false
		}
		w, ok := invertOp(n.Op, inA, want, o)
		if !ok {
			return affine{}, false
		}
		return sp.invert(self, w, x)
	}
	return affine{}, false
}

// invertOp returns what the side holding x must be for the operation to
// give want, o being the other side; ok is false where that is not a form.
func invertOp(op byte, inA bool, want, o affine) (affine, bool) {
	switch {
	case op == '+':
		return want.add(o.neg()), true
	case op == '-' && inA: // self - o = want
		return want.add(o), true
	case op == '-': // o - self = want
		return o.add(want.neg()), true
	case op == '*': // self x o = want
		return affineOp('/', want, o)
	case inA: // self / o = want
		return affineOp('*', want, o)
	case want.isConst() && o.isConst() && want.a.Sign() != 0: // o / self = want
		return affConst(new(big.Rat).Quo(o.a, want.a)), true
	}
	return affine{}, false
}
