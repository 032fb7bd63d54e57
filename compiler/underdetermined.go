package compiler

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// maxTrials bounds how many candidate inputs are tried per group of
// unsolved values when looking for one that would determine them.
const maxTrials = 24

// reportUnderdetermined reports the values no equation determined. Values
// that are connected by equations form one group and one diagnostic,
// which names them and the inputs that, given alone, would solve the
// whole group (found by re-running the solver with each candidate).
func (s *solver) reportUnderdetermined(cyclic map[*Var]bool) {
	relevant := map[*Var]bool{}
	for _, eq := range s.eqs {
		for _, v := range append([]*Var{eq.V}, refs(eq.E)...) {
			relevant[v] = true
		}
	}
	var free []*Var
	for _, v := range s.vars {
		if s.has(v) || cyclic[v] || v.total != nil || v.Kind == KindCap || v.Attributed() || s.zeroCapacity(v) {
			continue
		}
		if relevant[v] || v.Kind == KindMetric {
			free = append(free, v)
		}
	}
	for _, group := range s.groups(free) {
		s.report(s.underdetermined(group))
	}
}

// groups splits free values into groups connected by equations, in
// declaration order.
func (s *solver) groups(free []*Var) [][]*Var {
	u := sets{}
	for _, v := range free {
		u.add(v)
	}
	for _, eq := range s.eqs {
		var first *Var
		for _, v := range append([]*Var{eq.V}, refs(eq.E)...) {
			if !u.has(v) {
				continue
			}
			if first == nil {
				first = v
			} else {
				u.union(first, v)
			}
		}
	}
	g := groupOf{sets: u}
	var out [][]*Var
	for _, v := range free {
		i, isNew := g.of(v, len(out))
		if isNew {
			out = append(out, nil)
		}
		out[i] = append(out[i], v)
	}
	return out
}

func (s *solver) underdetermined(group []*Var) *hcl.Diagnostic {
	var paths []string
	for i, v := range group {
		if i == 6 {
			paths = append(paths, fmt.Sprintf("and %d more", len(group)-6))
			break
		}
		paths = append(paths, v.Path.String())
	}
	detail := fmt.Sprintf("Nothing in the plan determines %s.", strings.Join(paths, ", "))
	if fixes := s.fixes(group); len(fixes) > 0 {
		detail += " One more input would solve this: " + strings.Join(fixes, "; or ") + "."
	} else {
		detail += " Give these values or targets, or formulas that relate them to known values."
	}
	subject := group[0].Decl
	return lang.Diag(lang.Underdetermined, subject, "Cannot solve "+group[0].Path.String(), detail)
}

// fixes tries each value of the group as an extra input and returns advice
// for those that would determine the whole group.
func (s *solver) fixes(group []*Var) []string {
	var out []string
	tried := 0
	for _, cand := range group {
		if tried == maxTrials || len(out) == 3 {
			break
		}
		if cand.Kind == KindRevenue || cand.Kind == KindSpend || cand.Kind == KindFixed {
			continue // not an input anyone can write
		}
		tried++
		if s.try(cand, group) {
			out = append(out, howToGive(cand))
		}
	}
	return out
}

// try reports whether giving cand a value would solve every value of
// group. It solves on from the solution found, through the equations the
// new value reaches, and then undoes what it did: the work is that of the
// group, not of the plan.
func (s *solver) try(cand *Var, group []*Var) bool {
	s.undo = &undoLog{}
	report := s.sink
	s.sink = &sink{discard: true}
	defer func() {
		s.sink = report
		s.rollback()
	}()
	s.solved(cand, Exact(big.NewRat(1, 1)), nil)
	s.propagate(s.uses[cand.id])
	return !slices.ContainsFunc(group, func(v *Var) bool { return !s.has(v) })
}

// undoLog records what a trial changed, to be undone.
type undoLog struct {
	solved []*Var
	done   []*Eq
}

// rollback undoes the trial s.undo recorded.
func (s *solver) rollback() {
	for _, eq := range s.undo.done {
		s.done[eq.id] = false
	}
	for _, x := range slices.Backward(s.undo.solved) {
		s.val[x.id], s.by[x.id] = Value{}, nil
		for _, other := range s.uses[x.id] {
			s.unknown[other.id]++
		}
	}
	s.undo = nil
}

// howToGive says how a user writes a value for v.
func howToGive(v *Var) string {
	switch v.Kind {
	case KindMetric:
		return fmt.Sprintf("give %s a value or target", v.Path)
	case KindVolume:
		return fmt.Sprintf("set a target for %s with a KPI (target = ..., formula = %s)", v.Path, v.Path)
	case KindLeads:
		return fmt.Sprintf("give %s leads, a share or a budget", v.Object.Path)
	case KindShare:
		return fmt.Sprintf("give %s a share", v.Object.Path)
	case KindCost:
		return fmt.Sprintf("give %s a budget", v.Object.Path)
	}
	return fmt.Sprintf("set %s", v.Path)
}
