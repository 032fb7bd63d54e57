package lang

import (
	"unicode"

	"github.com/hashicorp/hcl/v2"
)

// Plan is a decoded plan: every block of every file, in file-name order and
// then source order. The AST is pure data; the compiler keeps what it
// derives in its own tables.
type Plan struct {
	// Files holds every parsed file by name, for source snippets: its
	// Bytes only (the syntax tree is dropped once decoded).
	Files map[string]*hcl.File
	// Blocks holds every top-level block, in file-name and source order.
	Blocks []Node
	// Meta is the plan block; nil when the plan has none (a schema error).
	Meta     *Meta
	KGIs     []*Metric
	KPIs     []*Metric
	Funnels  []*Funnel
	Channels []*Channel
	Budgets  []*Budget
	Teams    []*Team
	Profiles []*Profile
	Checks   []*Check
	Actuals  []*Actuals
	Rules    []*Rule
	// Scenarios are the plan's what-ifs, Sensitivities its tornadoes
	// (scenario.go).
	Scenarios     []*Scenario
	Sensitivities []*Sensitivity
	// Scenario is the scenario this plan is, as Overlay made it; nil for
	// the plan as written.
	Scenario *Scenario
	// Fixes are the values the scenario gives that the plan solves.
	Fixes []Fix
	// Plan content (content.go): what explains the plan; no values.
	Personas []*Persona
	Journeys []*Journey
	Analyses []*Analysis

	// metas are the plan blocks; finish makes the first one Meta.
	metas []*Meta
}

// Metrics returns the plan's KGIs and then its KPIs, in source order.
func (p *Plan) Metrics() []*Metric {
	return append(append([]*Metric{}, p.KGIs...), p.KPIs...)
}

// Node is a block of the AST, whatever its kind.
type Node interface {
	// Header returns what every block has: kind, name, ranges and the
	// common attributes.
	Header() *Block
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

// Block holds what every block has. The fields tagged `plan:"NAME"` here
// and in the block types are filled by the decoder from the attribute of
// that name in the schema (schema.go).
type Block struct {
	// Kind is the block type ("kpi"); Name its label.
	Kind, Name string
	// DefRange covers the header (`kpi "cvr"`), NameRange the label, and
	// Range the whole block with its body.
	DefRange, NameRange, Range hcl.Range
	Title                      Text `plan:"title"`
	Description                Text `plan:"description"`
	Owner                      Text `plan:"owner"`
	// Nested holds the blocks nested in this one, in source order (a
	// funnel's stages, a journey's phases).
	Nested []Node
}

// Header returns the block itself: every block type embeds Block.
func (b *Block) Header() *Block { return b }

// Meta is the plan block.
type Meta struct {
	Block
	Currency Text `plan:"currency"`
	Period   Text `plan:"period"`
	// Confidence is the probability the plan's volumes must reach the
	// target with ("80%"), for the Monte Carlo of its ranges; zero for
	// none.
	Confidence Text `plan:"confidence"`
	// Language is the language of the site's labels, "ja" or "en";
	// zero for the default: Japanese when the title is (Language()).
	Language Text `plan:"language"`
	// NumberStyle is "plain" to keep money in full digits in Japanese
	// ("300,000,000円" rather than "3億円"); zero for 万/億.
	NumberStyle Text `plan:"number_style"`
}

// Japanese reports whether the plan's pages are in Japanese: its
// language is "ja", or it names none and its title is written in
// Japanese (kana or kanji).
func (m *Meta) Japanese() bool {
	switch {
	case m == nil:
		return false
	case m.Language.Value != "":
		return m.Language.Value == "ja"
	}
	for _, r := range m.Title.Value {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// Metric is a kgi or kpi block.
type Metric struct {
	Block
	Unit *Attr `plan:"unit"`
	// Value (an assumption) and Target (a goal) are exclusive; either may
	// be combined with Formula, which then must agree with it.
	Value   *Attr `plan:"value"`
	Target  *Attr `plan:"target"`
	Formula *Attr `plan:"formula"`
	// Benchmark names the benchmark range the value is compared with
	// ("sales-cycle-smb"); zero means no comparison.
	Benchmark Text `plan:"benchmark"`
	// Phasing spreads the value over the period's months: a reference
	// to a profile, or "even" or "days"; nil for the default (time
	// phasing, compiler/timeline.go).
	Phasing *Attr `plan:"phasing"`
}

// Profile is a profile block: how a yearly amount spreads over the
// period's months.
type Profile struct {
	Block
	// Weights is the list of relative weights, one per month.
	Weights *Attr `plan:"weights"`
}

// Funnel is a funnel block with its ordered stages.
type Funnel struct {
	Block
	DealSize *Attr `plan:"deal_size"`
	// Opening is the pipeline open in its stages on the period's first
	// day, by stage name (opening = { sql = 60 }).
	Opening *Attr `plan:"opening"`
	Stages  []*Stage
}

// Stage is a stage block inside a funnel.
type Stage struct {
	Block
	Funnel     *Funnel
	Definition Text `plan:"definition"`
	// Rate is the conversion from the previous stage; nil on the first.
	Rate *Attr `plan:"rate"`
	// Unit is the count label, such as "deals".
	Unit Text `plan:"unit"`
	// Benchmark names the benchmark range its rate is compared with
	// ("mql-sal"); zero means no comparison.
	Benchmark Text `plan:"benchmark"`
	// Team is the reference to the team that works the stage
	// (`team.inside_sales`), nil when none.
	Team *Attr `plan:"team"`
	// Lag is the time from entering the previous stage to entering this
	// one (a duration); nil for none.
	Lag *Attr `plan:"lag"`
}

// Channel is a channel block: a tactic that brings leads into a stage.
type Channel struct {
	Block
	// Funnel is the reference as written (`funnel.demand`).
	Funnel *Attr `plan:"funnel"`
	// Stage names the entry stage; zero means the first.
	Stage Text `plan:"stage"`
	// At most one of Share, Leads and Budget is set.
	Share  *Attr `plan:"share"`
	Leads  *Attr `plan:"leads"`
	Budget *Attr `plan:"budget"`
	CPA    *Attr `plan:"cpa"`
	// Source is where the channel's leads come from: "marketing" (the
	// default, when zero), "sales", "partner", or a name of the plan's.
	Source Text `plan:"source"`
	// Rates overrides the funnel's rates for this channel's leads, an
	// object of rates by stage name; DealSize its deals' revenue. Either
	// makes the funnel's leads cohorts that convert differently.
	Rates    *Attr `plan:"rates"`
	DealSize *Attr `plan:"deal_size"`
}

// Overrides reports whether the channel converts otherwise than its funnel.
func (c *Channel) Overrides() bool { return c.Rates != nil || c.DealSize != nil }

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
	Headcount *Attr `plan:"headcount"`
	Capacity  *Attr `plan:"capacity"`
}

// Budget is a budget block: money for channels and fixed costs, with a
// cap, and maybe part of a larger budget.
type Budget struct {
	Block
	Cap *Attr `plan:"cap"`
	// Channels is the list as written; nil means the default: every
	// channel when the plan has one budget, none when it has several.
	Channels *Attr `plan:"channels"`
	// Parent is the reference to the budget this one is part of
	// (`budget.marketing`), nil for a budget at the top of its hierarchy.
	Parent *Attr `plan:"parent"`
	// Caps are caps for periods of the plan by month, by period name
	// (caps = { Q4 = "2000万円", "2027-04" = "500万円" }).
	Caps *Attr `plan:"caps"`
	// Items are its fixed costs, in source order.
	Items []*Item
}

// Item is an item block inside a budget: a fixed cost, such as a tool,
// content production or an agency's fee.
type Item struct {
	Block
	Budget *Budget
	// Amount is what it costs over the plan's period.
	Amount *Attr `plan:"amount"`
}

// Actuals is an actuals block: the numbers a CRM recorded, in a CSV file,
// to track the plan by month against (compiler/actuals.go).
type Actuals struct {
	Block
	// File is the CSV, relative to the directory of the file the block is
	// written in.
	File Text `plan:"file"`
	// AsOf is the day the data is complete up to ("2027-09-15").
	AsOf Text `plan:"as_of"`
	// The record form, for exports straight from a CRM (one row per lead
	// or deal): Funnel is the funnel the records move through, StageDates
	// the date column of each stage ({ mql = "Became an MQL Date" }),
	// ChannelColumn and Channels the column that says a record's channel
	// and which value is which channel, AmountColumn the revenue of a won
	// record. Nil or zero for the tidy form.
	Funnel        *Attr `plan:"funnel"`
	StageDates    *Attr `plan:"stage_dates"`
	ChannelColumn Text  `plan:"channel_column"`
	Channels      *Attr `plan:"channels"`
	AmountColumn  Text  `plan:"amount_column"`
}

// Check is a check block: a condition the plan must satisfy.
type Check struct {
	Block
	Condition *Attr `plan:"condition"`
	Message   Text  `plan:"message"`
	// Severity is "error" (the default) or "warning".
	Severity Text `plan:"severity"`
}
