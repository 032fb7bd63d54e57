package lsp

import "sort"

// documentHighlights marks, in the current file, every occurrence of the
// block or value under the cursor (on its declaration or on a reference):
// its declaration as a write, the references to it as reads, as find
// references lists them.
func documentHighlights(s *Server, r *request, p TextDocumentPositionParams) (any, error) {
	snap, ent, _, err := s.entityAt(r, p.Position)
	if snap == nil || err != nil {
		return nil, err
	}
	f := snap.fileByURI(r.uri)
	if f == nil {
		return nil, nil
	}
	out := []DocumentHighlight{}
	if rng, ok := declaration(ent); ok && rng.Filename == f.name {
		out = append(out, DocumentHighlight{Range: f.text.lspRange(rng, s.enc), Kind: HighlightWrite})
	}
	for _, rng := range snap.refs.usages(ent) {
		if rng.Filename == f.name {
			out = append(out, DocumentHighlight{Range: f.text.lspRange(rng, s.enc), Kind: HighlightRead})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return before(out[i].Range.Start, out[j].Range.Start) })
	return out, nil
}
