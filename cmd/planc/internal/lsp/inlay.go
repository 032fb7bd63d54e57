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
func inlayHints(s *Server, r *request, p InlayHintParams) (any, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil || snap.res == nil {
		return nil, err
	}
	from, to := f.text.offset(p.Range.Start, s.enc), f.text.offset(p.Range.End, s.enc)
	out := []InlayHint{}
	for _, node := range allBlocks(blocksIn(snap.plan, f.name)) {
		vs := hintVars(snap.res, node)
		if len(vs) == 0 {
			continue
		}
		at := hintOffset(f.text.src, node.Header().DefRange.End.Byte)
		if at < from || at > to {
			continue
		}
		out = append(out, InlayHint{Position: f.text.position(at, s.enc), Label: hintLabel(snap.res, vs),
			Tooltip: &MarkupContent{Kind: "markdown", Value: hintTooltip(snap.res, vs)}, PaddingLeft: true})
	}
	return out, nil
}

// hintVars returns the solved values shown beside a block's header.
func hintVars(r *compiler.Result, node lang.Node) []*compiler.Var {
	o := r.Info.Of(node)
	if o == nil {
		return nil
	}
	var out []*compiler.Var
	for _, v := range o.Values() {
		if _, ok := r.Value(v); ok && v.Hint() {
			out = append(out, v)
		}
	}
	return out
}

func hintLabel(r *compiler.Result, vs []*compiler.Var) string {
	var parts []string
	for _, v := range vs {
		parts = append(parts, valueText(r, v))
	}
	return "= " + strings.Join(parts, " · ")
}

func hintTooltip(r *compiler.Result, vs []*compiler.Var) string {
	var lines []string
	for _, v := range vs {
		lines = append(lines, fmt.Sprintf("`%s` = %s (%s)", v.Path, valueText(r, v), r.Origin(v)))
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
