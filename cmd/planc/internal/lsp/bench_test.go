package lsp_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// largePlan is a plan of n metrics, as in the compiler's benchmark: a
// chain of KPIs that each refer to the one before, solved backward from
// the goal's target.
func largePlan(n int) string {
	var b strings.Builder
	b.WriteString("plan {\n  title = \"large\"\n}\n")
	b.WriteString("kgi \"goal\" {\n  target  = \"4.8億円\"\n  formula = kpi.m" + fmt.Sprint(n-1) + "\n}\n")
	b.WriteString("kpi \"m0\" {\n  unit = \"JPY\"\n}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "kpi \"m%d\" {\n  formula = kpi.m%d + \"1000 JPY\"\n}\n", i, i-1)
	}
	return b.String()
}

// BenchmarkChangeToDiagnostics measures what a user waits for: the time
// from sending a didChange (one character of the goal's target, as typed)
// to receiving the publishDiagnostics computed from it, over JSON-RPC, on
// a 1,000-metric plan. It reports the median and the 90th percentile;
// "debounce=10ms" is `planc lsp` as shipped; "debounce=0s" shows what the
// debounce adds.
func BenchmarkChangeToDiagnostics(b *testing.B) {
	for _, debounce := range []time.Duration{lsp.DefaultDebounce, 0} {
		b.Run("debounce="+debounce.String(), func(b *testing.B) { benchChange(b, debounce) })
	}
}

func benchChange(b *testing.B, debounce time.Duration) {
	text := largePlan(1000)
	dir := writePlan(b, nil)
	s := start(b, debounce)
	uri := fileURI(dir, "main.plan.hcl")
	if d := s.open(uri, text); len(d) != 0 {
		b.Fatalf("the plan has diagnostics: %+v", d)
	}
	// 4.8億円 <-> 4.9億円: the 8 is the 14th UTF-16 unit of its line.
	at := lsp.Position{Line: lineOf(b, text, "target  ="), Character: 14}
	var lat []time.Duration
	for v := 2; b.Loop(); v++ {
		digit := []string{"9", "8"}[v%2]
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
