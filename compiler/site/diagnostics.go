package site

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler/report"
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
	b.Errors, b.Warnings = report.Count(g.diags)
	for i, d := range g.diags {
		v := diagView{Anchor: diagAnchor(i), Severity: severity(d), Code: string(lang.CodeOf(d)), Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			v.Where = g.where(*d.Subject)
			v.Snippet = g.snippet(d)
		}
		b.Diags = append(b.Diags, v)
	}
	return g.render("diagnostics.html", "diagnostics", "Diagnostics", b)
}

// snippet is the source line with a caret under the range, as `planc
// check` prints it: report.Text's block without its heading and detail,
// which the page shows as text of their own.
func (g *gen) snippet(d *hcl.Diagnostic) string {
	var b bytes.Buffer
	one := *d
	one.Detail = ""
	report.Text(&b, hcl.Diagnostics{&one}, g.m.Plan.Files)
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	// The first line is "error[code]: summary", the second "--> file:line:col".
	if len(lines) <= 2 {
		return ""
	}
	return strings.Join(lines[2:], "\n")
}
