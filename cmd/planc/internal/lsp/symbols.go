package lsp

import (
	"sort"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// symbolKinds gives each block type an outline icon.
var symbolKinds = map[string]int{
	"plan": SymbolModule, "kgi": SymbolVariable, "kpi": SymbolVariable, "funnel": SymbolClass,
	"stage": SymbolField, "channel": SymbolInterface, "budget": SymbolObject, "check": SymbolBoolean,
	"team": SymbolStruct, "rule": SymbolBoolean, "persona": SymbolObject, "journey": SymbolClass,
	"phase": SymbolField, "analysis": SymbolObject,
}

// documentSymbols is the outline of one file: its blocks in source order,
// stages under their funnel. Each detail is the block's title and, for a
// block with one headline value, that value.
func documentSymbols(s *Server, r *request) (any, error) {
	if _, err := decode[DocumentSymbolParams](r.params); err != nil {
		return nil, err
	}
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil {
		return nil, err
	}
	out := []DocumentSymbol{}
	for _, node := range blocksIn(snap.plan, f.name) {
		sym := snap.symbol(f, node, s.enc)
		if fn, ok := node.(*lang.Funnel); ok {
			for _, st := range fn.Stages {
				sym.Children = append(sym.Children, snap.symbol(f, st, s.enc))
			}
		}
		if j, ok := node.(*lang.Journey); ok {
			for _, ph := range j.Phases {
				sym.Children = append(sym.Children, snap.symbol(f, ph, s.enc))
			}
		}
		out = append(out, sym)
	}
	return out, nil
}

// blocksIn lists the top-level blocks of file name, in source order.
func blocksIn(plan *lang.Plan, name string) []any {
	var out []any
	if plan.Meta != nil {
		out = append(out, plan.Meta)
	}
	out = appendAll(out, plan.KGIs)
	out = appendAll(out, plan.KPIs)
	out = appendAll(out, plan.Funnels)
	out = appendAll(out, plan.Channels)
	out = appendAll(out, plan.Budgets)
	out = appendAll(out, plan.Teams)
	out = appendAll(out, plan.Checks)
	out = appendAll(out, plan.Rules)
	out = appendAll(out, plan.Personas)
	out = appendAll(out, plan.Journeys)
	out = appendAll(out, plan.Analyses)
	var in []any
	for _, n := range out {
		if b := header(n); b.DefRange.Filename == name {
			in = append(in, n)
		}
	}
	sort.SliceStable(in, func(i, j int) bool { return header(in[i]).Range.Start.Byte < header(in[j]).Range.Start.Byte })
	return in
}

func appendAll[T any](out []any, xs []T) []any {
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// header is blockOf extended to the plan block.
func header(node any) *lang.Block {
	if m, ok := node.(*lang.Meta); ok {
		return &m.Block
	}
	return blockOf(node)
}

func (s *snapshot) symbol(f *file, node any, enc encoding) DocumentSymbol {
	b := header(node)
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
	return DocumentSymbol{Name: name, Detail: s.symbolDetail(b, node), Kind: symbolKinds[b.Kind], Range: rng, SelectionRange: sel}
}

func (s *snapshot) symbolDetail(b *lang.Block, node any) string {
	detail := b.Title.Value
	if s.model == nil {
		return detail
	}
	var v *compiler.Var
	switch x := node.(type) {
	case *lang.Metric:
		v = s.model.MetricVar(x)
	case *lang.Stage:
		v, _ = s.model.StageVars(x)
	case *lang.Funnel:
		_, v = s.model.FunnelVars(x)
	case *lang.Channel:
		v, _, _, _ = s.model.ChannelVars(x)
	case *lang.Budget:
		v, _ = s.model.BudgetVars(x)
	}
	if v == nil {
		return detail
	}
	if _, ok := s.model.Value(v); !ok {
		return detail
	}
	if detail != "" {
		detail += " · "
	}
	return detail + valueText(s.model, v)
}
