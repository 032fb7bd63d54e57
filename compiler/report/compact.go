package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
)

// Compact writes one line per diagnostic, in the form of gcc and go vet
// that editors (Vim's quickfix, Emacs' compilation mode, VS Code problem
// matchers) and grep understand:
//
//	plan/plan.plan.hcl:61:9: error: Over budget: budget "marketing" spends ... [over-budget]
//
// that is FILE:LINE:COLUMN: SEVERITY: SUMMARY: DETAIL [CODE]. The position
// is the start of the range, with planc's columns (characters, as in the
// text format). A diagnostic without a position drops LINE:COLUMN, one
// without a file drops the location. Line breaks in the message become
// spaces and control characters '?', so that each diagnostic is exactly
// one line. There is no snippet, and a clean plan prints nothing.
func Compact(w io.Writer, diags hcl.Diagnostics) error {
	for _, d := range diags {
		if _, err := fmt.Fprintln(w, compactLine(d)); err != nil {
			return err
		}
	}
	return nil
}

func compactLine(d *hcl.Diagnostic) string {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	line := fmt.Sprintf("%s: %s [%s]", display.Severity(d), oneLine(msg), lang.CodeOf(d))
	if loc := compactLocation(d.Subject); loc != "" {
		line = loc + ": " + line
	}
	return line
}

func compactLocation(r *hcl.Range) string {
	switch {
	case r == nil || r.Filename == "":
		return ""
	case r.Start.Line < 1:
		return oneLine(r.Filename)
	}
	return fmt.Sprintf("%s:%d:%d", oneLine(r.Filename), r.Start.Line, r.Start.Column)
}

// oneLine joins the lines of s with spaces and masks control characters.
func oneLine(s string) string {
	return display.Printable(lineBreaks.Replace(s))
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
