package lang

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Plan content: the blocks that explain a plan rather than compute it.
//
//	persona "it_manager" { role = "...", goals = ["..."], pains = ["..."] }
//	journey "buyer" {
//	  phase "awareness" { personas = [persona.it_manager], channels = [channel.exhibition] }
//	}
//	analysis "swot" { framework = "swot", strengths = ["..."] }
//
// They hold no values. The decoder checks their shape as it reads each
// block; the compiler's resolver resolves the persona and channel
// references of journey phases with every other reference of the plan.

// Persona is a persona block: a buyer the plan is written for.
type Persona struct {
	Block
	// Role is the person's job; Company the profile of their company.
	// Zero means not given.
	Role    Text `plan:"role"`
	Company Text `plan:"company"`
	// Goals and Pains are Markdown items, in the order written.
	Goals []Text `plan:"goals"`
	Pains []Text `plan:"pains"`
}

// Journey is a journey block: the phases a buyer moves through, in order.
type Journey struct {
	Block
	Phases []*Phase
}

// Phase is a phase block inside a journey.
type Phase struct {
	Block
	Journey *Journey
	// Touchpoints are plain-text items, in the order written.
	Touchpoints []Text `plan:"touchpoints"`
	// PersonaList and ChannelList are the reference lists as written; nil
	// when absent. The compiler resolves them.
	PersonaList *Attr `plan:"personas"`
	ChannelList *Attr `plan:"channels"`
}

// Analysis is an analysis block: a marketing framework filled in.
type Analysis struct {
	Block
	// FrameworkName is the framework attribute as written.
	FrameworkName Text `plan:"framework"`
	// Framework is the framework the block names; nil when it names none
	// or an unknown one (reported).
	Framework *Framework
	// Sections are the framework's sections the block sets, in the
	// framework's order rather than the order written.
	Sections []*Section
}

// Section is one section of an analysis: a list of Markdown items.
type Section struct {
	// Name is the attribute ("strengths").
	Name  string
	Items []Text
	// Range covers `name = [...]`; NameRange just the name.
	Range, NameRange hcl.Range
}

// Section returns the section with an attribute name, or nil when the
// analysis does not set it.
func (a *Analysis) Section(name string) *Section {
	for _, s := range a.Sections {
		if s.Name == name {
			return s
		}
	}
	return nil
}

func checkJourney(_ *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	j := n.(*Journey)
	if len(j.Phases) > 0 {
		return diags
	}
	return append(diags, Diag(Schema, j.DefRange, "Journey without phases",
		fmt.Sprintf("journey %q has no phase block. Add its phases in order, from the first contact (such as phase \"awareness\") to the last (such as phase \"expansion\").", j.Name)))
}

// textList reads a list of literal strings, reporting each item that is
// not one where it is. It returns nil when the attribute is absent.
func textList(content *hcl.BodyContent, name string, diags *hcl.Diagnostics) []Text {
	a, ok := content.Attributes[name]
	if !ok {
		return nil
	}
	exprs, ld := hcl.ExprList(a.Expr)
	if ld.HasErrors() {
		*diags = append(*diags, Diag(Schema, a.Expr.Range(), name+" must be a list of strings",
			fmt.Sprintf("Write %s as a list of quoted strings, such as %s = [\"...\", \"...\"]; one item is [\"...\"].", name, name)))
		return nil
	}
	out := []Text{}
	for _, e := range exprs {
		s, ok := literal(e)
		if !ok {
			*diags = append(*diags, Diag(Schema, e.Range(), "Not a string",
				fmt.Sprintf("Each item of %s must be a quoted string without references, such as \"...\".", name)))
			continue
		}
		out = append(out, Text{Value: s, Range: e.Range()})
	}
	return out
}

// checkAnalysis checks an analysis block. Its schema allows the sections
// of every framework (HCL's schema for a block is fixed), so the sections
// are checked here against the framework the block names. HCL's own
// "Unsupported argument" for this block in diags is replaced by one that
// names what the framework allows.
func checkAnalysis(b *hcl.Block, content *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	a := n.(*Analysis)
	a.Framework = FrameworkOf(a.FrameworkName.Value)
	diags = append(diags, checkFramework(a, a.FrameworkName, content)...)
	diags = append(dropUnsupported(diags, b), unsupported(a, b)...)
	if given := sectionsOf(content, &diags); a.Framework != nil {
		diags = append(diags, a.keepSections(given)...)
	}
	return diags
}

// keepSections keeps the given sections that are the framework's, in the
// framework's order, and reports the others.
func (a *Analysis) keepSections(given []*Section) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, s := range given {
		if !a.Framework.has(s.Name) {
			diags = append(diags, foreignSection(a, s))
		}
	}
	for _, def := range a.Framework.Sections {
		for _, s := range given {
			if s.Name == def.Name {
				a.Sections = append(a.Sections, s)
			}
		}
	}
	if len(given) == 0 {
		diags = append(diags, Diag(Schema, a.DefRange, "Analysis without sections",
			fmt.Sprintf("analysis %q names the %s framework but fills in none of its sections. Write at least one of %s, each a list of strings.", a.Name, a.Framework.Title, a.Framework.list())))
	}
	return diags
}

func checkFramework(a *Analysis, fw Text, content *hcl.BodyContent) hcl.Diagnostics {
	switch {
	case a.Framework != nil:
		return nil
	case fw.Range == hcl.Range{}:
		if _, given := content.Attributes["framework"]; given {
			return nil // not a string: reported by text
		}
		detail := fmt.Sprintf("analysis %q needs a framework, one of %s: such as framework = \"swot\".", a.Name, strings.Join(frameworkKeys(), ", "))
		if f := guessFramework(content); f != nil {
			detail = fmt.Sprintf("analysis %q needs a framework. Its sections are those of %s: write framework = %q.", a.Name, f.Title, f.Key)
		}
		return hcl.Diagnostics{Diag(Schema, a.DefRange, "Missing framework", detail)}
	}
	return hcl.Diagnostics{Diag(Schema, fw.Range, "Unknown framework",
		fmt.Sprintf("framework is %q.%s A framework is one of %s.", fw.Value, didYouMean(strings.ToLower(fw.Value), frameworkKeys()), strings.Join(frameworkKeys(), ", ")))}
}

// guessFramework returns the framework whose sections a block without a
// framework sets, when they are all of one; nil otherwise.
func guessFramework(content *hcl.BodyContent) *Framework {
	var found *Framework
	for name := range content.Attributes {
		f := frameworkOfSection(name)
		if f == nil {
			continue
		}
		if found != nil && found != f {
			return nil
		}
		found = f
	}
	return found
}

// sectionsOf reads every section attribute the block sets, of whichever
// framework, in source order.
func sectionsOf(content *hcl.BodyContent, diags *hcl.Diagnostics) []*Section {
	var out []*Section
	for _, name := range allSections() {
		a, ok := content.Attributes[name]
		if !ok {
			continue
		}
		out = append(out, &Section{Name: name, Items: textList(content, name, diags), Range: a.Range, NameRange: a.NameRange})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Range.Start.Byte < out[j].Range.Start.Byte })
	return out
}

func foreignSection(a *Analysis, s *Section) *hcl.Diagnostic {
	other := frameworkOfSection(s.Name)
	return Diag(Schema, s.NameRange, "Section of another framework",
		fmt.Sprintf("%s is a section of %s (framework = %q), not of %s.%s The sections of %s are %s.",
			s.Name, other.Title, other.Key, a.Framework.Title, didYouMean(s.Name, a.Framework.names()), a.Framework.Title, a.Framework.list()))
}

// dropUnsupported removes HCL's "Unsupported argument" diagnostics about
// the attributes of block b, which unsupported reports instead.
func dropUnsupported(diags hcl.Diagnostics, b *hcl.Block) hcl.Diagnostics {
	body, ok := b.Body.(*hclsyntax.Body)
	if !ok {
		return diags
	}
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Summary == "Unsupported argument" && d.Subject != nil && within(*d.Subject, body.SrcRange) {
			continue
		}
		out = append(out, d)
	}
	return out
}

func within(r, outer hcl.Range) bool {
	return r.Filename == outer.Filename && r.Start.Byte >= outer.Start.Byte && r.End.Byte <= outer.End.Byte
}

// unsupported reports the attributes of an analysis that no framework has,
// naming what the block's framework allows.
func unsupported(a *Analysis, b *hcl.Block) hcl.Diagnostics {
	body, ok := b.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	allowed := append(slices.Clone(allowedAnyFramework), allSections()...)
	help := "An analysis takes framework, title, description, owner and the sections of its framework."
	if a.Framework != nil {
		allowed = append(slices.Clone(allowedAnyFramework), a.Framework.names()...)
		help = fmt.Sprintf("An analysis of %s takes %s, and framework, title, description and owner.", a.Framework.Title, a.Framework.list())
	}
	var diags hcl.Diagnostics
	for _, attr := range sortedAttrs(body) {
		if slices.Contains(allowedAnyFramework, attr.Name) || frameworkOfSection(attr.Name) != nil {
			continue
		}
		diags = append(diags, Diag(Schema, attr.NameRange, "Unsupported argument",
			fmt.Sprintf("analysis %q has no attribute %q.%s %s", a.Name, attr.Name, didYouMean(attr.Name, allowed), help)))
	}
	return diags
}

// allowedAnyFramework are the attributes of an analysis besides its
// sections.
var allowedAnyFramework = []string{"framework", "title", "description", "owner"}

func sortedAttrs(body *hclsyntax.Body) []*hclsyntax.Attribute {
	var out []*hclsyntax.Attribute
	for _, a := range body.Attributes {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].NameRange.Start.Byte < out[j].NameRange.Start.Byte })
	return out
}

// Framework is an analysis framework: its sections, in the order its
// diagram reads (SWOT: strengths, weaknesses, opportunities, threats).
type Framework struct {
	// Key is how the framework attribute names it ("five_forces"); Title
	// how people write it ("Five forces").
	Key, Title string
	Sections   []SectionDef
}

// SectionDef is one section of a framework: its attribute name, its
// heading and a few words on what goes in it.
type SectionDef struct{ Name, Title, Hint string }

// Frameworks are the analysis frameworks planc knows. Every section name
// belongs to one framework only, so a misplaced section says which
// framework it comes from.
var Frameworks = []*Framework{
	{Key: "3c", Title: "3C", Sections: []SectionDef{
		{"customer", "Customer", "the market and what buyers need"},
		{"competitor", "Competitor", "how rivals serve that need"},
		{"company", "Company", "what we bring that they cannot"},
	}},
	{Key: "stp", Title: "STP", Sections: []SectionDef{
		{"segmentation", "Segmentation", "how the market divides"},
		{"targeting", "Targeting", "the segments we choose"},
		{"positioning", "Positioning", "the place we take in the buyer's mind"},
	}},
	{Key: "swot", Title: "SWOT", Sections: []SectionDef{
		{"strengths", "Strengths", "internal, helpful"},
		{"weaknesses", "Weaknesses", "internal, harmful"},
		{"opportunities", "Opportunities", "external, helpful"},
		{"threats", "Threats", "external, harmful"},
	}},
	{Key: "4p", Title: "4P", Sections: []SectionDef{
		{"product", "Product", "what we sell"},
		{"price", "Price", "what it costs and how it is charged"},
		{"place", "Place", "where and through whom it is sold"},
		{"promotion", "Promotion", "how buyers hear of it"},
	}},
	{Key: "4c", Title: "4C", Sections: []SectionDef{
		{"customer_value", "Customer value", "the buyer's side of Product"},
		{"cost", "Cost", "the buyer's side of Price"},
		{"convenience", "Convenience", "the buyer's side of Place"},
		{"communication", "Communication", "the buyer's side of Promotion"},
	}},
	{Key: "save", Title: "SAVE", Sections: []SectionDef{
		{"solution", "Solution", "the problem solved, in place of Product"},
		{"access", "Access", "how buyers reach us, in place of Place"},
		{"value", "Value", "the value against the cost, in place of Price"},
		{"education", "Education", "what buyers learn from us, in place of Promotion"},
	}},
	{Key: "pest", Title: "PEST", Sections: []SectionDef{
		{"political", "Political", "law, regulation, policy"},
		{"economic", "Economic", "growth, prices, budgets"},
		{"social", "Social", "demographics, work styles, norms"},
		{"technological", "Technological", "technology that changes the market"},
	}},
	{Key: "five_forces", Title: "Five forces", Sections: []SectionDef{
		{"rivalry", "Rivalry among competitors", "the industry itself"},
		{"new_entrants", "Threat of new entrants", "who could enter, and what stops them"},
		{"substitutes", "Threat of substitutes", "other ways to meet the need"},
		{"buyer_power", "Bargaining power of buyers", "how much buyers can demand"},
		{"supplier_power", "Bargaining power of suppliers", "how much suppliers can demand"},
	}},
}

// FrameworkOf returns the framework a framework attribute names, in any
// case ("SWOT" is swot), or nil.
func FrameworkOf(key string) *Framework {
	for _, f := range Frameworks {
		if f.Key == strings.ToLower(key) {
			return f
		}
	}
	return nil
}

func frameworkKeys() []string {
	var out []string
	for _, f := range Frameworks {
		out = append(out, f.Key)
	}
	return out
}

// frameworkOfSection returns the framework a section name belongs to, or nil.
func frameworkOfSection(name string) *Framework {
	for _, f := range Frameworks {
		if f.has(name) {
			return f
		}
	}
	return nil
}

// allSections lists the section names of every framework, for the
// analysis block's schema.
func allSections() []string {
	var out []string
	for _, f := range Frameworks {
		out = append(out, f.names()...)
	}
	return out
}

func (f *Framework) has(name string) bool { return f.index(name) >= 0 }

// index is the position of a section in the framework, -1 if absent.
func (f *Framework) index(name string) int {
	for i, s := range f.Sections {
		if s.Name == name {
			return i
		}
	}
	return -1
}

func (f *Framework) names() []string {
	var out []string
	for _, s := range f.Sections {
		out = append(out, s.Name)
	}
	return out
}

// list is the section names for a message: "a, b, c and d".
func (f *Framework) list() string {
	n := f.names()
	return strings.Join(n[:len(n)-1], ", ") + " and " + n[len(n)-1]
}
