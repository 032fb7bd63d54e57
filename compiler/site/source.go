package site

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
)

// seg is a piece of source or formula text; Href is set on a reference.
type seg struct{ Text, Href string }

// snippet is source text as written, with where it is.
type snippet struct {
	Segs []seg
	At   string
}

// attrSource returns the source of an attribute from the start of its line
// to the end of r, so that an expression range shows as `formula = ...`,
// with every reference in refs linked.
func (g *gen) attrSource(r hcl.Range, refs []*compiler.Ref) (snippet, bool) {
	src, ok := g.srcOf[r.Filename]
	if !ok || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return snippet{}, false
	}
	start := bytes.LastIndexByte(src[:r.Start.Byte], '\n') + 1
	for start < r.Start.Byte && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	var in []*compiler.Ref
	for _, ref := range refs {
		if ref.R.Filename == r.Filename && ref.R.Start.Byte >= start && ref.R.End.Byte <= r.End.Byte && ref.R.End.Byte > ref.R.Start.Byte {
			in = append(in, ref)
		}
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].R.Start.Byte < in[j].R.Start.Byte })
	var segs []seg
	at := start
	for _, ref := range in {
		if ref.R.Start.Byte < at {
			continue // overlapping ranges: keep the first
		}
		segs = append(segs, seg{Text: string(src[at:ref.R.Start.Byte])},
			seg{Text: string(src[ref.R.Start.Byte:ref.R.End.Byte]), Href: g.names.href(ref.Var)})
		at = ref.R.End.Byte
	}
	segs = append(segs, seg{Text: string(src[at:r.End.Byte])})
	return snippet{Segs: segs, At: g.where(r)}, true
}

// where renders a range as file:line:column, with the file named relative
// to the plan's directory: the site must not depend on where planc ran.
func (g *gen) where(r hcl.Range) string {
	if r.Filename == "" {
		return ""
	}
	name := r.Filename
	if g.planDir != "" {
		if rel, err := filepath.Rel(g.planDir, name); err == nil && filepath.IsLocal(rel) {
			name = filepath.ToSlash(rel)
		}
	}
	if r.Start.Line == 0 {
		return name
	}
	return fmt.Sprintf("%s:%d:%d", name, r.Start.Line, r.Start.Column)
}

// commonDir is the directory of every file when they share one, else "".
func commonDir(files map[string][]byte) string {
	dir := ""
	for name := range files {
		d := filepath.Dir(name)
		if dir != "" && d != dir {
			return ""
		}
		dir = d
	}
	return dir
}

// eqSegs is an equation as text, each reference linked to its value.
func (g *gen) eqSegs(eq *compiler.Eq) []seg {
	var out []seg
	for _, s := range eq.Segments() {
		sg := seg{Text: s.Text}
		if s.Var != nil {
			sg.Href = g.names.href(s.Var)
		}
		out = append(out, sg)
	}
	return out
}
