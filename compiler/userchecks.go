package compiler

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// checkBlocks evaluates each check block's condition on the solved values.
// A condition over values that could not be solved is skipped: those
// values are already reported.
func (s *solver) checkBlocks() {
	for _, c := range s.g.checks {
		ok, known := s.cond(c.cond)
		if !known || ok {
			continue
		}
		d := lang.Diag(lang.CheckFailed, c.check.Condition.Expr.Range(), "Check failed: "+c.check.Name, c.check.Message.Value)
		if c.check.Severity.Value == "warning" {
			d.Severity = hcl.DiagWarning
		}
		s.report(d)
	}
}

func (s *solver) known(e Expr) bool {
	for _, v := range refs(e) {
		if _, ok := s.val[v]; !ok {
			return false
		}
	}
	return true
}

func (s *solver) cond(e Expr) (result, known bool) {
	switch x := e.(type) {
	case *Bool:
		return x.V, true
	case *Logic:
		return s.logic(x)
	case *Cmp:
		if !s.known(x) {
			return false, false
		}
		a, errA := s.eval(x.A)
		b, errB := s.eval(x.B)
		if errA != nil || errB != nil {
			return false, false
		}
		return compareOp(x.Op, a.Nom.Cmp(b.Nom)), true
	}
	return false, false // a number where a condition belongs: a unit error
}

func (s *solver) logic(x *Logic) (bool, bool) {
	a, ka := s.cond(x.A)
	if x.Op == "!" {
		return !a, ka
	}
	b, kb := s.cond(x.B)
	if !ka || !kb {
		return false, false
	}
	if x.Op == "&&" {
		return a && b, true
	}
	return a || b, true
}

func compareOp(op string, c int) bool {
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	case "==":
		return c == 0
	}
	return c != 0
}
