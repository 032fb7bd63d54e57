package compiler

import (
	"fmt"
	"math/big"
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
		if _, ok := s.val[v]; ok || cyclic[v] || v.Kind == KindCap || v.Attributed() || s.zeroCapacity(v) {
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
	parent := map[*Var]*Var{}
	var find func(v *Var) *Var
	find = func(v *Var) *Var {
		for parent[v] != v {
			parent[v] = parent[parent[v]]
			v = parent[v]
		}
		return v
	}
	for _, v := range free {
		parent[v] = v
	}
	for _, eq := range s.eqs {
		var first *Var
		for _, v := range append([]*Var{eq.V}, refs(eq.E)...) {
			if _, ok := parent[v]; !ok {
				continue
			}
			if first == nil {
				first = v
			} else {
				parent[find(v)] = find(first)
			}
		}
	}
	index := map[*Var]int{}
	var out [][]*Var
	for _, v := range free {
		r := find(v)
		i, ok := index[r]
		if !ok {
			i = len(out)
			index[r] = i
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
		if cand.Kind == KindRevenue || cand.Kind == KindSpend {
			continue // not an input anyone can write
		}
		tried++
		trial := newSolver(s.vars, s.eqs, &sink{discard: true})
		for v, val := range s.val {
			trial.val[v] = val
		}
		trial.val[cand] = Exact(big.NewRat(1, 1))
		trial.run()
		if all(group, trial.val) {
			out = append(out, howToGive(cand))
		}
	}
	return out
}

func all(vs []*Var, val map[*Var]Value) bool {
	for _, v := range vs {
		if _, ok := val[v]; !ok {
			return false
		}
	}
	return true
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
