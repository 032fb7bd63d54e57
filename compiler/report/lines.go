package report

// The line formats: one line per diagnostic, for CI logs and editors that
// read compiler output (GitHub workflow commands, and the compact form of
// gcc and go vet).

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
)

// lines writes each diagnostic as the one line line makes of it.
func lines(w io.Writer, diags hcl.Diagnostics, line func(*hcl.Diagnostic) string) error {
	for _, d := range diags {
		if _, err := fmt.Fprintln(w, line(d)); err != nil {
			return err
		}
	}
	return nil
}

// GitHub writes diagnostics as GitHub Actions workflow commands, one line
// each, which the runner turns into annotations on the pull request:
//
//	::error file=plan/plan.plan.hcl,line=61,col=9,endLine=61,endColumn=15,title=over-budget::Over budget%0Abudget "marketing" spends ...
//
// Warnings use ::warning. The message is the summary and, after a newline,
// the detail. Following GitHub's rules for one-line commands (see
// actions/toolkit, packages/core/src/command.ts), the message escapes %, CR
// and LF, and property values escape : and , as well, since those separate
// the properties.
//
// A range on one line gives col and endColumn; GitHub accepts columns only
// when the annotation starts and ends on the same line, so a range over
// several lines gives line and endLine alone. Columns are planc's (counted
// in characters, as in the text format), and endColumn is the last column
// of the range, inclusive: GitHub reads an annotation whose endColumn
// equals col as one character wide. A diagnostic without a position has
// only the file, and one without a file has no location at all.
func GitHub(w io.Writer, diags hcl.Diagnostics) error { return lines(w, diags, githubCommand) }

func githubCommand(d *hcl.Diagnostic) string {
	var props []string
	if d.Subject != nil {
		props = githubLocation(*d.Subject)
	}
	props = append(props, "title="+escapeProperty(string(lang.CodeOf(d))))
	msg := d.Summary
	if d.Detail != "" {
		msg += "\n" + d.Detail
	}
	return "::" + display.Severity(d) + " " + strings.Join(props, ",") + "::" + escapeData(msg)
}

// githubLocation returns the file, line and column properties of a range.
func githubLocation(r hcl.Range) []string {
	var props []string
	if r.Filename != "" {
		props = append(props, "file="+escapeProperty(filepath.ToSlash(r.Filename)))
	}
	if r.Start.Line < 1 {
		return props
	}
	end := r.End
	if end.Line < r.Start.Line {
		end = r.Start
	}
	props = append(props, fmt.Sprintf("line=%d", r.Start.Line))
	if end.Line != r.Start.Line {
		return append(props, fmt.Sprintf("endLine=%d", end.Line))
	}
	last := max(end.Column-1, r.Start.Column)
	return append(props, fmt.Sprintf("col=%d", r.Start.Column),
		fmt.Sprintf("endLine=%d", end.Line), fmt.Sprintf("endColumn=%d", last))
}

// escapeData escapes a workflow command's message. A Replacer works in one
// pass, so the % of an escape it adds is not escaped again.
func escapeData(s string) string { return display.Printable(dataEscaper.Replace(s)) }

// escapeProperty escapes a property value, which also may not hold the
// separators : and ,.
func escapeProperty(s string) string { return display.Printable(propertyEscaper.Replace(s)) }

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
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
func Compact(w io.Writer, diags hcl.Diagnostics) error { return lines(w, diags, compactLine) }

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
