package plandiff

import (
	"fmt"
	"github.com/planc-dev/planc/compiler/display"
	"io"
	"strings"
)

// Marker is the first line of the Markdown output, an HTML comment that
// GitHub does not show. A CI job can look for it to update its earlier
// comment on a pull request instead of adding a new one each push.
const Marker = "<!-- planc-diff -->"

// Markdown writes the diff as a GitHub-flavoured Markdown comment for a
// pull request: a heading, a summary line, a warning when a plan has
// errors, and a table per kind of difference (headline values, other moved
// values, added, removed, solved on one side only, unit changed) with the
// old and new value, the change and the relative change. Text from the
// plans (titles, names) is escaped, so that a title such as "A|B *draft*"
// can neither break a table nor format the comment; the output is the same
// for the same plans.
func Markdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n### planc diff: %s\n\n", Marker, mdText(heading(d)))
	fmt.Fprintf(&b, "%s → %s: %s.\n", mdCode(d.Old.Name), mdCode(d.New.Name), summary(d))
	if notes := mdErrorNotes(d); notes != "" {
		fmt.Fprintf(&b, "\n> [!WARNING]\n> %s\n", notes)
	}
	moved := []string{"old", "new", "change", "relative"}
	mdTable(&b, "Headline", moved, d.Headline(), func(c Change) []string {
		return []string{c.Old.Display, c.New.Display, c.DeltaText(), c.RelativeText()}
	})
	mdTable(&b, "Other values", moved, d.Others(), func(c Change) []string {
		return []string{c.Old.Display, c.New.Display, c.DeltaText(), c.RelativeText()}
	})
	mdTable(&b, "Added", []string{"new"}, d.Added, func(c Change) []string { return []string{c.New.Display} })
	mdTable(&b, "Removed", []string{"old"}, d.Removed, func(c Change) []string { return []string{c.Old.Display} })
	pair := func(c Change) []string { return []string{c.Old.Display, c.New.Display} }
	mdTable(&b, "Solved on one side only", []string{"old", "new"}, d.Unsolved, pair)
	mdTable(&b, "Unit changed", []string{"old", "new"}, d.UnitChanged, pair)
	_, err := io.WriteString(w, display.Terminal(b.String())) // titles and names come from the plans
	return err
}

// mdTable writes a section: a heading and a table with a value column, a
// title column when any value has a title, and the columns cells gives
// (right-aligned: they are numbers).
func mdTable(b *strings.Builder, title string, columns []string, cs []Change, cells func(Change) []string) {
	if len(cs) == 0 {
		return
	}
	titled := false
	for _, c := range cs {
		titled = titled || c.Title != ""
	}
	head, align := []string{"value"}, []string{":--"}
	if titled {
		head, align = append(head, "title"), append(align, ":--")
	}
	for _, col := range columns {
		head, align = append(head, col), append(align, "--:")
	}
	fmt.Fprintf(b, "\n#### %s\n\n| %s |\n| %s |\n", title, strings.Join(head, " | "), strings.Join(align, " | "))
	for _, c := range cs {
		r := []string{mdCode(c.Path)}
		if titled {
			r = append(r, mdText(c.Title))
		}
		for _, cell := range cells(c) {
			r = append(r, mdText(cell))
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(r, " | "))
	}
}

func mdErrorNotes(d *Diff) string {
	var notes []string
	for _, side := range []struct {
		which string
		p     Plan
	}{{"old", d.Old}, {"new", d.New}} {
		if side.p.Errors == 0 {
			continue
		}
		codes := make([]string, len(side.p.ErrorCodes))
		for i, c := range side.p.ErrorCodes {
			codes[i] = mdCode(c)
		}
		notes = append(notes, fmt.Sprintf("The %s plan has %s (%s).", side.which, count(side.p.Errors, "error"), strings.Join(codes, ", ")))
	}
	if len(notes) == 0 {
		return ""
	}
	return strings.Join(notes, " ") + " The values are compared all the same; `planc check` shows the details."
}

// mdEscaper escapes the characters that Markdown (or GitHub's HTML
// handling) would act on in a table cell: emphasis, code, links, HTML,
// table pipes, headings, strikethrough, @-mentions, and line breaks,
// which would end the table row.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "(", `\(`, ")", `\)`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "#", `\#`, "!", `\!`, "~", `\~`, "@", `\@`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

// mdText escapes user text for a Markdown table cell or heading.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCode writes s as inline code. A pipe is escaped even there, since
// GitHub splits table cells before it parses code; a backtick in s needs a
// longer fence.
func mdCode(s string) string {
	s = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if len(fence) > 1 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
