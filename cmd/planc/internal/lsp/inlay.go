package lsp

import (
	"fmt"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// inlayHints shows solved values beside the declarations in the requested
// range: each kgi's and kpi's value, each stage's volume, each channel's
// leads and cost, each funnel's revenue and each budget's spend. Values
// that could not be solved get no hint; their diagnostics say why.
func inlayHints(s *Server, r *request) (any, error) {
	p, err := decode[InlayHintParams](r.params)
	if err != nil {
		return nil, err
	}
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil || snap.model == nil {
		return nil, err
	}
	from, to := f.text.offset(p.Range.Start, s.enc), f.text.offset(p.Range.End, s.enc)
	out := []InlayHint{}
	for _, node := range hintedBlocks(snap.plan, f.name) {
		vs := hintVars(snap.model, node)
		if len(vs) == 0 {
			continue
		}
		at := hintOffset(f.text.src, header(node).DefRange.End.Byte)
		if at < from || at > to {
			continue
		}
		out = append(out, InlayHint{Position: f.text.position(at, s.enc), Label: hintLabel(snap.model, vs),
			Tooltip: &MarkupContent{Kind: "markdown", Value: hintTooltip(snap.model, vs)}, PaddingLeft: true})
	}
	return out, nil
}

// hintedBlocks lists the blocks of file name that get a hint, stages
// after their funnel.
func hintedBlocks(plan *lang.Plan, name string) []any {
	var out []any
	for _, node := range blocksIn(plan, name) {
		out = append(out, node)
		if f, ok := node.(*lang.Funnel); ok {
			for _, s := range f.Stages {
				out = append(out, s)
			}
		}
	}
	return out
}

// hintVars returns the solved values shown for a block.
func hintVars(m *compiler.Model, node any) []*compiler.Var {
	var vs []*compiler.Var
	switch x := node.(type) {
	case *lang.Metric:
		vs = []*compiler.Var{m.MetricVar(x)}
	case *lang.Stage:
		vol, _ := m.StageVars(x)
		vs = []*compiler.Var{vol}
	case *lang.Funnel:
		_, rev := m.FunnelVars(x)
		vs = []*compiler.Var{rev}
	case *lang.Channel:
		leads, _, _, cost := m.ChannelVars(x)
		vs = []*compiler.Var{leads, cost}
	case *lang.Budget:
		spend, _ := m.BudgetVars(x)
		vs = []*compiler.Var{spend}
	}
	var out []*compiler.Var
	for _, v := range vs {
		if _, ok := m.Value(v); v != nil && ok {
			out = append(out, v)
		}
	}
	return out
}

func hintLabel(m *compiler.Model, vs []*compiler.Var) string {
	var parts []string
	for _, v := range vs {
		parts = append(parts, valueText(m, v))
	}
	return "= " + strings.Join(parts, " · ")
}

func hintTooltip(m *compiler.Model, vs []*compiler.Var) string {
	var lines []string
	for _, v := range vs {
		lines = append(lines, fmt.Sprintf("`%s` = %s (%s)", v.Path, valueText(m, v), m.Origin(v)))
	}
	return strings.Join(lines, "\n\n")
}

// hintOffset places a hint after a block header: after its `{` when
// nothing else follows on that line (`kpi "mql" { = 2,286`), else right
// after the label, before a one-line body.
func hintOffset(src []byte, headerEnd int) int {
	i := headerEnd
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || src[i] != '{' {
		return headerEnd
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case ' ', '\t':
			continue
		case '\r', '\n':
			return i + 1
		}
		return headerEnd
	}
	return i + 1
}
