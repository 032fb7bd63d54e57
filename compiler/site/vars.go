package site

import (
	"github.com/planc-dev/planc/compiler"
)

// varView is one value's section on its page (template "var"): what a
// reader needs first, and for the plan's authors, collapsed, its path,
// its unit and its formulas as written.
type varView struct {
	Anchor, Label, Display string
	// Exact is the value to the yen, when Display rounds it (万/億).
	Exact               string
	Origin, OriginClass string
	Deps, Users         []valueLink
	NoDeps              string
	Path, Unit          string
	Written             []snippet
	Relations           [][]seg
	SolvedBy            []seg
	// Stop ends the sentence of SolvedBy.
	Stop string
}

// valueLink is a link to a value with its display.
type valueLink struct{ Text, Href, Value string }

func (g *gen) link(v *compiler.Var) valueLink {
	return valueLink{Text: g.valueLabel(v), Href: g.names.href(v), Value: g.show(v)}
}

func (g *gen) varView(v *compiler.Var) varView {
	out := varView{Anchor: varAnchor(v), Label: g.valueLabel(v), Path: v.Path.String(), Display: g.show(v),
		Unit: g.unitText(v), Origin: g.origin(v), OriginClass: string(g.r.Origin(v)), NoDeps: g.T("Nothing.")}
	if exact := g.showExact(v); exact != out.Display {
		out.Exact = exact
	}
	if !g.ja() {
		out.Stop = "."
	}
	if v.Given != nil {
		out.NoDeps = g.T("Nothing: this value is given.")
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

func (g *gen) unitText(v *compiler.Var) string {
	switch {
	case !v.UnitKnown:
		return g.T("unknown")
	case v.Unit.IsRatio():
		return g.T("% (a ratio)")
	}
	return v.Unit.String()
}
