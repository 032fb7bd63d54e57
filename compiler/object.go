package compiler

import (
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Object is a block of the plan as the compiler knows it, whatever its
// kind: a metric, funnel, stage, channel, budget, team, check, rule,
// persona, journey, phase or analysis, and the lead sources planc derives
// from channels. Consumers (the site, the language server, diffs, JSON)
// ask an object for its path, label and values instead of switching on
// kinds; what is particular to a kind stays in its AST node and in the
// references the resolver links (Ref, Refs).
//
// One concrete type serves every kind, rather than an interface with a
// type per kind: no consumer then needs a type assertion to reach what
// every object has.
type Object struct {
	// Kind is the schema's block kind ("stage"), or "source".
	Kind string
	// Node is the block in the AST; nil for a source, which no block
	// declares.
	Node lang.Node
	// Path is the reference path: kpi.cvr, funnel.demand.mql,
	// funnel.demand.source.partner.
	Path lang.Path
	// Parent is the object this one belongs to: a stage's funnel, a
	// phase's journey, a funnel's source's funnel; nil otherwise.
	Parent *Object
	// Kids are the objects that belong to this one, in order: a funnel's
	// stages, a journey's phases.
	Kids []*Object

	vars []*Var
	// refs holds the blocks each reference attribute names, and the
	// links the resolver derives (a channel's entry stage as "stage").
	refs map[string][]*Object
	// name and suffix make the label: a source is "partner" with the
	// suffix " in Demand".
	name, suffix string
	// decl is where a source is declared: its first channel.
	decl hcl.Range
	// at is the stage a channel's cohort is at (cohorts.go).
	at *Object
}

// At returns the stage of a channel's cohort, nil for other objects.
func (o *Object) At() *Object { return o.at }

// Name is the block's label (a source's name).
func (o *Object) Name() string { return o.Path.Last() }

// Title is the block's title attribute, "" when it has none.
func (o *Object) Title() string {
	if o.Node == nil {
		return ""
	}
	return o.Node.Header().Title.Value
}

// Label names the object for people: its title, or else its name.
func (o *Object) Label() string { return o.name + o.suffix }

// DefRange is where the object is declared: its block's header, or a
// source's first channel.
func (o *Object) DefRange() hcl.Range {
	if o.Node == nil {
		return o.decl
	}
	return o.Node.Header().DefRange
}

// Values returns the values the object owns, in display order.
func (o *Object) Values() []*Var { return o.vars }

// Value returns the object's value with a name ("volume"), nil when it
// has none. A metric's one value has the name "".
func (o *Object) Value(name string) *Var {
	for _, v := range o.vars { // a handful: a scan beats a map per object
		if v.Name == name {
			return v
		}
	}
	return nil
}

// Ref returns the block a reference attribute names ("funnel" of a
// channel, "team" of a stage, "stage" of a channel: its entry stage), nil
// when it names none or did not resolve.
func (o *Object) Ref(attr string) *Object {
	if rs := o.refs[attr]; len(rs) > 0 {
		return rs[0]
	}
	return nil
}

// Refs returns the blocks a reference list names, in the order written,
// without those that did not resolve ("channels" of a budget or a phase).
// On the blocks named, the reverse: the blocks that name them, under
// their kind in the plural, in the plan's order (a team's "stages", a
// channel's "budgets": those that pay for it, a stage's "channels": those
// that enter it, a budget's "budgets": those whose parent it is).
func (o *Object) Refs(attr string) []*Object { return o.refs[attr] }

// link records that o's attribute names the blocks to, and on each of
// them that o names it.
func (o *Object) link(attr string, to ...*Object) {
	if o.refs == nil {
		o.refs = map[string][]*Object{}
	}
	o.refs[attr] = append(o.refs[attr], to...)
	for _, t := range to {
		if t.refs == nil {
			t.refs = map[string][]*Object{}
		}
		t.refs[o.Kind+"s"] = append(t.refs[o.Kind+"s"], o)
	}
}

// unlink undoes one link of o's attribute to the block to, and its
// reverse: for a link the resolver finds it must not keep (a parent that
// closes a cycle of budgets).
func (o *Object) unlink(attr string, to *Object) {
	o.refs[attr] = removeOne(o.refs[attr], to)
	to.refs[o.Kind+"s"] = removeOne(to.refs[o.Kind+"s"], o)
}

// removeOne returns objs without the last occurrence of x: the link made
// last, as a later list item or block is.
func removeOne(objs []*Object, x *Object) []*Object {
	for i := len(objs) - 1; i >= 0; i-- {
		if objs[i] == x {
			return append(objs[:i:i], objs[i+1:]...)
		}
	}
	return objs
}

// Var is one value of the plan with a reference path, such as
// funnel.demand.mql.volume. Every number the site shows is a Var.
//
// The resolver declares it (Path, Name, Kind, Object); lowering gives it
// its written value (Given), declared unit and Decl; unit inference
// completes Unit. The solver never writes it: solved values are in the
// Solution.
type Var struct {
	Path lang.Path
	// Name is the value's name in its object ("volume"); "" for a
	// metric's value, whose path is the metric's.
	Name string
	Kind VarKind
	// Object is the block the value belongs to.
	Object *Object
	// Decl is where the value is declared: the attribute that gives it,
	// or the block that implies it (a stage for its volume).
	Decl hcl.Range
	// Unit is the value's unit; UnitKnown is false until inferred.
	Unit      quantity.Unit
	UnitKnown bool
	// Given is the value written in the plan, nil when it is to be solved.
	Given *Given
	// Whole marks counts that must be whole numbers: stage volumes and
	// channel leads, and metrics whose unit is a labelled count ("deals").
	Whole bool

	def *valueDef
	// id is the value's place in Info.Vars, or after them for a total.
	id int
	// total, for a value planc adds up for itself, is its sum. Such a
	// value is not one of Info.Vars and has no page: equations show its
	// sum in its place. It keeps solving linear: the leads of all of a
	// funnel's sources are added up once, not once per source that
	// divides by them.
	total Expr
}

// Label names the value for people: its block's label and what the value
// is ("Webinar CPA", "marketing revenue in Demand"); a metric's or a
// stage volume's is its block's label alone.
func (v *Var) Label() string {
	if v.def.label == "" {
		return v.Object.Label()
	}
	return v.Object.name + " " + v.def.label + v.Object.suffix
}

// Headline reports whether v is one a reader looks at first: a KGI,
// revenue, stage volumes, channel leads and cost, budget spend and cap,
// source leads and revenue.
func (v *Var) Headline() bool { return v.def.headline }

// Hint reports whether an editor shows v beside its block's header.
func (v *Var) Hint() bool { return v.def.hint }

// Attrs returns the attributes that give or define v, as written, in the
// order an editor shows them; absent ones are left out.
func (v *Var) Attrs() []*lang.Attr {
	if v.Object.Node == nil {
		return nil
	}
	var out []*lang.Attr
	for _, name := range v.def.attrs {
		if a := lang.AttrOf(v.Object.Node, name); a != nil {
			out = append(out, a)
		}
	}
	return out
}

// Attributed reports whether v is one that planc derives from the funnel
// and its channels (a source's values, a channel's cohort and economics):
// when they cannot be solved, the funnel's own values are what to report
// (or they are shares of nothing).
func (v *Var) Attributed() bool {
	switch v.Kind {
	case KindCohort, KindChannelWon, KindChannelRevenue, KindCAC, KindROAS, KindPlannedRevenue, KindBlendedRate:
		return true
	}
	return v.Object.Kind == "source"
}

func (v *Var) setUnit(u quantity.Unit) {
	v.Unit, v.UnitKnown = u, true
}

// VarKind says what a Var is.
type VarKind string

// The kinds of values.
const (
	KindMetric          VarKind = "metric"
	KindDealSize        VarKind = "deal_size"
	KindRevenue         VarKind = "revenue"
	KindVolume          VarKind = "volume"
	KindRate            VarKind = "rate"
	KindInflow          VarKind = "inflow"
	KindLag             VarKind = "lag"
	KindLeads           VarKind = "leads"
	KindShare           VarKind = "share"
	KindCPA             VarKind = "cpa"
	KindCost            VarKind = "cost"
	KindSpend           VarKind = "spend"
	KindCap             VarKind = "cap"
	KindFixed           VarKind = "fixed"
	KindAmount          VarKind = "amount"
	KindHeadcount       VarKind = "headcount"
	KindCapacity        VarKind = "capacity"
	KindLoad            VarKind = "load"
	KindRequired        VarKind = "required"
	KindSourceLeads     VarKind = "source_leads"
	KindSourceLeadShare VarKind = "source_lead_share"
	KindSourceWon       VarKind = "source_won"
	KindSourceRevenue   VarKind = "source_revenue"
	KindSourceShare     VarKind = "source_share"
	// KindTotal is a sum planc makes for itself (see Var.total).
	KindTotal VarKind = "total"
	// The values of channel cohorts (cohorts.go).
	KindPlannedRevenue VarKind = "planned_revenue"
	KindBlendedRate    VarKind = "blended_rate"
	KindChannelWon     VarKind = "channel_won"
	KindChannelRevenue VarKind = "channel_revenue"
	KindCAC            VarKind = "cac"
	KindROAS           VarKind = "roas"
	KindCohort         VarKind = "cohort"
)

// Given is a value written in the plan.
type Given struct {
	Value *big.Rat
	// Origin says how the plan gives it: a goal, an assumption or another
	// input.
	Origin Origin
	Range  hcl.Range
}

// Origin says where a value comes from.
type Origin string

// The origins of values.
const (
	// Target is a goal the plan is solved from (a metric's target).
	Target Origin = "target"
	// Assumption is a metric's value.
	Assumption Origin = "assumption"
	// Input is any other value written in the plan: a rate, a CPA, a cap.
	Input Origin = "input"
	// Solved is a value the solver computed.
	Solved Origin = "solved"
	// Unknown is a value that could not be solved.
	Unknown Origin = "unknown"
)
