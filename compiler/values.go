package compiler

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
}

var valueDefs = map[string][]valueDef{
	"kgi": {{kind: KindMetric, attrs: metricAttrs, headline: true, hint: true}},
	"kpi": {{kind: KindMetric, attrs: metricAttrs, hint: true}},
	"funnel": {
		{name: "deal_size", kind: KindDealSize, label: "deal size", attrs: []string{"deal_size"}},
		{name: "revenue", kind: KindRevenue, label: "revenue", headline: true, hint: true},
	},
	"stage": {
		{name: "volume", kind: KindVolume, headline: true, hint: true},
		{name: "rate", kind: KindRate, label: "rate", attrs: []string{"rate"}, when: notFirstStage},
		{name: "inflow", kind: KindInflow, label: "inflow", when: laterEntry},
	},
	"channel": {
		{name: "leads", kind: KindLeads, label: "leads", attrs: []string{"leads"}, headline: true, hint: true},
		{name: "share", kind: KindShare, label: "share", attrs: []string{"share"}},
		{name: "cpa", kind: KindCPA, label: "CPA", attrs: []string{"cpa"}},
		{name: "cost", kind: KindCost, label: "cost", attrs: []string{"budget"}, headline: true, hint: true},
	},
	"budget": {
		{name: "spend", kind: KindSpend, label: "spend", headline: true, hint: true},
		{name: "cap", kind: KindCap, label: "cap", attrs: []string{"cap"}, headline: true},
	},
	"team": {
		{name: "headcount", kind: KindHeadcount, label: "headcount", attrs: []string{"headcount"}},
		{name: "capacity", kind: KindCapacity, label: "capacity", attrs: []string{"capacity"}},
		{name: "load", kind: KindLoad, label: "load"},
		{name: "required", kind: KindRequired, label: "people required"},
	},
	"source": {
		{name: "leads", kind: KindSourceLeads, label: "leads", headline: true},
		{name: "lead_share", kind: KindSourceLeadShare, label: "share of leads"},
		{name: "won", kind: KindSourceWon, label: "won deals"},
		{name: "revenue", kind: KindSourceRevenue, label: "revenue", headline: true},
		{name: "share", kind: KindSourceShare, label: "share of revenue"},
	},
}

var metricAttrs = []string{"unit", "value", "target", "formula"}

// notFirstStage: the first stage of a funnel converts from nothing, so it
// has no rate.
func notFirstStage(_ *resolver, o *Object) bool { return o.Parent.Kids[0] != o }

// laterEntry: a stage that channels enter below its funnel's top takes
// them in as an inflow (sources.go).
func laterEntry(r *resolver, o *Object) bool { return r.later[o] }
