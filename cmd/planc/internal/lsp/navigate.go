package lsp

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// entityAt finds the entity under a request's position. It returns a nil
// snapshot when the document belongs to no open plan or nothing is there.
func (s *Server) entityAt(r *request, pos Position) (*snapshot, entity, hcl.Range, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil {
		return nil, nil, hcl.Range{}, err
	}
	ent, at, ok := snap.refs.at(f.name, f.text.offset(pos, s.enc))
	if !ok {
		return nil, nil, hcl.Range{}, nil
	}
	return snap, ent, at, nil
}

// definition jumps from a reference (or any segment of it) to the
// declaration of what it names.
func definition(s *Server, r *request, p TextDocumentPositionParams) (any, error) {
	snap, ent, _, err := s.entityAt(r, p.Position)
	if snap == nil || err != nil {
		return nil, err
	}
	rng, ok := declaration(ent)
	if !ok {
		return nil, nil
	}
	loc, ok := snap.location(rng, s.enc)
	if !ok {
		return nil, nil
	}
	return []Location{loc}, nil
}

// references lists every reference to what is under the cursor, a
// declaration or a reference, across the plan's files; with
// includeDeclaration, the declaration first.
func references(s *Server, r *request, p ReferenceParams) (any, error) {
	snap, ent, _, err := s.entityAt(r, p.Position)
	if snap == nil || err != nil {
		return nil, err
	}
	out := []Location{}
	if rng, ok := declaration(ent); ok && p.Context.IncludeDeclaration {
		if loc, ok := snap.location(rng, s.enc); ok {
			out = append(out, loc)
		}
	}
	uses := snap.refs.usages(ent)
	snap.sortRanges(uses)
	for _, rng := range uses {
		if loc, ok := snap.location(rng, s.enc); ok {
			out = append(out, loc)
		}
	}
	return out, nil
}

// location converts an HCL range of one of the snapshot's files.
func (s *snapshot) location(r hcl.Range, enc encoding) (Location, bool) {
	f := s.files[r.Filename]
	if f == nil {
		return Location{}, false
	}
	return Location{URI: f.uri, Range: f.text.lspRange(r, enc)}, true
}

// sortRanges orders ranges by file name, then position.
func (s *snapshot) sortRanges(rs []hcl.Range) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Filename != rs[j].Filename {
			return rs[i].Filename < rs[j].Filename
		}
		return rs[i].Start.Byte < rs[j].Start.Byte
	})
}
