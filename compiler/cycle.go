package compiler

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// breakCycles reports formulas that depend on themselves, following the
// definitions of values (formulas, and the funnel's structure such as a
// stage's volume from the stage before). Each cycle is one diagnostic that
// shows the whole loop. It returns the equations to solve, without those
// on cycles, and the values on cycles, which are not reported again as
// undetermined.
func breakCycles(vars []*Var, eqs []*Eq, s *sink) ([]*Eq, map[*Var]bool) {
	defs := map[*Var][]*Eq{}
	for _, eq := range eqs {
		if !eq.Relation {
			defs[eq.V] = append(defs[eq.V], eq)
		}
	}
	t := newTarjan(vars, defs)
	for _, v := range vars {
		if t.index[v.id] == 0 {
			t.visit(v)
		}
	}
	skip, cyclic := map[*Eq]bool{}, map[*Var]bool{}
	for _, comp := range t.comps {
		reportCycle(s, comp, defs, skip, cyclic)
	}
	var active []*Eq
	for _, eq := range eqs {
		if !skip[eq] {
			active = append(active, eq)
		}
	}
	return active, cyclic
}

func reportCycle(s *sink, comp []*Var, defs map[*Var][]*Eq, skip map[*Eq]bool, cyclic map[*Var]bool) {
	in := map[*Var]bool{}
	for _, v := range comp {
		in[v] = true
	}
	var first *Eq
	for _, v := range comp {
		cyclic[v] = true
		for _, eq := range defs[v] {
			if !eq.Formula() || !dependsOnAny(eq, in) {
				continue
			}
			skip[eq] = true
			if first == nil || before(eq.Range, first.Range) {
				first = eq
			}
		}
	}
	if first == nil {
		return // a loop of structure alone cannot be written
	}
	path := cyclePath(first.V, defs, in)
	detail := "These values are defined in terms of each other: " + strings.Join(summarise(path), " -> ") +
		". Give one of them a value or target instead of a formula, or break the loop."
	if len(path) == 2 {
		detail = path[0] + " is defined in terms of itself. Remove the reference to it from its formula."
	}
	s.fail(lang.Cycle, first.Range, "Circular definition", detail)
}

func dependsOnAny(eq *Eq, in map[*Var]bool) bool {
	for _, r := range refs(eq.E) {
		if in[r] {
			return true
		}
	}
	return false
}

// cyclePath walks from start through definitions inside the component
// back to start, returning the paths of the values on the way.
func cyclePath(start *Var, defs map[*Var][]*Eq, in map[*Var]bool) []string {
	prev := map[*Var]*Var{}
	queue := []*Var{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, eq := range defs[v] {
			for _, r := range refs(eq.E) {
				if !in[r] {
					continue
				}
				if r == start {
					return unwind(start, v, prev)
				}
				if _, seen := prev[r]; !seen {
					prev[r] = v
					queue = append(queue, r)
				}
			}
		}
	}
	return []string{start.Path.String()}
}

// summarise shortens a long cycle to its first and last values, so that
// a loop of 20,000 KPIs is one line: "a -> b -> ... (19,993 more) -> z -> a".
func summarise(path []string) []string {
	const head, tail = 6, 3
	if len(path) <= head+tail+1 {
		return path
	}
	more := fmt.Sprintf("... (%s more)", quantity.Format(big.NewRat(int64(len(path)-head-tail), 1), quantity.Count))
	return slices.Concat(path[:head], []string{more}, path[len(path)-tail:])
}

func unwind(start, last *Var, prev map[*Var]*Var) []string {
	var rev []string
	for v := last; v != start; v = prev[v] {
		rev = append(rev, v.Path.String())
	}
	out := []string{start.Path.String()}
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return append(out, start.Path.String())
}

// tarjan finds the strongly connected components that are cycles: more
// than one value, or one value that refers to itself. Its state is
// indexed by Var.id; index is one more than a value's visit number, zero
// for a value not visited yet.
type tarjan struct {
	defs       [][]*Eq
	index, low []int
	on         []bool
	stack      []*Var
	next       int
	comps      [][]*Var
}

func newTarjan(vars []*Var, defs map[*Var][]*Eq) *tarjan {
	t := &tarjan{defs: make([][]*Eq, len(vars)), index: make([]int, len(vars)), low: make([]int, len(vars)), on: make([]bool, len(vars))}
	for v, eqs := range defs {
		t.defs[v.id] = eqs
	}
	return t
}

func (t *tarjan) visit(v *Var) {
	t.next++
	t.index[v.id], t.low[v.id] = t.next, t.next
	t.stack = append(t.stack, v)
	t.on[v.id] = true
	self := false
	for _, eq := range t.defs[v.id] {
		walk(eq.E, func(e Expr) {
			r, ok := e.(*Ref)
			if !ok {
				return
			}
			w := r.Var
			self = self || w == v
			if t.index[w.id] == 0 {
				t.visit(w)
				t.low[v.id] = min(t.low[v.id], t.low[w.id])
			} else if t.on[w.id] {
				t.low[v.id] = min(t.low[v.id], t.index[w.id])
			}
		})
	}
	if t.low[v.id] != t.index[v.id] {
		return
	}
	var comp []*Var
	for {
		w := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		t.on[w.id] = false
		comp = append(comp, w)
		if w == v {
			break
		}
	}
	if len(comp) > 1 || self {
		t.comps = append(t.comps, comp)
	}
}
