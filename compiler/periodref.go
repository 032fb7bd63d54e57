package compiler

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/zclconf/go-cty/cty"
)

// References to a value in a period of the plan by month:
//
//	funnel.demand.sql.volume["2027-06"]   June's SQLs
//	kgi.revenue["Q2"]                     the second quarter's revenue
//	funnel.demand.sql.open["2027-09"]     SQLs open at the end of September
//
// The yearly solve cannot know them: a metric whose formula has one, and
// every metric whose formula uses such a metric, is computed once the plan
// is placed in months (timed), and a check that has one is evaluated then,
// as checks are. A value the yearly plan solves (a funnel's, a channel's)
// cannot depend on them.

// periodIndex splits a traversal that ends in an index by a string, the
// name of a period, from the reference before it.
func periodIndex(t hcl.Traversal) (period string, base hcl.Traversal, ok bool) {
	if len(t) < 2 {
		return "", nil, false
	}
	ix, isIndex := t[len(t)-1].(hcl.TraverseIndex)
	if !isIndex || ix.Key.IsNull() || !ix.Key.IsKnown() || ix.Key.Type() != cty.String {
		return "", nil, false
	}
	return ix.Key.AsString(), t[:len(t)-1], true
}

// periodRef lowers a reference to a value in a period: a value's, or the
// pipeline open in a stage (STAGE.open).
func (l *lowerer) periodRef(base hcl.Traversal, period string, r hcl.Range) Expr {
	if a, ok := base[len(base)-1].(hcl.TraverseAttr); ok && a.Name == "open" && len(base) > 1 {
		if v, sc, d := l.info.resolve(base[:len(base)-1]); d == nil && v == nil && sc != nil && sc.vars["volume"] != nil {
			ref := &Ref{Var: sc.vars["volume"], R: r, Period: period, Open: true} // a stage's pipeline
			l.periodRefs = append(l.periodRefs, ref)
			return ref
		}
	}
	ref, ok := l.ref(base, r).(*Ref) // reported when it names no value
	switch {
	case !ok:
		return nil
	case ref.Period != "":
		l.fail(lang.PeriodIndex, r, "Two periods", fmt.Sprintf("%s names a value in one period; index it once, such as %s.", ref.Text()+fmt.Sprintf("[%q]", period), ref.Text()))
		return nil
	}
	ref.Period = period
	l.periodRefs = append(l.periodRefs, ref)
	return ref
}

// Text is the reference as written: its path, and its period.
func (x *Ref) Text() string {
	switch {
	case x.Period == "":
		return x.Var.Path.String()
	case x.Open:
		return fmt.Sprintf("%s.open[%q]", strings.TrimSuffix(x.Var.Path.String(), ".volume"), x.Period)
	}
	return fmt.Sprintf("%s[%q]", x.Var.Path, x.Period)
}

// inPeriod is the value a reference to a period names: the value's
// months, quarter or half there, the pipeline open at its end, or, for a
// value the plan does not place in months (a rate, a CPA), its value,
// which is the same in every period.
func (s *Solution) inPeriod(x *Ref) (Value, *evalError) {
	i, ok := s.tl.index(x.Period) // nil or without the period: reported (checkPeriodRefs)
	if !ok {
		return Value{}, &evalError{at: x.R, reported: true}
	}
	series := s.tl.Series(x.Var)
	if x.Open {
		series = s.tl.Open(x.Var)
	}
	if series == nil {
		if x.Open {
			return Value{}, &evalError{at: x.R, reason: lang.Diag(lang.UnknownReference, x.R, "Nothing open",
				fmt.Sprintf("%s: nothing is open in the last stage of a funnel, which deals do not leave; refer to the volume, %s[%q].", x.Text(), x.Var.Path, x.Period))}
		}
		return s.val[x.Var.id], nil
	}
	return Exact(series[i]), nil
}

// index is Index on a timeline that may be nil.
func (t *Timeline) index(name string) (int, bool) {
	if t == nil {
		return 0, false
	}
	return t.Index(name)
}

// timed returns the equations the yearly solve leaves to the plan by
// month: those with a reference to a period, and the formulas of the
// metrics that use a value they give, and theirs. Another equation that
// uses such a value (a funnel's, a channel's) is reported: the yearly plan
// cannot depend on its own months.
func timed(eqs []*Eq, s *sink) map[*Eq]bool {
	out := map[*Eq]bool{}
	uses := map[*Var][]*Eq{}
	var queue []*Eq
	for _, eq := range eqs {
		for _, r := range RefNodes(eq.E) {
			uses[r.Var] = append(uses[r.Var], eq)
			if r.Period != "" && !out[eq] {
				out[eq] = true
				queue = append(queue, eq)
			}
		}
	}
	for len(queue) > 0 {
		eq := queue[0]
		queue = queue[1:]
		for _, next := range uses[eq.V] {
			switch {
			case out[next]:
			case next.Role == RoleFormula && (next.V.Object.Kind == "kgi" || next.V.Object.Kind == "kpi"):
				out[next] = true
				queue = append(queue, next)
			default:
				out[next] = true // not solved yearly either
				s.fail(lang.Schema, next.Range, "Yearly value from a month",
					fmt.Sprintf("%s is solved for the year, so it cannot depend on %s, which is known only by month. Use the value for the year, or compute a KPI from the months.", next.V.Path, eq.V.Path))
			}
		}
	}
	return out
}

// checkPeriodRefs reports the references to a period that is not one of
// the plan by month.
func checkPeriodRefs(tl *Timeline, refs []*Ref, s *sink) {
	if tl == nil {
		return
	}
	for _, r := range refs {
		if _, ok := tl.Index(r.Period); !ok {
			s.fail(lang.PeriodIndex, r.R, "No such period",
				fmt.Sprintf("%q in %s is not a period of the plan by month; give a month of the period (%s to %s, such as \"%s\"), or %s.",
					r.Period, r.Text(), lang.MonthName(tl.First), lang.MonthName(tl.First+tl.Months-1), lang.MonthName(tl.First), tl.groupNames()))
		}
	}
}

// solveTimed computes the timed equations on the plan by month, each
// after those whose values it uses: a metric without a value takes its
// formula's; one with a target or an assumption is checked against it.
func (s *solver) solveTimed(eqs map[*Eq]bool, all []*Eq) {
	if len(eqs) == 0 || s.tl == nil {
		return
	}
	pending := map[*Var]int{} // timed equations still to solve for each value
	for _, eq := range all {
		if eqs[eq] {
			pending[eq.V]++
		}
	}
	done := map[*Eq]bool{}
	for progress := true; progress; {
		progress = false
		for _, eq := range all {
			if !eqs[eq] || done[eq] || !readyFor(eq, pending) {
				continue
			}
			done[eq], progress = true, true
			pending[eq.V]--
			s.timedValue(eq)
		}
	}
}

// readyFor reports whether every timed value eq uses is computed.
func readyFor(eq *Eq, pending map[*Var]int) bool {
	for _, r := range refs(eq.E) {
		if pending[r] > 0 && r != eq.V {
			return false
		}
	}
	return true
}

// timedValue computes eq's value in the plan by month.
func (s *solver) timedValue(eq *Eq) {
	if !s.known(eq.E) {
		return // an input the year left unsolved: reported there
	}
	v, err := s.eval(eq.E)
	if err != nil {
		s.report(err.diag(eq))
		return
	}
	if !s.has(eq.V) {
		s.val[eq.V.id], s.by[eq.V.id] = v, eq
		return
	}
	if got := s.val[eq.V.id]; !got.overlaps(v) {
		s.sink.fail(lang.Conflict, eq.Range, "Conflicting values",
			fmt.Sprintf("%s is %s, but its formula gives %s in the plan by month (%s). Change one of them so that they agree.",
				eq.V.Path, quantity.Format(got.Nom, eq.V.Unit), quantity.Format(v.Nom, eq.V.Unit), eq.Text()))
	}
}

// known reports whether every value e refers to has a value: a check
// or a formula of the plan by month is not evaluated on a value the year
// left unsolved (reported there). A value in a period is known when the
// value is placed in months, or is the same in every period and solved;
// the pipeline open is reported by inPeriod when there is none.
func (s *Solution) known(e Expr) bool {
	for _, r := range RefNodes(e) {
		switch {
		case r.Period != "" && r.Open:
		case r.Period != "" && s.tl.Series(r.Var) != nil:
		case !s.has(r.Var):
			return false
		}
	}
	return true
}
