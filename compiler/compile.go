package compiler

import (
	"context"
	"slices"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

// Result is a compiled plan: what every emitter and editor feature reads.
// Compile always returns one, whatever the plan's errors; its parts hold
// what could be resolved and solved.
type Result struct {
	// Plan is the decoded plan; never nil (empty when it could not be
	// read).
	Plan *lang.Plan
	// Info holds the plan's objects, values and references.
	Info *Info
	// Eqs lists every equation, in the order lowering made them.
	Eqs []*Eq
	// Sol holds the solved values.
	Sol *Solution
	// Timeline is the plan by month (time phasing); nil when the plan
	// does not use phasing and Options.Timeline was not set, or when its
	// period does not name its months.
	Timeline *Timeline
	// Tracking is the plan against its actuals (an actuals block); nil
	// when it has none.
	Tracking *Tracking
	// Diags are every diagnostic, loading's included, sorted by position:
	// the scenarios' too, each named by its scenario.
	Diags hcl.Diagnostics
	// Scenarios are the plan's scenarios, each compiled as a plan of its
	// own (scenario.go), in source order.
	Scenarios []*ScenarioResult

	graph graph
	// sensitivities are the plan's sensitivity blocks read; Tornadoes
	// runs them once.
	sensitivities []sensitivitySpec
	tornadoOnce   sync.Once
	tornadoes     []*Tornado
}

// Compile checks and solves a decoded plan, phase by phase (see the
// package documentation). front holds the diagnostics of loading it; they
// are merged into the result, and when they include errors the solver
// does not report undetermined values (the missing parts are most likely
// what failed to load). A nil plan (one that could not be read) gives an
// empty result with front as its diagnostics.
func Compile(plan *lang.Plan, front hcl.Diagnostics) *Result {
	r, _ := CompileWith(context.Background(), plan, front, Options{}) // never cancelled
	return r
}

// Options choose what a compilation records beyond what every command
// needs, as go/types records only the Info maps its caller asks for.
type Options struct {
	// Uses records every name in every reference with what it names
	// (Info.Uses), for editors. A check does not need it, and at 10,000
	// metrics it is a tenth of the compiler's memory.
	Uses bool
	// Timeline places the plan in the months of its period
	// (Result.Timeline) also when the plan does not use phasing: for
	// solve --by month. A plan that uses phasing always has it.
	Timeline bool
	// Set gives values of the plan other values for this compile (planc
	// solve --set, planc improve); override.go.
	Set []Override
	// AsOf, when set ("2027-09-15"), is the day the plan's actuals are
	// tracked up to, instead of the actuals block's as_of (planc track
	// --as-of); actuals after it are left out.
	AsOf string

	// noScenarios compiles the plan without its scenarios: a scenario's
	// own plan, and the trial plans of planc improve.
	noScenarios bool
	// trial is a what-if's solve (improve, sensitivity): the targets of
	// KPIs with a formula are released (releaseKPITargets).
	trial bool
}

// CompileWith is Compile recording what opts ask for, and stopping with
// ctx's error, and no result, when ctx is cancelled: an editor cancels a
// compile that a newer change has made stale.
func CompileWith(ctx context.Context, plan *lang.Plan, front hcl.Diagnostics, opts Options) (*Result, error) {
	if plan == nil {
		plan = &lang.Plan{Files: map[string]*hcl.File{}}
	}
	s := &sink{diags: append(hcl.Diagnostics{}, front...)}
	info := resolve(plan, s, opts)     // objects, values, references to blocks
	low := lower(plan, info, s)        // given values, equations, check conditions
	inferUnits(info, low, s)           // the unit of every value
	resolveDeferred(low.deferred)      // bare numbers whose unit a formula gave
	applyOverrides(info, opts.Set, s)  // --set: values given instead of the plan's
	released := release(plan, info, s) // goal seek: a scenario's solve_for
	if opts.trial {
		releaseKPITargets(info)
	}
	rules := readRules(plan, info, s)    // which checks run, how severe, thresholds
	checkConfidence(plan, s)             // plan { confidence }: the Monte Carlo's
	resolveBenchmarks(info, s)           // benchmark keys, against inferred units
	badUnits := checkUnits(info, low, s) // every equation's and condition's units
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all := append(info.Vars[:len(info.Vars):len(info.Vars)], low.totals...) // and the totals lowering made
	active, cyclic := breakCycles(all, low.eqs, s)
	var monthly map[*Eq]bool // solved on the plan by month, after the year
	if len(low.periodRefs) > 0 {
		monthly = timed(active, s) // a walk of every equation: only when needed
	}
	active = slices.DeleteFunc(active, func(eq *Eq) bool { return badUnits[eq] || monthly[eq] })
	sv := newSolver(all, active, s) // the solution
	sv.stop = ctx.Done()
	sv.exact = len(released) > 0 && len(plan.Fixes) > 0 // goal seek: released, solved from what is fixed
	sv.run()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	checkReleased(released, sv.Solution, plan, s)
	var tl *Timeline
	if opts.Timeline || Phased(plan) || len(low.periodRefs) > 0 || len(plan.Actuals) > 0 {
		tl = buildTimeline(plan, info, sv.Solution, low, monthly, s)
	}
	sv.tl = tl
	checkPeriodRefs(tl, low.periodRefs, s)
	sv.solveTimed(monthly, low.eqs)
	tracking := track(plan, info, sv.Solution, tl, low.eqs, s, opts.AsOf, rules.behindMax)
	runChecks(&checker{info: info, low: low, sol: sv.Solution, rules: rules, sink: s, tl: tl})
	var sens []sensitivitySpec
	if !opts.noScenarios {
		sens = readSensitivities(info, sv.Solution, s)
	}
	if !s.hasErrors() {
		sv.reportUnderdetermined(cyclic) // only when nothing else explains them
	}
	if err := ctx.Err(); err != nil { // trials stop early: their advice would be partial
		return nil, err
	}
	r := &Result{Plan: plan, Info: info, Eqs: low.eqs, Sol: sv.Solution, Timeline: tl, Tracking: tracking, Diags: s.result(rules), sensitivities: sens}
	if opts.noScenarios {
		return r, nil
	}
	if err := compileScenarios(ctx, plan, front, r, opts); err != nil {
		return nil, err
	}
	return r, nil
}

// Run reads the plan at paths from disk (source.Read), parses it and
// compiles it. When a path cannot be read the result holds no plan, only
// the diagnostics that say why.
func Run(paths ...string) *Result {
	return RunWith(Options{}, paths...)
}

// RunWith is Run recording what opts ask for.
func RunWith(opts Options, paths ...string) *Result {
	srcs, diags := source.Read(paths...)
	var plan *lang.Plan
	if !diags.HasErrors() {
		var more hcl.Diagnostics
		plan, more = lang.Parse(srcs)
		diags = append(diags, more...)
	}
	r, _ := CompileWith(context.Background(), plan, diags, opts) // never cancelled
	return r
}
