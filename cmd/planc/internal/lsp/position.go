package lsp

import (
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// encoding is the unit of Position.Character: UTF-16 code units (LSP's
// default) or UTF-8 bytes (when the client offers "utf-8").
type encoding int

const (
	utf16 encoding = iota
	utf8Bytes
)

func (e encoding) String() string {
	if e == utf8Bytes {
		return "utf-8"
	}
	return "utf-16"
}

// text is a document's bytes with the byte offsets where its lines start.
// Lines end at \n, \r\n or \r, as LSP counts them.
type text struct {
	src   []byte
	lines []int
}

func newText(src []byte) *text {
	lines := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			lines = append(lines, i+1)
		}
	}
	return &text{src: src, lines: lines}
}

// lineEnd returns the offset where line's content ends, before its line
// break.
func (t *text) lineEnd(line int) int {
	if line+1 >= len(t.lines) {
		return len(t.src)
	}
	end := t.lines[line+1] - 1
	if end > t.lines[line] && t.src[end] == '\n' && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// position converts a byte offset to an LSP position. An offset inside a
// line break or a multi-byte character counts as the start of it.
func (t *text) position(off int, enc encoding) Position {
	off = max(0, min(off, len(t.src)))
	line := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	start := t.lines[line]
	off = min(off, t.lineEnd(line))
	char := 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(t.src[i:])
		if i+size > off {
			break
		}
		char += units(r, size, enc)
		i += size
	}
	return Position{Line: line, Character: char}
}

// offset converts an LSP position to a byte offset. A line past the end is
// the end of the text, and a character past the end of its line is the end
// of the line, as LSP specifies; a character inside a surrogate pair is
// the start of its character.
func (t *text) offset(p Position, enc encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.lines) {
		return len(t.src)
	}
	i, end := t.lines[p.Line], t.lineEnd(p.Line)
	for char := 0; i < end; {
		r, size := utf8.DecodeRune(t.src[i:])
		char += units(r, size, enc)
		if char > p.Character {
			break
		}
		i += size
	}
	return i
}

// units is how many units of enc a decoded rune takes. An invalid byte
// counts as one, as editors show it as U+FFFD.
func units(r rune, size int, enc encoding) int {
	switch {
	case enc == utf8Bytes:
		return size
	case r >= 0x10000:
		return 2
	}
	return 1
}

// lspRange converts an HCL range through its byte offsets. HCL's columns
// count grapheme clusters, which neither UTF-16 nor UTF-8 positions do.
func (t *text) lspRange(r hcl.Range, enc encoding) Range {
	return Range{Start: t.position(r.Start.Byte, enc), End: t.position(r.End.Byte, enc)}
}

// contains reports whether byte offset off falls in r, counting the end
// as inside so that a cursor just after a name still finds it.
func contains(r hcl.Range, off int) bool {
	return r.Start.Byte <= off && off <= r.End.Byte
}
