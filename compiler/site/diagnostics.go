package site

import (
	"strconv"

	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
)

type diagnosticsBody struct {
	Errors, Warnings int
	// Count says how many: "0 errors, 2 warnings."
	Count string
	Diags []diagView
}

// diagView is a diagnostic: Severity is its class ("error"), SevText the
// word shown; Summary and Detail are the compiler's, in English.
type diagView struct {
	Anchor, Severity, SevText, Code, Summary, Detail, Where, Snippet string
}

func diagAnchor(i int) string { return "d" + strconv.Itoa(i+1) }

func (g *gen) diagnostics() error {
	var b diagnosticsBody
	b.Errors, b.Warnings = display.Count(g.r.Diags)
	b.Count = g.S("{count}.", "count", g.diagCount(b.Errors, b.Warnings))
	for i, d := range g.r.Diags {
		v := diagView{Anchor: diagAnchor(i), Severity: display.Severity(d), SevText: g.T(display.Severity(d)),
			Code: string(lang.CodeOf(d)), Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			v.Where = g.where(*d.Subject)
			v.Snippet = display.Snippet(*d.Subject, g.plan.Files)
		}
		b.Diags = append(b.Diags, v)
	}
	return g.render("diagnostics.html", "diagnostics", g.T("Diagnostics"), b)
}
