package site

import (
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
)

// varView is one value's section on its page (template "var").
type varView struct {
	Anchor, Label, Path, Display, Unit, Origin string
	Written                                    []snippet
	Relations                                  [][]seg
	SolvedBy                                   []seg
	Deps, Users                                []valueLink
	NoDeps                                     string
}

// valueLink is a link to a value with its display.
type valueLink struct{ Text, Href, Value string }

func (g *gen) link(v *compiler.Var) valueLink {
	return valueLink{Text: label(v), Href: g.names.href(v), Value: report.Display(g.m, v)}
}

func (g *gen) varView(v *compiler.Var) varView {
	out := varView{Anchor: varAnchor(v), Label: label(v), Path: v.Path, Display: report.Display(g.m, v),
		Unit: unitText(v), Origin: g.m.Origin(v), NoDeps: "Nothing."}
	if v.Given != nil {
		out.NoDeps = "Nothing: this value is given."
		if s, ok := g.attrSource(v.Decl, nil); ok {
			out.Written = append(out.Written, s)
		}
	}
	for _, eq := range g.m.Eqs {
		if eq.V != v {
			continue
		}
		if eq.Formula {
			if s, ok := g.attrSource(eq.Range, exprRefs(eq.E)); ok {
				out.Written = append(out.Written, s)
			}
			continue
		}
		out.Relations = append(out.Relations, g.pathSegs(eq.What))
	}
	if eq := g.m.SolvedBy(v); eq != nil {
		out.SolvedBy = g.pathSegs(eq.What)
	}
	for _, d := range g.deps(v) {
		out.Deps = append(out.Deps, g.link(d))
	}
	for _, u := range g.users(v) {
		out.Users = append(out.Users, g.link(u))
	}
	return out
}

func unitText(v *compiler.Var) string {
	switch {
	case !v.UnitKnown:
		return "unknown"
	case v.Unit.IsRatio():
		return "% (a ratio)"
	}
	return v.Unit.String()
}

// deps is Model.Deps and the values of the relations that define v (a
// stage's volume as the sum of its channels' leads), which Model.Deps
// leaves out because they do not take part in cycle detection; a reader
// still wants to see them.
func (g *gen) deps(v *compiler.Var) []*compiler.Var {
	out := g.m.Deps(v)
	seen := map[*compiler.Var]bool{v: true}
	for _, d := range out {
		seen[d] = true
	}
	for _, eq := range g.m.Eqs {
		if eq.V != v || !eq.Relation {
			continue
		}
		for _, r := range exprRefs(eq.E) {
			if !seen[r.Var] {
				seen[r.Var] = true
				out = append(out, r.Var)
			}
		}
	}
	return out
}

// users is Model.Users and the values whose relations refer to v.
func (g *gen) users(v *compiler.Var) []*compiler.Var {
	out := g.m.Users(v)
	seen := map[*compiler.Var]bool{v: true}
	for _, u := range out {
		seen[u] = true
	}
	for _, eq := range g.m.Eqs {
		if !eq.Relation || seen[eq.V] {
			continue
		}
		for _, r := range exprRefs(eq.E) {
			if r.Var == v {
				seen[eq.V] = true
				out = append(out, eq.V)
				break
			}
		}
	}
	return out
}
