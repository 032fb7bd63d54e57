package lsp

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
)

// hover describes the value or block under the cursor: its title, solved
// value with its unit and origin, the attributes that give it as written,
// the equation it was solved from, and its description.
func hover(s *Server, r *request) (any, error) {
	p, err := decode[TextDocumentPositionParams](r.params)
	if err != nil {
		return nil, err
	}
	snap, ent, at, err := s.entityAt(r, p.Position)
	if snap == nil || err != nil || snap.model == nil {
		return nil, err
	}
	var md string
	if v, ok := ent.(*compiler.Var); ok {
		md = snap.varMarkdown(v)
	} else {
		md = snap.blockMarkdown(ent)
	}
	h := Hover{Contents: MarkupContent{Kind: "markdown", Value: md}}
	if loc, ok := snap.location(at, s.enc); ok {
		h.Range = &loc.Range
	}
	return h, nil
}

func (s *snapshot) varMarkdown(v *compiler.Var) string {
	var b strings.Builder
	b.WriteString(heading(blockOf(v.Owner), v.Path))
	fmt.Fprintf(&b, "**%s** (%s)", valueText(s.model, v), s.model.Origin(v))
	if v.UnitKnown {
		fmt.Fprintf(&b, " · unit `%s`", v.Unit.String())
	}
	b.WriteString("\n")
	if written := s.written(v); written != "" {
		fmt.Fprintf(&b, "\n```hcl\n%s\n```\n", written)
	}
	if eq := s.model.SolvedBy(v); eq != nil {
		fmt.Fprintf(&b, "\nSolved from %s.\n", eq.What)
	}
	b.WriteString(about(v.Owner))
	return b.String()
}

func (s *snapshot) blockMarkdown(ent entity) string {
	blk := blockOf(ent)
	if blk == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(heading(blk, blk.Kind+" "+blk.Name))
	b.WriteString("| path | value | origin |\n|---|---:|---|\n")
	for _, v := range varsOf(s.model, ent) {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", v.Path, valueText(s.model, v), s.model.Origin(v))
	}
	b.WriteString(about(ent))
	return b.String()
}

// heading is the title (when there is one) and the code name.
func heading(b *lang.Block, code string) string {
	if b == nil || b.Title.Value == "" {
		return fmt.Sprintf("`%s`\n\n", code)
	}
	return fmt.Sprintf("**%s** · `%s`\n\n", escape(b.Title.Value), code)
}

// about is a block's owner, stage definition and description, Markdown
// as the author wrote it.
func about(node any) string {
	b := blockOf(node)
	if b == nil {
		return ""
	}
	var out strings.Builder
	if b.Owner.Value != "" {
		fmt.Fprintf(&out, "\nOwner: %s\n", escape(b.Owner.Value))
	}
	if st, ok := node.(*lang.Stage); ok && st.Definition.Value != "" {
		fmt.Fprintf(&out, "\n**Definition**\n\n%s\n", st.Definition.Value)
	}
	if b.Description.Value != "" {
		fmt.Fprintf(&out, "\n---\n\n%s\n", b.Description.Value)
	}
	return out.String()
}

// written returns the attributes that give v, as written in the source.
func (s *snapshot) written(v *compiler.Var) string {
	var lines []string
	for _, a := range givingAttrs(v) {
		if t := s.rangeText(a.Range); t != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, "\n")
}

// givingAttrs lists the attributes that give or define v.
func givingAttrs(v *compiler.Var) []*lang.Attr {
	var as []*lang.Attr
	switch o := v.Owner.(type) {
	case *lang.Metric:
		as = []*lang.Attr{o.Unit, o.Value, o.Target, o.Formula}
	case *lang.Funnel:
		if v.Kind == compiler.KindDealSize {
			as = []*lang.Attr{o.DealSize}
		}
	case *lang.Stage:
		if v.Kind == compiler.KindRate {
			as = []*lang.Attr{o.Rate}
		}
	case *lang.Channel:
		as = []*lang.Attr{map[compiler.VarKind]*lang.Attr{compiler.KindShare: o.Share, compiler.KindLeads: o.Leads,
			compiler.KindCPA: o.CPA, compiler.KindCost: o.Budget}[v.Kind]}
	case *lang.Budget:
		if v.Kind == compiler.KindCap {
			as = []*lang.Attr{o.Cap}
		}
	}
	var out []*lang.Attr
	for _, a := range as {
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// valueText is a solved value for people with its unit: "¥480,000,000",
// "30%", "2,286 leads"; "not solved" when it has no value.
func valueText(m *compiler.Model, v *compiler.Var) string {
	if _, ok := m.Value(v); !ok {
		return "not solved"
	}
	out := report.Display(m, v)
	if v.Unit.IsCount() && v.Unit.Label != "" {
		out += " " + v.Unit.Label
	}
	return out
}

// blockOf returns the common part of a block node, nil for anything else.
func blockOf(node any) *lang.Block {
	switch x := node.(type) {
	case *lang.Metric:
		return &x.Block
	case *lang.Funnel:
		return &x.Block
	case *lang.Stage:
		return &x.Block
	case *lang.Channel:
		return &x.Block
	case *lang.Budget:
		return &x.Block
	case *lang.Check:
		return &x.Block
	case *lang.Team:
		return &x.Block
	case *lang.Rule:
		return &x.Block
	case *lang.Persona:
		return &x.Block
	case *lang.Journey:
		return &x.Block
	case *lang.Phase:
		return &x.Block
	case *lang.Analysis:
		return &x.Block
	}
	return nil
}

// varsOf lists the values a block holds, in reference-table order.
func varsOf(m *compiler.Model, node any) []*compiler.Var {
	var vs []*compiler.Var
	switch x := node.(type) {
	case *lang.Metric:
		vs = []*compiler.Var{m.MetricVar(x)}
	case *lang.Funnel:
		d, r := m.FunnelVars(x)
		vs = []*compiler.Var{d, r}
	case *lang.Stage:
		vol, rate := m.StageVars(x)
		vs = []*compiler.Var{vol, rate}
	case *lang.Channel:
		l, sh, c, cost := m.ChannelVars(x)
		vs = []*compiler.Var{l, sh, c, cost}
	case *lang.Budget:
		sp, c := m.BudgetVars(x)
		vs = []*compiler.Var{sp, c}
	case *lang.Team:
		h, c, l, r := m.TeamVars(x)
		vs = []*compiler.Var{h, c, l, r}
	}
	var out []*compiler.Var
	for _, v := range vs {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
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
