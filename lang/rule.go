package lang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Rule is a rule block: how the plan wants one standard check run.
//
//	rule "payback-too-long" {
//	  max      = "18 months"
//	  severity = "error"
//	}
//
// The block's name is the check's code.
type Rule struct {
	Block
	Code Code
	// Enabled is false when the plan turns the check off; EnabledAttr is
	// the attribute as written.
	Enabled     bool
	EnabledAttr *Attr `plan:"enabled"`
	// Severity is "error" or "warning"; zero keeps the check's own.
	Severity Text `plan:"severity"`
	// Max and Min are the check's threshold, for the checks that have one.
	Max *Attr `plan:"max"`
	Min *Attr `plan:"min"`
}

// RuleThresholds maps each standard check that has a threshold to the
// attribute that sets it. Every code in Adjustable may be turned off or
// given a severity; only these take a threshold.
var RuleThresholds = map[Code]string{PaybackTooLong: "max", LTVCACLow: "min", BehindPlan: "max"}

// Adjustable lists the codes a rule block may configure: the warnings,
// which are judgements about a plan rather than errors in it. A rule block
// for any other code is reported, and kept in Plan.Rules for editors; the
// compiler applies only rules for these codes.
var Adjustable = map[Code]bool{
	PaybackTooLong: true, LTVCACLow: true, BenchmarkOutlier: true,
	KGINotRevenue: true, HandoffWithoutDefinition: true, BehindPlan: true, ForecastShort: true,
}

func checkRule(b *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	r := n.(*Rule)
	r.Code, r.Enabled = Code(r.Name), true
	diags = append(diags, checkSeverity(r.Severity)...)
	if a := r.EnabledAttr; a != nil {
		lit, ok := a.Expr.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.IsNull() || !lit.Val.IsKnown() || lit.Val.Type() != cty.Bool {
			diags = append(diags, Diag(Schema, a.Expr.Range(), "enabled must be true or false",
				"Write enabled = false to turn the check off, or leave it out."))
		} else {
			r.Enabled = lit.Val.True()
		}
	}
	if !Adjustable[r.Code] {
		diags = append(diags, Diag(Schema, b.LabelRanges[0], "Unknown rule",
			fmt.Sprintf("%q is not a standard check.%s A rule configures one of: %s.", r.Name, didYouMean(r.Name, adjustableNames()), strings.Join(adjustableNames(), ", "))))
		return diags
	}
	for _, a := range []*Attr{r.Max, r.Min} {
		if a != nil && RuleThresholds[r.Code] != a.Name {
			diags = append(diags, Diag(Schema, a.NameRange, "No such threshold",
				fmt.Sprintf("rule %q has no %s. %s", r.Name, a.Name, thresholdHelp(r.Code))))
		}
	}
	return diags
}

func thresholdHelp(c Code) string {
	if t, ok := RuleThresholds[c]; ok {
		return fmt.Sprintf("Its threshold is %s.", t)
	}
	return "It has no threshold; it can only be turned off (enabled = false) or given a severity."
}

func adjustableNames() []string {
	var out []string
	for c := range Adjustable {
		out = append(out, string(c))
	}
	sort.Strings(out)
	return out
}

// ParseRules reads a file that holds rule blocks only, such as planc's own
// defaults for the standard checks (stdlib/rules.plan.hcl). The plan it
// returns has only Files and Rules.
func ParseRules(src Source) (*Plan, hcl.Diagnostics) {
	file, diags := parseFile(src)
	if diags.HasErrors() {
		return nil, diags
	}
	only := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "rule", LabelNames: []string{"code"}}}}
	content, more := file.Body.Content(only)
	diags = append(diags, WithCode(more, Schema)...)
	d := &decoder{plan: &Plan{Files: map[string]*hcl.File{src.Name: file}}}
	for _, b := range content.Blocks {
		diags = append(diags, d.block(b, nil)...)
	}
	return d.plan, diags
}

// didYouMean is " Did you mean "x"?" for a close candidate, or "".
func didYouMean(name string, candidates []string) string {
	if s := Suggest(name, candidates); s != "" {
		return fmt.Sprintf(" Did you mean %q?", s)
	}
	return ""
}
