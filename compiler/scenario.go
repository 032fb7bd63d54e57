package compiler

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Scenarios: each scenario block is compiled as a plan of its own, the
// plan with the scenario's values (lang.Plan.Overlay), and checked as the
// plan is. Its diagnostics join the plan's, named by the scenario, except
// those the plan has already: a warning of the plan is not repeated once
// per scenario. A scenario never changes the plan's own results.

// ScenarioResult is one scenario compiled.
type ScenarioResult struct {
	Name string
	Node *lang.Scenario
	// Probability is its chance; nil when it gives none.
	Probability *big.Rat
	// Result is the scenario's plan compiled; its Diags are the
	// scenario's own, each named by it.
	*Result
}

// Title is the scenario's title, its name when it has none.
func (s *ScenarioResult) Title() string {
	if s.Node.Title.Value != "" {
		return s.Node.Title.Value
	}
	return s.Name
}

// Scenario returns the scenario named name, nil when r has none.
func (r *Result) Scenario(name string) *ScenarioResult {
	for _, s := range r.Scenarios {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// View is the scenario's result as planc solve --scenario shows it: its
// values with every diagnostic of the plan it is of, base (so that the
// exit status is the plan's, as planc check gives it).
func (s *ScenarioResult) View(base *Result) *Result {
	r := s.Result
	return &Result{Plan: r.Plan, Info: r.Info, Eqs: r.Eqs, Sol: r.Sol, Timeline: r.Timeline, Tracking: r.Tracking, Diags: base.Diags}
}

// BaseProbability is the chance of the plan as written: what the
// scenarios' probabilities leave of 100%; nil when none gives one, or
// when they add up to more than 100% (an error).
func (r *Result) BaseProbability() *big.Rat {
	var sum *big.Rat
	for _, s := range r.Scenarios {
		if s.Probability != nil {
			sum = ratAdd(orZero(sum), s.Probability)
		}
	}
	if sum == nil || sum.Cmp(big.NewRat(1, 1)) > 0 {
		return nil // none given, or too many (reported)
	}
	return new(big.Rat).Sub(big.NewRat(1, 1), sum)
}

func orZero(r *big.Rat) *big.Rat {
	if r == nil {
		return new(big.Rat)
	}
	return r
}

// compileScenarios compiles every scenario of plan, whose own result is
// base and the diagnostics of loading it front, and adds their
// diagnostics to base's. Each scenario gets front too: a plan that did
// not load whole is not reported again, once per scenario, as values it
// cannot solve.
func compileScenarios(ctx context.Context, plan *lang.Plan, front hcl.Diagnostics, base *Result, opts Options) error {
	seen := map[string]bool{}
	for _, d := range base.Diags {
		seen[diagKey(d)] = true
	}
	opts.noScenarios = true
	var sum *big.Rat
	var last *ScenarioResult // the last whose probability counts
	names := map[string]bool{}
	for _, sc := range plan.Scenarios {
		if !hclsyntax.ValidIdentifier(sc.Name) || names[sc.Name] {
			continue // lang reports the name, the resolver a duplicate
		}
		names[sc.Name] = true
		np, diags := plan.Overlay(sc)
		r, err := CompileWith(ctx, np, append(append(hcl.Diagnostics{}, front...), diags...), opts)
		if err != nil {
			return err
		}
		sr := &ScenarioResult{Name: sc.Name, Node: sc, Result: r}
		sr.Probability = probability(sc, &r.Diags)
		if sr.Probability != nil {
			sum, last = ratAdd(orZero(sum), sr.Probability), sr
		}
		r.Diags = nameDiags(sc, r.Diags, seen)
		base.Scenarios = append(base.Scenarios, sr)
		base.Diags = append(base.Diags, r.Diags...)
	}
	if sum != nil && sum.Cmp(big.NewRat(1, 1)) > 0 {
		base.Diags = append(base.Diags, lang.Diag(lang.Probability, last.Node.Probability.Expr.Range(), "Probabilities above 100%",
			fmt.Sprintf("The scenarios' probabilities add up to %s; the plan as written takes what they leave of 100%%, so together they can be at most 100%%. Lower them (this is scenario %q's).",
				quantity.Format(sum, quantity.Ratio), last.Name)))
	}
	base.Diags = sortDiags(base.Diags)
	return nil
}

// probability reads a scenario's probability, a share written as a
// quantity ("25%"), reporting one that is not a share.
func probability(sc *lang.Scenario, diags *hcl.Diagnostics) *big.Rat {
	a := sc.Probability
	if a == nil {
		return nil
	}
	bad := func(why string) *big.Rat {
		*diags = append(*diags, lang.Diag(lang.Probability, a.Expr.Range(), "Bad probability",
			why+" Write a share such as probability = \"25%\"."))
		return nil
	}
	t, ok := a.Expr.(*hclsyntax.TemplateExpr)
	if !ok {
		return bad("a probability is a quoted share, not a formula.")
	}
	s, _, ok := stringLiteral(t)
	if !ok {
		return bad("a probability is a quoted share, not a formula.")
	}
	q, err := quantity.Parse(s)
	switch {
	case err != nil:
		return bad(err.Msg + ".")
	case !q.Unit.IsRatio():
		return bad(fmt.Sprintf("%q is not a share.", s))
	case q.Value.Sign() < 0 || q.Value.Cmp(big.NewRat(1, 1)) > 0:
		return bad(fmt.Sprintf("%q is outside 0%%..100%%.", s))
	}
	return q.Value
}

// outcomes are the codes that say what a scenario's values lead to, not
// that it is written wrong: in a scenario they are warnings. A downside
// that breaks the budget is the answer to the question the scenario
// asks, and must not fail the build of a plan that is itself sound; a
// scenario that names no such block, or a value of the wrong unit, is
// written wrong and stays an error. planc check --strict fails on both.
var outcomes = map[lang.Code]bool{
	lang.OverBudget: true, lang.OverCapacity: true, lang.CheckFailed: true, lang.Conflict: true,
	lang.RateOutOfRange: true, lang.ValueOutOfRange: true, lang.PaybackTooLong: true,
	lang.LTVCACLow: true, lang.PrePeriodDemand: true, lang.BehindPlan: true, lang.ForecastShort: true,
}

// nameDiags returns the scenario's diagnostics that the plan does not
// have already, each saying which scenario it is of, its outcomes as
// warnings.
func nameDiags(sc *lang.Scenario, diags hcl.Diagnostics, seen map[string]bool) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if seen[diagKey(d)] {
			continue
		}
		c := *d
		if outcomes[lang.CodeOf(d)] {
			c.Severity = hcl.DiagWarning
		}
		c.Summary = fmt.Sprintf("scenario %q: %s", sc.Name, d.Summary)
		c.Detail = fmt.Sprintf("In scenario %q (%s): %s", sc.Name, scenarioWhere(sc), d.Detail)
		c.Extra = &ofScenario{name: sc.Name, inner: d.Extra}
		out = append(out, &c)
	}
	return out
}

// ofScenario is the extra of a scenario's diagnostic: the scenario's
// name, then the diagnostic's own extra (its code, its notes), which it
// unwraps to so that lang.CodeOf and lang.NotesOf still find them.
type ofScenario struct {
	name  string
	inner any
}

func (s *ofScenario) UnwrapDiagnosticExtra() any { return s.inner }

// ScenarioOf returns the name of the scenario d is a diagnostic of, ok
// false for a diagnostic of the plan itself.
func ScenarioOf(d *hcl.Diagnostic) (name string, ok bool) {
	if s, ok := hcl.DiagnosticExtra[*ofScenario](d); ok {
		return s.name, true
	}
	return "", false
}

// scenarioWhere says where a scenario is written.
func scenarioWhere(sc *lang.Scenario) string {
	return strings.TrimSpace(lang.At(sc.DefRange))
}

// diagKey identifies a diagnostic by what a reader sees of it.
func diagKey(d *hcl.Diagnostic) string {
	return fmt.Sprintf("%d|%s|%v|%s|%s", d.Severity, lang.CodeOf(d), subject(d), d.Summary, d.Detail)
}

// fix gives the values a scenario fixes that the plan solves (a budget's
// spend): each becomes an input, solved from as a rate is.
func (l *lowerer) fixes(plan *lang.Plan) {
	for _, f := range plan.Fixes {
		v := l.info.ValueAt(f.Path)
		if v == nil {
			o := l.info.ObjectAt(parentPath(f.Path))
			l.fail(lang.Schema, f.Attr.NameRange, fmt.Sprintf("No value %s", f.Path),
				fmt.Sprintf("%s has no value %s. A scenario gives a block's values by their names: %s.", parentPath(f.Path), f.Path.Last(), valueNames(o)))
			continue
		}
		v.Given = nil
		l.input(v, f.Attr)
	}
}

// parentPath is p without its last name.
func parentPath(p lang.Path) lang.Path {
	s := p.String()
	return lang.NewPath(s[:strings.LastIndexByte(s, '.')])
}

// valueNames lists the names of o's values, for messages.
func valueNames(o *Object) string {
	if o == nil {
		return "none"
	}
	var names []string
	for _, v := range o.Values() {
		if v.Name != "" {
			names = append(names, v.Name)
		}
	}
	return strings.Join(names, ", ")
}

// ValueAt is the value at p: a value's path, or a metric's (kgi.revenue).
func (in *Info) ValueAt(p lang.Path) *Var {
	if v := in.Lookup(p); v != nil {
		return v
	}
	if o := in.ObjectAt(p); o != nil {
		return o.Value("")
	}
	return nil
}

// release takes out the values a scenario's solve_for names, so that they
// are solved from the scenario's other values (goal seek), and returns
// them, to check that each was.
func release(plan *lang.Plan, in *Info, s *sink) []*Var {
	if plan.Scenario == nil || plan.Scenario.SolveFor == nil {
		return nil
	}
	a := plan.Scenario.SolveFor
	list, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		s.fail(lang.Schema, a.Expr.Range(), "solve_for must be a list", "Write the values to solve for as a list of references, such as solve_for = [kgi.revenue].")
		return nil
	}
	var out []*Var
	for _, e := range list.Exprs {
		v := valueRef(e, "solve_for", in, s)
		if v == nil {
			continue
		}
		if v.Given == nil {
			s.fail(lang.GoalSeek, e.Range(), fmt.Sprintf("%s is not a value the plan gives", v.Path),
				fmt.Sprintf("solve_for releases a value the plan gives (a target, a rate, a CPA) to be solved from the scenario's others; %s is solved already. Name a value it is solved from, such as the KGI's target or a stage's rate.", v.Path))
			continue
		}
		v.Given = nil
		out = append(out, v)
	}
	return out
}

// valueRef is the value an item of a list of references (attribute
// attr) names, reporting one that names none.
func valueRef(e hcl.Expression, attr string, in *Info, s *sink) *Var {
	t, ok := e.(*hclsyntax.ScopeTraversalExpr)
	p, pok := lang.Path{}, false
	if ok {
		p, pok = lang.TraversalPath(t.Traversal)
	}
	v := in.ValueAt(p)
	if !pok || v == nil {
		s.fail(lang.UnknownReference, e.Range(), "No such value",
			fmt.Sprintf("%s lists references to values of the plan, such as kgi.revenue, budget.marketing.spend or funnel.demand.won.rate.", attr))
		return nil
	}
	// Record the names for editors: rename and find references reach a
	// value a scenario solves for or a sensitivity varies.
	if steps, diag := in.root.walk(t.Traversal); diag == nil {
		in.use(t.Traversal, steps)
	}
	return v
}

// checkReleased reports each released value the scenario's values do not
// determine.
func checkReleased(vs []*Var, sol *Solution, plan *lang.Plan, s *sink) {
	for _, v := range vs {
		if sol.has(v) {
			continue
		}
		s.fail(lang.GoalSeek, plan.Scenario.SolveFor.Expr.Range(), fmt.Sprintf("Cannot solve for %s", v.Path),
			fmt.Sprintf("The scenario's other values do not determine %s: nothing it fixes leads to it through the plan's equations. Fix a value it is solved from, such as a budget's spend = \"1億円\" or a stage's volume, in the scenario.", v.Path))
	}
}

// releaseKPITargets takes out the targets of KPIs that have a formula, in
// a what-if trial: such a target (kpi.mqls = 2,286, formula the MQL
// volume) follows from the KGI at the plan's rates, and would conflict
// with any trial that changes a rate.
func releaseKPITargets(in *Info) {
	for _, o := range in.Kind("kpi") {
		v := o.Value("")
		if m := o.Node.(*lang.Metric); m.Formula != nil && v.Given != nil && v.Given.Origin == Target {
			v.Given = nil
		}
	}
}
