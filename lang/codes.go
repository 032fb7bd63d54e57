package lang

import (
	"github.com/hashicorp/hcl/v2"
)

// Code is the stable identifier of a kind of diagnostic. Codes are part of
// planc's interface: tools match on them, so a code is never renamed or
// reused. Each constant's comment says when it occurs, with an example.
type Code string

const (
	// Syntax occurs when a file is not valid HCL.
	//
	//	kpi "cvr" { value = "30%"
	Syntax Code = "syntax"

	// Schema occurs for an unknown block or attribute, a missing required
	// attribute, a wrong number of labels, or a name that cannot be
	// referenced.
	//
	//	kpi "cvr" { valeu = "30%" }
	Schema Code = "schema"

	// DuplicateName occurs when two blocks of one kind share a name.
	//
	//	kpi "cvr" { value = "30%" }
	//	kpi "cvr" { value = "20%" }
	DuplicateName Code = "duplicate-name"

	// UnknownReference occurs when a reference names nothing: in a formula,
	// a channel's funnel, a stage's team, a benchmark key, or a journey's
	// personas and channels.
	//
	//	formula = kpi.mqls * 2 # there is only kpi.mql
	UnknownReference Code = "unknown-reference"

	// BadQuantity occurs when a quantity or unit string does not parse.
	//
	//	deal_size = "2.4 M JPY" # the scale goes right after the number: "2.4M JPY"
	BadQuantity Code = "bad-quantity"

	// UnitMismatch occurs when values of different dimensions are added or
	// compared, or a declared unit disagrees with the inferred one.
	//
	//	formula = funnel.demand.revenue + funnel.demand.won.volume
	UnitMismatch Code = "unit-mismatch"

	// Cycle occurs when formulas depend on themselves, or budgets are
	// parts of each other through their parents.
	//
	//	kpi "a" { formula = kpi.b }
	//	kpi "b" { formula = kpi.a }
	Cycle Code = "cycle"

	// RateOutOfRange occurs when a conversion rate or share is outside
	// (0, 100%].
	//
	//	rate = 30 # means 3000%; write "30%"
	RateOutOfRange Code = "rate-out-of-range"

	// ShareSum occurs when the shares of the channels into one stage do not
	// add up to 100% and no channel fills the rest.
	//
	//	share = "35%" ... share = "60%"
	ShareSum Code = "share-sum"

	// DivisionByZero occurs when a divisor is zero.
	//
	//	formula = kpi.cost / 0
	DivisionByZero Code = "division-by-zero"

	// Conflict occurs when both sides of an equation are known and differ.
	//
	//	kgi "revenue" {
	//	  target  = "4.8億円"
	//	  formula = kpi.deals * "2M JPY" # gives ¥400,000,000
	//	}
	//	kpi "deals" { value = 200 }
	Conflict Code = "conflict"

	// Underdetermined occurs when no equation determines a value.
	//
	//	kpi "leads" { unit = "leads" } # no value, target or formula
	Underdetermined Code = "underdetermined"

	// OverBudget occurs when a budget's solved spend (its channels' cost,
	// its items and its child budgets' spend) is above its cap.
	//
	//	budget "marketing" { cap = "1億円" } # channels cost ¥158,877,000
	OverBudget Code = "over-budget"

	// OverCapacity occurs when a team needs more people than its headcount
	// to handle its stages' volume over the plan's period.
	//
	//	team "inside_sales" { headcount = 5, capacity = 120 } # 888 SALs a month need 7.4
	OverCapacity Code = "over-capacity"

	// CheckFailed occurs when a check block's condition is false; its
	// severity is the one the check declares.
	//
	//	check "cpa" {
	//	  condition = channel.ads.cpa < "10,000 JPY"
	//	  message   = "Ads cost too much per lead."
	//	}
	CheckFailed Code = "check-failed"

	// KGINotRevenue warns about a KGI whose unit is not money.
	//
	//	kgi "orders" { target = "200 deals" }
	KGINotRevenue Code = "kgi-not-revenue"

	// HandoffWithoutDefinition warns about a stage owned by another team
	// than the stage before it that has no definition.
	//
	//	stage "sal" { # after a stage owned by marketing
	//	  rate  = "70%"
	//	  owner = "inside_sales"
	//	}
	HandoffWithoutDefinition Code = "handoff-without-definition"

	// PaybackTooLong warns when a cac_payback in the plan is above the
	// threshold (12 months unless a rule says otherwise).
	//
	//	kpi "payback" { formula = cac_payback(kpi.cac, "80,000 JPY", "75%") } # 20 months
	PaybackTooLong Code = "payback-too-long"

	// LTVCACLow warns when the plan's LTV is less than 3 times its CAC (or
	// the rule's min).
	//
	//	kpi "ltv" { formula = ltv("¥50,000/month", 1, "24 months") } # ¥1,200,000
	//	kpi "cac" { value = "¥800,000" }                              # 1.5x
	LTVCACLow Code = "ltv-cac-low"

	// BenchmarkOutlier warns when a stage's rate (or a metric with a
	// benchmark) is outside every published range for it.
	//
	//	stage "sal" { rate = "99%" } # MQL -> SAL
	BenchmarkOutlier Code = "benchmark-outlier"

	// NoPlanFiles occurs when a directory holds no *.plan.hcl file. planc
	// exits with status 2.
	NoPlanFiles Code = "no-plan-files"

	// ReadError occurs when a file or directory cannot be read. planc exits
	// with status 2.
	ReadError Code = "read-error"

	// ValueOutOfRange occurs when an amount given in the plan cannot be:
	// below zero, or zero where the plan divides by it.
	//
	//	deal_size = "0円" # revenue / deal size needs a deal size above zero
	ValueOutOfRange Code = "value-out-of-range"

	// WriteError occurs when planc cannot write its output: a file, the
	// site, or standard output. planc exits with status 2.
	WriteError Code = "write-error"

	// BudgetOverlap occurs when a channel is paid for twice within one
	// hierarchy of budgets: by a budget and one under it, by two budgets
	// under one parent, or twice by one budget. Its cost would count twice
	// in the spend above them.
	//
	//	budget "marketing" { channels = [channel.webinar] }
	//	budget "programs" {
	//	  parent   = budget.marketing
	//	  channels = [channel.webinar] # already paid for by marketing
	//	}
	BudgetOverlap Code = "budget-overlap"

	// PhasingWeights occurs when a profile's weights are not one number
	// per month of the plan's period, or are negative, or are all zero.
	//
	//	plan { period = "2027-04 .. 2028-03" }
	//	profile "seasonal" { weights = [1, 1, 2] } # 3 weights for 12 months
	PhasingWeights Code = "phasing-weights"

	// BadLag occurs when a stage's lag is not a duration or is negative.
	//
	//	stage "won" {
	//	  rate = "25%"
	//	  lag  = "-1 month"
	//	}
	BadLag Code = "bad-lag"

	// PrePeriodDemand warns when the pipeline a funnel declares open on
	// the period's first day (opening) is less than the plan's first
	// deals need: they would have to come from leads created before the
	// period. It says the shortfall, the deals and revenue at risk, and
	// the months whose deals it threatens.
	//
	//	funnel "demand" {
	//	  opening = { sql = 60 } # April's and May's deals need 64 SQLs
	//	  ...
	//	}
	PrePeriodDemand Code = "pre-period-demand"

	// PeriodIndex occurs when a period named in a plan by month (a key of
	// a budget's caps, the index of a value: kgi.revenue["Q5"]) is not a
	// month, quarter or half of the plan's period.
	//
	//	plan { period = "2027-04 .. 2028-03" }
	//	budget "marketing" { caps = { Q5 = "1000万円" } }
	PeriodIndex Code = "period-index"

	// ActualsFile occurs when an actuals block's CSV cannot be read, or
	// its as_of is not a day of the plan's period.
	//
	//	actuals "crm" { file = "missing.csv", as_of = "2027-09-15" }
	ActualsFile Code = "actuals-file"

	// ActualsCSV occurs when a row of an actuals CSV cannot be read: not
	// UTF-8, a row with more or fewer fields than the header, a header
	// without month, path and value. It points at the CSV's line and
	// column.
	ActualsCSV Code = "actuals-csv"

	// ActualsRow occurs for a row of an actuals CSV that names no value of
	// the plan, a month outside the period or after as_of, a value that is
	// not a quantity or not in the path's unit, or repeats a row.
	//
	//	2027-04,funnel.demand.mqls.volume,240   # no stage "mqls": did you mean "mql"?
	ActualsRow Code = "actuals-row"

	// BehindPlan warns that a stage's own conversion is behind the plan by
	// more than a threshold (10%) over the months its actuals cover: the
	// entries it got from the actual entries of the stage before fall
	// short, not the entries it was given. It names the bottleneck.
	BehindPlan Code = "behind-plan"

	// ForecastShort warns that the forecast to the period's end (actuals
	// so far, pipeline in motion, the plan for the rest) falls short of a
	// funnel's revenue target.
	ForecastShort Code = "forecast-short"

	// ScenarioStructure occurs when a scenario changes what the plan is
	// made of rather than its values: it names a block the plan does not
	// have, or changes a reference or a text.
	//
	//	scenario "s" { channel "tv" { share = "10%" } } # the plan has no channel tv
	ScenarioStructure Code = "scenario-structure"

	// Probability occurs when scenarios' probabilities are not shares of
	// one: one is outside 0..100%, or together they exceed 100%.
	//
	//	probability = "60%" ... probability = "50%"
	Probability Code = "probability"

	// GoalSeek occurs when a value a scenario's solve_for releases cannot
	// be isolated from the scenario's other values, or is not a value the
	// plan gives.
	//
	//	solve_for = [funnel.demand.won.volume] # solved already; release a target or a rate
	GoalSeek Code = "goal-seek"
)

// UsageCodes are the codes that mean planc could not be run on the input
// at all (exit status 2) rather than that the plan is wrong (status 1).
var UsageCodes = map[Code]bool{NoPlanFiles: true, ReadError: true, WriteError: true}

// CodeOf returns the code a diagnostic carries. A diagnostic from HCL itself
// carries none; it is a syntax error when its summary says so and a schema
// error otherwise.
func CodeOf(d *hcl.Diagnostic) Code {
	if c, ok := hcl.DiagnosticExtra[Code](d); ok {
		return c
	}
	return Schema
}

// Diag makes an error diagnostic with a code.
func Diag(code Code, subject hcl.Range, summary, detail string) *hcl.Diagnostic {
	if subject.End.Byte < subject.Start.Byte || subject.End.Line < subject.Start.Line {
		// HCL leaves an expression it recovered from a syntax error, such
		// as the unclosed call in max(1, 2, without an end (0:0).
		subject.End = subject.Start
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   detail,
		Subject:  subject.Ptr(),
		Extra:    code,
	}
}

// Warning makes a warning diagnostic with a code.
func Warning(code Code, subject hcl.Range, summary, detail string) *hcl.Diagnostic {
	d := Diag(code, subject, summary, detail)
	d.Severity = hcl.DiagWarning
	return d
}

// WithCode sets the code of every diagnostic in diags that has none.
func WithCode(diags hcl.Diagnostics, code Code) hcl.Diagnostics {
	for _, d := range diags {
		if _, ok := hcl.DiagnosticExtra[Code](d); !ok {
			d.Extra = code
		}
	}
	return diags
}

// Note is a place related to a diagnostic and what it shows there: an
// input that determines a value that misses its target. Editors show
// notes as related information, SARIF as related locations, the text
// format as lines after the diagnostic.
type Note struct {
	Range   hcl.Range
	Message string
}

// noted is the extra of a diagnostic with notes: its code and the notes.
// It unwraps to the code, so that CodeOf and hcl.DiagnosticExtra find it.
type noted struct {
	code  Code
	notes []Note
}

func (n *noted) UnwrapDiagnosticExtra() interface{} { return n.code }

// WithNotes attaches notes to d, which keeps its code, and returns d.
func WithNotes(d *hcl.Diagnostic, notes ...Note) *hcl.Diagnostic {
	if len(notes) > 0 {
		d.Extra = &noted{code: CodeOf(d), notes: notes}
	}
	return d
}

// NotesOf returns the notes of d.
func NotesOf(d *hcl.Diagnostic) []Note {
	if n, ok := hcl.DiagnosticExtra[*noted](d); ok {
		return n.notes
	}
	return nil
}
