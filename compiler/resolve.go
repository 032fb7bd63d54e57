package compiler

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang"
	"github.com/zclconf/go-cty/cty"
)

// Info is what the resolver knows of a plan, like go/types' Info: every
// object and value with its path, and every reference with what it names.
type Info struct {
	// Currency is the plan's currency code.
	Currency string
	// Objects lists every object in the plan's order: the blocks by kind
	// in the schema's order (each followed by the blocks nested in it),
	// then the lead sources.
	Objects []*Object
	// Vars lists every value in the plan's order.
	Vars []*Var
	// Uses lists every reference of the plan with what it names: in
	// formulas, in attributes that name blocks (a channel's funnel, a
	// journey phase's personas). Editors read it for go-to-definition,
	// references and hover. It is recorded only when Options.Uses asks.
	Uses []Use
	// Benchmarks holds the benchmark each compared value is compared with.
	Benchmarks map[*Var]*Benchmark
	// Spreads holds the values written as ranges ("20% to 30%"), in their
	// canonical unit: the plan uses their midpoints.
	Spreads map[*Var]*Spread

	byNode map[lang.Node]*Object
	byPath map[lang.Path]Entity
	byKind map[string][]*Object
	// root is the reference namespace; files the plan's sources, for the
	// ranges of reference segments.
	root  *scope
	files map[string]*hcl.File
	// cohortFunnel marks the funnels with cohorts of their own (a channel
	// with rates or a deal size); overridden the stages some channel
	// converts at its own rate; overrides each channel's rates.
	cohortFunnel, overridden map[*Object]bool
	overrides                map[*Object][]override
	// recordUses says whether Uses is recorded (Options.Uses).
	recordUses bool
}

// Entity is what a name in a plan stands for: an *Object or a *Var.
type Entity interface{ entity() }

func (*Object) entity() {}
func (*Var) entity()    {}

// Use is one name in a reference and what it names.
type Use struct {
	// At is the name: one segment of a reference, without its dot (mql
	// in funnel.demand.mql.volume), or the reference's first segment,
	// which stands for what the whole reference names.
	At hcl.Range
	// Ref is the reference up to that segment (funnel.demand.mql).
	Ref    hcl.Range
	Target Entity
}

// Of returns the object of a block, nil for a block that has none (a
// duplicate, or a name that cannot be referred to).
func (in *Info) Of(n lang.Node) *Object { return in.byNode[n] }

// Lookup returns the value with a path, nil when there is none.
func (in *Info) Lookup(p lang.Path) *Var {
	v, _ := in.byPath[p].(*Var)
	return v
}

// ObjectAt returns the object with a path (funnel.demand.mql), nil when
// there is none.
func (in *Info) ObjectAt(p lang.Path) *Object {
	o, _ := in.byPath[p].(*Object)
	return o
}

// Kind lists the objects of a kind, in the plan's order. The slice is
// Info's own: do not change it.
func (in *Info) Kind(kind string) []*Object { return in.byKind[kind] }

func (in *Info) addObject(o *Object) {
	in.Objects = append(in.Objects, o)
	in.byKind[o.Kind] = append(in.byKind[o.Kind], o)
	if o.Node != nil {
		in.byNode[o.Node] = o
	}
	in.byPath[o.Path] = o
}

// resolver builds Info: the one place where planc declares names and
// resolves references, with one duplicate policy (the first block of a
// name wins; the others are reported and get no object).
type resolver struct {
	info *Info
	sink *sink
	plan *lang.Plan
	// taken holds the objects declared so far by scope and name.
	taken map[string]map[string]*Object
	// scopes holds each object's scope in the namespace.
	scopes map[*Object]*scope
	// later marks the stages that channels enter below their funnel's top.
	later map[*Object]bool
}

// resolve declares every block's object and values, and resolves the
// references that name blocks. References in formulas are resolved as
// lowering reads them (Info.resolve).
func resolve(plan *lang.Plan, s *sink, opts Options) *Info {
	in := &Info{Currency: "JPY", Benchmarks: map[*Var]*Benchmark{}, Spreads: map[*Var]*Spread{}, byNode: map[lang.Node]*Object{},
		byPath: map[lang.Path]Entity{}, byKind: map[string][]*Object{}, root: newScope("the plan", nil), files: plan.Files,
		recordUses: opts.Uses, cohortFunnel: map[*Object]bool{}, overridden: map[*Object]bool{}, overrides: map[*Object][]override{}}
	if plan.Meta != nil && plan.Meta.Currency.Value != "" {
		in.Currency = plan.Meta.Currency.Value
	}
	r := &resolver{info: in, sink: s, plan: plan, taken: map[string]map[string]*Object{},
		scopes: map[*Object]*scope{}, later: map[*Object]bool{}}
	for _, ns := range namespaces {
		in.root.kid(ns, ns, nil)
	}
	r.declareBlocks()
	r.resolveBlockRefs()
	r.findOverrides()
	r.declareValues()
	r.wholeCohortFunnels()
	r.declareSources()
	return in
}

// declareBlocks declares an object for every block, kind by kind in the
// schema's order, each followed by the blocks nested in it.
func (r *resolver) declareBlocks() {
	for _, spec := range lang.Blocks {
		for _, n := range r.plan.Blocks {
			if n.Header().Kind == spec.Kind && spec.Label != "" {
				r.declare(n, nil)
			}
		}
	}
}

// declare makes the object of block n, nested in parent (nil at the top
// level), unless its name cannot be referred to (lang reports it) or is
// taken.
func (r *resolver) declare(n lang.Node, parent *Object) *Object {
	h := n.Header()
	if !hclsyntax.ValidIdentifier(h.Name) || h.Kind == "stage" && lang.ReservedStageName(h.Name) {
		return nil
	}
	key := h.Kind
	path := lang.NewPath(h.Kind, h.Name)
	if parent != nil {
		key, path = parent.Path.String()+" "+h.Kind, parent.Path.Child(h.Name)
		if seg := lang.Spec(h.Kind).Segment; seg != "" {
			path = parent.Path.Child(seg, h.Name) // budget.B.item.I
		}
	}
	if prev := r.taken[key][h.Name]; prev != nil {
		r.sink.add(lang.Diag(lang.DuplicateName, h.NameRange, fmt.Sprintf("Duplicate %s %q", h.Kind, h.Name),
			fmt.Sprintf("%s named %q is already declared at %s. Rename one of them, or merge them into one block.", aKind(h.Kind), h.Name, lang.At(prev.DefRange()))))
		return nil
	}
	o := &Object{Kind: h.Kind, Node: n, Path: path, Parent: parent, name: blockLabel(h)}
	if r.taken[key] == nil {
		r.taken[key] = map[string]*Object{}
	}
	r.taken[key][h.Name] = o
	r.info.addObject(o)
	for _, kid := range h.Nested {
		if k := r.declare(kid, o); k != nil {
			o.Kids = append(o.Kids, k)
		}
	}
	return o
}

// scopeOf returns the scope in the namespace that holds o's values,
// making it (and its parent's) when it is new.
func (r *resolver) scopeOf(o *Object) *scope {
	if sc := r.scopes[o]; sc != nil {
		return sc
	}
	parent, what := r.info.root.kids[o.Kind], fmt.Sprintf("%s %q", o.Kind, o.Name())
	if o.Parent != nil {
		parent = r.scopeOf(o.Parent)
		what += " of " + parent.what
		if spec := lang.Spec(o.Kind); spec != nil && spec.Segment != "" {
			// budget.B.item: a namespace of the block's, like a funnel's sources.
			parent = parent.kid(spec.Segment, fmt.Sprintf("the %ss of %s", spec.Segment, parent.what), nil)
		}
	}
	sc := parent.kid(o.Name(), what, o)
	r.scopes[o] = sc
	return sc
}

// aKind is a kind with its article, for the start of a sentence: "A
// stage", "An item".
func aKind(kind string) string {
	if strings.ContainsRune("aeiou", rune(kind[0])) {
		return "An " + kind
	}
	return "A " + kind
}

func blockLabel(b *lang.Block) string {
	if b.Title.Value != "" {
		return b.Title.Value
	}
	return b.Name
}

// resolveBlockRefs links every attribute that names blocks, and what the
// compiler derives from them: a channel's entry stage, the channels of a
// budget that lists none (see defaultChannels), budget parents without
// cycles (budgetParents) and channels paid for once in a hierarchy of
// budgets (budgetOverlaps).
func (r *resolver) resolveBlockRefs() {
	for _, o := range r.info.Objects {
		for _, a := range lang.Spec(o.Kind).Attrs {
			attr := lang.AttrOf(o.Node, a.Name)
			switch {
			case attr == nil:
			case a.Role == lang.RoleRef && len(a.Keywords) > 0 && r.keyword(o, attr, a):
				// a word instead of a reference (phasing = "even"): its reader reads it
			case a.Role == lang.RoleRef:
				if to := r.blockRef(o, attr.Expr, a, ""); to != nil {
					o.link(a.Name, to)
				}
			case a.Role == lang.RoleRefList:
				r.blockRefList(o, attr, a)
			}
		}
	}
	entered := map[*Object]bool{}
	for _, c := range r.info.Kind("channel") {
		if s := r.entryStage(c); s != nil {
			c.link("stage", s)
			entered[s] = true
		}
	}
	r.defaultChannels()
	r.budgetParents()
	r.budgetOverlaps()
	r.markLaterEntries(entered)
}

// keyword reports whether attribute attr of o is a quoted string, which
// an attribute that may hold a word instead of a reference (a.Keywords)
// then must be one of; an unknown word is reported here.
func (r *resolver) keyword(o *Object, attr *lang.Attr, a lang.AttrSpec) bool {
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
		return false
	}
	if !slices.Contains(a.Keywords, v.AsString()) {
		words := make([]string, len(a.Keywords))
		for i, w := range a.Keywords {
			words[i] = strconv.Quote(w)
		}
		r.sink.fail(lang.Schema, attr.Expr.Range(), fmt.Sprintf("Unknown %s", a.Name),
			fmt.Sprintf("%s's %s is %q; give a reference such as %s, or one of %s.", aKind(o.Kind), a.Name, v.AsString(),
				lang.NewPath(a.Kind, lang.Spec(a.Kind).Example), strings.Join(words, ", ")))
	}
	return true
}

// defaultChannels gives the plan's one budget, when it lists no channels,
// every channel: the budget of a plan that has one pays for everything.
// With several budgets, "every channel" would pay for each channel more
// than once, so a budget without channels pays for none.
func (r *resolver) defaultChannels() {
	budgets := r.info.Kind("budget")
	if len(budgets) != 1 || budgets[0].Node.(*lang.Budget).Channels != nil {
		return
	}
	budgets[0].link("channels", slices.Clone(r.info.Kind("channel"))...)
}

// blockRef resolves an expression that must name one block of the kind
// a.Kind (funnel.demand); item is the attribute's list item phrase ("Each
// item of channels"), or "" for an attribute that is one reference.
func (r *resolver) blockRef(from *Object, e hcl.Expression, a lang.AttrSpec, item string) *Object {
	spec := lang.Spec(a.Kind)
	example := lang.NewPath(a.Kind, spec.Example).String()
	what := item
	if what == "" {
		what = fmt.Sprintf("%s's %s", aKind(from.Kind), a.Name)
	}
	t, d := hcl.AbsTraversalForExpr(e)
	if d.HasErrors() {
		detail := fmt.Sprintf("%s must be a reference to a %s block, without quotes, such as %s.", what, a.Kind, example)
		if item != "" {
			detail = fmt.Sprintf("%s must be a reference such as %s, without quotes.", what, example)
		}
		r.sink.add(lang.Diag(lang.Schema, e.Range(), fmt.Sprintf("Not a %s reference", a.Kind), detail))
		return nil
	}
	if len(t) != 2 || t.RootName() != a.Kind {
		r.sink.add(lang.Diag(lang.UnknownReference, e.Range(), "Not a "+a.Kind,
			fmt.Sprintf("%s must name a %s block, such as %s.", what, a.Kind, example)))
		return nil
	}
	name, _ := stepName(t[1])
	to := r.taken[a.Kind][name]
	if to == nil {
		r.sink.add(lang.Diag(lang.UnknownReference, e.Range(), "Unknown reference", unknownBlock(a.Kind, name, r.names(a.Kind))))
		return nil
	}
	r.info.use(t, []step{{at: t[1].SourceRange(), sc: &scope{obj: to}}})
	return to
}

// blockRefList resolves a list of references to blocks, keeping those
// that resolve.
func (r *resolver) blockRefList(from *Object, attr *lang.Attr, a lang.AttrSpec) {
	exprs, d := hcl.ExprList(attr.Expr)
	if d.HasErrors() {
		r.sink.add(lang.Diag(lang.Schema, attr.Expr.Range(), a.Name+" must be a list",
			fmt.Sprintf("List the %s blocks as references, such as %s = [%s].", a.Kind, a.Name, lang.NewPath(a.Kind, lang.Spec(a.Kind).Example))))
		return
	}
	from.link(a.Name) // an empty list names no block, which is not the absence of the list
	for _, e := range exprs {
		if to := r.blockRef(from, e, a, "Each item of "+a.Name); to != nil {
			from.link(a.Name, to)
		}
	}
}

// names lists the names of the blocks of a kind, sorted.
func (r *resolver) names(kind string) []string {
	var out []string
	for n := range r.taken[kind] {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// unknownBlock says that no block of a kind has a name, and what the
// author may have meant.
func unknownBlock(kind, name string, names []string) string {
	detail := fmt.Sprintf("There is no %s %q.", kind, name)
	switch s := lang.Suggest(name, names); {
	case s != "":
		detail += fmt.Sprintf(" Did you mean %q?", lang.NewPath(kind, s).String())
	case len(names) == 0:
		detail += fmt.Sprintf(" The plan has no %s block; declare one with %s %q { ... }.", kind, kind, name)
	case len(names) <= 12:
		detail += fmt.Sprintf(" Known %ss: %s.", kind, strings.Join(names, ", "))
	}
	return detail
}

// entryStage resolves a channel's stage attribute in its funnel: the first
// stage when it names none.
func (r *resolver) entryStage(c *Object) *Object {
	f := c.Ref("funnel")
	if f == nil || len(f.Kids) == 0 {
		return nil
	}
	st := c.Node.(*lang.Channel).Stage
	if st.Value == "" {
		if first := f.Node.(*lang.Funnel).Stages[0]; r.info.Of(first) == f.Kids[0] {
			return f.Kids[0]
		}
		return nil // the first stage has no object: reported by lang
	}
	var names []string
	for _, s := range f.Kids {
		if s.Name() == st.Value {
			return s
		}
		names = append(names, s.Name())
	}
	detail := fmt.Sprintf("funnel %q has no stage %q.", f.Name(), st.Value)
	if s := lang.Suggest(st.Value, names); s != "" {
		detail += fmt.Sprintf(" Did you mean %q?", s)
	}
	r.sink.add(lang.Diag(lang.UnknownReference, st.Range, "Unknown stage", detail))
	return nil
}

// markLaterEntries keeps, of the stages channels enter, those below the
// earliest such stage of their funnel: the stages that get an inflow.
func (r *resolver) markLaterEntries(entered map[*Object]bool) {
	for _, f := range r.info.Kind("funnel") {
		top := true
		for _, s := range f.Kids {
			r.later[s] = entered[s] && !top
			top = top && !entered[s]
		}
	}
}

// declareValues declares the values of every object, from the table of
// values (values.go), in the plan's order.
// A channel's cohorts (cohorts.go) follow its own values, so that a
// listing of values shows them together.
func (r *resolver) declareValues() {
	for _, o := range r.info.Objects { // the objects as they are now: cohorts are added
		r.declareValuesOf(o)
		if o.Kind == "channel" {
			r.declareCohorts(o)
		}
	}
}

func (r *resolver) declareValuesOf(o *Object) {
	for i := range valueDefs[o.Kind] {
		if d := &valueDefs[o.Kind][i]; d.when == nil || d.when(r, o) {
			r.newVar(o, d)
		}
	}
}

// newVar declares value d of object o. A metric's value is the metric: it
// has the metric's path, in the kgi or kpi namespace.
func (r *resolver) newVar(o *Object, d *valueDef) *Var {
	v := &Var{Path: o.Path, Name: d.name, Kind: d.kind, Object: o, Decl: o.DefRange(), Whole: d.whole, def: d, id: len(r.info.Vars)}
	if d.unit != nil {
		v.setUnit(d.unit(r.info, o))
	}
	var sc *scope
	name := d.name
	if d.name == "" {
		sc, name = r.info.root.kids[o.Kind], o.Name()
	} else {
		sc, v.Path = r.scopeOf(o), o.Path.Child(d.name)
	}
	sc.vars[name] = v
	o.vars = append(o.vars, v)
	r.info.Vars = append(r.info.Vars, v)
	r.info.byPath[v.Path] = v
	return v
}

// resolve finds the value a reference in a formula names, recording each
// of its names as a Use. A reference that stops at a block (funnel.demand)
// returns that block's scope.
func (in *Info) resolve(t hcl.Traversal) (*Var, *scope, *hcl.Diagnostic) {
	steps, diag := in.root.walk(t)
	in.use(t, steps)
	if diag != nil || len(steps) == 0 {
		return nil, nil, diag
	}
	last := steps[len(steps)-1]
	return last.val, last.sc, nil
}

// use records the steps of a resolved reference: each one that names an
// object or a value, and the first segment for what the last one names.
func (in *Info) use(t hcl.Traversal, steps []step) {
	var last Use
	for _, st := range steps {
		var target Entity
		switch {
		case st.val != nil:
			target = st.val
		case st.sc.obj != nil:
			target = st.sc.obj
		}
		if target == nil {
			continue // a namespace such as kpi
		}
		last = Use{At: in.segment(st.at), Ref: hcl.RangeBetween(t[0].SourceRange(), st.at), Target: target}
		in.addUse(last)
	}
	if last.Target != nil {
		in.addUse(Use{At: t[0].SourceRange(), Ref: last.Ref, Target: last.Target})
	}
}

// addUse appends u to Uses, doubling the list when full: append grows a
// long slice by a quarter at a time, and copying a plan's tens of
// thousands of uses that often was the compiler's largest garbage.
func (in *Info) addUse(u Use) {
	if !in.recordUses {
		return
	}
	if len(in.Uses) == cap(in.Uses) {
		in.Uses = slices.Grow(in.Uses, len(in.Uses)+1)
	}
	in.Uses = append(in.Uses, u)
}

// segment is a traversal step's range without its leading dot. The dot is
// one byte and one column, so the start moves by one of each.
func (in *Info) segment(r hcl.Range) hcl.Range {
	f := in.files[r.Filename]
	if f != nil && r.Start.Byte < len(f.Bytes) && r.Start.Byte < r.End.Byte && f.Bytes[r.Start.Byte] == '.' {
		r.Start.Byte++
		r.Start.Column++
	}
	return r
}
