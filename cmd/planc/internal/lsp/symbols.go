package lsp

import (
	"sort"

	"github.com/planc-dev/planc/lang"
)

// symbolKinds gives each block type an outline icon.
var symbolKinds = map[string]int{
	"plan": SymbolModule, "kgi": SymbolVariable, "kpi": SymbolVariable, "funnel": SymbolClass,
	"stage": SymbolField, "channel": SymbolInterface, "budget": SymbolObject, "check": SymbolBoolean,
	"team": SymbolStruct, "rule": SymbolBoolean, "persona": SymbolObject, "journey": SymbolClass,
	"phase": SymbolField, "analysis": SymbolObject, "item": SymbolField, "profile": SymbolArray, "actuals": SymbolEvent,
	"scenario": SymbolNamespace, "sensitivity": SymbolEvent, "vary": SymbolField,
}

// documentSymbols is the outline of one file: its blocks in source order,
// nested blocks (stages, phases, a budget's items) under theirs. Each detail is the block's
// title and, for a block with a headline value, that value.
func documentSymbols(s *Server, r *request, _ DocumentSymbolParams) (any, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil {
		return nil, err
	}
	out := []DocumentSymbol{}
	for _, node := range blocksIn(snap.plan, f.name) {
		sym := snap.symbol(f, node, s.enc)
		for _, kid := range node.Header().Nested {
			sym.Children = append(sym.Children, snap.symbol(f, kid, s.enc))
		}
		out = append(out, sym)
	}
	return out, nil
}

// blocksIn lists the top-level blocks of file name, in source order.
func blocksIn(plan *lang.Plan, name string) []lang.Node {
	var in []lang.Node
	for _, n := range plan.Blocks {
		if n.Header().DefRange.Filename == name {
			in = append(in, n)
		}
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].Header().Range.Start.Byte < in[j].Header().Range.Start.Byte })
	return in
}

func (s *snapshot) symbol(f *file, node lang.Node, enc encoding) DocumentSymbol {
	b := node.Header()
	name := b.Name
	if b.Kind == "plan" {
		name = "plan"
	}
	if name == "" {
		name = b.Kind // a block whose label is missing: a schema error
	}
	rng := f.text.lspRange(b.Range, enc)
	sel := f.text.lspRange(b.NameRange, enc)
	if b.NameRange.Start.Byte < b.Range.Start.Byte || b.NameRange.End.Byte > b.Range.End.Byte {
		sel = rng // LSP requires the selection inside the range
	}
	return DocumentSymbol{Name: name, Detail: s.symbolDetail(node), Kind: symbolKinds[b.Kind], Range: rng, SelectionRange: sel}
}

// symbolDetail is a block's title and its first solved hint value.
func (s *snapshot) symbolDetail(node lang.Node) string {
	detail := node.Header().Title.Value
	if s.res == nil {
		return detail
	}
	vs := hintVars(s.res, node)
	if len(vs) == 0 {
		return detail
	}
	if detail != "" {
		detail += " · "
	}
	return detail + valueText(s.res, vs[0])
}
