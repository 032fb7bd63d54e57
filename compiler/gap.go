package compiler

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// maxInputs bounds the inputs a gap to target names; the rest are counted.
const maxInputs = 8

// gap is the conflict of a target the plan's inputs miss: at the target,
// what the plan reaches and by how much it misses, and the inputs that
// determine it, each a related location.
func (s *solver) gap(t *Var, got Value) *hcl.Diagnostic {
	goal := t.Given.Value
	u := t.Unit
	diff := new(big.Rat).Sub(got.Nom, goal)
	summary, by, fix := "Target not reached", "short of", "Raise them, or lower the target."
	if diff.Sign() > 0 {
		summary, by, fix = "Target exceeded", "above", "Lower them (the plan buys more than the target needs), or raise the target."
	}
	inputs := s.inputsOf(t)
	var names []string
	var notes []lang.Note
	for i, v := range inputs {
		if i == maxInputs {
			names = append(names, fmt.Sprintf("and %d more", len(inputs)-maxInputs))
			break
		}
		names = append(names, fmt.Sprintf("%s (%s)", v.Path, rangeString(v.Given.Range)))
		notes = append(notes, lang.Note{Range: v.Given.Range, Message: fmt.Sprintf("%s is %s here", v.Path, quantity.Format(v.Given.Value, v.Unit))})
	}
	detail := fmt.Sprintf("The plan's inputs give %s %s, %s %s its target %s.",
		t.Path, quantity.Format(got.Nom, u), quantity.Format(new(big.Rat).Abs(diff), u), by, quantity.Format(goal, u))
	if len(names) > 0 {
		detail += " It is determined by " + strings.Join(names, ", ") + ". " + fix
	}
	return lang.WithNotes(lang.Diag(lang.Conflict, t.Given.Range, summary, detail), notes...)
}

// inputsOf returns the given values (not targets) that the solution of v
// was computed from, in the plan's order, following the equations each
// value was solved from.
func (s *solver) inputsOf(v *Var) []*Var {
	seen := map[*Var]bool{v: true}
	var out []*Var
	queue := []*Var{v}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		eq := s.SolvedBy(x)
		if eq == nil {
			continue
		}
		for _, w := range s.of[eq.id] {
			if seen[w] {
				continue
			}
			seen[w] = true
			if w.Given != nil && w.Given.Origin != Target {
				out = append(out, w)
			} else {
				queue = append(queue, w)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Var) int { return a.id - b.id })
	return out
}
