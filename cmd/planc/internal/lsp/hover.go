package lsp

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// hover describes the value or block under the cursor: its title, solved
// value with its unit and origin, the attributes that give it as written,
// the equation it was solved from, and its description.
func hover(s *Server, r *request, p TextDocumentPositionParams) (any, error) {
	snap, ent, at, err := s.entityAt(r, p.Position)
	if snap == nil || err != nil || snap.res == nil {
		return hoverFunction(s, r, p.Position, err) // signature.go: a function's name
	}
	var md string
	switch x := ent.(type) {
	case *compiler.Var:
		md = snap.varMarkdown(x)
	case *compiler.Object:
		md = snap.blockMarkdown(x)
	}
	h := Hover{Contents: MarkupContent{Kind: "markdown", Value: md}}
	if loc, ok := snap.location(at, s.enc); ok {
		h.Range = &loc.Range
	}
	return h, nil
}

func (s *snapshot) varMarkdown(v *compiler.Var) string {
	var b strings.Builder
	b.WriteString(heading(v.Object.Title(), v.Path.String()))
	fmt.Fprintf(&b, "**%s** (%s)", valueText(s.res, v), s.res.Origin(v))
	if v.UnitKnown {
		fmt.Fprintf(&b, " · unit `%s`", v.Unit.String())
	}
	b.WriteString("\n")
	if written := s.written(v); written != "" {
		fmt.Fprintf(&b, "\n```hcl\n%s\n```\n", written)
	}
	if eq := s.res.Sol.SolvedBy(v); eq != nil {
		fmt.Fprintf(&b, "\nSolved from %s.\n", eq.Text())
	}
	b.WriteString(s.byMonth(v))
	b.WriteString(channelsOf(v.Object))
	b.WriteString(about(v.Object))
	return b.String()
}

// byMonth is a phased value's months as a table, and for a stage the
// entries needed before the period; "" for a value the plan does not place
// in months.
func (s *snapshot) byMonth(v *compiler.Var) string {
	tl := s.res.Timeline
	ms := tl.Series(v)
	if ms == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n| month | value |\n|---|---:|\n")
	for i, x := range ms[:tl.Months] {
		fmt.Fprintf(&b, "| %s | %s |\n", tl.Periods[i].Name, quantity.Format(x, v.Unit))
	}
	if before := tl.Before(v); before != nil && before.Sign() > 0 {
		fmt.Fprintf(&b, "\nNeeded before the period: %s.\n", quantity.Format(before, v.Unit))
	}
	return b.String()
}

func (s *snapshot) blockMarkdown(o *compiler.Object) string {
	var b strings.Builder
	b.WriteString(heading(o.Title(), o.Kind+" "+o.Name()))
	b.WriteString("| path | value | origin |\n|---|---:|---|\n")
	for _, v := range o.Values() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", v.Path, valueText(s.res, v), s.res.Origin(v))
	}
	b.WriteString(channelsOf(o))
	b.WriteString(about(o))
	return b.String()
}

// channelsOf lists the channels that bring a lead source's leads, ""
// for any other object.
func channelsOf(o *compiler.Object) string {
	if o.Kind != "source" {
		return ""
	}
	var names []string
	for _, ch := range o.Refs("channels") {
		names = append(names, "`"+ch.Path.String()+"`")
	}
	if len(names) == 0 {
		return "\nNo channel brings its leads.\n"
	}
	return "\nChannels: " + strings.Join(names, ", ") + "\n"
}

// heading is the title (when there is one) and the code name.
func heading(title, code string) string {
	if title == "" {
		return fmt.Sprintf("`%s`\n\n", code)
	}
	return fmt.Sprintf("**%s** · `%s`\n\n", escape(title), code)
}

// about is a block's owner, definition and description, Markdown as the
// author wrote it.
func about(o *compiler.Object) string {
	if o.Node == nil {
		return ""
	}
	var out strings.Builder
	if owner := lang.TextOf(o.Node, "owner").Value; owner != "" {
		fmt.Fprintf(&out, "\nOwner: %s\n", escape(owner))
	}
	if def := lang.TextOf(o.Node, "definition").Value; def != "" {
		fmt.Fprintf(&out, "\n**Definition**\n\n%s\n", def)
	}
	if desc := lang.TextOf(o.Node, "description").Value; desc != "" {
		fmt.Fprintf(&out, "\n---\n\n%s\n", desc)
	}
	return out.String()
}

// written returns the attributes that give v, as written in the source.
func (s *snapshot) written(v *compiler.Var) string {
	var lines []string
	for _, a := range v.Attrs() {
		if t := s.rangeText(a.Range); t != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, "\n")
}

// valueText is a solved value for people with its unit: "¥480,000,000",
// "30%", "2,286 leads"; "not solved" when it has no value.
func valueText(r *compiler.Result, v *compiler.Var) string {
	if _, ok := r.Value(v); !ok {
		return "not solved"
	}
	return display.WithLabel(r, v)
}

// escape keeps user text (titles, owners) from being read as Markdown.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// rangeText returns the source text of r in the snapshot, "" when r is
// not in it.
func (s *snapshot) rangeText(r hcl.Range) string {
	f := s.files[r.Filename]
	if f == nil || r.End.Byte > len(f.text.src) || r.Start.Byte > r.End.Byte {
		return ""
	}
	return string(r.SliceBytes(f.text.src))
}
