package lang

import (
	"fmt"
	"reflect"

	"github.com/hashicorp/hcl/v2"
)

// The schema of the plan language, as data: every block kind, its label,
// the blocks it nests, and its attributes with the role each plays. The
// decoder reads it (decode.go), and so do the compiler's resolver (which
// attributes name blocks), the language server (completion, the index of
// references) and the tests that check the language reference documents
// every attribute. Adding an attribute is a row here and a tagged field in
// the block's AST type (ast.go); schemaFields checks that the two agree.

// Role is what an attribute holds, which says how it is decoded and read.
type Role int

const (
	// RoleText is a literal string: title, description (Markdown), owner. A
	// template (${...} or %{...}) is a schema error: text is not computed.
	RoleText Role = iota
	// RoleTextList is a list of literal strings (a persona's goals).
	RoleTextList
	// RoleValue is a number, a quantity string or a formula over references:
	// the compiler lowers it.
	RoleValue
	// RoleCondition is a boolean formula (a check's condition).
	RoleCondition
	// RoleUnit is a quoted unit expression ("JPY/month").
	RoleUnit
	// RoleRef is a reference to one block (funnel = funnel.demand).
	RoleRef
	// RoleRefList is a list of references to blocks (channels = [...]).
	RoleRefList
	// RoleBool is true or false.
	RoleBool
	// RoleValueMap is an object of values by name (rates = { sql = "20%"
	// }): each is lowered as a RoleValue is.
	RoleValueMap
	// RoleValueRefs is a list of references to values (solve_for =
	// [kgi.revenue]).
	RoleValueRefs
)

// AttrSpec is one attribute of a block kind.
type AttrSpec struct {
	Name     string
	Role     Role
	Required bool
	// Kind is the block kind a Ref or RefList attribute names.
	Kind string
	// Keywords are the quoted words a Ref attribute may hold instead of
	// a reference (phasing = "even").
	Keywords []string
	// Doc says what the attribute is, in a few words, for editors.
	Doc string
}

// BlockSpec is one block kind.
type BlockSpec struct {
	Kind string
	// Label names the block's one label ("name"); "" for a block without
	// one (plan).
	Label string
	// In is the kind of the block it nests in ("funnel" for stage); ""
	// for a top-level block.
	In string
	// Segment is the name that comes between the path of the block it
	// nests in and its own label in references: "item" for a budget's
	// items (budget.B.item.I), so that an item's name can never be one of
	// the budget's values. "" when the label follows directly, as a
	// stage's does (funnel.F.S).
	Segment string
	// Namespace marks a kind whose blocks are referred to as KIND.NAME.
	Namespace bool
	// Example is a name such a block often has, for messages that show
	// how to refer to one ("webinar" in channel.webinar).
	Example string
	// Exclusive lists groups of attributes of which at most one may be set.
	Exclusive [][]string
	Attrs     []AttrSpec
	// Doc says what the block is, for editors.
	Doc string
	// Open marks a kind whose body holds more than its attributes (a
	// scenario's changes): its check decodes the rest.
	Open bool

	// new makes the block's AST node, add files it in the plan (or in the
	// node it nests in), and check checks what the table cannot say,
	// returning diags, the block's diagnostics so far, with its own.
	new   func() Node
	add   func(p *Plan, parent, n Node)
	check func(b *hcl.Block, content *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics
	// fields maps an attribute to the index of its field in the node;
	// schema is the body's HCL schema.
	fields map[string][]int
	schema *hcl.BodySchema
}

// common are the attributes every labelled block has, after its required
// ones and before the rest, in the order editors offer them.
var common = []AttrSpec{
	{Name: "title", Role: RoleText, Doc: "the name people read"},
	{Name: "description", Role: RoleText, Doc: "what it is, in Markdown"},
	{Name: "owner", Role: RoleText, Doc: "who answers for it"},
}

// with puts the common attributes after the required ones.
func with(attrs ...AttrSpec) []AttrSpec {
	var out []AttrSpec
	for _, a := range attrs {
		if a.Required {
			out = append(out, a)
		}
	}
	out = append(out, common...)
	for _, a := range attrs {
		if !a.Required {
			out = append(out, a)
		}
	}
	return out
}

func metricAttrs(value bool) []AttrSpec {
	out := []AttrSpec{{Name: "unit", Role: RoleUnit, Doc: "the unit, such as \"JPY\", \"deals\" or \"%\""}}
	if value {
		out = append(out, AttrSpec{Name: "value", Role: RoleValue, Doc: "an assumption"})
	}
	return append(out,
		AttrSpec{Name: "target", Role: RoleValue, Doc: "a goal the plan is solved from"},
		AttrSpec{Name: "formula", Role: RoleValue, Doc: "how it is computed from other values"},
		AttrSpec{Name: "benchmark", Role: RoleText, Doc: "the benchmark range it is compared with"},
		AttrSpec{Name: "phasing", Role: RoleRef, Kind: "profile", Keywords: []string{"even", "days"},
			Doc: "how it spreads over the period's months: a profile, \"even\" (the default) or \"days\""})
}

// Blocks is the schema: every block kind, top-level kinds in the order
// editors offer them.
var Blocks = []*BlockSpec{
	{Kind: "plan", Doc: "the plan: its title, currency and period",
		Attrs: []AttrSpec{
			{Name: "title", Role: RoleText, Required: true, Doc: "the plan's name"},
			{Name: "description", Role: RoleText, Doc: "what the plan is, in Markdown"},
			{Name: "owner", Role: RoleText, Doc: "who answers for the plan"},
			{Name: "currency", Role: RoleText, Doc: "an ISO 4217 code, JPY by default"},
			{Name: "period", Role: RoleText, Doc: "the months the plan covers, such as \"2027-04 .. 2028-03\""},
			{Name: "language", Role: RoleText, Doc: "the language of the site, \"ja\" or \"en\"; Japanese by default when the title is"},
			{Name: "number_style", Role: RoleText, Doc: "\"plain\" keeps money in full digits on a Japanese site (\"300,000,000円\", not \"3億円\")"},
			{Name: "confidence", Role: RoleText, Doc: "the probability of reaching the target that planc solve reports the volumes for, such as \"80%\" (uncertainty)"},
		},
		new: func() Node { return &Meta{} }, add: func(p *Plan, _, n Node) { p.metas = append(p.metas, n.(*Meta)) },
		check: checkMeta},
	{Kind: "kgi", Label: "name", Namespace: true, Example: "revenue", Doc: "a goal: revenue for the period",
		Attrs: with(metricAttrs(false)...),
		new:   func() Node { return &Metric{} }, add: func(p *Plan, _, n Node) { p.KGIs = append(p.KGIs, n.(*Metric)) }},
	{Kind: "kpi", Label: "name", Namespace: true, Example: "cvr", Doc: "an indicator: an assumption, a target or a formula",
		Attrs: with(metricAttrs(true)...), Exclusive: [][]string{{"value", "target"}},
		new: func() Node { return &Metric{} }, add: func(p *Plan, _, n Node) { p.KPIs = append(p.KPIs, n.(*Metric)) }},
	{Kind: "funnel", Label: "name", Namespace: true, Example: "demand", Doc: "a demand waterfall: stages in order and a deal size",
		Attrs: with(AttrSpec{Name: "deal_size", Role: RoleValue, Required: true, Doc: "average revenue per won deal"},
			AttrSpec{Name: "opening", Role: RoleValueMap, Doc: "the pipeline open in its stages on the period's first day, by stage name"}),
		new: func() Node { return &Funnel{} }, add: func(p *Plan, _, n Node) { p.Funnels = append(p.Funnels, n.(*Funnel)) },
		check: checkFunnel},
	{Kind: "stage", Label: "name", In: "funnel", Doc: "a stage of the funnel",
		Attrs: with(
			AttrSpec{Name: "definition", Role: RoleText, Doc: "the criteria the teams agreed on, in Markdown"},
			AttrSpec{Name: "rate", Role: RoleValue, Doc: "the conversion from the previous stage"},
			AttrSpec{Name: "unit", Role: RoleText, Doc: "what the stage counts, such as \"deals\""},
			AttrSpec{Name: "benchmark", Role: RoleText, Doc: "the benchmark range its rate is compared with"},
			AttrSpec{Name: "team", Role: RoleRef, Kind: "team", Doc: "the team that works the stage"},
			AttrSpec{Name: "lag", Role: RoleValue, Doc: "the time from entering the previous stage to entering this one, such as \"1 month\" or \"45 days\""}),
		new: func() Node { return &Stage{} }, add: addStage, check: checkStage},
	{Kind: "channel", Label: "name", Namespace: true, Example: "webinar", Doc: "a tactic that brings leads into a funnel",
		Attrs: with(
			AttrSpec{Name: "funnel", Role: RoleRef, Kind: "funnel", Required: true, Doc: "the funnel it feeds"},
			AttrSpec{Name: "cpa", Role: RoleValue, Required: true, Doc: "cost per lead"},
			AttrSpec{Name: "stage", Role: RoleText, Doc: "the stage its leads enter, the first by default"},
			AttrSpec{Name: "share", Role: RoleValue, Doc: "its share of the leads into its stage"},
			AttrSpec{Name: "leads", Role: RoleValue, Doc: "the leads it brings"},
			AttrSpec{Name: "budget", Role: RoleValue, Doc: "what it may spend"},
			AttrSpec{Name: "source", Role: RoleText, Doc: "where its leads come from: marketing, sales, partner, ..."},
			AttrSpec{Name: "rates", Role: RoleValueMap, Doc: "its own rates at stages below its entry stage, by stage name"},
			AttrSpec{Name: "deal_size", Role: RoleValue, Doc: "the revenue of one of its won deals, when not the funnel's"}),
		Exclusive: [][]string{{"share", "leads", "budget"}},
		new:       func() Node { return &Channel{} }, add: func(p *Plan, _, n Node) { p.Channels = append(p.Channels, n.(*Channel)) },
		check: checkChannel},
	{Kind: "budget", Label: "name", Namespace: true, Example: "marketing", Doc: "money for channels and fixed costs, with a cap, in a hierarchy of budgets",
		Attrs: with(
			AttrSpec{Name: "cap", Role: RoleValue, Doc: "the most it may spend"},
			AttrSpec{Name: "channels", Role: RoleRefList, Kind: "channel", Doc: "the channels it pays for; every channel by default when the plan has one budget"},
			AttrSpec{Name: "parent", Role: RoleRef, Kind: "budget", Doc: "the budget it is part of, whose spend includes its own"},
			AttrSpec{Name: "caps", Role: RoleValueMap, Doc: "caps for quarters, halves or months of the plan by month, by period: { Q4 = \"2000万円\" }"}),
		new: func() Node { return &Budget{} }, add: func(p *Plan, _, n Node) { p.Budgets = append(p.Budgets, n.(*Budget)) }},
	{Kind: "item", Label: "name", In: "budget", Segment: "item", Doc: "a fixed cost of the budget: a tool, production, a fee",
		Attrs: with(AttrSpec{Name: "amount", Role: RoleValue, Required: true, Doc: "what it costs over the plan's period"}),
		new:   func() Node { return &Item{} }, add: addItem},
	{Kind: "team", Label: "name", Namespace: true, Example: "inside_sales", Doc: "people who work stages",
		Attrs: with(
			AttrSpec{Name: "headcount", Role: RoleValue, Required: true, Doc: "the number of people"},
			AttrSpec{Name: "capacity", Role: RoleValue, Required: true, Doc: "what one person handles in a month"}),
		new: func() Node { return &Team{} }, add: func(p *Plan, _, n Node) { p.Teams = append(p.Teams, n.(*Team)) }},
	{Kind: "profile", Label: "name", Namespace: true, Example: "seasonal", Doc: "how a yearly amount spreads over the period's months",
		Attrs: with(AttrSpec{Name: "weights", Role: RoleValue, Required: true, Doc: "one relative weight per month of the period, such as [1, 1, 2]"}),
		new:   func() Node { return &Profile{} }, add: func(p *Plan, _, n Node) { p.Profiles = append(p.Profiles, n.(*Profile)) }},
	{Kind: "actuals", Label: "name", Doc: "actual numbers from a CRM, by month, to track the plan against",
		Attrs: with(
			AttrSpec{Name: "file", Role: RoleText, Required: true, Doc: "a CSV of month,path,value rows, relative to this file"},
			AttrSpec{Name: "as_of", Role: RoleText, Required: true, Doc: "the day the data is complete up to, such as \"2027-09-15\""},
			AttrSpec{Name: "funnel", Role: RoleRef, Kind: "funnel", Doc: "for a CRM export of one row per record: the funnel its records move through"},
			AttrSpec{Name: "stage_dates", Role: RoleValueMap, Doc: "for a CRM export: the date column of each stage, { mql = \"Became a Marketing Qualified Lead Date\" }"},
			AttrSpec{Name: "channel_column", Role: RoleText, Doc: "for a CRM export: the column that says a record's channel"},
			AttrSpec{Name: "channels", Role: RoleValueMap, Doc: "for a CRM export: which value of the channel column is which channel, { \"Organic Search\" = channel.seo }"},
			AttrSpec{Name: "amount_column", Role: RoleText, Doc: "for a CRM export: the column of a won record's revenue"}),
		new: func() Node { return &Actuals{} }, add: func(p *Plan, _, n Node) { p.Actuals = append(p.Actuals, n.(*Actuals)) }},
	{Kind: "scenario", Label: "name", Open: true, Doc: "changes to the plan's values, compiled as a plan of its own: a what-if",
		Attrs: with(
			AttrSpec{Name: "probability", Role: RoleValue, Doc: "its chance, such as \"25%\"; the base plan takes what the scenarios leave"},
			AttrSpec{Name: "solve_for", Role: RoleValueRefs, Doc: "values the plan gives that the scenario solves instead (goal seek): [kgi.revenue]"}),
		new: func() Node { return &Scenario{} }, add: func(p *Plan, _, n Node) { p.Scenarios = append(p.Scenarios, n.(*Scenario)) }},
	{Kind: "sensitivity", Label: "name", Doc: "a tornado: outputs watched while inputs vary one at a time",
		Attrs: with(AttrSpec{Name: "outputs", Role: RoleValueRefs, Doc: "the values to watch; each budget's spend and each funnel's first stage by default"}),
		new:   func() Node { return &Sensitivity{} }, add: func(p *Plan, _, n Node) { p.Sensitivities = append(p.Sensitivities, n.(*Sensitivity)) }},
	{Kind: "vary", In: "sensitivity", Doc: "an input of the sensitivity and its range",
		Attrs: []AttrSpec{
			{Name: "input", Role: RoleValueRefs, Required: true, Doc: "the value to vary, a reference: funnel.demand.won.rate"},
			{Name: "range", Role: RoleText, Required: true, Doc: "its low and high end, \"20% .. 30%\""},
		},
		new: func() Node { return &Vary{} }, add: addVary},
	{Kind: "check", Label: "name", Doc: "a condition the plan must satisfy",
		Attrs: with(
			AttrSpec{Name: "condition", Role: RoleCondition, Required: true, Doc: "a comparison of values"},
			AttrSpec{Name: "message", Role: RoleText, Required: true, Doc: "what to say when it fails"},
			AttrSpec{Name: "severity", Role: RoleText, Doc: "\"error\" (the default) or \"warning\""}),
		new: func() Node { return &Check{} }, add: func(p *Plan, _, n Node) { p.Checks = append(p.Checks, n.(*Check)) },
		check: checkCheck},
	{Kind: "rule", Label: "code", Doc: "how one standard check runs",
		Attrs: []AttrSpec{
			{Name: "enabled", Role: RoleBool, Doc: "false turns the check off"},
			{Name: "severity", Role: RoleText, Doc: "\"error\" or \"warning\""},
			{Name: "max", Role: RoleValue, Doc: "the check's upper threshold"},
			{Name: "min", Role: RoleValue, Doc: "the check's lower threshold"},
		},
		new: func() Node { return &Rule{} }, add: func(p *Plan, _, n Node) { p.Rules = append(p.Rules, n.(*Rule)) },
		check: checkRule},
	{Kind: "persona", Label: "name", Namespace: true, Example: "it_manager", Doc: "a buyer the plan is written for",
		Attrs: with(
			AttrSpec{Name: "role", Role: RoleText, Doc: "the person's job"},
			AttrSpec{Name: "company", Role: RoleText, Doc: "the profile of their company"},
			AttrSpec{Name: "goals", Role: RoleTextList, Doc: "what they want, in Markdown"},
			AttrSpec{Name: "pains", Role: RoleTextList, Doc: "what hurts them, in Markdown"}),
		new: func() Node { return &Persona{} }, add: func(p *Plan, _, n Node) { p.Personas = append(p.Personas, n.(*Persona)) }},
	{Kind: "journey", Label: "name", Doc: "the phases a buyer moves through",
		Attrs: with(),
		new:   func() Node { return &Journey{} }, add: func(p *Plan, _, n Node) { p.Journeys = append(p.Journeys, n.(*Journey)) },
		check: checkJourney},
	{Kind: "phase", Label: "name", In: "journey", Doc: "a phase of the journey",
		Attrs: with(
			AttrSpec{Name: "personas", Role: RoleRefList, Kind: "persona", Doc: "the personas in this phase"},
			AttrSpec{Name: "channels", Role: RoleRefList, Kind: "channel", Doc: "the channels that reach them"},
			AttrSpec{Name: "touchpoints", Role: RoleTextList, Doc: "where they meet the company"}),
		new: func() Node { return &Phase{} }, add: addPhase},
	{Kind: "analysis", Label: "name", Doc: "a marketing framework filled in (3C, SWOT, ...)",
		Attrs: with(append([]AttrSpec{{Name: "framework", Role: RoleText, Doc: "3c, stp, swot, 4p, 4c, save, pest or five_forces"}}, sectionSpecs()...)...),
		new:   func() Node { return &Analysis{} }, add: func(p *Plan, _, n Node) { p.Analyses = append(p.Analyses, n.(*Analysis)) },
		check: checkAnalysis},
}

func addStage(_ *Plan, parent, n Node) {
	f, s := parent.(*Funnel), n.(*Stage)
	s.Funnel = f
	f.Stages = append(f.Stages, s)
}

func addItem(_ *Plan, parent, n Node) {
	b, it := parent.(*Budget), n.(*Item)
	it.Budget = b
	b.Items = append(b.Items, it)
}

func addPhase(_ *Plan, parent, n Node) {
	j, ph := parent.(*Journey), n.(*Phase)
	ph.Journey = j
	j.Phases = append(j.Phases, ph)
}

// sectionSpecs are the analysis block's section attributes: those of every
// framework, since an HCL block's schema is fixed (checkAnalysis keeps the
// framework's own).
func sectionSpecs() []AttrSpec {
	var out []AttrSpec
	for _, f := range Frameworks {
		for _, s := range f.Sections {
			out = append(out, AttrSpec{Name: s.Name, Role: RoleTextList, Doc: fmt.Sprintf("%s: %s", s.Title, s.Hint)})
		}
	}
	return out
}

var specs = func() map[string]*BlockSpec {
	m := map[string]*BlockSpec{}
	for _, s := range Blocks {
		m[s.Kind] = s
	}
	return m
}()

// Spec returns the schema of a block kind, nil for an unknown kind.
func Spec(kind string) *BlockSpec { return specs[kind] }

// Attr returns the schema of one attribute of the kind, nil if it has none.
func (s *BlockSpec) Attr(name string) *AttrSpec {
	for i := range s.Attrs {
		if s.Attrs[i].Name == name {
			return &s.Attrs[i]
		}
	}
	return nil
}

// Nested lists the kinds of the blocks nested in this kind.
func (s *BlockSpec) Nested() []*BlockSpec {
	var out []*BlockSpec
	for _, b := range Blocks {
		if b.In == s.Kind {
			out = append(out, b)
		}
	}
	return out
}

// bodySchema is the HCL schema of the kind's body.
// bodySchema is the HCL schema of the block's body, made once by
// schemaFields: decoding asks for it for every block of a plan.
func (s *BlockSpec) bodySchema() *hcl.BodySchema { return s.schema }

func (s *BlockSpec) makeBodySchema() *hcl.BodySchema {
	out := &hcl.BodySchema{}
	for _, a := range s.Attrs {
		out.Attributes = append(out.Attributes, hcl.AttributeSchema{Name: a.Name, Required: a.Required})
	}
	for _, n := range s.Nested() {
		out.Blocks = append(out.Blocks, n.header())
	}
	return out
}

func (s *BlockSpec) header() hcl.BlockHeaderSchema {
	h := hcl.BlockHeaderSchema{Type: s.Kind}
	if s.Label != "" {
		h.LabelNames = []string{s.Label}
	}
	return h
}

// rootSchema is the HCL schema of a file: the top-level blocks.
var rootSchema = func() *hcl.BodySchema {
	out := &hcl.BodySchema{}
	for _, s := range Blocks {
		if s.In == "" {
			out.Blocks = append(out.Blocks, s.header())
		}
	}
	return out
}()

// BlockTypes lists the top-level block kinds, for editors and messages.
func BlockTypes() []string {
	var out []string
	for _, s := range Blocks {
		if s.In == "" {
			out = append(out, s.Kind)
		}
	}
	return out
}

// AttributeNames lists the attributes a block kind accepts.
func AttributeNames(kind string) []string {
	var out []string
	if s := Spec(kind); s != nil {
		for _, a := range s.Attrs {
			out = append(out, a.Name)
		}
	}
	return out
}

// Namespaces lists the kinds whose blocks are referred to as KIND.NAME,
// in the schema's order.
func Namespaces() []string {
	var out []string
	for _, s := range Blocks {
		if s.Namespace {
			out = append(out, s.Kind)
		}
	}
	return out
}

// reservedStageNames are stage fields of a funnel, so that
// funnel.F.deal_size can never name a stage.
var reservedStageNames = map[string]bool{"deal_size": true, "revenue": true, "source": true}

// ReservedStageName reports whether a stage may not have name, because
// its funnel has a value or namespace of that name (reported by Parse).
func ReservedStageName(name string) bool { return reservedStageNames[name] }

// The Go types of the fields each role decodes into.
var (
	textType     = reflect.TypeOf(Text{})
	textListType = reflect.TypeOf([]Text(nil))
	attrType     = reflect.TypeOf((*Attr)(nil))
)

func fieldType(r Role) reflect.Type {
	switch r {
	case RoleText:
		return textType
	case RoleTextList:
		return textListType
	}
	return attrType
}

// schemaFields links every attribute of the table to the field of its
// block's AST type that holds it: the field tagged `plan:"NAME"`, of the
// Go type the attribute's role decodes into. It fails when the table and
// the types disagree, which TestSchemaFields runs. A type may have more
// tagged fields than a kind's attributes: kgi and kpi share Metric, and a
// kgi has no value.
func schemaFields() error {
	for _, s := range Blocks {
		t := reflect.TypeOf(s.new()).Elem()
		tagged := map[string][]int{}
		for _, f := range reflect.VisibleFields(t) {
			if name, ok := f.Tag.Lookup("plan"); ok {
				tagged[name] = f.Index
			}
		}
		s.fields = map[string][]int{}
		for _, a := range s.Attrs {
			idx, ok := tagged[a.Name]
			if !ok {
				if s.Kind == "analysis" && frameworkOfSection(a.Name) != nil {
					continue // sections are kept by checkAnalysis
				}
				return fmt.Errorf("%s: attribute %s has no field tagged plan:%q in %s", s.Kind, a.Name, a.Name, t)
			}
			if ft := t.FieldByIndex(idx).Type; ft != fieldType(a.Role) {
				return fmt.Errorf("%s.%s: field of type %s, want %s", s.Kind, a.Name, ft, fieldType(a.Role))
			}
			s.fields[a.Name] = idx
		}
	}
	for _, s := range Blocks {
		s.schema = s.makeBodySchema()
	}
	return nil
}

func init() {
	Spec("scenario").check = checkScenario // it reads the table: set after it, not in it
	if err := schemaFields(); err != nil {
		panic("lang schema: " + err.Error()) // a programming error; TestSchemaFields says which
	}
}
