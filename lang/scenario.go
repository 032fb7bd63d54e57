package lang

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Scenarios: a scenario block changes values of the plan's blocks, which
// it names as the plan does (channel "ads" { share = "45%" }), and is
// compiled as a plan of its own: the plan with those values (Overlay).
// It may only change values: a block the plan does not have, or a change
// to a reference or a text, is the error scenario-structure, so that a
// scenario can never silently describe another plan.

// Scenario is a scenario block.
type Scenario struct {
	Block
	// Probability is its chance, a share ("25%"); nil when not given.
	Probability *Attr `plan:"probability"`
	// SolveFor lists the values the scenario releases to be solved (goal
	// seek): solve_for = [kgi.revenue].
	SolveFor *Attr `plan:"solve_for"`
	// Changes are the blocks it changes, in source order.
	Changes []*Change
}

// Change is a block inside a scenario: the values it gives one block of
// the plan, and the changes to the blocks nested in it (a funnel's
// stages).
type Change struct {
	Kind, Name          string
	DefRange, NameRange hcl.Range
	// Attrs are the attributes as written, in source order.
	Attrs  []*Attr
	Nested []*Change
}

// Fix is a value a scenario gives that the plan solves (a budget's
// spend, a stage's volume): the compiler makes it an input.
type Fix struct {
	Path Path
	Attr *Attr
}

// checkScenario decodes what the schema cannot: the scenario's change
// blocks (any kind of the plan's, with any attribute) and the attributes
// that are not the scenario's own.
func checkScenario(b *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	body, ok := b.Body.(*hclsyntax.Body)
	if !ok {
		return diags
	}
	sc := n.(*Scenario)
	for _, a := range sortedAttrs(body) {
		if Spec("scenario").Attr(a.Name) == nil {
			diags = append(diags, Diag(Schema, a.NameRange, "Unsupported argument",
				fmt.Sprintf("A scenario's own attributes are title, description, owner, probability and solve_for; %s belongs in the block it changes, such as channel \"ads\" { %s = ... }.%s",
					a.Name, a.Name, didYouMean(a.Name, AttributeNames("scenario")))))
		}
	}
	for _, nb := range body.Blocks {
		if c, more := decodeChange(nb, ""); c != nil {
			sc.Changes = append(sc.Changes, c)
			diags = append(diags, more...)
		} else {
			diags = append(diags, more...)
		}
	}
	return diags
}

// decodeChange reads a block of a scenario, which nests in a block of
// kind in ("" at the scenario's top).
func decodeChange(b *hclsyntax.Block, in string) (*Change, hcl.Diagnostics) {
	spec := Spec(b.Type)
	if spec == nil || spec.In != in || spec.Label == "" || spec.Kind == "scenario" {
		return nil, hcl.Diagnostics{Diag(ScenarioStructure, b.TypeRange, "Not a block a scenario can change",
			fmt.Sprintf("A scenario changes values of the plan's blocks, named as in the plan: %s.", changeKinds(in)))}
	}
	if len(b.Labels) != 1 {
		return nil, hcl.Diagnostics{Diag(Schema, b.TypeRange, "Missing name",
			fmt.Sprintf("Name the %s this changes, as in the plan: %s %q { ... }.", b.Type, b.Type, spec.Example))}
	}
	c := &Change{Kind: b.Type, Name: b.Labels[0], DefRange: b.DefRange(), NameRange: b.LabelRanges[0]}
	for _, a := range sortedAttrs(b.Body) {
		c.Attrs = append(c.Attrs, &Attr{Name: a.Name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange})
	}
	var diags hcl.Diagnostics
	for _, nb := range b.Body.Blocks {
		k, more := decodeChange(nb, b.Type)
		diags = append(diags, more...)
		if k != nil {
			c.Nested = append(c.Nested, k)
		}
	}
	return c, diags
}

// changeKinds lists the kinds a scenario can name inside a block of kind
// in, for messages.
func changeKinds(in string) string {
	var kinds []string
	for _, s := range Blocks {
		if s.In == in && s.Label != "" && s.Kind != "scenario" {
			kinds = append(kinds, s.Kind)
		}
	}
	if len(kinds) == 0 {
		return "this block has no blocks nested in it"
	}
	return fmt.Sprint(kinds)
}

// Overlay returns the plan as scenario sc changes it: a plan of its own,
// sharing the files, with every block copied and the scenario's values in
// place of the plan's, and without scenarios; the values it gives that
// the plan solves are its Fixes. The plan itself is not changed.
func (p *Plan) Overlay(sc *Scenario) (*Plan, hcl.Diagnostics) {
	o := &overlay{from: p, to: &Plan{Files: p.Files, Scenario: sc}, copies: map[Node]Node{}}
	for _, n := range p.Blocks {
		if n.Header().Kind != "scenario" {
			o.copyNode(n, nil)
		}
	}
	if len(o.to.metas) > 0 {
		o.to.Meta = o.to.metas[0]
	}
	for _, c := range sc.Changes {
		o.apply(c, p.Blocks, NewPath(c.Kind, c.Name))
	}
	return o.to, o.diags
}

// overlay is the state of making a scenario's plan.
type overlay struct {
	from, to *Plan
	// copies maps each block of the plan to its copy.
	copies map[Node]Node
	diags  hcl.Diagnostics
}

var nodeType = reflect.TypeOf((*Node)(nil)).Elem()

// copyNode copies n, which nests in parent (a copy; nil at the top), and
// what nests in it, filing each copy as decoding filed the original (so
// that a stage's Funnel is its funnel's copy).
func (o *overlay) copyNode(n, parent Node) {
	v := reflect.New(reflect.TypeOf(n).Elem())
	v.Elem().Set(reflect.ValueOf(n).Elem())
	c := v.Interface().(Node)
	for i := 0; i < v.Elem().NumField(); i++ { // the nested blocks, refiled below
		if f := v.Elem().Field(i); f.Kind() == reflect.Slice && f.Type().Elem().Implements(nodeType) {
			f.SetZero()
		}
	}
	c.Header().Nested = nil
	o.copies[n] = c
	Spec(n.Header().Kind).add(o.to, parent, c)
	if parent == nil {
		o.to.Blocks = append(o.to.Blocks, c)
	} else {
		parent.Header().Nested = append(parent.Header().Nested, c)
	}
	for _, k := range n.Header().Nested {
		o.copyNode(k, c)
	}
}

// apply gives the copy of the block change c names, among blocks, its
// values; path is the block's path.
func (o *overlay) apply(c *Change, blocks []Node, path Path) {
	n := find(blocks, c.Kind, c.Name)
	if n == nil {
		o.diags = append(o.diags, Diag(ScenarioStructure, c.NameRange, fmt.Sprintf("No %s %q to change", c.Kind, c.Name),
			fmt.Sprintf("A scenario changes the values of blocks the plan has; it cannot add %s %q.%s%s",
				c.Kind, c.Name, didYouMean(c.Name, names(blocks, c.Kind)), addHint(c.Kind))))
		return
	}
	for _, a := range c.Attrs {
		o.set(o.copies[n], a, path)
	}
	for _, k := range c.Nested {
		kp := path.Child(k.Name)
		if seg := Spec(k.Kind).Segment; seg != "" {
			kp = path.Child(seg, k.Name)
		}
		o.apply(k, n.Header().Nested, kp)
	}
}

// set gives block n attribute a: in place of the plan's when it is a value
// attribute (clearing those it excludes: a channel given leads has no
// share), a fix when it names a value the plan solves.
func (o *overlay) set(n Node, a *Attr, path Path) {
	spec := Spec(n.Header().Kind)
	as := spec.Attr(a.Name)
	switch {
	case as == nil:
		o.to.Fixes = append(o.to.Fixes, Fix{Path: path.Child(a.Name), Attr: a})
	case as.Role != RoleValue && as.Role != RoleValueMap:
		o.diags = append(o.diags, Diag(ScenarioStructure, a.NameRange, "Not a value",
			fmt.Sprintf("%s's %s says what the plan is made of, not a value; a scenario changes values only (rates, shares, CPAs, amounts, targets). Change it in the plan.", path, a.Name)))
	default:
		v := reflect.ValueOf(n).Elem()
		for _, group := range spec.Exclusive {
			if slices.Contains(group, a.Name) {
				for _, other := range group {
					v.FieldByIndex(spec.fields[other]).SetZero()
				}
			}
		}
		v.FieldByIndex(spec.fields[a.Name]).Set(reflect.ValueOf(a))
	}
}

// addHint says how to try a block the plan does not have.
func addHint(kind string) string {
	if kind == "channel" {
		return " To try a new channel, add it to the plan with share = \"0%\" (or leads = 0), which keeps it off, and give it a share in the scenario."
	}
	return fmt.Sprintf(" Add the %s to the plan first.", kind)
}

// find returns the first block of kind and name among blocks (the
// resolver reports duplicates).
func find(blocks []Node, kind, name string) Node {
	for _, n := range blocks {
		if h := n.Header(); h.Kind == kind && h.Name == name {
			return n
		}
	}
	return nil
}

// names lists the names of the blocks of kind among blocks.
func names(blocks []Node, kind string) []string {
	var out []string
	for _, n := range blocks {
		if h := n.Header(); h.Kind == kind {
			out = append(out, h.Name)
		}
	}
	return out
}

// Sensitivity is a sensitivity block: outputs watched while inputs vary
// one at a time (a tornado).
type Sensitivity struct {
	Block
	// Outputs lists the values to watch; nil for the default (each
	// budget's spend and each funnel's first stage).
	Outputs *Attr `plan:"outputs"`
	// Varies are its vary blocks; none for the default inputs.
	Varies []*Vary
}

// Vary is a vary block inside a sensitivity: one input and its range.
type Vary struct {
	Block
	Input *Attr `plan:"input"`
	// Range is the low and high end, "20% .. 30%".
	Range Text `plan:"range"`
}

func addVary(_ *Plan, parent, n Node) {
	s := parent.(*Sensitivity)
	s.Varies = append(s.Varies, n.(*Vary))
}
