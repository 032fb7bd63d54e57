package lang

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Path is a reference path: the names that lead from a namespace to a
// block or a value, such as kpi.cvr, funnel.demand.mql or
// funnel.demand.mql.volume. Every path planc prints, parses or looks up
// goes through this type, so that the dotted form is built and read in one
// place. The zero Path is empty.
type Path struct {
	// s is the dotted form; a Path is compared and used as a map key by it.
	s string
}

// NewPath joins names into a path.
func NewPath(names ...string) Path { return Path{s: strings.Join(names, ".")} }

// ParsePath reads a dotted path. ok is false when a segment is not an
// identifier (empty, or with characters a reference cannot have).
func ParsePath(s string) (p Path, ok bool) {
	for _, n := range strings.Split(s, ".") {
		if !hclsyntax.ValidIdentifier(n) {
			return Path{}, false
		}
	}
	return Path{s: s}, true
}

// TraversalPath is the path a traversal such as funnel.demand.mql names.
// ok is false when a step is not a name (an index such as kpi.a[0]).
func TraversalPath(t hcl.Traversal) (p Path, ok bool) {
	names := make([]string, 0, len(t))
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			names = append(names, s.Name)
		case hcl.TraverseAttr:
			names = append(names, s.Name)
		default:
			return Path{}, false
		}
	}
	return NewPath(names...), true
}

// String is the dotted form.
func (p Path) String() string { return p.s }

// IsZero reports whether p is the empty path.
func (p Path) IsZero() bool { return p.s == "" }

// Child returns p followed by names.
func (p Path) Child(names ...string) Path {
	if p.s == "" {
		return NewPath(names...)
	}
	return Path{s: p.s + "." + strings.Join(names, ".")}
}

// Names returns the path's segments.
func (p Path) Names() []string {
	if p.s == "" {
		return nil
	}
	return strings.Split(p.s, ".")
}

// Root is the first segment: the namespace ("funnel").
func (p Path) Root() string {
	root, _, _ := strings.Cut(p.s, ".")
	return root
}

// Last is the last segment ("volume").
func (p Path) Last() string { return p.s[strings.LastIndexByte(p.s, '.')+1:] }

// Parent is p without its last segment; the empty path for a single
// segment.
func (p Path) Parent() Path {
	i := strings.LastIndexByte(p.s, '.')
	if i < 0 {
		return Path{}
	}
	return Path{s: p.s[:i]}
}

// Under reports whether p lies strictly below q: funnel.demand.mql is
// under funnel.demand and under funnel, not under funnel.dem.
func (p Path) Under(q Path) bool {
	return q.s == "" && p.s != "" || strings.HasPrefix(p.s, q.s+".")
}
