package lsp_test

import (
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// TestDocumentHighlight: from a reference after 売上🎯 or from the
// declaration, kpi.cvr's declaration is a write and its references in the
// file are reads, at UTF-16 columns; other.plan.hcl's reference is not in
// this file, so it is not highlighted.
func TestDocumentHighlight(t *testing.T) {
	s, uri, _ := openEditPlan(t, false)
	ja := jaLine(t)
	want := []lsp.DocumentHighlight{
		{Range: line(4, 0, 9), Kind: lsp.HighlightWrite},
		{Range: line(lineOf(t, editPlan, "kpi.leads * kpi.cvr"), 24, 31), Kind: lsp.HighlightRead},
		{Range: line(ja, 58, 65), Kind: lsp.HighlightRead},
	}
	for _, at := range []lsp.Position{{Line: ja, Character: 63}, {Line: ja, Character: 59}, {Line: 4, Character: 6}} {
		var hs []lsp.DocumentHighlight
		s.call("textDocument/documentHighlight", pos(uri, at.Line, at.Character), &hs)
		if len(hs) != len(want) {
			t.Errorf("at %+v: %+v\nwant %+v", at, hs, want)
			continue
		}
		for i := range hs {
			if hs[i] != want[i] {
				t.Errorf("at %+v: %+v\nwant %+v", at, hs, want)
				break
			}
		}
	}
	var hs []lsp.DocumentHighlight
	s.call("textDocument/documentHighlight", pos(uri, 3, 0), &hs)
	if len(hs) != 0 {
		t.Errorf("on an empty line: %+v", hs)
	}
}
