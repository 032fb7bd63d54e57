package site

import (
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
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
	return valueLink{Text: v.Label(), Href: g.names.href(v), Value: display.Value(g.r, v)}
}

func (g *gen) varView(v *compiler.Var) varView {
	out := varView{Anchor: varAnchor(v), Label: v.Label(), Path: v.Path.String(), Display: display.Value(g.r, v),
		Unit: unitText(v), Origin: string(g.r.Origin(v)), NoDeps: "Nothing."}
	if v.Given != nil {
		out.NoDeps = "Nothing: this value is given."
		if s, ok := g.attrSource(v.Decl, nil); ok {
			out.Written = append(out.Written, s)
		}
	}
	for _, eq := range g.r.Defining(v) {
		if eq.Formula() {
			if s, ok := g.attrSource(eq.Range, compiler.RefNodes(eq.E)); ok {
				out.Written = append(out.Written, s)
			}
			continue
		}
		out.Relations = append(out.Relations, g.eqSegs(eq))
	}
	if eq := g.r.Sol.SolvedBy(v); eq != nil {
		out.SolvedBy = g.eqSegs(eq)
	}
	for _, d := range g.r.Deps(v) {
		out.Deps = append(out.Deps, g.link(d))
	}
	for _, u := range g.r.Users(v) {
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
