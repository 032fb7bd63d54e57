package lsp

import "github.com/planc-dev/planc/lang"

// formatting lays the document out with lang.Format, as `planc fmt` does,
// as the few edits that change what differs (diff.go), so that the editor
// keeps the cursor and the lines formatting does not touch. A document
// that does not parse is not formatted (formatting around a syntax error
// could move text the author did not mean to move), and the request fails
// with where the error is, so that the editor says why nothing happened.
func formatting(s *Server, r *request, _ DocumentFormattingParams) (any, error) {
	if r.doc == nil {
		return []TextEdit{}, nil
	}
	out, diags := lang.Format(r.doc.name, r.doc.text)
	t := newText(r.doc.text)
	if diags.HasErrors() {
		d := firstSyntax(diags)
		if d == nil {
			return nil, Errorf(CodeRequestFailed, "%s: cannot format a file that does not parse: %s", r.doc.name, diags.Error())
		}
		// The line and column as the editor shows them: 1-based, in the
		// negotiated units.
		p := t.position(atQuote(d, r.doc.text).Subject.Start.Byte, s.enc)
		return nil, Errorf(CodeRequestFailed, "%s:%d:%d: cannot format a file with a syntax error: %s",
			r.doc.name, p.Line+1, p.Character+1, message(d))
	}
	edits := []TextEdit{}
	for _, e := range diffEdits(r.doc.text, out) {
		edits = append(edits, TextEdit{Range: Range{Start: t.position(e.start, s.enc), End: t.position(e.end, s.enc)}, NewText: e.text})
	}
	return edits, nil
}
