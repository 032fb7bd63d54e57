package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/rivo/uniseg"
)

// Text writes diagnostics in the form compilers use, one block each:
//
//	error[over-budget]: Over budget
//	  --> plan.plan.hcl:70:9
//	   |
//	70 |   cap = "1億円"
//	   |         ^^^^^^^
//	   = budget "marketing" spends ¥158,877,000 ...
//
// The caret is placed by display width, so it lines up under Japanese text
// (two columns a character) in a terminal or CI log.
func Text(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File) {
	for _, d := range diags {
		writeOne(w, d, files)
	}
}

// writeOne writes one diagnostic. Its summary, detail and file name pass
// through display.Terminal: they hold the plan's text and file names.
func writeOne(w io.Writer, d *hcl.Diagnostic, files map[string]*hcl.File) {
	fmt.Fprintf(w, "%s[%s]: %s\n", display.Severity(d), lang.CodeOf(d), display.Printable(d.Summary))
	if d.Subject == nil {
		writeDetail(w, "", d.Detail)
		return
	}
	r := *d.Subject
	if r.Start.Line == 0 {
		fmt.Fprintf(w, "  --> %s\n", display.Printable(r.Filename))
		writeDetail(w, "", d.Detail)
		return
	}
	fmt.Fprintf(w, "  --> %s:%d:%d\n", display.Printable(r.Filename), r.Start.Line, r.Start.Column)
	if s := display.Snippet(r, files); s != "" {
		fmt.Fprintln(w, s)
	}
	writeDetail(w, display.Gutter(r), d.Detail)
}

func writeDetail(w io.Writer, gutter, detail string) {
	if detail == "" {
		return
	}
	lines := strings.Split(display.Terminal(detail), "\n")
	fmt.Fprintf(w, "%s = %s\n", gutter, lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(w, "%s   %s\n", gutter, l)
	}
}

func width(s string) int { return uniseg.StringWidth(s) }

// Summary writes the closing line: "2 errors, 1 warning".
func Summary(w io.Writer, diags hcl.Diagnostics) {
	e, wn := display.Count(diags)
	fmt.Fprintf(w, "%s, %s\n", plural(e, "error"), plural(wn, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
