package lsptest

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// ApplyEdits applies edits with UTF-16 positions to text as an editor
// does: all against the text before them. It fails on edits that are not
// in the order of their ranges or that overlap, as planc never sends them.
func ApplyEdits(text string, edits []lsp.TextEdit) (string, error) {
	lines := strings.SplitAfter(text, "\n")
	offset := func(p lsp.Position) int {
		off := 0
		for _, l := range lines[:min(p.Line, len(lines))] {
			off += len(l)
		}
		if p.Line >= len(lines) {
			return off
		}
		units := 0
		for i, r := range lines[p.Line] {
			if units >= p.Character || r == '\n' {
				return off + i
			}
			units += len(utf16.Encode([]rune{r}))
		}
		return off + len(lines[p.Line])
	}
	var out strings.Builder
	at := 0
	for _, e := range edits {
		from, to := offset(e.Range.Start), offset(e.Range.End)
		if from < at || to < from {
			return "", fmt.Errorf("edits out of order or overlapping: %+v", edits)
		}
		out.WriteString(text[at:from] + e.NewText)
		at = to
	}
	return out.String() + text[at:], nil
}
