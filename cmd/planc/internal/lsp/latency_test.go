package lsp_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/compiler/compilertest"
)

// BenchmarkQuickFixAndRename measures what a user waits for after asking
// for a quick fix or a rename: the time from sending the request to
// receiving its answer, over JSON-RPC, on the generated plan of 1,000
// metrics in 11 files (compilertest.Generate), with kpis_a.plan.hcl open
// and compiled. The quick fix is that of an unknown reference
// (kpi.k0_3x, "Did you mean "kpi.k0_3"?"), the rename that of kpi k0_3,
// referred to from three files. It reports the median and the 90th
// percentile, and fails when the median is 20 ms or more.
func BenchmarkQuickFixAndRename(b *testing.B) {
	files := map[string]string{}
	for _, src := range compilertest.Generate(1000) {
		files[src.Name] = string(src.Bytes)
	}
	const open = "kpis_a.plan.hcl"
	b.Run("quickfix", func(b *testing.B) {
		text := strings.Replace(files[open], "formula = kpi.k0_0 / kpi.k0_3", "formula = kpi.k0_0 / kpi.k0_3x", 1)
		s, uri := openGenerated(b, files, open, text)
		d := s.diagnostics(uri, 1)
		if len(d) != 1 {
			b.Fatalf("want one diagnostic, got %+v", d)
		}
		raw, _ := json.Marshal(d[0])
		params := lsp.CodeActionParams{TextDocument: doc(uri), Range: d[0].Range,
			Context: lsp.CodeActionContext{Diagnostics: []json.RawMessage{raw}}}
		latency(b, func() {
			var actions []lsp.CodeAction
			s.call("textDocument/codeAction", params, &actions)
			if len(actions) != 1 {
				b.Fatalf("actions = %+v", actions)
			}
		})
	})
	b.Run("rename", func(b *testing.B) {
		s, uri := openGenerated(b, files, open, files[open])
		if d := s.diagnostics(uri, 1); len(d) != 0 {
			b.Fatalf("the plan has diagnostics: %+v", d)
		}
		params := renameParams(uri, lineOf(b, files[open], `kpi "k0_3"`), 6, "k0_three")
		latency(b, func() {
			var e lsp.WorkspaceEdit
			s.call("textDocument/rename", params, &e)
			if n := len(e.Changes); n != 3 {
				b.Fatalf("rename edits %d files, want 3: %+v", n, e)
			}
		})
	})
}

// openGenerated writes files as a plan and opens name with text.
func openGenerated(b *testing.B, files map[string]string, name, text string) (*session, string) {
	dir := writePlan(b, files)
	s := start(b, 0)
	uri := fileURI(dir, name)
	s.notify("textDocument/didOpen", lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
		URI: uri, LanguageID: "hcl", Version: 1, Text: text}})
	return s, uri
}

// latency runs call b.N times and reports its median and 90th percentile
// in milliseconds, failing when the median is 20 ms or more.
func latency(b *testing.B, call func()) {
	var lat []time.Duration
	for b.Loop() {
		t0 := time.Now()
		call()
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	median := lat[len(lat)/2]
	b.ReportMetric(ms(median), "ms/median")
	b.ReportMetric(ms(lat[len(lat)*9/10]), "ms/p90")
	if median >= 20*time.Millisecond {
		b.Errorf("median latency %v, want under 20ms", median)
	}
}

// BenchmarkSemanticTokens measures the full semantic tokens of
// kpis_a.plan.hcl of the generated plan of 1,000 metrics, over JSON-RPC.
func BenchmarkSemanticTokens(b *testing.B) {
	files := map[string]string{}
	for _, src := range compilertest.Generate(1000) {
		files[src.Name] = string(src.Bytes)
	}
	const open = "kpis_a.plan.hcl"
	s, uri := openGenerated(b, files, open, files[open])
	s.diagnostics(uri, 1)
	for b.Loop() {
		var res lsp.SemanticTokens
		s.call("textDocument/semanticTokens/full", lsp.SemanticTokensParams{TextDocument: doc(uri)}, &res)
	}
}
