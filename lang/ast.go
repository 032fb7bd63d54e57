package lang

import (
	"github.com/hashicorp/hcl/v2"
)

// Plan is a decoded plan: every block of every file, in file-name order and
// then source order. The AST is pure data; the compiler keeps what it
// derives in its own tables.
type Plan struct {
	// Files holds every parsed file by name, for source snippets.
	Files map[string]*hcl.File
	// Meta is the plan block; nil when the plan has none (a schema error).
	Meta     *Meta
	KGIs     []*Metric
	KPIs     []*Metric
	Funnels  []*Funnel
	Channels []*Channel
	Budgets  []*Budget
	Teams    []*Team
	Checks   []*Check
	Rules    []*Rule
	// Plan content (content.go): what explains the plan; no values.
	Personas []*Persona
	Journeys []*Journey
	Analyses []*Analysis
}

// Metrics returns the plan's KGIs and then its KPIs, in source order.
func (p *Plan) Metrics() []*Metric {
	return append(append([]*Metric{}, p.KGIs...), p.KPIs...)
}

// Attr is an attribute as written. A nil *Attr means it is absent.
type Attr struct {
	Name string
	Expr hcl.Expression
	// Range covers `name = expr`; NameRange just the name.
	Range, NameRange hcl.Range
}

// Text is a static string attribute. The zero Text means it is absent.
type Text struct {
	Value string
	Range hcl.Range
}

// Block holds what every labelled block has.
type Block struct {
	// Kind is the block type ("kpi"); Name its label.
	Kind, Name string
	// DefRange covers the header (`kpi "cvr"`), NameRange the label, and
	// Range the whole block with its body.
	DefRange, NameRange, Range hcl.Range
	Title, Description, Owner  Text
}

// Meta is the plan block.
type Meta struct {
	Block
	Currency Text
	Period   Text
}

// Metric is a kgi or kpi block.
type Metric struct {
	Block
	Unit *Attr
	// Value (an assumption) and Target (a goal) are exclusive; either may
	// be combined with Formula, which then must agree with it.
	Value, Target, Formula *Attr
	// Benchmark names the benchmark range the value is compared with
	// ("sales-cycle-smb"); zero means no comparison.
	Benchmark Text
}

// Funnel is a funnel block with its ordered stages.
type Funnel struct {
	Block
	DealSize *Attr
	Stages   []*Stage
}

// Stage is a stage block inside a funnel.
type Stage struct {
	Block
	Funnel     *Funnel
	Definition Text
	// Rate is the conversion from the previous stage; nil on the first.
	Rate *Attr
	// Unit is the count label, such as "deals".
	Unit Text
	// Benchmark names the benchmark range its rate is compared with
	// ("mql-sal"); zero means no comparison.
	Benchmark Text
	// Team is the reference to the team that works the stage
	// (`team.inside_sales`), nil when none.
	Team *Attr
}

// Channel is a channel block: a tactic that brings leads into a stage.
type Channel struct {
	Block
	// Funnel is the reference as written (`funnel.demand`).
	Funnel *Attr
	// Stage names the entry stage; zero means the first.
	Stage Text
	// At most one of Share, Leads and Budget is set.
	Share, Leads, Budget *Attr
	CPA                  *Attr
	// Source is where the channel's leads come from: "marketing" (the
	// default, when zero), "sales", "partner", or a name of the plan's.
	Source Text
}

// DefaultSource is the source of a channel that names none.
const DefaultSource = "marketing"

// SourceName is the channel's source, DefaultSource when it names none.
func (c *Channel) SourceName() string {
	if c.Source.Value == "" {
		return DefaultSource
	}
	return c.Source.Value
}

// Team is a team block: people who work stages, each handling so much of
// a stage's volume a month.
type Team struct {
	Block
	// Headcount is the number of people; Capacity what one person handles
	// in a month (120 leads, 8 deals).
	Headcount, Capacity *Attr
}

// Budget is a budget block.
type Budget struct {
	Block
	Cap *Attr
	// Channels is the list as written; nil means every channel.
	Channels *Attr
}

// Check is a check block: a condition the plan must satisfy.
type Check struct {
	Block
	Condition *Attr
	Message   Text
	// Severity is "error" (the default) or "warning".
	Severity Text
}
