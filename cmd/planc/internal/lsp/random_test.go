package lsp_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// pieces are what random edits insert: HCL punctuation, references,
// quantities, Japanese, an emoji, line ends and unclosed constructs.
var pieces = []string{"{", "}", "\"", "kpi.", "funnel.demand.", "channel.ads.", "新規", "😀", "\n", "\r\n", " = ",
	"\"30%\"", "/*", "*/", "#", "${", "(", ")", "[", "]", "rate", "stage \"x\" {", "0", "-", "\t", "\\", "<<EOT\n",
	"kpi \"k\" {\n  formula = kpi.cost_per_deal\n}\n", ".", "\x00", "\xff"}

// TestRandomEdits mangles the demo plan with random edits and sends every
// request at random positions after each: no request may fail and the
// server must never panic.
func TestRandomEdits(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, demoPlan)
	r := rand.New(rand.NewPCG(1, 2))
	text := demoPlan
	iterations := 150
	if testing.Short() {
		iterations = 30
	}
	for v := 2; v < iterations; v++ {
		text = mutate(r, text)
		change := lsp.TextDocumentContentChangeEvent{Text: text}
		if v%7 == 0 {
			// A range change at random, possibly invalid positions; the
			// next change sends the whole text again.
			change = lsp.TextDocumentContentChangeEvent{Range: &lsp.Range{Start: randomPos(r), End: randomPos(r)}, Text: pick(r)}
		}
		s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
			TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: v}, ContentChanges: []lsp.TextDocumentContentChangeEvent{change}})
		for _, method := range []string{"textDocument/hover", "textDocument/definition", "textDocument/references",
			"textDocument/completion", "textDocument/documentSymbol", "textDocument/inlayHint", "textDocument/formatting"} {
			p := map[string]any{"textDocument": map[string]string{"uri": uri}, "position": randomPos(r),
				"range": lsp.Range{Start: randomPos(r), End: randomPos(r)}, "context": map[string]bool{"includeDeclaration": true}}
			m, err := s.c.CallRaw(s.ctx, method, p)
			if err == nil && method == "textDocument/formatting" && m.Error != nil && m.Error.Code == lsp.CodeRequestFailed &&
				strings.Contains(m.Error.Message, "cannot format a file") {
				continue // a syntax error, said as it should be
			}
			if err != nil || m.Error != nil {
				t.Fatalf("version %d, %s: %v %+v\ntext:\n%s", v, method, err, m.Error, text)
			}
		}
	}
	s.diagnostics(uri, iterations-1)
	if strings.Contains(s.serverLog(), "panic") {
		t.Errorf("the server panicked:\n%s", s.serverLog())
	}
}

func pick(r *rand.Rand) string { return pieces[r.IntN(len(pieces))] }

func randomPos(r *rand.Rand) lsp.Position {
	return lsp.Position{Line: r.IntN(70) - 2, Character: r.IntN(60) - 2}
}

// mutate deletes, inserts or replaces at a random character boundary.
func mutate(r *rand.Rand, text string) string {
	at := boundary(text, r.IntN(len(text)+1))
	end := boundary(text, min(len(text), at+r.IntN(12)))
	switch r.IntN(3) {
	case 0:
		return text[:at] + text[end:]
	case 1:
		return text[:at] + pick(r) + text[at:]
	}
	return text[:at] + pick(r) + pick(r) + text[end:]
}

func boundary(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
