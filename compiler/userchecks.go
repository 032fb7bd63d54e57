package compiler

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// blocks evaluates each check block's condition on the solved values. A
// condition over values that could not be solved is skipped: those values
// are already reported.
func (c *checker) blocks() {
	for _, ch := range c.low.checks {
		ok, known := c.sol.cond(ch.cond)
		if !known || ok {
			continue
		}
		d := lang.Diag(lang.CheckFailed, ch.check.Condition.Expr.Range(), "Check failed: "+ch.check.Name, ch.check.Message.Value)
		if ch.check.Severity.Value == "warning" {
			d.Severity = hcl.DiagWarning
		}
		c.sink.add(d)
	}
}

func (s *Solution) cond(e Expr) (result, known bool) {
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

func (s *Solution) logic(x *Logic) (bool, bool) {
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
