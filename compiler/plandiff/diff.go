package plandiff

import (
	"math/big"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Side is one of the two plans to compare.
type Side struct {
	// Name says where the plan was read from, as the user wrote it
	// ("plans", "main:plans"); it is only shown.
	Name string
	// Result is the compiled plan. Compare only counts its diagnostics,
	// so that a diff of a plan with errors can say so.
	Result *compiler.Result
}

// Diff is what differs between the solved values of two plans. Moved has
// the headline values first and then the others, each group in the newer
// plan's order; Removed is in the older plan's order and the other lists
// in the newer plan's.
type Diff struct {
	Old, New Plan
	// Moved holds the values solved on both sides, in one dimension, to
	// different values.
	Moved []Change
	// Added holds the values only the newer plan has (Old is nil), and
	// Removed those only the older plan has (New is nil).
	Added, Removed []Change
	// Unsolved holds the values that only one side could solve.
	Unsolved []Change
	// UnitChanged holds the values whose dimension differs, such as a KPI
	// that was a count and is now money, and the shares of channels that
	// now enter another stage (10% of inquiry, 100% of SAL inflow); they
	// have no change to compute.
	UnitChanged []Change
	// Unchanged counts the values both sides have with the same value (or
	// unsolved on both).
	Unchanged int
}

// Plan describes one side of a diff.
type Plan struct {
	Name, Title, Currency, Period string
	// Values counts the plan's values.
	Values int
	// Errors and Warnings count its diagnostics; ErrorCodes lists the
	// codes of its errors, sorted, each once.
	Errors, Warnings int
	ErrorCodes       []string
}

// Change is one value that differs between the two plans.
type Change struct {
	// Path is the value's reference path.
	Path string
	// Title is the title of the block the value belongs to (the stage of a
	// stage volume), from the newer plan when it has the value; "" when the
	// block has none.
	Title string
	// Headline marks the values a reviewer looks at first: KGIs, funnel
	// revenue, stage volumes, channel leads and cost, budget spend and cap.
	Headline bool
	// Old and New are the value on each side; nil where a side does not
	// have it.
	Old, New *Value
	// Delta is New - Old, exactly, in the canonical unit (yen, months,
	// items, a fraction); nil unless both sides are solved in one
	// dimension.
	Delta *big.Rat
	// Relative is Delta / |Old|; nil when Delta is nil or Old is zero.
	Relative *big.Rat
}

// Value is a value on one side.
type Value struct {
	// Rat is the exact solved value; nil when it could not be solved.
	Rat  *big.Rat
	Unit quantity.Unit
	// UnitKnown is false when the compiler could not infer the unit.
	UnitKnown bool
	// Display is the value as planc shows it ("¥480,000,000", "?").
	Display string
	// Origin is "target", "assumption", "input", "solved" or "unknown".
	Origin string
	// Of says what a channel's share is a share of ("inquiry", "SAL
	// inflow"); "" for other values.
	Of string
}

// Changed reports whether any value differs; a change of only the plan's
// title or period is not one.
func (d *Diff) Changed() bool {
	return len(d.Moved)+len(d.Added)+len(d.Removed)+len(d.Unsolved)+len(d.UnitChanged) > 0
}

// Headline returns the moved headline values, and Others the other moved
// values.
func (d *Diff) Headline() []Change { return filter(d.Moved, true) }

// Others returns the moved values that are not headline values.
func (d *Diff) Others() []Change { return filter(d.Moved, false) }

func filter(cs []Change, headline bool) []Change {
	var out []Change
	for _, c := range cs {
		if c.Headline == headline {
			out = append(out, c)
		}
	}
	return out
}

// Compare returns what differs between the solved values of two plans,
// matched by reference path.
func Compare(before, after Side) *Diff {
	d := &Diff{Old: describe(before), New: describe(after)}
	for _, nv := range after.Result.Info.Vars {
		d.add(before.Result, before.Result.Info.Lookup(nv.Path), after.Result, nv)
	}
	for _, ov := range before.Result.Info.Vars {
		if after.Result.Info.Lookup(ov.Path) == nil {
			d.Removed = append(d.Removed, newChange(before.Result, ov, nil, nil))
		}
	}
	sort.SliceStable(d.Moved, func(i, j int) bool { return d.Moved[i].Headline && !d.Moved[j].Headline })
	return d
}

// add files the value nv of the newer plan, and ov, the value with its
// path in the older plan (nil when there is none), under what differs.
func (d *Diff) add(om *compiler.Result, ov *compiler.Var, nm *compiler.Result, nv *compiler.Var) {
	c := newChange(om, ov, nm, nv)
	switch {
	case c.Old == nil:
		d.Added = append(d.Added, c)
	case c.Old.UnitKnown && c.New.UnitKnown && !c.Old.Unit.Same(c.New.Unit), c.Old.Of != c.New.Of:
		d.UnitChanged = append(d.UnitChanged, c)
	case (c.Old.Rat == nil) != (c.New.Rat == nil):
		d.Unsolved = append(d.Unsolved, c)
	case c.Delta == nil || c.Delta.Sign() == 0:
		d.Unchanged++
	default:
		d.Moved = append(d.Moved, c)
	}
}

// newChange pairs a value's two sides; either Var may be nil.
func newChange(om *compiler.Result, ov *compiler.Var, nm *compiler.Result, nv *compiler.Var) Change {
	var c Change
	for _, side := range []struct {
		m *compiler.Result
		v *compiler.Var
		p **Value
	}{{om, ov, &c.Old}, {nm, nv, &c.New}} {
		if side.v == nil {
			continue
		}
		*side.p = valueOf(side.m, side.v)
		c.Path, c.Title, c.Headline = side.v.Path.String(), side.v.Object.Title(), side.v.Headline()
	}
	if c.Old == nil || c.New == nil || c.Old.Rat == nil || c.New.Rat == nil {
		return c
	}
	if c.Old.UnitKnown && c.New.UnitKnown && !c.Old.Unit.Same(c.New.Unit) {
		return c
	}
	if c.Old.Of != c.New.Of { // a share of another stage: no delta means anything
		c.Old.Display += " of " + c.Old.Of
		c.New.Display += " of " + c.New.Of
		return c
	}
	c.Delta = new(big.Rat).Sub(c.New.Rat, c.Old.Rat)
	if c.Old.Rat.Sign() != 0 {
		c.Relative = new(big.Rat).Quo(c.Delta, new(big.Rat).Abs(c.Old.Rat))
	}
	return c
}

func valueOf(m *compiler.Result, v *compiler.Var) *Value {
	out := &Value{Unit: v.Unit, UnitKnown: v.UnitKnown, Display: display.Value(m, v), Origin: string(m.Origin(v))}
	if v.Kind == compiler.KindShare && v.Object.Kind == "channel" {
		out.Of = display.ShareOf(v.Object)
	}
	if val, ok := m.Value(v); ok {
		out.Rat = val.Nom
	}
	return out
}

func describe(s Side) Plan {
	p := Plan{Name: s.Name}
	r := s.Result
	p.Currency, p.Values = r.Info.Currency, len(r.Info.Vars)
	if meta := r.Plan.Meta; meta != nil {
		p.Title, p.Period = meta.Title.Value, meta.Period.Value
	}
	p.Errors, p.Warnings = display.Count(r.Diags)
	seen := map[string]bool{}
	for _, d := range r.Diags {
		code := string(lang.CodeOf(d))
		if d.Severity == hcl.DiagError && !seen[code] {
			seen[code] = true
			p.ErrorCodes = append(p.ErrorCodes, code)
		}
	}
	sort.Strings(p.ErrorCodes)
	return p
}
