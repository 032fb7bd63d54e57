package site

import (
	"strconv"

	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
)

type diagnosticsBody struct {
	Errors, Warnings int
	Diags            []diagView
}

type diagView struct {
	Anchor, Severity, Code, Summary, Detail, Where, Snippet string
}

func diagAnchor(i int) string { return "d" + strconv.Itoa(i+1) }

func (g *gen) diagnostics() error {
	var b diagnosticsBody
	b.Errors, b.Warnings = display.Count(g.r.Diags)
	for i, d := range g.r.Diags {
		v := diagView{Anchor: diagAnchor(i), Severity: display.Severity(d), Code: string(lang.CodeOf(d)), Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			v.Where = g.where(*d.Subject)
			v.Snippet = display.Snippet(*d.Subject, g.plan.Files)
		}
		b.Diags = append(b.Diags, v)
	}
	return g.render("diagnostics.html", "diagnostics", "Diagnostics", b)
}
