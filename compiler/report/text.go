package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/rivo/uniseg"
)

// Text writes diagnostics in the form compilers use, one block each:
//
//	error[over-budget]: Over budget
//	  --> plan.plan.hcl:70:9
//	   |
//	70 |   cap = "1億円"
//	   |         ^^^^^^^
//	   = budget "marketing" spends ¥158,877,000 ...
//
// The caret is placed by display width, so it lines up under Japanese text
// (two columns a character) in a terminal or CI log.
func Text(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File) {
	for _, d := range diags {
		writeOne(w, d, files)
	}
}

func severity(d *hcl.Diagnostic) string {
	if d.Severity == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

func writeOne(w io.Writer, d *hcl.Diagnostic, files map[string]*hcl.File) {
	fmt.Fprintf(w, "%s[%s]: %s\n", severity(d), lang.CodeOf(d), d.Summary)
	if d.Subject == nil {
		writeDetail(w, "", d.Detail)
		return
	}
	r := *d.Subject
	if r.Start.Line == 0 {
		fmt.Fprintf(w, "  --> %s\n", r.Filename)
		writeDetail(w, "", d.Detail)
		return
	}
	fmt.Fprintf(w, "  --> %s:%d:%d\n", r.Filename, r.Start.Line, r.Start.Column)
	gutter := strings.Repeat(" ", len(fmt.Sprint(r.Start.Line)))
	if f := files[r.Filename]; f != nil {
		if line, ok := sourceLine(f.Bytes, r.Start.Byte); ok {
			fmt.Fprintf(w, "%s |\n", gutter)
			fmt.Fprintf(w, "%d | %s\n", r.Start.Line, expandTabs(line.text))
			fmt.Fprintf(w, "%s | %s\n", gutter, caret(line, r))
		}
	}
	writeDetail(w, gutter, d.Detail)
}

func writeDetail(w io.Writer, gutter, detail string) {
	if detail == "" {
		return
	}
	lines := strings.Split(detail, "\n")
	fmt.Fprintf(w, "%s = %s\n", gutter, lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(w, "%s   %s\n", gutter, l)
	}
}

// line is one source line and the byte offset where it starts.
type line struct {
	text  string
	start int
}

func sourceLine(src []byte, off int) (line, bool) {
	if off > len(src) {
		return line{}, false
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += off
	}
	return line{text: printable(strings.TrimRight(string(src[start:end]), "\r")), start: start}, true
}

// printable replaces control characters and bytes that are not UTF-8 with
// '?', byte for byte so that offsets still line up, so that a snippet of a
// binary file cannot upset the terminal.
func printable(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if (r == utf8.RuneError && size == 1) || (r < 0x20 && r != '\t') || r == 0x7f {
			b[i] = '?'
		}
		i += size
	}
	return string(b)
}

// caret draws ^ under the range's part of the line: spaces for the display
// width before it, one ^ per display column of it (at least one).
func caret(l line, r hcl.Range) string {
	from := clamp(r.Start.Byte-l.start, 0, len(l.text))
	to := len(l.text)
	if r.End.Line == r.Start.Line {
		to = clamp(r.End.Byte-l.start, from, len(l.text))
	}
	pad := width(expandTabs(l.text[:from]))
	n := width(expandTabs(l.text[from:to]))
	if n < 1 {
		n = 1
	}
	return strings.Repeat(" ", pad) + strings.Repeat("^", n)
}

func width(s string) int { return uniseg.StringWidth(s) }

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// Summary writes the closing line: "2 errors, 1 warning".
func Summary(w io.Writer, diags hcl.Diagnostics) {
	e, wn := Count(diags)
	fmt.Fprintf(w, "%s, %s\n", plural(e, "error"), plural(wn, "warning"))
}

// Count returns the numbers of errors and warnings.
func Count(diags hcl.Diagnostics) (errors, warnings int) {
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			warnings++
		} else {
			errors++
		}
	}
	return errors, warnings
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
