package lsp_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// semToken is a decoded semantic token.
type semToken struct {
	line, char, length int
	typ                string
	mods               []string
}

func (t semToken) String() string {
	s := fmt.Sprintf("%d:%d+%d %s", t.line, t.char, t.length, t.typ)
	if len(t.mods) > 0 {
		s += " " + strings.Join(t.mods, ",")
	}
	return s
}

// decodeTokens turns LSP's relative integers back into tokens with the
// legend's names.
func decodeTokens(t *testing.T, legend lsp.SemanticTokensLegend, data []uint32) []semToken {
	t.Helper()
	if len(data)%5 != 0 {
		t.Fatalf("%d integers, not a multiple of 5", len(data))
	}
	var out []semToken
	line, char := 0, 0
	for i := 0; i < len(data); i += 5 {
		if data[i] > 0 {
			char = 0
		}
		line += int(data[i])
		char += int(data[i+1])
		tok := semToken{line: line, char: char, length: int(data[i+2]), typ: legend.TokenTypes[data[i+3]]}
		for b, m := range legend.TokenModifiers {
			if data[i+4]&(1<<b) != 0 {
				tok.mods = append(tok.mods, m)
			}
		}
		out = append(out, tok)
	}
	return out
}

// legendOf initializes a session and returns the legend it announces.
func legendOf(t *testing.T) lsp.SemanticTokensLegend {
	s := serve(t, 0)
	var res lsp.InitializeResult
	s.call("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}}, &res)
	p := res.Capabilities.SemanticTokensProvider
	if p == nil || !p.Full.Delta || len(p.Legend.TokenTypes) == 0 {
		t.Fatalf("semanticTokensProvider = %+v", p)
	}
	return p.Legend
}

// TestSemanticTokens: on the line with 売上🎯, every token at its UTF-16
// column: the block kind, the label (a kpi's as a variable being
// declared), the attribute, the comment, the library function, each
// segment of the references, the operator; and elsewhere quantity strings
// as numbers, text as strings, a plain number.
func TestSemanticTokens(t *testing.T) {
	legend := legendOf(t)
	s, uri, _ := openEditPlan(t, false)
	var res lsp.SemanticTokens
	s.call("textDocument/semanticTokens/full", lsp.SemanticTokensParams{TextDocument: doc(uri)}, &res)
	if res.ResultID == "" {
		t.Error("no resultId")
	}
	toks := decodeTokens(t, legend, res.Data)
	var onLine = map[int][]string{}
	for _, tok := range toks {
		onLine[tok.line] = append(onLine[tok.line], tok.String())
	}
	ja := jaLine(t)
	want := []string{
		"0:0+3 keyword", "0:4+6 variable declaration", // kpi "見込売上"
		"0:13+7 property",                     // formula
		"0:23+10 comment",                     // /* 売上🎯 */
		"0:34+3 function defaultLibrary",      // cpa
		"0:38+3 namespace", "0:42+4 variable", // kpi.cost
		"0:48+3 namespace", "0:52+3 variable", // kpi.won
		"0:56+1 operator",
		"0:58+3 namespace", "0:62+3 variable", // kpi.cvr
	}
	var got []string
	for _, tok := range onLine[ja] {
		tok = strings.Replace(tok, fmt.Sprint(ja)+":", "0:", 1)
		got = append(got, tok)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tokens of %q:\n%s\nwant\n%s", strings.Split(editPlan, "\n")[ja], strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for l, want := range map[int][]string{
		lineOf(t, editPlan, `title = "編集 🎯"`):   {"1:2+5 property", "1:10+7 string"},
		lineOf(t, editPlan, `value = "20%"`):    {"6:2+5 property", "6:10+5 number"},
		lineOf(t, editPlan, `value = 1000`):     {"10:2+5 property", "10:10+4 number"},
		lineOf(t, editPlan, `kpi "cvr"`):        {"4:0+3 keyword", "4:4+5 variable declaration"},
		lineOf(t, editPlan, "kpi.leads * kpi."): {"15:2+7 property", "15:12+3 namespace", "15:16+5 variable", "15:22+1 operator", "15:24+3 namespace", "15:28+3 variable"},
	} {
		if !slices.Equal(onLine[l], want) {
			t.Errorf("tokens of line %d: %v, want %v", l, onLine[l], want)
		}
	}
}

// TestSemanticTokensOfFunnel: stages, channels and budgets by kind, a
// value's segment (volume) as a property, and a heredoc and a comment
// run split into one token per line.
func TestSemanticTokensOfFunnel(t *testing.T) {
	legend := legendOf(t)
	text := strings.Replace(demoPlan, `kpi "budget_per_deal" {`, "# Budget\n# per deal\nkpi \"budget_per_deal\" {\n  description = <<-EOT\n    Spend 😀\n    per deal.\n  EOT", 1)
	s, uri := openPlan(t, text)
	var res lsp.SemanticTokens
	s.call("textDocument/semanticTokens/full", lsp.SemanticTokensParams{TextDocument: doc(uri)}, &res)
	byLine := map[int][]string{}
	for _, tok := range decodeTokens(t, legend, res.Data) {
		byLine[tok.line] = append(byLine[tok.line], tok.String())
	}
	for sub, want := range map[string][]string{
		`stage "shodan"`:   {"2 keyword", "8 enumMember declaration"},
		`channel "ads"`:    {"0 keyword", "8 interface declaration"},
		"# Budget":         {"0 comment"},
		"# per deal":       {"0 comment"},
		"Spend 😀":          {"0 string"},
		"  EOT":            {"0 string"},
		"channel.ads.cost": {"2 property", "16 namespace", "24 variable", "28 property", "33 operator", "35 namespace", "42 variable", "49 variable", "55 property"},
	} {
		l := lineOf(t, text, sub)
		var got []string
		for _, tok := range byLine[l] {
			_, rest, _ := strings.Cut(tok, ":")
			col, more, _ := strings.Cut(rest, "+")
			_, kind, _ := strings.Cut(more, " ")
			got = append(got, col+" "+kind)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", sub, got, want)
		}
	}
}

// TestSemanticTokensDelta: after an edit, the delta from the previous
// result applied to it gives the new full result; a delta from a result
// that is not the last one is answered with all the tokens.
func TestSemanticTokensDelta(t *testing.T) {
	s, uri, _ := openEditPlan(t, false)
	var first lsp.SemanticTokens
	s.call("textDocument/semanticTokens/full", lsp.SemanticTokensParams{TextDocument: doc(uri)}, &first)
	edited := strings.Replace(editPlan, "kpi.leads * kpi.cvr", "kpi.leads * kpi.cvr * 1", 1)
	s.change(uri, 2, edited)
	var delta lsp.SemanticTokensDelta
	s.call("textDocument/semanticTokens/full/delta", lsp.SemanticTokensDeltaParams{TextDocument: doc(uri), PreviousResultID: first.ResultID}, &delta)
	if delta.ResultID == "" || delta.ResultID == first.ResultID || len(delta.Edits) != 1 {
		t.Fatalf("delta = %+v, want one edit and a new resultId", delta)
	}
	e := delta.Edits[0]
	patched := slices.Concat(first.Data[:e.Start], e.Data, first.Data[e.Start+e.DeleteCount:])
	var full lsp.SemanticTokens
	s.call("textDocument/semanticTokens/full", lsp.SemanticTokensParams{TextDocument: doc(uri)}, &full)
	if !slices.Equal(patched, full.Data) {
		t.Errorf("the delta applied:\n%v\nthe full tokens:\n%v", patched, full.Data)
	}
	if len(e.Data) >= len(full.Data)/2 {
		t.Errorf("the delta resends %d of %d integers", len(e.Data), len(full.Data))
	}
	// No change: no edits.
	s.call("textDocument/semanticTokens/full/delta", lsp.SemanticTokensDeltaParams{TextDocument: doc(uri), PreviousResultID: full.ResultID}, &delta)
	if len(delta.Edits) != 0 {
		t.Errorf("delta without a change = %+v", delta.Edits)
	}
	// A stale result id: the whole tokens.
	raw := s.rawResult("textDocument/semanticTokens/full/delta", lsp.SemanticTokensDeltaParams{TextDocument: doc(uri), PreviousResultID: first.ResultID})
	if !strings.Contains(string(raw), `"data":[`) || strings.Contains(string(raw), `"edits"`) {
		t.Errorf("delta from a stale result = %s, want full tokens", raw)
	}
}
