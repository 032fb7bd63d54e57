package lang

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Format returns src in planc's canonical layout: HCL's own (hclwrite)
// indentation, spacing and alignment of `=`, and, as gofmt does, at most one
// blank line in a row, none at the start and exactly one newline at the end.
// It refuses a file that does not parse, returning its syntax diagnostics
// and no bytes, because reformatting around a syntax error can move text in
// ways the author did not mean. Format only lays out; it never checks the
// plan's meaning.
//
// Parsing and hclwrite's layout, which take about as long as each other,
// run at once: a plan of one large file is checked twice as fast.
func Format(name string, src []byte) ([]byte, hcl.Diagnostics) {
	laid := make(chan []byte, 1)
	go func() { laid <- hclwrite.Format(src) }()
	_, diags := parseFile(Source{Name: name, Bytes: src})
	if diags.HasErrors() {
		return nil, diags // the layout is left to finish on its own
	}
	return layout(name, src, <-laid), nil
}

// layout is hclwrite's layout (laid) with tidied lines. hclwrite works on
// tokens and in rare cases joins two into another (`1 .5` becomes `1.5`,
// a different value, and `0.0 .0` becomes `0.0.0`, which does not parse);
// then only the lines are tidied, so that Format never changes what a
// file says.
func layout(name string, src, laid []byte) []byte {
	if bytes.Equal(laid, src) && plainlyTidy(src) {
		return src // already formatted, as most files are: nothing moved, nothing to verify
	}
	if out := tidyLines(laid); sameTokens(src, out) && parses(name, out) {
		return out
	}
	if out := tidyLines(src); parses(name, out) {
		return out
	}
	return src
}

func parses(name string, src []byte) bool {
	_, diags := parseFile(Source{Name: name, Bytes: src})
	return !diags.HasErrors()
}

// IsFormatted reports whether src is already in canonical layout. A file that
// does not parse is reported with its diagnostics.
func IsFormatted(name string, src []byte) (bool, hcl.Diagnostics) {
	out, diags := Format(name, src)
	if diags.HasErrors() {
		return false, diags
	}
	return bytes.Equal(out, src), nil
}

// tidyLines drops blank lines beyond the first of a run and at the start of
// src, and ends src with exactly one newline. It works on HCL tokens, not on
// text, so that blank lines inside heredocs keep their meaning. A dropped
// line takes the spaces before its line end with it.
func tidyLines(src []byte) []byte {
	toks, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	out := make([]byte, 0, len(src))
	ends, last := 2, 0 // line ends since the last token; the start counts as a blank line
	for _, t := range toks {
		end := t.Range.End.Byte
		switch t.Type {
		case hclsyntax.TokenEOF:
			out = bytes.TrimRight(out, " \t\r\n")
			if len(out) > 0 {
				out = append(out, lineEnd(out, src)...)
			}
			return out
		case hclsyntax.TokenNewline:
			if ends++; ends > 2 {
				last = end
				continue
			}
		default:
			ends = 0
			if t.Type == hclsyntax.TokenComment && bytes.HasSuffix(t.Bytes, []byte("\n")) {
				ends = 1 // a line comment ends its line
			}
		}
		out = append(out, src[last:end]...)
		last = end
	}
	return out
}

// plainlyTidy reports, from the text alone, that tidyLines would leave src
// as it is: no blank first line, no two blank lines in a row, and one line
// end at the end, of the first line's kind, after a character that is not
// a space. It is false when unsure (two blank lines in a heredoc, which
// tidyLines keeps), and then tidyLines decides.
func plainlyTidy(src []byte) bool {
	n := len(src)
	end := lineEnd(src, src)
	if n == 0 || !bytes.HasSuffix(src, end) || n == len(end) {
		return false
	}
	if last := src[n-len(end)-1]; last == ' ' || last == '\t' || last == '\r' || last == '\n' {
		return false
	}
	blanks := 1 // the start counts as a blank line
	for line := range bytes.Lines(src) {
		if len(bytes.Trim(line, " \t\r\n")) > 0 {
			blanks = 0
		} else if blanks++; blanks > 1 {
			return false
		}
	}
	return true
}

// lineEnd is the line end of the first line of the formatted text, or of
// the source when the text is one line: "\r\n" or "\n". Taking it from the
// text keeps Format idempotent on files with mixed line ends.
func lineEnd(text, src []byte) []byte {
	for _, b := range [][]byte{text, src} {
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			if i > 0 && b[i-1] == '\r' {
				return []byte("\r\n")
			}
			return []byte("\n")
		}
	}
	return []byte("\n")
}

// sameTokens reports whether a and b hold the same tokens, line ends and
// the spaces around comments aside: whether they differ in layout only.
func sameTokens(a, b []byte) bool {
	ta, tb := significant(a), significant(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i].Type != tb[i].Type || !bytes.Equal(ta[i].Bytes, tb[i].Bytes) {
			return false
		}
	}
	return true
}

// significant lexes src and keeps the tokens that carry meaning, comments
// trimmed of the spaces and line ends that layout may change.
func significant(src []byte) []hclsyntax.Token {
	toks, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	out := toks[:0]
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenComment:
			t.Bytes = bytes.TrimSpace(t.Bytes)
		}
		out = append(out, t)
	}
	return out
}
