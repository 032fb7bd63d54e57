package lang

import (
	"bytes"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/rivo/uniseg"
)

// PosAt converts a byte offset in src to an hcl.Pos. Columns count grapheme
// clusters, as HCL's own positions do.
func PosAt(src []byte, off int) hcl.Pos {
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	line := bytes.Count(src[:lineStart], []byte{'\n'}) + 1
	col := uniseg.GraphemeClusterCount(string(src[lineStart:off])) + 1
	return hcl.Pos{Line: line, Column: col, Byte: off}
}

// SubRange returns the range of bytes [start, end) of a string literal whose
// contents begin at lit.Start, or lit itself when the literal's source text
// is not its value (escapes), so that offsets would not line up.
func SubRange(src []byte, lit hcl.Range, value string, start, end int) hcl.Range {
	if lit.End.Byte > len(src) || string(src[lit.Start.Byte:lit.End.Byte]) != value {
		return lit
	}
	if end <= start {
		end = start + 1
	}
	if lit.Start.Byte+end > lit.End.Byte {
		end = lit.End.Byte - lit.Start.Byte
		if start >= end {
			start = end - 1
			if start < 0 {
				return lit
			}
		}
	}
	return hcl.Range{
		Filename: lit.Filename,
		Start:    PosAt(src, lit.Start.Byte+start),
		End:      PosAt(src, lit.Start.Byte+end),
	}
}

// At renders a range's start as file:line:column, the form messages use to
// point at another place in the plan.
func At(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}
