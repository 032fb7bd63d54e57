package lang

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/zclconf/go-cty/cty"
)

// decoder accumulates a Plan across files. names maps a block kind to the
// blocks of that kind by name, for duplicate detection.
type decoder struct {
	plan  *Plan
	names map[string]map[string]*Block
	metas []*Meta
}

func (d *decoder) file(f *hcl.File) hcl.Diagnostics {
	content, diags := f.Body.Content(rootSchema)
	diags = WithCode(diags, Schema)
	for _, b := range content.Blocks {
		diags = append(diags, d.block(b)...)
	}
	return diags
}

func (d *decoder) block(b *hcl.Block) hcl.Diagnostics {
	content, diags := b.Body.Content(schemas[b.Type])
	diags = WithCode(diags, Schema)
	base, bd := d.header(b, content)
	diags = append(diags, bd...)
	switch b.Type {
	case "plan":
		m := &Meta{Block: base, Currency: text(content, "currency", &diags), Period: text(content, "period", &diags)}
		diags = append(diags, checkCurrency(m.Currency)...)
		d.metas = append(d.metas, m)
	case "kgi", "kpi":
		diags = append(diags, d.metric(base, content)...)
	case "funnel":
		diags = append(diags, d.funnel(base, content)...)
	case "channel":
		diags = append(diags, d.channel(base, content)...)
	case "budget":
		d.plan.Budgets = append(d.plan.Budgets, &Budget{Block: base, Cap: attr(content, "cap"), Channels: attr(content, "channels")})
	case "check":
		c := &Check{Block: base, Condition: attr(content, "condition"),
			Message: text(content, "message", &diags), Severity: text(content, "severity", &diags)}
		diags = append(diags, checkSeverity(c.Severity)...)
		d.plan.Checks = append(d.plan.Checks, c)
	case "team":
		t := &Team{Block: base, Headcount: attr(content, "headcount"), Capacity: attr(content, "capacity")}
		diags = append(diags, d.register("team", &t.Block)...)
		d.plan.Teams = append(d.plan.Teams, t)
	case "rule":
		diags = append(diags, d.rule(b, base, content)...)
	case "persona":
		diags = append(diags, d.persona(base, content)...)
	case "journey":
		diags = append(diags, d.journey(base, content)...)
	case "analysis":
		diags = d.analysis(b, base, content, diags)
	}
	return diags
}

// header decodes what every block has and registers its name.
func (d *decoder) header(b *hcl.Block, content *hcl.BodyContent) (Block, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	base := Block{Kind: b.Type, DefRange: b.DefRange, NameRange: b.DefRange, Range: blockRange(b)}
	base.Title = text(content, "title", &diags)
	base.Description = text(content, "description", &diags)
	base.Owner = text(content, "owner", &diags)
	if len(b.Labels) == 1 {
		base.Name, base.NameRange = b.Labels[0], b.LabelRanges[0]
		diags = append(diags, checkName(&base)...)
	}
	return base, diags
}

func blockRange(b *hcl.Block) hcl.Range {
	if body, ok := b.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(b.DefRange, body.SrcRange)
	}
	return b.DefRange
}

func checkName(b *Block) hcl.Diagnostics {
	if !hclsyntax.ValidIdentifier(b.Name) {
		return hcl.Diagnostics{Diag(Schema, b.NameRange, "Invalid name",
			fmt.Sprintf("The %s name %q cannot be used in a reference such as %s.%s. Use letters, digits and underscores, starting with a letter (for example %q).",
				b.Kind, b.Name, b.Kind, b.Name, suggestIdent(b.Name)))}
	}
	return nil
}

// register records a named block and reports a duplicate.
func (d *decoder) register(scope string, b *Block) hcl.Diagnostics {
	if b.Name == "" {
		return nil
	}
	m := d.names[scope]
	if m == nil {
		m = map[string]*Block{}
		d.names[scope] = m
	}
	if prev, ok := m[b.Name]; ok {
		return hcl.Diagnostics{Diag(DuplicateName, b.NameRange, fmt.Sprintf("Duplicate %s %q", b.Kind, b.Name),
			fmt.Sprintf("A %s named %q is already declared at %s. Rename one of them, or merge them into one block.", b.Kind, b.Name, At(prev.DefRange)))}
	}
	m[b.Name] = b
	return nil
}

func (d *decoder) metric(base Block, content *hcl.BodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	m := &Metric{Block: base, Unit: attr(content, "unit"), Value: attr(content, "value"),
		Target: attr(content, "target"), Formula: attr(content, "formula"), Benchmark: text(content, "benchmark", &diags)}
	diags = append(diags, d.register(base.Kind, &m.Block)...)
	diags = append(diags, exclusive(&m.Block, m.Value, m.Target)...)
	if base.Kind == "kgi" {
		d.plan.KGIs = append(d.plan.KGIs, m)
	} else {
		d.plan.KPIs = append(d.plan.KPIs, m)
	}
	return diags
}

func (d *decoder) funnel(base Block, content *hcl.BodyContent) hcl.Diagnostics {
	f := &Funnel{Block: base, DealSize: attr(content, "deal_size")}
	diags := d.register("funnel", &f.Block)
	for _, b := range content.Blocks {
		sc, sd := b.Body.Content(schemas["stage"])
		diags = append(diags, WithCode(sd, Schema)...)
		sb, hd := d.header(b, sc)
		diags = append(diags, hd...)
		s := &Stage{Block: sb, Funnel: f, Definition: text(sc, "definition", &diags),
			Rate: attr(sc, "rate"), Unit: text(sc, "unit", &diags), Benchmark: text(sc, "benchmark", &diags), Team: attr(sc, "team")}
		diags = append(diags, d.stage(f, s)...)
		f.Stages = append(f.Stages, s)
	}
	if len(f.Stages) == 0 {
		diags = append(diags, Diag(Schema, f.DefRange, "Funnel without stages",
			fmt.Sprintf("funnel %q has no stage block. Add its stages in order, from the first (such as stage \"inquiry\") to the last (such as stage \"won\").", f.Name)))
	}
	d.plan.Funnels = append(d.plan.Funnels, f)
	return diags
}

func (d *decoder) stage(f *Funnel, s *Stage) hcl.Diagnostics {
	diags := d.register("funnel "+f.Name, &s.Block)
	if reservedStageNames[s.Name] {
		diags = append(diags, Diag(Schema, s.NameRange, "Reserved stage name",
			fmt.Sprintf("funnel.%s.%s is the funnel's own value, so no stage can be named %q. Rename the stage.", f.Name, s.Name, s.Name)))
	}
	first := len(f.Stages) == 0
	switch {
	case first && s.Rate != nil:
		diags = append(diags, Diag(Schema, s.Rate.NameRange, "Rate on the first stage",
			fmt.Sprintf("stage %q is the first of funnel %q, so there is no previous stage to convert from. Remove its rate; its volume comes from the channels or a target.", s.Name, f.Name)))
	case !first && s.Rate == nil:
		diags = append(diags, Diag(Schema, s.DefRange, "Missing rate",
			fmt.Sprintf("stage %q needs a rate: the share of the previous stage that converts into it, such as rate = \"30%%\".", s.Name)))
	}
	return diags
}

func (d *decoder) channel(base Block, content *hcl.BodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	c := &Channel{Block: base, Funnel: attr(content, "funnel"), Stage: text(content, "stage", &diags),
		Share: attr(content, "share"), Leads: attr(content, "leads"), Budget: attr(content, "budget"), CPA: attr(content, "cpa"),
		Source: text(content, "source", &diags)}
	diags = append(diags, d.register("channel", &c.Block)...)
	diags = append(diags, exclusive(&c.Block, c.Share, c.Leads, c.Budget)...)
	if c.Source.Value != "" && !hclsyntax.ValidIdentifier(c.Source.Value) {
		diags = append(diags, Diag(Schema, c.Source.Range, "Invalid source name",
			fmt.Sprintf("The source %q cannot be used in a reference such as funnel.F.source.NAME.revenue. Use letters, digits and underscores, such as %q.",
				c.Source.Value, suggestIdent(c.Source.Value))))
	}
	d.plan.Channels = append(d.plan.Channels, c)
	return diags
}

// finish checks what needs every file: exactly one plan block, and the
// references of plan content (content.go).
func (d *decoder) finish(srcs []Source) hcl.Diagnostics {
	var diags hcl.Diagnostics
	switch {
	case len(d.metas) == 0 && len(srcs) > 0:
		r := hcl.Range{Filename: srcs[0].Name, Start: hcl.InitialPos, End: hcl.InitialPos}
		diags = append(diags, Diag(Schema, r, "Missing plan block",
			"Every plan needs exactly one plan block with at least a title, such as:\n\nplan {\n  title = \"FY2027 new business\"\n}"))
	case len(d.metas) > 1:
		for _, m := range d.metas[1:] {
			diags = append(diags, Diag(Schema, m.DefRange, "More than one plan block",
				fmt.Sprintf("A plan has exactly one plan block, and one is already declared at %s. Merge them.", At(d.metas[0].DefRange))))
		}
	}
	if len(d.metas) > 0 {
		d.plan.Meta = d.metas[0]
	}
	diags = append(diags, d.resolveContent()...)
	return diags
}

// exclusive reports when more than one of the given attributes is set.
func exclusive(b *Block, as ...*Attr) hcl.Diagnostics {
	var set []*Attr
	for _, a := range as {
		if a != nil {
			set = append(set, a)
		}
	}
	if len(set) < 2 {
		return nil
	}
	return hcl.Diagnostics{Diag(Schema, set[1].NameRange, "Conflicting attributes",
		fmt.Sprintf("%s %q sets both %s and %s; give only one of them.", b.Kind, b.Name, set[0].Name, set[1].Name))}
}

func attr(content *hcl.BodyContent, name string) *Attr {
	a, ok := content.Attributes[name]
	if !ok {
		return nil
	}
	return &Attr{Name: name, Expr: a.Expr, Range: a.Range, NameRange: a.NameRange}
}

// text reads a static string attribute.
func text(content *hcl.BodyContent, name string, diags *hcl.Diagnostics) Text {
	a, ok := content.Attributes[name]
	if !ok {
		return Text{}
	}
	v, d := a.Expr.Value(nil)
	if d.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		*diags = append(*diags, Diag(Schema, a.Expr.Range(), fmt.Sprintf("%s must be a string", name),
			fmt.Sprintf("Write %s as a quoted string without references, such as %s = \"...\".", name, name)))
		return Text{}
	}
	return Text{Value: v.AsString(), Range: a.Expr.Range()}
}

func checkSeverity(sev Text) hcl.Diagnostics {
	switch sev.Value {
	case "", "error", "warning":
		return nil
	}
	return hcl.Diagnostics{Diag(Schema, sev.Range, "Invalid severity",
		fmt.Sprintf("severity is %q; it must be \"error\" or \"warning\".", sev.Value))}
}

func suggestIdent(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == ' ' || r == '.' || r == '/' {
			r = '_'
		}
		out = append(out, r)
	}
	if len(out) == 0 || !hclsyntax.ValidIdentifier(string(out)) {
		return "name_1"
	}
	return string(out)
}

func checkCurrency(c Text) hcl.Diagnostics {
	if c.Value == "" || quantity.CurrencyCode(c.Value) {
		return nil
	}
	return hcl.Diagnostics{Diag(Schema, c.Range, "Unknown currency",
		fmt.Sprintf("currency is %q; write an ISO 4217 code such as \"JPY\", \"USD\" or \"EUR\".", c.Value))}
}
