package lsp

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang"
)

// Quick fixes (textDocument/codeAction of kind quickfix) apply what a
// diagnostic's message proposes:
//
//   - `Did you mean "x"?`, which every did-you-mean of planc (lang.Suggest)
//     and of HCL's schema ends with: the misspelled name becomes x. When
//     the diagnostic covers a reference (kpi.mqls) and x is one
//     (kpi.mql), only the segment that differs is replaced; a quoted name
//     ("mql-sla") keeps its quotes.
//   - rate-out-of-range's `write rate = "30%"` for a bare number above 1
//     (rate = 30), and the same for a share: the number becomes "30%".
//
// The diagnostics are those of the request's context, as the client sent
// them, or when it sent none the server's own at the range. Each action
// carries its diagnostic, and is checked against the document's text, so
// that a diagnostic from an older version of it yields no wrong edit.

var (
	didYouMeanRE = regexp.MustCompile(`Did you mean ("(?:[^"\\]|\\.)*")\?`)
	bareRateRE   = regexp.MustCompile(`A bare number is a fraction, so (\S+) means [^;]*; write (?:rate|share) = ("[^"]*")`)
)

// contextDiagnostic is a diagnostic as the client sent it, with the
// fields a quick fix reads.
type contextDiagnostic struct {
	raw     json.RawMessage
	Range   Range  `json:"range"`
	Source  string `json:"source"`
	Message string `json:"message"`
}

func codeActions(s *Server, r *request, p CodeActionParams) (any, error) {
	out := []CodeAction{}
	if !wantsKind(p.Context.Only, CodeActionQuickFix) {
		return out, nil
	}
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil {
		return out, err
	}
	diags := fromClient(p.Context.Diagnostics)
	if len(p.Context.Diagnostics) == 0 {
		diags = snap.diagnosticsAt(f, p.Range, s.enc)
	}
	for _, d := range diags {
		if d.Source != "" && d.Source != "planc" {
			continue
		}
		edit, title, ok := quickFix(f.text, d, s.enc)
		if !ok {
			continue
		}
		out = append(out, CodeAction{Title: title, Kind: CodeActionQuickFix, Diagnostics: []json.RawMessage{d.raw},
			IsPreferred: true, Edit: s.workspaceEdit(snap, map[string][]TextEdit{f.name: {edit}})})
	}
	return out, nil
}

// wantsKind reports whether a client that asks for the kinds only takes
// actions of kind: all kinds when it names none, and a kind under one it
// names (quickfix under "quickfix").
func wantsKind(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, k := range only {
		if k == kind || strings.HasPrefix(kind, k+".") || k == "" {
			return true
		}
	}
	return false
}

func fromClient(raws []json.RawMessage) []contextDiagnostic {
	var out []contextDiagnostic
	for _, raw := range raws {
		var d contextDiagnostic
		if json.Unmarshal(raw, &d) == nil {
			d.raw = raw
			out = append(out, d)
		}
	}
	return out
}

// diagnosticsAt returns the snapshot's diagnostics of f that overlap rng,
// as published.
func (s *snapshot) diagnosticsAt(f *file, rng Range, enc encoding) []contextDiagnostic {
	var out []contextDiagnostic
	for _, d := range s.lspDiagnostics(enc)[f.name] {
		if before(d.Range.End, rng.Start) || before(rng.End, d.Range.Start) {
			continue
		}
		raw, err := json.Marshal(d)
		if err != nil {
			continue
		}
		out = append(out, contextDiagnostic{raw: raw, Range: d.Range, Source: d.Source, Message: d.Message})
	}
	return out
}

func before(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// quickFix returns the edit that a diagnostic's message proposes, and its
// title; ok is false when it proposes none or the text at its range is
// not what it is about.
func quickFix(t *text, d contextDiagnostic, enc encoding) (TextEdit, string, bool) {
	start, end := t.offset(d.Range.Start, enc), t.offset(d.Range.End, enc)
	if end <= start {
		return TextEdit{}, "", false
	}
	written := string(t.src[start:end])
	if m := bareRateRE.FindStringSubmatch(d.Message); m != nil {
		want, err := strconv.Unquote(m[2])
		if err != nil || !sameNumber(written, m[1]) {
			return TextEdit{}, "", false
		}
		edit := TextEdit{Range: Range{Start: t.position(start, enc), End: t.position(end, enc)}, NewText: strconv.Quote(want)}
		return edit, fmt.Sprintf("Write %s as %q", written, want), true
	}
	m := didYouMeanRE.FindStringSubmatch(d.Message)
	if m == nil {
		return TextEdit{}, "", false
	}
	want, err := strconv.Unquote(m[1])
	if err != nil || want == "" {
		return TextEdit{}, "", false
	}
	from, to, repl, ok := misspelled(written, want)
	if !ok {
		return TextEdit{}, "", false
	}
	edit := TextEdit{Range: Range{Start: t.position(start+from, enc), End: t.position(start+to, enc)}, NewText: repl}
	return edit, fmt.Sprintf("Change %q to %q", written[from:to], repl), true
}

// sameNumber reports whether written is a number literal as HCL writes
// one, of the value x.
func sameNumber(written, x string) bool {
	toks, diags := hclsyntax.LexExpression([]byte(written), "", hcl.InitialPos)
	if diags.HasErrors() || len(toks) != 2 || toks[0].Type != hclsyntax.TokenNumberLit || toks[1].Type != hclsyntax.TokenEOF {
		return false
	}
	a, ok1 := new(big.Rat).SetString(written)
	b, ok2 := new(big.Rat).SetString(x)
	return ok1 && ok2 && a.Cmp(b) == 0
}

// misspelled returns the byte range within written that the suggestion
// want replaces, and with what: the inside of a quoted name; of a
// reference (kpi.mqls) with a suggested reference of as many segments
// (kpi.mql), the one segment that differs; of a reference with a
// suggested name, the segment closest to it; else all of written, a name.
// What is replaced must be close to its replacement, as lang.Suggest
// counts it, so that a diagnostic whose range is stale fixes nothing.
func misspelled(written, want string) (from, to int, repl string, ok bool) {
	near := func(a, b string) bool { return a != b && lang.Suggest(a, []string{b}) == b }
	if len(written) >= 2 && written[0] == '"' && written[len(written)-1] == '"' {
		inner := written[1 : len(written)-1]
		if strings.ContainsAny(want, "\"\\") || strings.Contains(want, "${") || !near(strings.ToLower(inner), want) && !near(inner, want) {
			return 0, 0, "", false
		}
		return 1, len(written) - 1, want, true
	}
	segs := pathSegments(written)
	if segs == nil {
		return 0, 0, "", false
	}
	wants := strings.Split(want, ".")
	for _, w := range wants {
		if !hclsyntax.ValidIdentifier(w) {
			return 0, 0, "", false
		}
	}
	var at int
	switch {
	case len(wants) == len(segs):
		diff := -1
		for i, sg := range segs {
			if written[sg[0]:sg[1]] == wants[i] {
				continue
			}
			if diff >= 0 {
				return 0, 0, "", false // more than one name differs
			}
			diff = i
		}
		if diff < 0 {
			return 0, 0, "", false
		}
		at, want = diff, wants[diff]
	case len(wants) == 1:
		dist := -1
		for i, sg := range segs {
			if d := levenshtein.Distance(written[sg[0]:sg[1]], want, nil); dist < 0 || d < dist {
				at, dist = i, d
			}
		}
	default:
		return 0, 0, "", false
	}
	sg := segs[at]
	if !near(written[sg[0]:sg[1]], want) {
		return 0, 0, "", false
	}
	return sg[0], sg[1], want, true
}

// pathSegments returns the byte ranges of the names of a reference
// written without spaces (funnel.demand.mql), nil when s is not one.
func pathSegments(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '.' {
			continue
		}
		if !hclsyntax.ValidIdentifier(s[start:i]) {
			return nil
		}
		out = append(out, [2]int{start, i})
		start = i + 1
	}
	return out
}
