package lsp

import (
	"bytes"

	"github.com/planc-dev/planc/lang"
)

// formatting lays the document out with lang.Format, as `planc fmt` does,
// as one edit of the whole document. A document that does not parse gets
// no edits: its syntax errors are already among the diagnostics, and
// formatting around them could move text the author did not mean to move.
func formatting(s *Server, r *request, _ DocumentFormattingParams) (any, error) {
	if r.doc == nil {
		return []TextEdit{}, nil
	}
	out, diags := lang.Format(r.doc.name, r.doc.text)
	if diags.HasErrors() {
		s.log.Printf("not formatting %s: %s", r.uri, diags.Error())
		return []TextEdit{}, nil
	}
	if bytes.Equal(out, r.doc.text) {
		return []TextEdit{}, nil
	}
	t := newText(r.doc.text)
	whole := Range{End: t.position(len(t.src), s.enc)}
	return []TextEdit{{Range: whole, NewText: string(out)}}, nil
}
