package lsp

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
)

// An entity is what a name in a plan can stand for: a value or a block
// (an object), as the compiler resolved it. A kgi or kpi block is its
// value.
type entity = compiler.Entity

// occurrence is a name in the source that stands for an entity.
type occurrence struct {
	// at is what the cursor must be on: one segment of a reference (mql
	// in funnel.demand.mql.volume), a block's header or an attribute's
	// name.
	at hcl.Range
	// span is what a reference list shows: the reference up to that
	// segment (funnel.demand.mql). Zero for a declaration.
	span hcl.Range
	ent  entity
}

// index is the side table of names for one snapshot: every reference the
// compiler resolved (its Info.Uses, content blocks included), and every
// declaration.
type index struct {
	refs  []occurrence
	decls []occurrence
}

func buildIndex(r *compiler.Result) *index {
	ix := &index{}
	if r == nil {
		return ix
	}
	for _, u := range r.Info.Uses {
		ix.refs = append(ix.refs, occurrence{at: u.At, span: u.Ref, ent: u.Target})
	}
	for _, o := range r.Info.Objects {
		ix.addDecls(o)
	}
	return ix
}

// addDecls records an object's block header and the names of the
// attributes that give its values, so that hover and references work on
// declarations too.
func (ix *index) addDecls(o *compiler.Object) {
	if o.Node == nil {
		return // a source, which no block declares
	}
	var ent entity = o
	if v := o.Value(""); v != nil {
		ent = v
	}
	ix.decls = append(ix.decls, occurrence{at: o.Node.Header().DefRange, ent: ent})
	for _, v := range o.Values() {
		for _, a := range v.Attrs() {
			ix.decls = append(ix.decls, occurrence{at: a.NameRange, ent: v})
		}
	}
}

// at returns the entity at byte offset off of file name and the range of
// the name there. A reference wins over a declaration, and of
// overlapping ones the innermost (the narrowest) wins.
func (ix *index) at(name string, off int) (entity, hcl.Range, bool) {
	var best *occurrence
	for _, list := range [][]occurrence{ix.refs, ix.decls} {
		for i := range list {
			o := &list[i]
			if o.at.Filename == name && contains(o.at, off) && (best == nil || width(o.at) < width(best.at)) {
				best = o
			}
		}
		if best != nil {
			return best.ent, best.at, true
		}
	}
	return nil, hcl.Range{}, false
}

func width(r hcl.Range) int { return r.End.Byte - r.Start.Byte }

// usages returns the references to ent, in source order. A reference's
// root segment repeats its last resolved one, so spans are deduplicated.
func (ix *index) usages(ent entity) []hcl.Range {
	var out []hcl.Range
	seen := map[hcl.Range]bool{}
	for _, o := range ix.refs {
		if o.ent == ent && !seen[o.span] {
			seen[o.span] = true
			out = append(out, o.span)
		}
	}
	return out
}

// declaration is where go-to-definition lands for ent: a kgi or kpi
// block's header, the attribute that gives a value (rate, cpa, cap...),
// or the header of the block that implies it (a stage for its volume).
func declaration(ent entity) (hcl.Range, bool) {
	switch x := ent.(type) {
	case *compiler.Var:
		if x.Name == "" {
			return x.Object.DefRange(), true
		}
		return x.Decl, true
	case *compiler.Object:
		return x.DefRange(), true
	}
	return hcl.Range{}, false
}
