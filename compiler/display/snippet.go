package display

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/rivo/uniseg"
)

// Snippet is the source line of a range with a caret under the range, as
// compilers print it, "" when the range's file is not in files:
//
//	   |
//	70 |   cap = "1億円"
//	   |         ^^^^^^^
//
// The caret is placed by display width, so it lines up under Japanese text
// (two columns a character) in a terminal, a CI log or a <pre>.
func Snippet(r hcl.Range, files map[string]*hcl.File) string {
	f := files[r.Filename]
	if f == nil || r.Start.Line == 0 {
		return ""
	}
	line, ok := sourceLine(f.Bytes, r.Start.Byte)
	if !ok {
		return ""
	}
	gutter := Gutter(r)
	return fmt.Sprintf("%s |\n%d | %s\n%s | %s", gutter, r.Start.Line, expandTabs(line.text), gutter, caret(line, r))
}

// Gutter is the blank margin of a snippet of r: as wide as its line number.
func Gutter(r hcl.Range) string { return strings.Repeat(" ", len(fmt.Sprint(r.Start.Line))) }

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
	return line{text: Printable(strings.TrimRight(string(src[start:end]), "\r")), start: start}, true
}

// Printable replaces control characters and bytes that are not UTF-8 with
// '?', byte for byte so that offsets still line up, so that a snippet of a
// binary file cannot upset the terminal.
func Printable(s string) string {
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
