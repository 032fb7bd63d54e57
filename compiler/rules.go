package compiler

import (
	"fmt"
	"math/big"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// rules is how the standard checks run: planc's defaults
// (stdlib/rules.plan.hcl), overridden attribute by attribute by the
// plan's rule blocks.
type rules struct {
	off      map[lang.Code]bool
	severity map[lang.Code]hcl.DiagnosticSeverity
	// paybackMax is in months; ltvCACMin a plain ratio (3 for 3x);
	// behindMax the share of plan a stage's own gap may reach (0.1).
	paybackMax, ltvCACMin, behindMax *big.Rat
}

// readRules reads planc's default rules and then the plan's. Their
// thresholds are lowered like any value, through Info (a reference there
// is reported).
func readRules(plan *lang.Plan, in *Info, s *sink) *rules {
	r := &rules{off: map[lang.Code]bool{}, severity: map[lang.Code]hcl.DiagnosticSeverity{}}
	defaults, diags := defaultRules()
	own := &sink{}
	low := &lowerer{info: in, sink: own, files: defaults.Files}
	for _, rule := range defaults.Rules {
		r.set(low, rule)
	}
	if len(diags) > 0 || len(own.diags) > 0 {
		panic(fmt.Sprintf("planc's default rules are wrong: %v %v", diags, own.diags)) // embedded and tested
	}
	low = &lowerer{info: in, sink: s, files: plan.Files}
	for _, rule := range plan.Rules {
		if lang.Adjustable[rule.Code] {
			r.set(low, rule)
		}
	}
	return r
}

// defaultRules parses planc's defaults once: the language server compiles
// on every change. The AST is only read afterwards.
var defaultRules = sync.OnceValues(func() (*lang.Plan, hcl.Diagnostics) {
	return lang.ParseRules(stdlib.DefaultRules())
})

// set applies one rule block over what is set already.
func (r *rules) set(l *lowerer, rule *lang.Rule) {
	r.off[rule.Code] = !rule.Enabled
	switch rule.Severity.Value {
	case "error":
		r.severity[rule.Code] = hcl.DiagError
	case "warning":
		r.severity[rule.Code] = hcl.DiagWarning
	}
	switch {
	case rule.Code == lang.PaybackTooLong && rule.Max != nil:
		if v, ok := threshold(l, rule.Max, "a duration such as max = \"18 months\"", isDuration); ok {
			r.paybackMax = v
		}
	case rule.Code == lang.BehindPlan && rule.Max != nil:
		if v, ok := threshold(l, rule.Max, "a share of the plan such as max = \"15%\"", isPercent); ok {
			r.behindMax = v
		}
	case rule.Code == lang.LTVCACLow && rule.Min != nil:
		if v, ok := threshold(l, rule.Min, "a plain number such as min = 3 (for 3x)", isPlainRatio); ok {
			r.ltvCACMin = v
		}
	}
}

func isDuration(c *Const) bool   { return c.Bare || c.Unit.IsTime() }
func isPlainRatio(c *Const) bool { return c.Unit.IsRatio() }
func isPercent(c *Const) bool    { return c.Unit.IsRatio() && !c.Unit.Plain }

// threshold reads a rule's threshold: a constant of the right unit.
func threshold(l *lowerer, a *lang.Attr, want string, ok func(*Const) bool) (*big.Rat, bool) {
	e := l.expr(a.Expr, false)
	if e == nil {
		return nil, false
	}
	c, isConst := constant(e)
	switch {
	case !isConst:
		l.fail(lang.Schema, a.Expr.Range(), "Threshold must be a constant",
			fmt.Sprintf("Write %s as %s, without references.", a.Name, want))
		return nil, false
	case !ok(c):
		l.fail(lang.UnitMismatch, a.Expr.Range(), "Unit mismatch",
			fmt.Sprintf("%s is %s; write %s.", a.Name, c.Unit.Dimension(), want))
		return nil, false
	case c.V.Sign() <= 0:
		l.fail(lang.ValueOutOfRange, a.Expr.Range(), "Threshold not above zero",
			fmt.Sprintf("%s is %s; a threshold must be above zero. Write %s.", a.Name, quantity.Format(c.V, c.Unit), want))
		return nil, false
	}
	return c.V, true
}

// constant returns e as a constant, a negated one folded in (-3 is a
// constant written with a minus sign, which HCL parses as an operator).
func constant(e Expr) (*Const, bool) {
	if n, ok := e.(*Neg); ok {
		if c, ok := n.X.(*Const); ok {
			folded := *c
			folded.V = new(big.Rat).Neg(c.V)
			return &folded, true
		}
	}
	c, ok := e.(*Const)
	return c, ok
}

// apply drops the diagnostics of checks the plan turned off and gives the
// others the severity the plan asked for.
func (r *rules) apply(diags hcl.Diagnostics) hcl.Diagnostics {
	out := diags[:0:0]
	for _, d := range diags {
		code := lang.CodeOf(d)
		if r.off[code] {
			continue
		}
		if sev, ok := r.severity[code]; ok {
			c := *d
			c.Severity = sev
			d = &c
		}
		out = append(out, d)
	}
	return out
}
