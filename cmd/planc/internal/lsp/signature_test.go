package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// TestSignatureHelp: in cpa( on the line with 売上🎯, at UTF-16 columns,
// the first parameter is active before the comma and the second after
// it, also inside a nested expression and while the call is still being
// typed; outside a call there is no help.
func TestSignatureHelp(t *testing.T) {
	s, uri, _ := openEditPlan(t, false)
	ja := jaLine(t)
	for _, tt := range []struct {
		char, active int
	}{
		{38, 0}, // cpa(|kpi.cost
		{45, 0}, // kpi.co|st
		{47, 1}, // after ", "
		{57, 1}, // kpi.won *| kpi.cvr
	} {
		var h lsp.SignatureHelp
		s.call("textDocument/signatureHelp", pos(uri, ja, tt.char), &h)
		if len(h.Signatures) != 1 || h.Signatures[0].Label != "cpa(cost, conversions)" || h.ActiveParameter != tt.active {
			t.Errorf("at %d: %+v, want cpa with parameter %d active", tt.char, h, tt.active)
			continue
		}
		sig := h.Signatures[0]
		if len(sig.Parameters) != 2 || sig.Parameters[0].Label != [2]int{4, 8} || sig.Parameters[1].Label != [2]int{10, 21} {
			t.Errorf("parameters = %+v", sig.Parameters)
		}
		if sig.Documentation == nil || !strings.Contains(sig.Documentation.Value, "Cost per acquisition") {
			t.Errorf("documentation = %+v", sig.Documentation)
		}
	}
	if raw := s.rawResult("textDocument/signatureHelp", pos(uri, ja, 30)); string(raw) != "null" {
		t.Errorf("in the comment: %s, want null", raw)
	}
	// While typing: the call is not closed and the file does not parse.
	typing := strings.Replace(editPlan, "cpa(kpi.cost, kpi.won * kpi.cvr) }", "round(max(kpi.cost, (kpi.won), ", 1)
	s.change(uri, 2, typing)
	var h lsp.SignatureHelp
	s.call("textDocument/signatureHelp", pos(uri, ja, u16(t, typing, "(kpi.won), ")+len("(kpi.won), ")), &h)
	if len(h.Signatures) != 1 || h.Signatures[0].Label != "max(x, ...)" || h.ActiveParameter != 0 {
		t.Errorf("in max( of round(max(: %+v, want max's variadic parameter active", h)
	}
}

// TestSignatureTriggers: the capabilities announce ( and , as triggers.
func TestSignatureTriggers(t *testing.T) {
	s := serve(t, 0)
	var res lsp.InitializeResult
	s.call("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}}, &res)
	p := res.Capabilities.SignatureHelpProvider
	if p == nil || strings.Join(p.TriggerCharacters, " ") != "( ," {
		t.Errorf("signatureHelpProvider = %+v", p)
	}
}

// TestHoverFunction: hovering a function's name after 売上🎯 shows its
// signature and documentation over the name's UTF-16 range.
func TestHoverFunction(t *testing.T) {
	s, uri, _ := openEditPlan(t, false)
	ja := jaLine(t)
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, ja, 35), &h)
	if h.Range == nil || *h.Range != line(ja, 34, 37) {
		t.Errorf("range = %+v, want cpa at 34-37", h.Range)
	}
	for _, want := range []string{"cpa(cost, conversions)", "Cost per acquisition: cost / conversions.", "Units: "} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
}
