package lsp

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// entityAt finds the entity under a request's position. It returns a nil
// snapshot when the document belongs to no open plan or nothing is there.
func (s *Server) entityAt(r *request, pos Position) (*snapshot, entity, hcl.Range, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil {
		return nil, nil, hcl.Range{}, err
	}
	off := f.text.offset(pos, s.enc)
	ent, at, ok := snap.refs.at(f.name, off)
	if !ok {
		ent, at, ok = snap.refs.within(f.name, off)
	}
	if !ok {
		return nil, nil, hcl.Range{}, nil
	}
	return snap, ent, at, nil
}

// within finds the entity for an offset on a segment of a reference that
// names none itself, a namespace such as the `source` of
// funnel.demand.source.partner: what the reference names up to the next
// segment that names something (source partner of funnel demand), with
// the range of the reference up to there.
func (ix *index) within(name string, off int) (entity, hcl.Range, bool) {
	var best *occurrence
	for i := range ix.refs {
		o := &ix.refs[i]
		if o.span.Filename == name && contains(o.span, off) && (best == nil || width(o.span) < width(best.span)) {
			best = o
		}
	}
	if best == nil {
		return nil, hcl.Range{}, false
	}
	return best.ent, best.span, true
}

// definition jumps from a reference (or any segment of it) to the
// declaration of what it names.
func definition(s *Server, r *request, p TextDocumentPositionParams) (any, error) {
	snap, ent, _, err := s.entityAt(r, p.Position)
	if snap == nil || err != nil {
		return nil, err
	}
	if locs := snap.sourceChannels(ent, s.enc); len(locs) > 0 {
		return locs, nil
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

// sourceChannels is where a lead source, or one of its values, is
// declared: no block declares a source, its channels do, each by its
// `source` attribute (or its header for marketing, the default). Nil for
// anything else, or a source without channels.
func (s *snapshot) sourceChannels(ent entity, enc encoding) []Location {
	src := sourceOf(ent)
	if src == nil {
		return nil
	}
	var out []Location
	for _, ch := range src.Refs("channels") {
		rng := ch.DefRange()
		if c, ok := ch.Node.(*lang.Channel); ok && c.Source.Value != "" {
			rng = c.Source.Range
		}
		if loc, ok := s.location(rng, enc); ok {
			out = append(out, loc)
		}
	}
	return out
}

// sourceOf returns the lead source an entity is or belongs to, nil for
// anything else.
func sourceOf(ent entity) *compiler.Object {
	o, _ := ent.(*compiler.Object)
	if v, ok := ent.(*compiler.Var); ok {
		o = v.Object
	}
	if o == nil || o.Kind != "source" {
		return nil
	}
	return o
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
