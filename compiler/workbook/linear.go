package workbook

// The solver's linear step (compiler/linear.go) solves a value that no
// single equation gives: in a funnel whose channels convert at rates of
// their own, the funnel's revenue is the sum of its channels' revenue,
// each a product of the funnel's top volume t, a share and the channel's
// rates. The step writes every value that depends on t as a + b·t, and
// the equation that closes the group, V = E, gives t = (a_E - a_V) /
// (b_V - b_E).
//
// The workbook does the same with formulas: the formulas of the cells
// that depend on t (the channels' leads, their cohorts, won deals and
// revenue), without their rounding as the step has none, are expanded
// into a + b·t, where a and b are formulas over the cells that do not
// depend on t. t's cell is then that quotient, rounded up when it is a
// whole count, as the solver rounds it.

// affine is a + b·t as formulas; nil is zero.
type affine struct{ a, b node }

// linearizer expands formulas as affine forms in t.
type linearizer struct {
	t *cell
	// dep marks the cells whose formulas depend on t.
	dep  map[*cell]bool
	memo map[*cell]*affine
	busy map[*cell]bool
}

// linearStep writes the formula of c, a value the linear step solved, or
// its value when its group is not linear as written here.
func (b *builder) linearStep(c *cell) {
	eq := b.r.Sol.SolvedBy(c.v)
	fail := func() {
		b.fix(c, "planc solved it with other values of its funnel from "+eq.Text()+
			", as one linear equation, which the workbook could not write")
	}
	e, err := b.cv.expr(eq.E)
	if err != nil {
		fail()
		return
	}
	l := &linearizer{t: c, dep: b.dependents(c), memo: map[*cell]*affine{}, busy: map[*cell]bool{}}
	fv, ok1 := l.form(ref{c: b.cells[eq.V]})
	fe, ok2 := l.form(e)
	// V - E = 0 is (a_V - a_E) + (b_V - b_E)·t = 0. V is most often known
	// (the funnel's revenue, from the goal), and then t = (a_V - a_E) / b_E.
	n, den := minus(fe.a, fv.a), minus(fv.b, fe.b)
	if fv.b == nil {
		n, den = minus(fv.a, fe.a), fe.b
	}
	if !ok1 || !ok2 || den == nil {
		fail()
		return
	}
	if n == nil {
		n = num{"0"}
	}
	n = quo(n, den)
	c.kind, c.exact, c.formula = solved, n, n
	b.how[c] = "solved with the other values of its funnel from " + b.equationText(eq) + ", a linear equation in it"
	if c.v.Whole {
		c.formula = roundUp(n)
		b.how[c] += ", rounded up"
	}
}

// dependents returns the cells whose formulas refer to t, directly or
// through other cells.
func (b *builder) dependents(t *cell) map[*cell]bool {
	users := map[*cell][]*cell{}
	for _, s := range b.sheets {
		for _, c := range s.cells {
			if c.formula == nil {
				continue
			}
			refs(c.formula, func(d *cell) { users[d] = append(users[d], c) })
		}
	}
	dep := map[*cell]bool{}
	queue := []*cell{t}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, u := range users[x] {
			if !dep[u] {
				dep[u] = true
				queue = append(queue, u)
			}
		}
	}
	return dep
}

// form expands n as a + b·t; ok is false where n is not linear in t (a
// product of two values that depend on t, a function of one).
func (l *linearizer) form(n node) (affine, bool) {
	switch x := n.(type) {
	case num:
		return affine{a: x}, true
	case ref:
		return l.cellForm(x)
	case neg:
		f, ok := l.form(x.x)
		return affine{negate(f.a), negate(f.b)}, ok
	case bin:
		return l.binForm(x)
	}
	if l.independent(n) {
		return affine{a: n}, true
	}
	return affine{}, false
}

// cellForm is the form of a reference: t itself, a constant where the
// cell does not depend on t, else the form of its exact formula.
func (l *linearizer) cellForm(x ref) (affine, bool) {
	c := x.c
	switch {
	case c == l.t:
		return affine{b: num{"1"}}, true
	case !l.dep[c]:
		return affine{a: x}, true
	case l.memo[c] != nil:
		return *l.memo[c], true
	case l.busy[c] || c.exactNode() == nil:
		return affine{}, false
	}
	l.busy[c] = true
	f, ok := l.form(c.exactNode())
	l.busy[c] = false
	if ok {
		l.memo[c] = &f
	}
	return f, ok
}

func (l *linearizer) binForm(x bin) (affine, bool) {
	fa, ok1 := l.form(x.a)
	fb, ok2 := l.form(x.b)
	if !ok1 || !ok2 {
		return affine{}, false
	}
	switch {
	case x.op == "+":
		return affine{plus(fa.a, fb.a), plus(fa.b, fb.b)}, true
	case x.op == "-":
		return affine{minus(fa.a, fb.a), minus(fa.b, fb.b)}, true
	case x.op == "*" && fb.b == nil:
		return affine{scale(fa.a, fb.a, false), scale(fa.b, fb.a, false)}, true
	case x.op == "*" && fa.b == nil:
		return affine{scale(fb.a, fa.a, false), scale(fb.b, fa.a, false)}, true
	case x.op == "/" && fb.b == nil:
		return affine{scale(fa.a, fb.a, true), scale(fa.b, fb.a, true)}, true
	case fa.b == nil && fb.b == nil:
		return affine{a: x}, true
	}
	return affine{}, false
}

// independent reports whether n refers to no cell that depends on t.
func (l *linearizer) independent(n node) bool {
	ok := true
	refs(n, func(c *cell) { ok = ok && c != l.t && !l.dep[c] })
	return ok
}

// Arithmetic on formulas where nil is zero. A zero constant term stays
// nil, so that t's formula is no longer than its equation needs.

func plus(a, b node) node {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return add(a, b)
}

func minus(a, b node) node {
	switch {
	case b == nil:
		return a
	case a == nil:
		return neg{b}
	}
	return sub(a, b)
}

func negate(a node) node {
	if a == nil {
		return nil
	}
	return neg{a}
}

// scale multiplies a by k, or divides it by k, where a nil a or k is
// zero, leaving out a factor of 1 (t's own coefficient).
func scale(a, k node, divide bool) node {
	switch {
	case a == nil:
		return nil
	case k == nil: // x 0; / 0 is the spreadsheet's #DIV/0!, as in planc
		k = num{"0"}
	case isOne(k):
		return a
	case isOne(a) && !divide:
		return k
	}
	if divide {
		return quo(a, k)
	}
	return mul(a, k)
}

func isOne(n node) bool {
	x, ok := n.(num)
	return ok && x.text == "1"
}

// breakCycles makes sure no formula depends on itself, which planc's
// solution never does but a formula the workbook writes could if a value
// were solved in an order it does not know: the first value on a cycle
// gets planc's value instead.
func (b *builder) breakCycles() {
	for {
		c := b.cycle()
		if c == nil {
			return
		}
		if c.v == nil { // a helper: never on a cycle of its own
			c.formula = nil
			continue
		}
		b.fix(c, "its formula would depend on itself")
	}
}

// cycle returns a value cell on a cycle of references, nil when there is
// none.
func (b *builder) cycle() *cell {
	const (
		white = iota
		grey
		black
	)
	color := map[*cell]int{}
	var stack []*cell
	var found *cell
	var visit func(c *cell) bool
	visit = func(c *cell) bool {
		color[c] = grey
		stack = append(stack, c)
		cyclic := false
		if c.formula != nil {
			refs(c.formula, func(d *cell) {
				if cyclic {
					return
				}
				switch color[d] {
				case grey:
					found = firstValue(stack, d)
					cyclic = true
				case white:
					cyclic = visit(d)
				}
			})
		}
		stack = stack[:len(stack)-1]
		color[c] = black
		return cyclic
	}
	for _, c := range b.order {
		if color[c] == white && visit(c) {
			return found
		}
	}
	return nil
}

// firstValue is the first cell of a value of the plan on the cycle that
// stack closes at d.
func firstValue(stack []*cell, d *cell) *cell {
	i := len(stack) - 1
	for stack[i] != d {
		i--
	}
	for _, c := range stack[i:] {
		if c.v != nil && c.value != nil {
			return c
		}
	}
	return stack[len(stack)-1]
}
