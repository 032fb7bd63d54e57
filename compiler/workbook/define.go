package workbook

import (
	"fmt"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// builder lays a compiled plan out as a workbook and gives each value's
// cell what it holds.
type builder struct {
	r *compiler.Result
	// vars are the plan's values and then the totals planc adds up for
	// its equations, which the formulas refer to.
	vars   []*compiler.Var
	sheets []*sheet
	cells  map[*compiler.Var]*cell
	// order is every value's cell, in the order laid out.
	order []*cell
	// blocks are the apportionments laid out, by equation.
	blocks map[*compiler.Eq]*block
	// how says, for each value's cell, how planc solved it.
	how map[*cell]string
	// names and sheetNames are the names in use, in lower case.
	names, sheetNames map[string]bool
	cv                *converter
	// pending are the values the solver's linear step solved, which are
	// written once every other formula is known (linear.go).
	pending []*cell
	// tl is the Timeline sheet of a plan by month; nil for others.
	tl *timeline
}

func newBuilder(r *compiler.Result) *builder {
	b := &builder{r: r, cells: map[*compiler.Var]*cell{}, blocks: map[*compiler.Eq]*block{},
		how: map[*cell]string{}, names: map[string]bool{}, sheetNames: map[string]bool{}}
	b.vars = append(b.vars, r.Info.Vars...)
	seen := map[*compiler.Var]bool{}
	for _, eq := range r.Eqs {
		if v := eq.V; v.Kind == compiler.KindTotal && !seen[v] {
			seen[v] = true
			b.vars = append(b.vars, v)
		}
	}
	b.cv = &converter{cells: b.cells}
	return b
}

// define gives every value's cell its content: the constant of an input,
// the formula it was solved from, or planc's value with a note.
func (b *builder) define() {
	for _, c := range b.order {
		b.defineCell(c)
	}
	for _, c := range b.pending {
		b.linearStep(c)
	}
	b.breakCycles()
}

func (b *builder) defineCell(c *cell) {
	v := c.v
	eq := b.r.Sol.SolvedBy(v)
	switch {
	case v.Given != nil && eq == nil:
		b.given(c)
	case c.value == nil:
		c.kind = unsolved
		c.note = "planc could not solve this value (a share of nothing, or a value nothing in the plan determines), so it is empty."
		b.how[c] = "not solved"
	case eq == nil:
		b.fix(c, "planc solved it without an equation")
	case eq.Role == compiler.RoleApportion:
		b.apportioned(c, eq)
	case eq.V == v:
		b.forward(c, eq)
	case occurrences(eq.E, v) == 1:
		b.backward(c, eq)
	default: // the linear step: eq determines v only with others
		b.pending = append(b.pending, c)
	}
	if v.Given != nil && eq != nil && c.kind != fixed {
		c.note = fmt.Sprintf("The plan gives this value (%s, at %s), and its other inputs determine it: this is the formula they give.",
			v.Given.Origin, lang.At(v.Given.Range))
	}
}

// given makes c an input cell: the value the plan gives.
func (b *builder) given(c *cell) {
	g := c.v.Given
	c.kind = input
	c.value = g.Value
	if val, ok := b.r.Value(c.v); ok {
		c.value = val.Nom
	}
	what := "an input"
	switch g.Origin {
	case compiler.Target:
		what = "a target: the plan is solved backward from it"
	case compiler.Assumption:
		what = "an assumption"
	}
	c.note = fmt.Sprintf("The plan gives this value, %s (%s). Change it and every value recalculates.", what, lang.At(g.Range))
	b.how[c] = fmt.Sprintf("%s at %s", g.Origin, lang.At(g.Range))
}

// forward makes c the value of its equation's expression.
func (b *builder) forward(c *cell, eq *compiler.Eq) {
	n, err := b.cv.expr(eq.E)
	b.solved(c, n, err, b.equationText(eq), eq.CeilForward,
		", rounded up", ", rounded down (a stage yields whole counts)")
}

// backward makes c the value its equation's expression must have for the
// equation's left side: the expression inverted along the path to c.
func (b *builder) backward(c *cell, eq *compiler.Eq) {
	n, err := b.cv.invert(eq.E, ref{c: b.cells[eq.V]}, c.v)
	b.solved(c, n, err, "backward from "+b.equationText(eq), !eq.FloorBackward,
		", rounded up (whole counts are needed)", ", rounded down (a budget buys whole leads)")
}

// solved makes c the formula n, found as how says, rounded up or down (as
// up says, with the note for each) when c is a whole count; err, from
// building n, leaves c planc's fixed value instead.
func (b *builder) solved(c *cell, n node, err error, how string, up bool, upNote, downNote string) {
	if err != nil {
		b.fix(c, err.Error())
		return
	}
	c.kind, c.exact, c.formula = solved, n, n
	b.how[c] = how
	if c.v.Whole && !whole(n) {
		if up {
			c.formula, b.how[c] = roundUp(n), how+upNote
		} else {
			c.formula, b.how[c] = roundDown(n), how+downNote
		}
	}
}

// fix writes planc's value in c, with a note saying why there is no
// formula.
func (b *builder) fix(c *cell, why string) {
	c.kind, c.formula, c.exact = fixed, nil, nil
	c.note = "planc solved this value, but the workbook has no formula for it: " + why +
		". It is planc's value, and does not follow a change of the inputs."
	if eq := b.r.Sol.SolvedBy(c.v); eq != nil {
		b.how[c] = "solved from " + b.equationText(eq) + " (the value)"
	} else {
		b.how[c] = "solved (the value)"
	}
}

// equationText is eq as people read it: a relation the plan's structure
// implies as planc writes it, a formula as the plan writes it.
func (b *builder) equationText(eq *compiler.Eq) string {
	if !eq.Formula() {
		return eq.Text()
	}
	r := eq.E.Range()
	if f := b.r.Plan.Files[r.Filename]; f != nil && r.End.Byte <= len(f.Bytes) && r.Start.Byte < r.End.Byte {
		src := strings.Join(strings.Fields(string(f.Bytes[r.Start.Byte:r.End.Byte])), " ")
		return eq.V.Path.String() + " = " + src
	}
	return eq.Text()
}
