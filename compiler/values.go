package compiler

import (
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// The values each kind of object owns, in display order. The resolver
// declares them from this table; the lowering of the kind (funnel.go,
// channel.go, ...) gives them units and equations; every emitter shows
// them by asking the object. Adding a value to a kind is a row here and
// its equation where the kind is lowered.

// valueDef is one value of a kind of object.
type valueDef struct {
	// name is the value's name in the path ("volume"); "" for a metric,
	// whose path is its block's.
	name string
	kind VarKind
	// label says what the value is, after its block's label ("CPA",
	// "people required"); "" when the block's label says it.
	label string
	// attrs are the attributes that give or define the value, in the
	// order an editor shows them.
	attrs []string
	// headline marks what a reader looks at first; hint what an editor
	// shows beside the block's header.
	headline, hint bool
	// when says whether an object has the value; nil means every object
	// of the kind.
	when func(*resolver, *Object) bool
	// unit is the value's unit; nil for a metric, whose unit it declares
	// or its formula gives. whole marks counts that must be whole.
	unit  func(*Info, *Object) quantity.Unit
	whole bool
}

var valueDefs = map[string][]valueDef{
	"kgi": {{kind: KindMetric, attrs: metricAttrs, headline: true, hint: true}},
	"kpi": {{kind: KindMetric, attrs: metricAttrs, hint: true}},
	"funnel": {
		{name: "deal_size", kind: KindDealSize, label: "deal size", attrs: []string{"deal_size"}, unit: money},
		{name: "revenue", kind: KindRevenue, label: "revenue", headline: true, hint: true, unit: money},
		{name: "planned_revenue", kind: KindPlannedRevenue, label: "planned revenue", unit: money},
	},
	"stage": {
		{name: "volume", kind: KindVolume, headline: true, hint: true, unit: stageCount, whole: true},
		{name: "rate", kind: KindRate, label: "rate", attrs: []string{"rate"}, when: notFirstStage, unit: ratio},
		{name: "inflow", kind: KindInflow, label: "inflow", when: laterEntry, unit: leads, whole: true},
		{name: "blended_rate", kind: KindBlendedRate, label: "blended rate", when: blended, unit: ratio},
		{name: "lag", kind: KindLag, label: "lag", attrs: []string{"lag"}, when: hasLag, unit: months},
	},
	"channel": {
		{name: "leads", kind: KindLeads, label: "leads", attrs: []string{"leads"}, headline: true, hint: true, unit: leads, whole: true},
		{name: "share", kind: KindShare, label: "share", attrs: []string{"share"}, unit: ratio},
		{name: "cpa", kind: KindCPA, label: "CPA", attrs: []string{"cpa"}, unit: money},
		{name: "cost", kind: KindCost, label: "cost", attrs: []string{"budget"}, headline: true, hint: true, unit: money},
		{name: "deal_size", kind: KindDealSize, label: "deal size", attrs: []string{"deal_size"}, when: hasDealSize, unit: money},
		{name: "won", kind: KindChannelWon, label: "won deals", unit: channelWon},
		{name: "revenue", kind: KindChannelRevenue, label: "revenue", unit: money},
		{name: "cac", kind: KindCAC, label: "CAC", unit: money},
		{name: "roas", kind: KindROAS, label: "ROAS", unit: ratio},
	},
	// A channel's cohort at one stage (cohorts.go).
	"cohort": {
		{name: "volume", kind: KindCohort, unit: cohortCount, whole: false},
		{name: "rate", kind: KindRate, label: "rate", when: cohortRate, unit: ratio},
	},
	"budget": {
		{name: "spend", kind: KindSpend, label: "spend", headline: true, hint: true, unit: money},
		{name: "cap", kind: KindCap, label: "cap", attrs: []string{"cap"}, headline: true, unit: money},
		{name: "fixed", kind: KindFixed, label: "fixed costs", when: hasItems, unit: money},
	},
	"item": {
		{name: "amount", kind: KindAmount, label: "amount", attrs: []string{"amount"}, unit: money},
	},
	"team": {
		{name: "headcount", kind: KindHeadcount, label: "headcount", attrs: []string{"headcount"}, unit: people},
		{name: "capacity", kind: KindCapacity, label: "capacity", attrs: []string{"capacity"}, unit: teamRate},
		{name: "load", kind: KindLoad, label: "load", unit: teamRate},
		{name: "required", kind: KindRequired, label: "people required", unit: plain},
	},
	"source": {
		{name: "leads", kind: KindSourceLeads, label: "leads", headline: true, unit: leads},
		{name: "lead_share", kind: KindSourceLeadShare, label: "share of leads", unit: ratio},
		{name: "won", kind: KindSourceWon, label: "won deals", unit: wonCount},
		{name: "revenue", kind: KindSourceRevenue, label: "revenue", headline: true, unit: money},
		{name: "share", kind: KindSourceShare, label: "share of revenue", unit: ratio},
	},
}

var metricAttrs = []string{"unit", "value", "target", "formula"}

// notFirstStage: the first stage of a funnel converts from nothing, so it
// has no rate.
func notFirstStage(_ *resolver, o *Object) bool { return o.Parent.Kids[0] != o }

// hasItems: a budget's fixed costs are those of its items, so a budget
// without items has none to add up (and no value for them).
func hasItems(_ *resolver, o *Object) bool { return len(o.Kids) > 0 }

// hasLag: a stage without a lag is entered when its previous stage is
// (time phasing).
func hasLag(_ *resolver, o *Object) bool { return o.Node.(*lang.Stage).Lag != nil }

// laterEntry: a stage that channels enter below its funnel's top takes
// them in as an inflow (sources.go).
func laterEntry(r *resolver, o *Object) bool { return r.later[o] }

// The units of values.

func money(in *Info, _ *Object) quantity.Unit { return quantity.Money(in.Currency) }
func ratio(*Info, *Object) quantity.Unit      { return quantity.Ratio }
func leads(*Info, *Object) quantity.Unit      { return quantity.CountOf("leads") }
func people(*Info, *Object) quantity.Unit     { return quantity.CountOf("people") }
func plain(*Info, *Object) quantity.Unit      { return quantity.PlainNumber }
func months(*Info, *Object) quantity.Unit     { return quantity.Time }

// stageCount is what a stage counts: its unit attribute ("deals").
func stageCount(_ *Info, o *Object) quantity.Unit {
	return quantity.CountOf(o.Node.(*lang.Stage).Unit.Value)
}

// teamRate is what a team handles a month: what the first stage it works
// counts, per month, unless the capacity says (keepLabel, written.go).
func teamRate(_ *Info, t *Object) quantity.Unit {
	u := perMonth
	if ss := t.Refs("stages"); len(ss) > 0 {
		u.Label = stageLabel(ss[0].Node.(*lang.Stage))
	}
	return u
}

// wonCount is what a source's won deals count: what its funnel's last
// stage counts; plain counts for the plan's sources.
func wonCount(_ *Info, src *Object) quantity.Unit {
	if f := src.Parent; f != nil {
		fn := f.Node.(*lang.Funnel)
		return quantity.CountOf(fn.Stages[len(fn.Stages)-1].Unit.Value)
	}
	return quantity.Count
}
