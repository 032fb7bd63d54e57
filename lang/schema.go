package lang

import "github.com/hashicorp/hcl/v2"

// The v1 schema. Attributes common to every labelled block come first.

func attrs(required []string, optional ...string) []hcl.AttributeSchema {
	var out []hcl.AttributeSchema
	for _, n := range required {
		out = append(out, hcl.AttributeSchema{Name: n, Required: true})
	}
	for _, n := range append([]string{"title", "description", "owner"}, optional...) {
		out = append(out, hcl.AttributeSchema{Name: n})
	}
	return out
}

var named = []string{"name"}

var rootSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "plan"},
	{Type: "kgi", LabelNames: named},
	{Type: "kpi", LabelNames: named},
	{Type: "funnel", LabelNames: named},
	{Type: "channel", LabelNames: named},
	{Type: "budget", LabelNames: named},
	{Type: "team", LabelNames: named},
	{Type: "check", LabelNames: named},
	{Type: "rule", LabelNames: []string{"code"}},
	{Type: "persona", LabelNames: named},
	{Type: "journey", LabelNames: named},
	{Type: "analysis", LabelNames: named},
}}

var schemas = map[string]*hcl.BodySchema{
	"plan": {Attributes: attrs([]string{"title"}, "currency", "period")},
	"kgi":  {Attributes: attrs(nil, "unit", "target", "formula", "benchmark")},
	"kpi":  {Attributes: attrs(nil, "unit", "value", "target", "formula", "benchmark")},
	"funnel": {
		Attributes: attrs([]string{"deal_size"}),
		Blocks:     []hcl.BlockHeaderSchema{{Type: "stage", LabelNames: named}},
	},
	"stage":   {Attributes: attrs(nil, "definition", "rate", "unit", "benchmark", "team")},
	"channel": {Attributes: attrs([]string{"funnel", "cpa"}, "stage", "share", "leads", "budget", "source")},
	"team":    {Attributes: attrs([]string{"headcount", "capacity"})},
	"budget":  {Attributes: attrs(nil, "cap", "channels")},
	"check":   {Attributes: attrs([]string{"condition", "message"}, "severity")},
	"rule":    {Attributes: []hcl.AttributeSchema{{Name: "enabled"}, {Name: "severity"}, {Name: "max"}, {Name: "min"}}},
	// Plan content (content.go): blocks that explain the plan.
	"persona": {Attributes: attrs(nil, "role", "company", "goals", "pains")},
	"journey": {
		Attributes: attrs(nil),
		Blocks:     []hcl.BlockHeaderSchema{{Type: "phase", LabelNames: named}},
	},
	"phase":    {Attributes: attrs(nil, "personas", "channels", "touchpoints")},
	"analysis": {Attributes: attrs(nil, append([]string{"framework"}, allSections()...)...)},
}

// BlockTypes lists the top-level block types, for editors and messages.
func BlockTypes() []string {
	var out []string
	for _, b := range rootSchema.Blocks {
		out = append(out, b.Type)
	}
	return out
}

// AttributeNames lists the attributes a block type accepts.
func AttributeNames(blockType string) []string {
	var out []string
	if s := schemas[blockType]; s != nil {
		for _, a := range s.Attributes {
			out = append(out, a.Name)
		}
	}
	return out
}

// reservedStageNames are stage fields of a funnel, so that
// funnel.F.deal_size can never name a stage.
var reservedStageNames = map[string]bool{"deal_size": true, "revenue": true, "source": true}
