package plandiff

import (
	"fmt"
	"github.com/planc-dev/planc/compiler/display"
	"io"
	"strings"

	"github.com/rivo/uniseg"
)

// Text writes the diff for a terminal or a CI log: a summary line, then
// one aligned line per value, the headline values first:
//
//	FY2027 new business: 12 values moved, 18 unchanged (old -> new)
//
//	Headline
//	  funnel.demand.mql.volume    2,286  ->  2,520  +234  (+10.2%)
//	  ...
//	Other values
//	  funnel.demand.sal.rate        70%  ->  63.5%  -6.5 pt  (-9.3%)
//
// followed by the values added, removed, solved on one side only, or
// whose unit changed, each under its own heading when there are any.
func Text(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%s -> %s)\n", heading(d), summary(d), d.Old.Name, d.New.Name)
	for _, note := range errorNotes(d) {
		fmt.Fprintf(&b, "note: %s\n", note)
	}
	// One set of widths for both groups of moved values, so that their
	// columns line up across the two headings.
	headline, others := movedRows(d.Headline()), movedRows(d.Others())
	widths := columnWidths(append(append([]row(nil), headline...), others...))
	textSection(&b, "Headline", headline, widths)
	textSection(&b, "Other values", others, widths)
	textSection(&b, "Added", valueRows(d.Added, false), nil)
	textSection(&b, "Removed", valueRows(d.Removed, true), nil)
	textSection(&b, "Solved on one side only", pairRows(d.Unsolved), nil)
	textSection(&b, "Unit changed", pairRows(d.UnitChanged), nil)
	_, err := io.WriteString(w, display.Terminal(b.String())) // titles and names come from the plans
	return err
}

// A row is one line of a section; cells after the first are
// right-aligned, so that numbers line up on their last digit.
type row []string

func movedRows(cs []Change) []row {
	var rows []row
	for _, c := range cs {
		rows = append(rows, row{c.Path, c.Old.Display, "->", c.New.Display, c.DeltaText(), "(" + c.RelativeText() + ")"})
	}
	return rows
}

// valueRows shows each value on the side that has it: the old one when
// old is set.
func valueRows(cs []Change, old bool) []row {
	var rows []row
	for _, c := range cs {
		v := c.New
		if old {
			v = c.Old
		}
		rows = append(rows, row{c.Path, v.Display})
	}
	return rows
}

func pairRows(cs []Change) []row {
	var rows []row
	for _, c := range cs {
		rows = append(rows, row{c.Path, c.Old.Display, "->", c.New.Display})
	}
	return rows
}

// textSection writes a heading and its rows, aligned on widths (or on
// their own widths when widths is nil); nothing when there are no rows.
func textSection(b *strings.Builder, title string, rows []row, widths []int) {
	if len(rows) == 0 {
		return
	}
	if widths == nil {
		widths = columnWidths(rows)
	}
	fmt.Fprintf(b, "\n%s\n", title)
	for _, r := range rows {
		b.WriteString(" ")
		for i, cell := range r {
			pad := strings.Repeat(" ", widths[i]-uniseg.StringWidth(cell))
			if i == 0 {
				b.WriteString(" " + cell + pad)
			} else {
				b.WriteString("  " + pad + cell)
			}
		}
		b.WriteString("\n")
	}
}

func columnWidths(rows []row) []int {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], uniseg.StringWidth(cell))
		}
	}
	return widths
}

// heading names the plans: the newer title, or "old -> new" when the
// title changed.
func heading(d *Diff) string {
	o, n := d.Old.Title, d.New.Title
	switch {
	case o != "" && n != "" && o != n:
		return o + " -> " + n
	case n != "":
		return n
	case o != "":
		return o
	}
	return "planc diff"
}

// summary counts what differs: "12 values moved, 1 added, 18 unchanged".
func summary(d *Diff) string {
	if !d.Changed() {
		return fmt.Sprintf("no value moved, %d unchanged", d.Unchanged)
	}
	parts := []string{count(len(d.Moved), "value") + " moved"}
	for _, p := range []struct {
		n    int
		what string
	}{{len(d.Added), "added"}, {len(d.Removed), "removed"}, {len(d.Unsolved), "solved on one side only"},
		{len(d.UnitChanged), "with a new unit"}, {d.Unchanged, "unchanged"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	return strings.Join(parts, ", ")
}

// errorNotes says which side has errors: its values are still compared,
// but a reviewer should know that the plan does not check clean.
func errorNotes(d *Diff) []string {
	var notes []string
	for _, side := range []struct {
		which string
		p     Plan
	}{{"old", d.Old}, {"new", d.New}} {
		if side.p.Errors > 0 {
			notes = append(notes, fmt.Sprintf("the %s plan (%s) has %s: %s", side.which, side.p.Name,
				count(side.p.Errors, "error"), strings.Join(side.p.ErrorCodes, ", ")))
		}
	}
	return notes
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
