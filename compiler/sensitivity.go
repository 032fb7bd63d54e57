package compiler

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Sensitivity: one input at a time set to the low and to the high end of
// its range, each a full solve with the plan's rounding, and the outputs
// watched: a tornado, sorted by how far the first output swings. The
// default inputs are in absolute points, not a relative ±10%: in a
// multiplicative funnel the same relative change to any rate moves the
// result alike, and a tornado of that says nothing.

// Tornado is one sensitivity analysis.
type Tornado struct {
	// Name is the sensitivity block's, "default" for the default one.
	Name    string
	Outputs []*Var
	// Rows are the inputs, the widest swing of the first output first.
	Rows []TornadoRow
}

// TornadoRow is one input at its low and high end.
type TornadoRow struct {
	Input     *Var
	Low, High *big.Rat
	// Outputs are each output's value at the input's low and high end,
	// in the order of Tornado.Outputs; nil where the trial did not solve.
	Outputs []OutputSwing
}

// OutputSwing is an output's value with the input low and high.
type OutputSwing struct {
	Low, High *big.Rat
}

// swing is how far the first output moves: |high - low|, -1 when unknown.
func (t TornadoRow) swing() *big.Rat {
	if len(t.Outputs) == 0 || t.Outputs[0].Low == nil || t.Outputs[0].High == nil {
		return big.NewRat(-1, 1)
	}
	return new(big.Rat).Abs(new(big.Rat).Sub(t.Outputs[0].High, t.Outputs[0].Low))
}

// Tornadoes are the plan's sensitivity blocks run, in source order; the
// trials run once, when first asked for (a check does not need them).
func (r *Result) Tornadoes() []*Tornado {
	r.tornadoOnce.Do(func() {
		for _, sp := range r.sensitivities {
			r.tornadoes = append(r.tornadoes, r.tornado(sp.name, sp.outputs, sp.varies))
		}
	})
	return r.tornadoes
}

// DefaultTornado is the tornado of the default inputs and outputs: every
// input rate over its benchmark's spread where its stage names one, else
// ±5 points (within 1%..100%), every CPA ±20%; each budget's spend and
// each funnel's first stage.
func DefaultTornado(r *Result) *Tornado {
	return r.tornado("default", defaultOutputs(r), defaultVaries(r))
}

// sensitivitySpec is a sensitivity block read: what to vary and watch.
type sensitivitySpec struct {
	name    string
	outputs []*Var
	varies  []vary
}

// readSensitivities reads the plan's sensitivity blocks, reporting a
// reference that names no value and a range that does not read. A plan
// with errors runs none: its values are no base to vary.
func readSensitivities(in *Info, sol *Solution, s *sink) []sensitivitySpec {
	var out []sensitivitySpec
	r := &Result{Info: in, Sol: sol}
	for _, o := range in.Kind("sensitivity") {
		b := o.Node.(*lang.Sensitivity)
		var diags hcl.Diagnostics
		sp := sensitivitySpec{name: b.Name, outputs: defaultOutputs(r), varies: defaultVaries(r)}
		if b.Outputs != nil {
			sp.outputs = refList(in, b.Outputs, &diags)
		}
		if len(b.Varies) > 0 {
			sp.varies = nil
			for _, v := range b.Varies {
				if vr, ok := readVary(in, v, &diags); ok {
					sp.varies = append(sp.varies, vr)
				}
			}
		}
		s.add(diags...)
		out = append(out, sp)
	}
	if s.hasErrors() {
		return nil
	}
	return out
}

// vary is one input and the ends of its range.
type vary struct {
	input     *Var
	low, high *big.Rat
}

// tornado solves the plan with each input at each end.
func (r *Result) tornado(name string, outs []*Var, varies []vary) *Tornado {
	t := &Tornado{Name: name, Outputs: outs}
	for _, v := range varies {
		row := TornadoRow{Input: v.input, Low: v.low, High: v.high, Outputs: make([]OutputSwing, len(outs))}
		lo, hi := r.trial(v.input, v.low), r.trial(v.input, v.high)
		for i, o := range outs {
			row.Outputs[i] = OutputSwing{Low: valueIn(lo, o), High: valueIn(hi, o)}
		}
		t.Rows = append(t.Rows, row)
	}
	sort.SliceStable(t.Rows, func(i, j int) bool { return t.Rows[i].swing().Cmp(t.Rows[j].swing()) > 0 })
	return t
}

// trial solves the plan with input set to x, as a what-if: without its
// scenarios, and with the targets of KPIs that have a formula released
// (trial); nil when that plan does not solve. A trial over budget still
// has its values: they are the answer.
func (r *Result) trial(input *Var, x *big.Rat) *Result {
	next, _ := CompileWith(context.Background(), r.Plan, nil, Options{Set: []Override{{Path: input.Path.String(), Exact: x}}, noScenarios: true, trial: true})
	if next == nil || !onlyOutcomes(next.Diags) {
		return nil
	}
	return next
}

// onlyOutcomes reports whether every error of diags is an outcome of the
// plan's values (over budget, a check failed), none a value unsolved.
func onlyOutcomes(diags hcl.Diagnostics) bool {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && !outcomes[lang.CodeOf(d)] {
			return false
		}
	}
	return true
}

// valueIn is the value at v's path in r; nil when r is nil or did not
// solve it.
func valueIn(r *Result, v *Var) *big.Rat {
	if r == nil {
		return nil
	}
	w := r.Info.ValueAt(v.Path)
	if w == nil {
		return nil
	}
	x, ok := r.Value(w)
	if !ok {
		return nil
	}
	return x.Nom
}

// defaultOutputs are each budget's spend and each funnel's first stage.
func defaultOutputs(r *Result) []*Var {
	var out []*Var
	for _, b := range r.Info.Kind("budget") {
		out = append(out, b.Value("spend"))
	}
	for _, f := range r.Info.Kind("funnel") {
		if len(f.Kids) > 0 {
			out = append(out, f.Kids[0].Value("volume"))
		}
	}
	return out
}

// defaultVaries are the plan's input rates and CPAs with their default
// ranges.
func defaultVaries(r *Result) []vary {
	var out []vary
	one, floor := big.NewRat(1, 1), big.NewRat(1, 100)
	for _, v := range r.Info.Vars {
		x, ok := r.Value(v)
		if !ok || v.Given == nil || v.Given.Origin != Input || x.Nom.Sign() <= 0 {
			continue
		}
		switch v.Kind {
		case KindRate:
			lo, hi := benchmarkSpread(r.Info.Benchmarks[v])
			if lo == nil {
				pts := big.NewRat(5, 100)
				lo, hi = ratMax(new(big.Rat).Sub(x.Nom, pts), floor), ratMin(new(big.Rat).Add(x.Nom, pts), one)
			}
			out = append(out, vary{v, lo, hi})
		case KindCPA:
			out = append(out, vary{v, new(big.Rat).Mul(x.Nom, big.NewRat(4, 5)), new(big.Rat).Mul(x.Nom, big.NewRat(6, 5))})
		}
	}
	return out
}

// benchmarkSpread is the envelope of a benchmark's published spreads
// (single values are no spread); nil when it has none.
func benchmarkSpread(b *Benchmark) (lo, hi *big.Rat) {
	if b == nil {
		return nil, nil
	}
	for _, rg := range b.Ranges {
		if rg.IsPoint() {
			continue
		}
		if lo == nil || rg.Low.Cmp(lo) < 0 {
			lo = rg.Low
		}
		if hi == nil || rg.High.Cmp(hi) > 0 {
			hi = rg.High
		}
	}
	return lo, hi
}

func ratMax(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

func ratMin(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// readVary reads a vary block: a value the plan gives and a range in its
// unit.
func readVary(in *Info, v *lang.Vary, diags *hcl.Diagnostics) (vary, bool) {
	if v.Input == nil || v.Range.Range.Filename == "" {
		return vary{}, false // required attributes: lang reports them missing
	}
	vs := refList(in, v.Input, diags)
	if len(vs) != 1 {
		if len(vs) > 1 {
			*diags = append(*diags, lang.Diag(lang.Schema, v.Input.Expr.Range(), "One input per vary", "A vary block varies one value: input = funnel.demand.won.rate. Write a vary block for each."))
		}
		return vary{}, false
	}
	x := vs[0]
	if x.Given == nil {
		*diags = append(*diags, lang.Diag(lang.Schema, v.Input.Expr.Range(), fmt.Sprintf("%s is solved, not given", x.Path),
			fmt.Sprintf("A vary block varies a value the plan gives (a rate, a CPA, a deal size); %s is solved from others. Vary one it is solved from.", x.Path)))
		return vary{}, false
	}
	rg, ok, err := quantity.ParseRange(v.Range.Value)
	switch {
	case err != nil:
		*diags = append(*diags, lang.Diag(lang.BadQuantity, v.Range.Range, "Bad range", err.Msg+"."))
		return vary{}, false
	case !ok:
		*diags = append(*diags, lang.Diag(lang.BadQuantity, v.Range.Range, "Not a range",
			fmt.Sprintf("range is %q; write its low and high end, such as range = \"20%% .. 30%%\".", v.Range.Value)))
		return vary{}, false
	}
	lo, lok := inUnit(rg.Lo, x.Unit)
	hi, hok := inUnit(rg.Hi, x.Unit)
	if !lok || !hok {
		*diags = append(*diags, lang.Diag(lang.UnitMismatch, v.Range.Range, "Unit mismatch",
			fmt.Sprintf("%s is %s, but the range %q is %s.", x.Path, x.Unit.Dimension(), v.Range.Value, rg.Lo.Unit.Dimension())))
		return vary{}, false
	}
	return vary{x, lo, hi}, true
}

// refList reads a list of references to values (outputs = [...]).
func refList(in *Info, a *lang.Attr, diags *hcl.Diagnostics) []*Var {
	var exprs []hcl.Expression
	switch e := a.Expr.(type) {
	case *hclsyntax.TupleConsExpr:
		for _, x := range e.Exprs {
			exprs = append(exprs, x)
		}
	case *hclsyntax.ScopeTraversalExpr:
		exprs = []hcl.Expression{e}
	default:
		*diags = append(*diags, lang.Diag(lang.Schema, a.Expr.Range(), fmt.Sprintf("%s must be references", a.Name),
			fmt.Sprintf("Write %s as a list of references to values, such as [budget.marketing.spend].", a.Name)))
		return nil
	}
	var out []*Var
	s := &sink{}
	for _, e := range exprs {
		if v := valueRef(e, a.Name, in, s); v != nil {
			out = append(out, v)
		}
	}
	*diags = append(*diags, s.diags...)
	return out
}
