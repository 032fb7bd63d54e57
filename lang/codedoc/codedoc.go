// Package codedoc reads the documentation of planc's diagnostic codes from
// the "Diagnostics" section of the language reference (lang.Reference),
// for `planc explain` and for the rule descriptions of SARIF logs, so that
// the reference, the command line and code scanning never disagree. It
// comes after package lang, which defines the codes, and is read by the
// command line and the emitters.
package codedoc

import (
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// CodeDoc is the documentation of one diagnostic code: its row in the table
// of the reference's "Diagnostics" section and its "### code" subsection.
type CodeDoc struct {
	Code lang.Code
	// Severity is the table's severity column as written: "error",
	// "warning", "as declared" (check-failed) or "error, exit 2".
	Severity string
	// Default is the severity a diagnostic of this code has unless the plan
	// declares another (a check's severity): a warning only for the codes
	// documented as warnings.
	Default hcl.DiagnosticSeverity
	// When is the table's one-line summary, as plain text.
	When string
	// Description is the prose of the subsection as plain text, one line a
	// paragraph, without the leading severity in bold.
	Description string
	// Markdown is the subsection's body as written, without its heading,
	// the <!-- diag: ... --> comments that mark examples for tests, and
	// the links to other parts of the reference (their text stays), which
	// lead nowhere outside it.
	Markdown string
}

// Codes returns the documented codes in the order of the reference's table.
func Codes() []lang.Code {
	return append([]lang.Code(nil), docs().order...)
}

// Doc returns the documentation of a code; false when it has none.
func Doc(code lang.Code) (CodeDoc, bool) {
	d, ok := docs().byCode[code]
	return d, ok
}

// Explain returns the documentation of a code for a terminal: a title line
// "code: when", then the subsection with its Markdown markup removed and
// its code blocks indented by four spaces, each under a label ("Example:"
// for a plan, "Output:" for what planc prints). False when the code is not
// documented.
func Explain(code lang.Code) (string, bool) {
	d, ok := Doc(code)
	if !ok {
		return "", false
	}
	return string(d.Code) + ": " + d.When + "\n\n" + terminalText(d.Markdown), true
}

// codeDocs is the parsed "Diagnostics" section.
type codeDocs struct {
	order  []lang.Code
	byCode map[lang.Code]CodeDoc
	// sections lists the codes that have a "### " subsection, in order,
	// including any that the table lacks, so that a test can tell.
	sections []lang.Code
}

// docs parses the reference once. A checkout with CRLF line ends (Git's
// autocrlf on Windows) reads the same.
var docs = sync.OnceValue(func() codeDocs {
	return parseDocs(strings.ReplaceAll(lang.Reference, "\r\n", "\n"))
})

// parseDocs reads the table and the subsections of the "Diagnostics"
// section of the reference. A code documented in only one of the two has
// no CodeDoc; TestCodesDocumented reports it.
func parseDocs(md string) codeDocs {
	lines := diagnosticsSection(md)
	bodies, order := subsections(lines)
	out := codeDocs{byCode: map[lang.Code]CodeDoc{}, sections: order}
	for _, l := range lines {
		m := tableRow.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		code := lang.Code(m[1])
		body, ok := bodies[code]
		if !ok {
			continue
		}
		out.order = append(out.order, code)
		out.byCode[code] = newCodeDoc(code, strings.TrimSpace(m[2]), strings.TrimSpace(m[3]), body)
	}
	return out
}

// tableRow matches a row of the table of codes:
//
//	| [`over-budget`](#over-budget) | error | a budget's spend above its cap |
var tableRow = regexp.MustCompile("^\\| \\[`([a-z-]+)`\\]\\(#[a-z-]+\\) \\|([^|]+)\\|(.+)\\|\\s*$")

func newCodeDoc(code lang.Code, severity, when string, body []string) CodeDoc {
	d := CodeDoc{
		Code:        code,
		Severity:    severity,
		Default:     hcl.DiagError,
		When:        inlineText(when),
		Description: prose(body),
		Markdown:    strings.Join(withoutAnchorLinks(trimBlank(withoutComments(body))), "\n") + "\n",
	}
	if strings.HasPrefix(severity, "warning") {
		d.Default = hcl.DiagWarning
	}
	return d
}

// diagnosticsSection returns the lines of the "## Diagnostics" section,
// without its heading.
func diagnosticsSection(md string) []string {
	var out []string
	in := false
	for _, l := range fenceAware(strings.Split(md, "\n")) {
		switch {
		case !l.code && l.text == "## Diagnostics":
			in = true
			continue
		case !l.code && strings.HasPrefix(l.text, "## "):
			in = false
		}
		if in {
			out = append(out, l.text)
		}
	}
	return out
}

// subsections splits the section at its "### code" headings, outside code
// blocks (an HCL example may hold a "### " comment).
func subsections(lines []string) (map[lang.Code][]string, []lang.Code) {
	bodies := map[lang.Code][]string{}
	var order []lang.Code
	var cur lang.Code
	for _, l := range fenceAware(lines) {
		if name, ok := strings.CutPrefix(l.text, "### "); ok && !l.code {
			cur = lang.Code(strings.TrimSpace(name))
			order = append(order, cur)
			continue
		}
		if cur != "" {
			bodies[cur] = append(bodies[cur], l.text)
		}
	}
	return bodies, order
}

// mdLine is a line of Markdown and whether it is inside a fenced code
// block or is a fence itself.
type mdLine struct {
	text string
	code bool
	// closing is set on the fence that ends a code block.
	closing bool
}

func fenceAware(lines []string) []mdLine {
	out := make([]mdLine, len(lines))
	in := false
	for i, l := range lines {
		fence := strings.HasPrefix(l, "```")
		out[i] = mdLine{text: l, code: in || fence, closing: in && fence}
		if fence {
			in = !in
		}
	}
	return out
}

// withoutComments drops the HTML comment lines, such as <!-- diag: CODE -->
// that marks an example for the examples test.
func withoutComments(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "<!--") && strings.HasSuffix(strings.TrimSpace(l), "-->") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// withoutAnchorLinks replaces the links to anchors of the reference
// ("[`conflict`](#conflict)") by their text, outside code blocks.
func withoutAnchorLinks(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range fenceAware(lines) {
		out[i] = l.text
		if !l.code {
			out[i] = anchorLink.ReplaceAllString(l.text, "$1")
		}
	}
	return out
}

var anchorLink = regexp.MustCompile(`\[([^\]]*)\]\(#[^)]*\)`)

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// terminalText renders a subsection for a terminal: inline markup removed,
// code blocks indented by four spaces instead of fenced.
func terminalText(md string) string {
	var b strings.Builder
	for _, l := range fenceAware(strings.Split(strings.TrimRight(md, "\n"), "\n")) {
		switch {
		case strings.HasPrefix(l.text, "```"):
			if label := fenceLabels[strings.TrimPrefix(l.text, "```")]; label != "" && !l.closing {
				b.WriteString(label + "\n\n")
			}
			continue
		case l.code && l.text != "":
			b.WriteString("    " + l.text)
		case !l.code:
			b.WriteString(inlineText(l.text))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// prose returns the paragraphs of a subsection outside its code blocks as
// plain text, one line each, without the bold severity that opens the
// first ("**error.**", "**the check's `severity`** (error by default).").
func prose(body []string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range fenceAware(withoutComments(body)) {
		if l.code || strings.TrimSpace(l.text) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimSpace(l.text))
	}
	flush()
	if len(paras) > 0 {
		paras[0] = severityLead.ReplaceAllString(paras[0], "")
	}
	for i, p := range paras {
		paras[i] = inlineText(p)
	}
	return strings.Join(paras, "\n")
}

// fenceLabels introduce the code blocks of a subsection by their language.
var fenceLabels = map[string]string{"hcl": "Example:", "text": "Output:"}

var severityLead = regexp.MustCompile(`^\*\*[^*]+\*\*(?: \([^)]*\))?\.?\s*`)

// inlineText removes inline Markdown a terminal cannot show: a link keeps
// its text, bold markers go. Code spans keep their backticks, which read
// well in plain text and mark what is to be typed.
func inlineText(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	return strings.ReplaceAll(s, "**", "")
}

var mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
