package lang

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/zclconf/go-cty/cty"
)

// decoder fills a Plan from the blocks of every file, as the schema table
// (schema.go) describes them. It checks each block's shape; names and
// references are the compiler's resolver's, which sees every file.
type decoder struct {
	plan *Plan
}

func (d *decoder) file(f *hcl.File) hcl.Diagnostics {
	content, diags := f.Body.Content(rootSchema)
	diags = WithCode(diags, Schema)
	for _, b := range content.Blocks {
		diags = append(diags, d.block(b, nil)...)
	}
	return diags
}

// block decodes b, which nests in parent (nil at the top level), with the
// blocks nested in it.
func (d *decoder) block(b *hcl.Block, parent Node) hcl.Diagnostics {
	spec := Spec(b.Type)
	content, diags := spec.content(b.Body)
	diags = WithCode(diags, Schema)
	n := spec.new()
	h := n.Header()
	*h = Block{Kind: b.Type, DefRange: b.DefRange, NameRange: b.DefRange, Range: blockRange(b)}
	if len(b.Labels) == 1 {
		h.Name, h.NameRange = b.Labels[0], b.LabelRanges[0]
		diags = append(diags, checkName(h)...)
	}
	diags = append(diags, spec.fill(n, content)...)
	diags = append(diags, spec.exclusive(n)...)
	spec.add(d.plan, parent, n)
	if parent == nil {
		d.plan.Blocks = append(d.plan.Blocks, n)
	} else {
		parent.Header().Nested = append(parent.Header().Nested, n)
	}
	for _, nb := range content.Blocks {
		diags = append(diags, d.block(nb, n)...)
	}
	if spec.check != nil {
		diags = spec.check(b, content, n, diags)
	}
	return diags
}

// content reads the attributes and nested blocks of a body of the kind;
// an open kind's other contents are left to its check.
func (s *BlockSpec) content(body hcl.Body) (*hcl.BodyContent, hcl.Diagnostics) {
	if s.Open {
		content, _, diags := body.PartialContent(s.bodySchema())
		return content, diags
	}
	return body.Content(s.bodySchema())
}

// fill sets the fields of n from the attributes of content, each as its
// role says.
func (s *BlockSpec) fill(n Node, content *hcl.BodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	v := reflect.ValueOf(n).Elem()
	for _, a := range s.Attrs {
		idx, ok := s.fields[a.Name]
		if !ok {
			continue
		}
		f := v.FieldByIndex(idx)
		switch a.Role {
		case RoleText:
			f.Set(reflect.ValueOf(text(content, a.Name, &diags)))
		case RoleTextList:
			f.Set(reflect.ValueOf(textList(content, a.Name, &diags)))
		default:
			f.Set(reflect.ValueOf(attr(content, a.Name)))
		}
	}
	return diags
}

// exclusive reports when more than one attribute of a group is set.
func (s *BlockSpec) exclusive(n Node) hcl.Diagnostics {
	var diags hcl.Diagnostics
	v := reflect.ValueOf(n).Elem()
	for _, group := range s.Exclusive {
		var set []*Attr
		for _, name := range group {
			if a := v.FieldByIndex(s.fields[name]).Interface().(*Attr); a != nil {
				set = append(set, a)
			}
		}
		if len(set) > 1 {
			b := n.Header()
			diags = append(diags, Diag(Schema, set[1].NameRange, "Conflicting attributes",
				fmt.Sprintf("%s %q sets both %s and %s; give only one of them.", b.Kind, b.Name, set[0].Name, set[1].Name)))
		}
	}
	return diags
}

// TextOf returns the text attribute name of a block, zero when the block
// has none or it is absent: for callers that show a block's texts (its
// definition, its description) whatever its kind.
func TextOf(n Node, name string) Text {
	s := Spec(n.Header().Kind)
	if s == nil {
		return Text{}
	}
	idx, ok := s.fields[name]
	if a := s.Attr(name); !ok || a.Role != RoleText {
		return Text{}
	}
	return reflect.ValueOf(n).Elem().FieldByIndex(idx).Interface().(Text)
}

// AttrOf returns the attribute name of a block as written, nil when the
// block has none or it is absent.
func AttrOf(n Node, name string) *Attr {
	s := Spec(n.Header().Kind)
	if s == nil {
		return nil
	}
	idx, ok := s.fields[name]
	if !ok || fieldType(s.Attr(name).Role) != attrType {
		return nil
	}
	return reflect.ValueOf(n).Elem().FieldByIndex(idx).Interface().(*Attr)
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

func checkMeta(_ *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	m := n.(*Meta)
	diags = append(diags, checkCurrency(m.Currency)...)
	diags = append(diags, checkWord(m.Language, "language", "ja", "en")...)
	return append(diags, checkWord(m.NumberStyle, "number_style", "man", "plain")...)
}

// checkWord reports a text attribute that is not one of words.
func checkWord(t Text, name string, words ...string) hcl.Diagnostics {
	if t.Value == "" || slices.Contains(words, t.Value) {
		return nil
	}
	return hcl.Diagnostics{Diag(Schema, t.Range, fmt.Sprintf("Unknown %s", name),
		fmt.Sprintf("%s is %q; write one of %q.%s", name, t.Value, words, didYouMean(t.Value, words)))}
}

func checkFunnel(_ *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	f := n.(*Funnel)
	if len(f.Stages) > 0 {
		return diags
	}
	return append(diags, Diag(Schema, f.DefRange, "Funnel without stages",
		fmt.Sprintf("funnel %q has no stage block. Add its stages in order, from the first (such as stage \"inquiry\") to the last (such as stage \"won\").", f.Name)))
}

func checkStage(_ *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	s := n.(*Stage)
	f := s.Funnel
	if reservedStageNames[s.Name] {
		diags = append(diags, Diag(Schema, s.NameRange, "Reserved stage name",
			fmt.Sprintf("funnel.%s.%s is the funnel's own value, so no stage can be named %q. Rename the stage.", f.Name, s.Name, s.Name)))
	}
	first := f.Stages[0] == s
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

func checkChannel(_ *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	c := n.(*Channel)
	if c.Source.Value == "" || hclsyntax.ValidIdentifier(c.Source.Value) {
		return diags
	}
	return append(diags, Diag(Schema, c.Source.Range, "Invalid source name",
		fmt.Sprintf("The source %q cannot be used in a reference such as funnel.F.source.NAME.revenue. Use letters, digits and underscores, such as %q.",
			c.Source.Value, suggestIdent(c.Source.Value))))
}

func checkCheck(_ *hcl.Block, _ *hcl.BodyContent, n Node, diags hcl.Diagnostics) hcl.Diagnostics {
	return append(diags, checkSeverity(n.(*Check).Severity)...)
}

// finish checks what needs every file: exactly one plan block. A missing
// one is not reported when a file did not parse whole: it may be there.
func (d *decoder) finish(files []*File, broken bool) hcl.Diagnostics {
	var diags hcl.Diagnostics
	metas := d.plan.metas
	switch {
	case len(metas) == 0 && len(files) > 0 && !broken:
		r := hcl.Range{Filename: files[0].Name, Start: hcl.InitialPos, End: hcl.InitialPos}
		diags = append(diags, Diag(Schema, r, "Missing plan block",
			"Every plan needs exactly one plan block with at least a title, such as:\n\nplan {\n  title = \"FY2027 new business\"\n}"))
	case len(metas) > 1:
		for _, m := range metas[1:] {
			diags = append(diags, Diag(Schema, m.DefRange, "More than one plan block",
				fmt.Sprintf("A plan has exactly one plan block, and one is already declared at %s. Merge them.", At(metas[0].DefRange))))
		}
	}
	if len(metas) > 0 {
		d.plan.Meta = metas[0]
	}
	return diags
}

func attr(content *hcl.BodyContent, name string) *Attr {
	a, ok := content.Attributes[name]
	if !ok {
		return nil
	}
	return &Attr{Name: name, Expr: a.Expr, Range: a.Range, NameRange: a.NameRange}
}

// text reads a text attribute: a literal string, never evaluated, so that a
// template in a title (%{for ...}) is an error rather than work.
func text(content *hcl.BodyContent, name string, diags *hcl.Diagnostics) Text {
	a, ok := content.Attributes[name]
	if !ok {
		return Text{}
	}
	s, ok := literal(a.Expr)
	if !ok {
		*diags = append(*diags, Diag(Schema, a.Expr.Range(), fmt.Sprintf("%s must be a string", name),
			fmt.Sprintf("Write %s as a quoted string without references, such as %s = \"...\".", name, name)))
		return Text{}
	}
	return Text{Value: s, Range: a.Expr.Range()}
}

// literal returns the value of a string written without interpolations or
// directives: a quoted string or a heredoc, whose escapes ($${, %%{) HCL
// has already read.
func literal(e hcl.Expression) (string, bool) {
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return "", false
	}
	var b strings.Builder
	for _, p := range t.Parts {
		lit, ok := p.(*hclsyntax.LiteralValueExpr)
		if !ok || !lit.Val.Type().Equals(cty.String) || lit.Val.IsNull() {
			return "", false
		}
		b.WriteString(lit.Val.AsString())
	}
	return b.String(), true
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
