package lsp_test

import (
	"fmt"
	"github.com/planc-dev/planc/compiler/compilertest"
	"slices"
	"testing"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// BenchmarkChangeToDiagnostics measures what a user waits for: the time
// from sending a didChange (one character of a goal's target, as typed)
// to receiving the publishDiagnostics computed from it, over JSON-RPC, on
// generated plans of 1,000 and 10,000 metrics in 11 files
// (compilertest.Generate), one of them open. It reports the median and
// the 90th percentile; "debounce=10ms" is `planc lsp` as shipped;
// "debounce=0s" shows what the debounce adds.
func BenchmarkChangeToDiagnostics(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, debounce := range []time.Duration{lsp.DefaultDebounce, 0} {
			b.Run(fmt.Sprintf("%dk/debounce=%s", n/1000, debounce), func(b *testing.B) { benchChange(b, n, debounce) })
		}
	}
}

func benchChange(b *testing.B, n int, debounce time.Duration) {
	files := map[string]string{}
	for _, src := range compilertest.Generate(n) {
		files[src.Name] = string(src.Bytes)
	}
	const open = "kpis_a.plan.hcl"
	text := files[open]
	dir := writePlan(b, files)
	s := start(b, debounce)
	uri := fileURI(dir, open)
	if d := s.open(uri, text); len(d) != 0 {
		b.Fatalf("the plan has diagnostics: %+v", d)
	}
	// The first goal's target: "2000万円" <-> "2001万円", its 4th digit.
	line := lineOf(b, text, "target  = \"2000万円\"")
	at := lsp.Position{Line: line, Character: len("  target  = \"200")}
	var lat []time.Duration
	for v := 2; b.Loop(); v++ {
		digit := []string{"1", "0"}[v%2]
		t0 := time.Now()
		s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
			TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: v},
			ContentChanges: []lsp.TextDocumentContentChangeEvent{{
				Range: &lsp.Range{Start: at, End: lsp.Position{Line: at.Line, Character: at.Character + 1}}, Text: digit}}})
		if d := s.diagnostics(uri, v); len(d) != 0 {
			b.Fatalf("version %d has diagnostics: %+v", v, d)
		}
		lat = append(lat, time.Since(t0))
		s.c.Forget()
	}
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "ms/median")
	b.ReportMetric(ms(lat[len(lat)*9/10]), "ms/p90")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
