package display

import (
	"bytes"
	"fmt"
	"slices"
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
	text, marks := clip(line, r)
	return fmt.Sprintf("%s |\n%d | %s\n%s | %s", gutter, r.Start.Line, text, gutter, marks)
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

// Printable replaces what could upset or deceive a terminal with '?',
// byte for byte so that offsets still line up: control characters (an
// escape sequence can move the cursor, erase a line and print a fake
// "0 errors"), including the C1 ones, Unicode's bidirectional overrides
// (which reorder what is shown), and bytes that are not UTF-8. Tabs stay.
func Printable(s string) string { return printable(s, false) }

// Terminal is Printable for text of several lines: line ends stay too.
// Every message planc prints for people goes through it, because titles,
// messages and file names come from the plan and its files.
func Terminal(s string) string { return printable(s, true) }

func printable(s string, lines bool) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unsafeRune(r, lines) || r == '\r' }) && utf8.ValidString(s) {
		return s // the common case: nothing to replace, nothing copied
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		crlf := lines && r == '\r' && i+1 < len(b) && b[i+1] == '\n' // a bare CR could overwrite the line
		if (r == utf8.RuneError && size == 1) || (unsafeRune(r, lines) && !crlf) {
			for j := range size {
				b[i+j] = '?'
			}
		}
		i += size
	}
	return string(b)
}

// unsafeRune reports whether r must not reach a terminal as it is.
func unsafeRune(r rune, lines bool) bool {
	switch {
	case r == '\t', lines && r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f: // C0, DEL and C1 controls
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c: // bidi
		return true
	}
	return false
}

// maxColumns is the widest a snippet's line is shown: a longer line (a
// formula of 20,000 terms on one line) is cut around the range, with an
// ellipsis for each side cut, so that a message stays a few lines long.
const maxColumns = 120

// lead is how many columns of the line a cut snippet shows before the
// range, for context.
const lead = 40

// ellipsis marks a cut; three dots are one column each in every terminal,
// which "…" is not (it is two wide in East Asian terminals).
const ellipsis = "..."

// clip returns the line to show, tabs expanded and cut to maxColumns
// around the range, and the caret line that goes under it: spaces for the
// display width before the range, one ^ per display column of it (at
// least one).
func clip(l line, r hcl.Range) (text, marks string) {
	from := clamp(r.Start.Byte-l.start, 0, len(l.text))
	to := len(l.text)
	if r.End.Line == r.Start.Line {
		to = clamp(r.End.Byte-l.start, from, len(l.text))
	}
	cells := columns(l.text)
	total, colFrom, colTo := cells.at(len(l.text)), cells.at(from), cells.at(to)
	lo, hi := 0, total
	if total > maxColumns {
		lo = max(0, min(colFrom-lead, total-maxColumns))
		hi = lo + maxColumns
	}
	text = cells.slice(l.text, lo, hi)
	pad := colFrom - lo
	if lo > 0 {
		text, pad = ellipsis+text, pad+len(ellipsis)
	}
	if hi < total {
		text += ellipsis
	}
	n := max(1, min(colTo, hi)-colFrom)
	return text, strings.Repeat(" ", pad) + strings.Repeat("^", n)
}

// cell is one character of a line (a grapheme cluster): its byte offset
// and the display column it starts at.
type cell struct{ off, col int }

// cellList is a line's characters, and one past its end.
type cellList []cell

// columns measures a line: a tab is four columns (as expandTabs writes
// it), a wide character two.
func columns(s string) cellList {
	var out cellList
	col, state := 0, -1
	for off := 0; off < len(s); {
		out = append(out, cell{off, col})
		var c string
		var w int
		c, _, w, state = uniseg.FirstGraphemeClusterInString(s[off:], state)
		if c == "\t" {
			w = 4
		}
		col += w
		off += len(c)
	}
	return append(out, cell{len(s), col})
}

// at returns the column at byte offset off (the start of the character
// that holds it).
func (cs cellList) at(off int) int {
	i, _ := slices.BinarySearchFunc(cs, off, func(c cell, off int) int { return c.off - off })
	if i < len(cs) && cs[i].off > off && i > 0 {
		i--
	}
	return cs[min(i, len(cs)-1)].col
}

// slice returns the characters of s that lie in columns [lo, hi), tabs
// expanded.
func (cs cellList) slice(s string, lo, hi int) string {
	var b strings.Builder
	for i := 0; i+1 < len(cs); i++ {
		c := cs[i]
		if c.col < lo || cs[i+1].col > hi {
			continue
		}
		b.WriteString(expandTabs(s[c.off:cs[i+1].off]))
	}
	return b.String()
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
