package compiler

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
	"github.com/zclconf/go-cty/cty"
)

// maxDepth bounds formula nesting. Real formulas are a few levels deep; the
// bound keeps absurd input (100,000 parentheses) from exhausting the stack.
const maxDepth = 200

// lowerer turns the plan's attributes into given values and equations
// (the lower phase), and HCL expressions into the compiler's Expr,
// resolving references through Info and parsing quantity strings. It
// accepts only what a formula needs; anything else is a diagnostic at that
// node.
type lowerer struct {
	info  *Info
	sink  *sink
	files map[string]*hcl.File
	// eqs, checks and deferred are what lowering gives (lowered).
	eqs      []*Eq
	checks   []checkIR
	deferred []deferredGiven
	// totals are the sums lowering made values of (Var.total).
	totals []*Var
	// periodRefs are the references to values in a period of the plan by
	// month, for checking their periods once the plan has months.
	periodRefs []*Ref
	// deep is set once the formula being lowered is reported too deep.
	deep bool
	// rates holds each stage's effective rate, made once (cohorts.go).
	rates map[*Object]*Var
	// unitScale converts a metric's bare numbers to its declared unit
	// (万円: 10,000).
	unitScale map[*Var]*big.Rat
}

// formulaHelp says what a formula may hold; the functions are the
// standard library's, so the list cannot go stale.
var formulaHelp = "A formula may use numbers, quantity strings (\"30%\", \"2.4M JPY\"), references such as kpi.NAME, + - * /, parentheses and the functions " +
	strings.Join(stdlib.Names(), ", ") + "."

var arith = map[*hclsyntax.Operation]byte{
	hclsyntax.OpAdd: '+', hclsyntax.OpSubtract: '-', hclsyntax.OpMultiply: '*', hclsyntax.OpDivide: '/',
}

var compare = map[*hclsyntax.Operation]string{
	hclsyntax.OpEqual: "==", hclsyntax.OpNotEqual: "!=", hclsyntax.OpLessThan: "<",
	hclsyntax.OpLessThanOrEqual: "<=", hclsyntax.OpGreaterThan: ">", hclsyntax.OpGreaterThanOrEqual: ">=",
}

// precedence groups the operators that chain: those of one level parse
// left to right into a chain.
var precedence = map[*hclsyntax.Operation]int{
	hclsyntax.OpLogicalOr: 1, hclsyntax.OpLogicalAnd: 2,
	hclsyntax.OpEqual: 3, hclsyntax.OpNotEqual: 3,
	hclsyntax.OpGreaterThan: 4, hclsyntax.OpGreaterThanOrEqual: 4, hclsyntax.OpLessThan: 4, hclsyntax.OpLessThanOrEqual: 4,
	hclsyntax.OpAdd: 5, hclsyntax.OpSubtract: 5,
	hclsyntax.OpMultiply: 6, hclsyntax.OpDivide: 6, hclsyntax.OpModulo: 6,
}

var logic = map[*hclsyntax.Operation]string{hclsyntax.OpLogicalAnd: "&&", hclsyntax.OpLogicalOr: "||"}

// expr lowers a value expression; cond allows comparisons and logic, for
// check conditions. It returns nil after reporting a diagnostic.
func (l *lowerer) expr(e hcl.Expression, cond bool) Expr {
	l.deep = false
	return l.lower(e, cond, 0)
}

func (l *lowerer) lower(e hcl.Expression, cond bool, depth int) Expr {
	if depth > maxDepth {
		if !l.deep { // once per formula, though both sides of an operator may be too deep
			l.deep = true
			l.fail(lang.Schema, e.Range(), "Formula too deeply nested",
				fmt.Sprintf("This formula nests more than %d levels. Split it into KPIs that refer to each other.", maxDepth))
		}
		return nil
	}
	switch x := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return l.lower(x.Expression, cond, depth+1)
	case *hclsyntax.LiteralValueExpr:
		return l.literal(x, cond)
	case *hclsyntax.TemplateExpr:
		return l.template(x, depth == 0)
	case *hclsyntax.ScopeTraversalExpr:
		return l.ref(x.Traversal, x.SrcRange)
	case *hclsyntax.BinaryOpExpr:
		return l.binary(x, cond, depth)
	case *hclsyntax.UnaryOpExpr:
		return l.unary(x, cond, depth)
	case *hclsyntax.FunctionCallExpr:
		return l.call(x, cond, depth)
	case *hclsyntax.TemplateWrapExpr:
		l.fail(lang.Schema, x.SrcRange, "Interpolation in a quantity",
			"A formula does not need quotes around a reference: write kpi.price, not \"${kpi.price}\".")
		return nil
	case *hclsyntax.ExprSyntaxError:
		return nil // HCL's placeholder for what did not parse, reported as syntax
	}
	l.fail(lang.Schema, e.Range(), "Unsupported expression", formulaHelp)
	return nil
}

// add records an equation, numbered in the order lowering makes them
// (the solver indexes its state by the number).
func (l *lowerer) add(eq *Eq) {
	eq.id = len(l.eqs)
	l.eqs = append(l.eqs, eq)
}

// total makes a value of e, a sum that several equations use, named
// path for messages: the equations refer to it instead of each holding
// the whole sum.
func (l *lowerer) total(o *Object, path lang.Path, e Expr, u quantity.Unit) *Var {
	v := &Var{Path: path, Name: path.Last(), Kind: KindTotal, Object: o, Decl: e.Range(),
		Unit: u, UnitKnown: true, def: &totalDef, id: len(l.info.Vars) + len(l.totals), total: e}
	l.totals = append(l.totals, v)
	l.add(&Eq{V: v, E: e, Role: RoleAttribution, Range: e.Range(), ZeroUnsolved: true})
	return v
}

// totalDef describes every total: it has no attribute and no page.
var totalDef = valueDef{kind: KindTotal, label: "total"}

func (l *lowerer) fail(code lang.Code, r hcl.Range, summary, detail string) {
	l.sink.fail(code, r, summary, detail)
}

func (l *lowerer) literal(x *hclsyntax.LiteralValueExpr, cond bool) Expr {
	switch {
	case !x.Val.IsKnown():
		return nil // HCL's placeholder for what did not parse, reported as syntax
	case x.Val.IsNull():
		l.fail(lang.Schema, x.SrcRange, "Null in formula", "null has no value; remove the attribute instead. "+formulaHelp)
		return nil
	case x.Val.Type() == cty.Bool && !cond:
		l.fail(lang.Schema, x.SrcRange, "true or false as a value",
			"true and false belong in a check's condition. A value is a number, a quantity string such as \"30%\", or a formula.")
		return nil
	case x.Val.Type() == cty.Bool:
		return &Bool{V: x.Val.True(), R: x.SrcRange}
	case x.Val.Type() != cty.Number:
		l.fail(lang.Schema, x.SrcRange, "Unsupported value", formulaHelp)
		return nil
	}
	// cty numbers are binary floats; re-read the source text for exact
	// decimals, through the quantity grammar, which also bounds exponents.
	text := string(x.SrcRange.SliceBytes(l.files[x.SrcRange.Filename].Bytes))
	q, err := quantity.Parse(text)
	if err != nil {
		l.fail(lang.BadQuantity, x.SrcRange, "Bad number", err.Msg+".")
		return nil
	}
	return &Const{V: q.Value, Unit: q.Unit, Bare: true, R: x.SrcRange}
}

// stringLiteral returns the value of a quoted string without ${...} and
// the range of its contents (inside the quotes).
func stringLiteral(x *hclsyntax.TemplateExpr) (string, hcl.Range, bool) {
	switch {
	case len(x.Parts) == 0:
		inside := x.SrcRange
		inside.Start.Byte++
		inside.Start.Column++
		inside.End = inside.Start
		return "", inside, true
	case !x.IsStringLiteral():
		return "", x.SrcRange, false
	}
	part := x.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !part.Val.Type().Equals(cty.String) || part.Val.IsNull() {
		return "", x.SrcRange, false
	}
	return part.Val.AsString(), part.SrcRange, true
}

// template lowers a quantity string; alone is whether it is the whole
// value of an attribute, where a range ("20% to 30%") may stand.
func (l *lowerer) template(x *hclsyntax.TemplateExpr, alone bool) Expr {
	s, inside, ok := stringLiteral(x)
	if !ok {
		l.fail(lang.Schema, x.SrcRange, "Interpolation in a quantity",
			"A quantity string cannot contain ${...}. Write the reference outside the quotes, as in kpi.price * 2.")
		return nil
	}
	if rg, isRange, err := quantity.ParseRange(s); isRange {
		return l.spread(x, s, inside, rg, err, alone)
	}
	q, err := quantity.Parse(s)
	if err != nil {
		file := l.files[inside.Filename]
		l.fail(lang.BadQuantity, lang.SubRange(file.Bytes, inside, s, err.Start, err.End),
			fmt.Sprintf("Bad quantity %q", s), err.Msg+".")
		return nil
	}
	return &Const{V: q.Value, Unit: q.Unit, Bare: q.Bare, R: x.SrcRange}
}

// spread lowers a range, a value known to lie in it (uncertainty.go): its
// midpoint, with the range kept for the Monte Carlo.
func (l *lowerer) spread(x *hclsyntax.TemplateExpr, s string, inside hcl.Range, rg quantity.Range, err *quantity.Error, alone bool) Expr {
	file := l.files[inside.Filename]
	switch {
	case err != nil:
		l.fail(lang.BadQuantity, lang.SubRange(file.Bytes, inside, s, err.Start, err.End), fmt.Sprintf("Bad range %q", s), err.Msg+".")
		return nil
	case !alone:
		l.fail(lang.Schema, x.SrcRange, "Range in a formula",
			fmt.Sprintf("%q is a range: the value of an attribute of its own (rate = \"20%% to 30%%\"), which the plan takes at its midpoint. Give it to a KPI and refer to the KPI in the formula.", s))
		return nil
	}
	return &Const{V: rg.Mid(), Unit: rg.Hi.Unit, Bare: rg.Lo.Bare && rg.Hi.Bare, R: x.SrcRange, Spread: &Spread{Lo: rg.Lo.Value, Hi: rg.Hi.Value}}
}

func (l *lowerer) ref(t hcl.Traversal, r hcl.Range) Expr {
	if period, base, ok := periodIndex(t); ok {
		return l.periodRef(base, period, r)
	}
	v, sc, d := l.info.resolve(t)
	if d != nil {
		l.sink.add(d)
		return nil
	}
	if v == nil {
		l.fail(lang.UnknownReference, r, "Reference to a block, not a value",
			fmt.Sprintf("%s is %s; refer to one of its values: %s.", strings.Join(traversalNames(t), "."), sc.what, joinPaths(traversalNames(t), scopeValues(sc))))
		return nil
	}
	return &Ref{Var: v, R: r}
}

// maxListedValues bounds the values a message lists as what a reference
// to a block could have named.
const maxListedValues = 12

// scopeValues names the values of scope sc relative to it, sorted: its
// own, or for a namespace without values of its own (the items of a
// budget, the sources of a funnel) those of the blocks in it (ma_tool.amount).
func scopeValues(sc *scope) []string {
	var out []string
	for n := range sc.vars {
		out = append(out, n)
	}
	if len(out) == 0 {
		for kn, k := range sc.kids {
			for n := range k.vars {
				out = append(out, kn+"."+n)
			}
		}
	}
	sort.Strings(out)
	if len(out) > maxListedValues {
		out = out[:maxListedValues]
	}
	return out
}

func traversalNames(t hcl.Traversal) []string {
	var out []string
	for _, s := range t {
		n, _ := stepName(s)
		out = append(out, n)
	}
	return out
}

func joinPaths(prefix []string, fields []string) string {
	p := strings.Join(prefix, ".")
	var out []string
	for _, f := range fields {
		out = append(out, p+"."+f)
	}
	if len(out) == 0 {
		return "(none)"
	}
	return strings.Join(out, ", ")
}

func (l *lowerer) binary(x *hclsyntax.BinaryOpExpr, cond bool, depth int) Expr {
	// A flat chain (a + b + c, which HCL parses as (a + b) + c) is one
	// level however long it is: its left side stays at this depth.
	lhsDepth := depth + 1
	if lhs, ok := x.LHS.(*hclsyntax.BinaryOpExpr); ok && precedence[lhs.Op] == precedence[x.Op] {
		lhsDepth = depth
	}
	a, b := l.lower(x.LHS, cond, lhsDepth), l.lower(x.RHS, cond, depth+1)
	if op, ok := arith[x.Op]; ok {
		return nilIf(a, b, &Bin{Op: op, A: a, B: b, R: x.SrcRange})
	}
	if op, ok := compare[x.Op]; ok && cond {
		return nilIf(a, b, &Cmp{Op: op, A: a, B: b, R: x.SrcRange})
	}
	if op, ok := logic[x.Op]; ok && cond {
		return nilIf(a, b, &Logic{Op: op, A: a, B: b, R: x.SrcRange})
	}
	opRange := hcl.Range{Filename: x.SrcRange.Filename, Start: x.LHS.Range().End, End: x.RHS.Range().Start}
	if x.Op == hclsyntax.OpModulo {
		l.fail(lang.Schema, opRange, "Modulo in formula",
			"% between two values is HCL's remainder operator. To write a percentage, quote it as a quantity: \"30%\".")
		return nil
	}
	if !cond {
		l.fail(lang.Schema, opRange, "Comparison outside a check",
			"Comparisons and && || belong in a check block's condition. "+formulaHelp)
		return nil
	}
	l.fail(lang.Schema, opRange, "Unsupported operator", formulaHelp)
	return nil
}

func nilIf(a, b Expr, e Expr) Expr {
	if a == nil || b == nil {
		return nil
	}
	return e
}

func (l *lowerer) unary(x *hclsyntax.UnaryOpExpr, cond bool, depth int) Expr {
	v := l.lower(x.Val, cond, depth+1)
	switch {
	case v == nil:
		return nil
	case x.Op == hclsyntax.OpNegate:
		return &Neg{X: v, R: x.SrcRange}
	case x.Op == hclsyntax.OpLogicalNot && cond:
		return &Logic{Op: "!", A: v, R: x.SrcRange}
	}
	l.fail(lang.Schema, x.SymbolRange, "Unsupported operator", formulaHelp)
	return nil
}

func (l *lowerer) call(x *hclsyntax.FunctionCallExpr, cond bool, depth int) Expr {
	fn := stdlib.Lookup(x.Name)
	if fn == nil {
		detail := fmt.Sprintf("There is no function %q.", x.Name)
		if s := lang.Suggest(x.Name, stdlib.Names()); s != "" {
			detail += fmt.Sprintf(" Did you mean %q?", s)
		}
		l.fail(lang.UnknownReference, x.NameRange, "Unknown function", detail+" Functions: "+strings.Join(stdlib.Names(), ", ")+".")
		return nil
	}
	if x.ExpandFinal {
		l.fail(lang.Schema, x.CloseParenRange, "Argument expansion", "f(xs...) is not supported; list the arguments.")
		return nil
	}
	if err := fn.CheckArity(len(x.Args)); err != nil {
		l.fail(lang.Schema, hcl.RangeBetween(x.OpenParenRange, x.CloseParenRange), "Wrong number of arguments", err.Error()+".")
		return nil
	}
	call := &Call{Fn: fn, R: x.Range()}
	ok := true
	for _, a := range x.Args {
		arg := l.lower(a, cond, depth+1)
		ok = ok && arg != nil
		call.Args = append(call.Args, arg)
	}
	if !ok || !l.constArgs(fn, call) {
		return nil
	}
	return call
}

// constArgs checks the arguments that fn needs written as whole numbers
// from 0 to stdlib.ConstMax (pow's exponent).
func (l *lowerer) constArgs(fn *stdlib.Func, call *Call) bool {
	for _, i := range fn.Const {
		c, ok := call.Args[i].(*Const)
		if ok && c.V.IsInt() && c.V.Sign() >= 0 && c.V.Cmp(big.NewRat(stdlib.ConstMax, 1)) <= 0 {
			continue
		}
		l.fail(lang.Schema, call.Args[i].Range(), "Exponent must be a small whole number",
			fmt.Sprintf("Argument %d of %s must be a whole number from 0 to %d written in the formula, such as pow(1 + kpi.growth, 12).",
				i+1, fn.Signature(), stdlib.ConstMax))
		return false
	}
	return true
}

// unit reads a unit attribute: a quoted unit expression such as "JPY/month".
func (l *lowerer) unit(e hcl.Expression) (quantity.Unit, *big.Rat, bool) {
	x, ok := e.(*hclsyntax.TemplateExpr)
	var s string
	var inside hcl.Range
	if ok {
		s, inside, ok = stringLiteral(x)
	}
	if !ok {
		l.fail(lang.Schema, e.Range(), "unit must be a string",
			"Write the unit as a quoted unit expression, such as unit = \"JPY\", \"deals\", \"%\" or \"JPY/month\".")
		return quantity.Unit{}, nil, false
	}
	u, scale, err := quantity.ParseUnit(s)
	if err != nil {
		file := l.files[inside.Filename]
		l.fail(lang.BadQuantity, lang.SubRange(file.Bytes, inside, s, err.Start, err.End),
			fmt.Sprintf("Bad unit %q", s), err.Msg+".")
		return quantity.Unit{}, nil, false
	}
	return u, scale, true
}
