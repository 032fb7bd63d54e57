package site

import (
	"html/template"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// scenarios.html, when the plan has scenario blocks: the scenarios with
// their probabilities and what each changes, then the plan's key values
// (compiler.KeyValues) as written ("base") and in each scenario, with the
// change from the base and, when a scenario gives a probability, the
// expectation the probabilities weigh them to; then a small bar chart
// per key value. A scenario that does not compile shows its diagnostics
// and "?" for what it could not solve; the base is always shown.

const scenariosPage = "scenarios.html"

type scenariosBody struct {
	// Base is the plan as written, first in the list of scenarios.
	Base      scenarioView
	Scenarios []scenarioView
	// Expected is set when a scenario gives a probability: the values
	// table then has an expected column.
	Expected bool
	// Cols is the number of columns of the table of values.
	Cols   int
	Groups []keyGroup
}

// scenarioView is a scenario's row in the list of scenarios and its
// column in the table of values.
type scenarioView struct {
	Anchor, Name, Title, Probability string
	// NameParts is the name cut after each underscore, so that a long
	// name can wrap in a column's header.
	NameParts   []string
	Description template.HTML
	Changes     []scenarioChange
	SolveFor    []valueLink
	// Errors counts the scenario's own errors; Diags says how many
	// diagnostics it has ("1 error, 2 warnings"), DiagsHref links to the
	// first of them.
	Errors           int
	Diags, DiagsHref string
}

// scenarioChange is a value a scenario gives: the path it gives it at,
// linked to the plan's value there, and the value as written.
type scenarioChange struct {
	Path, Href, Text string
}

// keyGroup is the key values of one kind (the KGIs, a funnel's stage
// volumes, ...), a group of rows in the table of values.
type keyGroup struct {
	Title  string
	Rows   []keyRow
	Charts []compareChart
}

// keyRow is one key value in the base and in each scenario.
type keyRow struct {
	Label, Href, Path, Base, Expected string
	Cells                             []keyCell
}

// keyCell is a value in a scenario and its change from the base: "" when
// either is unsolved, "±0" when it does not change.
type keyCell struct {
	Value string
	// Change is the difference ("+1,905"), Pct it relative to the base
	// ("+125%"), "" when the base is zero.
	Change, Pct string
	Changed     bool
}

func scenarioAnchor(s *compiler.ScenarioResult) string { return "scenario-" + s.Name }

func (g *gen) scenarios() error {
	scs := g.r.Scenarios
	if len(scs) == 0 {
		return nil // no page, and no nav entry for it
	}
	reserved := append([]string{}, layoutIDs...)
	reserved = append(reserved, "scenario-base", "list", "values", "charts")
	for _, s := range scs {
		reserved = append(reserved, scenarioAnchor(s))
	}
	ids := newIDs(reserved...)
	pb := g.r.BaseProbability()
	b := scenariosBody{Expected: pb != nil,
		Base: scenarioView{Anchor: "scenario-base", Name: "base", NameParts: []string{"base"}, Title: g.T("The plan as written"),
			Probability: chance(pb)}}
	for _, s := range scs {
		b.Scenarios = append(b.Scenarios, g.scenarioView(s, ids))
	}
	b.Cols = 2 + len(scs)
	if b.Expected {
		b.Cols++
	}
	b.Groups = g.keyGroups(compiler.KeyValues(g.r), scs, b.Expected)
	return g.render(scenariosPage, "scenarios", g.T("Scenarios"), b)
}

func (g *gen) scenarioView(s *compiler.ScenarioResult, ids *pageIDs) scenarioView {
	v := scenarioView{Anchor: scenarioAnchor(s), Name: s.Name, NameParts: nameParts(s.Name), Title: s.Title(),
		Probability: chance(s.Probability), Description: markdown(s.Node.Description.Value, ids, scenarioAnchor(s))}
	if g.ja() {
		// A Japanese plan's readers read its scenarios' titles; the names
		// are for its authors.
		v.NameParts = []string{s.Title()}
	}
	for _, c := range s.Node.Changes {
		v.Changes = append(v.Changes, g.changes(c, "")...)
	}
	if a := s.Node.SolveFor; a != nil {
		v.SolveFor = g.solveFor(a)
	}
	errs, warns := display.Count(s.Diags)
	v.Errors, v.Diags = errs, g.countText(errs, warns)
	if len(s.Diags) > 0 {
		v.DiagsHref = "diagnostics.html"
		for i, d := range g.r.Diags {
			if d == s.Diags[0] {
				v.DiagsHref += "#" + diagAnchor(i)
				break
			}
		}
	}
	return v
}

// changes lists the values a scenario's block gives, and those of the
// blocks nested in it, each at its path in the plan.
func (g *gen) changes(c *lang.Change, in string) []scenarioChange {
	path := c.Kind + "." + c.Name
	if in != "" {
		path = in + "." + c.Name
	}
	var out []scenarioChange
	for _, a := range c.Attrs {
		p := path + "." + a.Name
		ch := scenarioChange{Path: p, Text: g.exprText(a)}
		if v := g.r.Info.ValueAt(lang.NewPath(p)); v != nil {
			ch.Href = g.names.href(v)
		}
		out = append(out, ch)
	}
	for _, n := range c.Nested {
		out = append(out, g.changes(n, path)...)
	}
	return out
}

// exprText is an attribute's value as written.
func (g *gen) exprText(a *lang.Attr) string {
	r := a.Expr.Range()
	src, ok := g.srcOf[r.Filename]
	if !ok || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return ""
	}
	return string(src[r.Start.Byte:r.End.Byte])
}

// solveFor links the values a scenario solves for (goal seek).
func (g *gen) solveFor(a *lang.Attr) []valueLink {
	list, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil // the compiler reports it
	}
	var out []valueLink
	for _, e := range list.Exprs {
		t, ok := e.(*hclsyntax.ScopeTraversalExpr)
		if !ok {
			continue
		}
		p, ok := lang.TraversalPath(t.Traversal)
		if !ok {
			continue
		}
		l := valueLink{Text: p.String()}
		if v := g.r.Info.ValueAt(p); v != nil {
			l.Href = g.names.href(v)
		}
		out = append(out, l)
	}
	return out
}

// nameParts cuts a name after each underscore.
func nameParts(name string) []string {
	var out []string
	for {
		i := strings.IndexByte(name, '_')
		if i < 0 || i == len(name)-1 {
			return append(out, name)
		}
		out = append(out, name[:i+1])
		name = name[i+1:]
	}
}

// chance shows a probability, a dash for none.
func chance(p *big.Rat) string {
	if p == nil {
		return "—"
	}
	return quantity.Format(p, quantity.Ratio)
}

// keyGroups puts the key values in groups by kind, in their order.
func (g *gen) keyGroups(vs []*compiler.Var, scs []*compiler.ScenarioResult, expected bool) []keyGroup {
	var out []keyGroup
	for _, v := range vs {
		title := g.keyGroupTitle(v)
		if len(out) == 0 || out[len(out)-1].Title != title {
			out = append(out, keyGroup{Title: title})
		}
		grp := &out[len(out)-1]
		grp.Rows = append(grp.Rows, g.keyRow(v, scs, expected))
		grp.Charts = append(grp.Charts, g.compareChart(v, scs, expected))
	}
	return out
}

// keyGroupTitle names the group of a key value.
func (g *gen) keyGroupTitle(v *compiler.Var) string {
	switch v.Object.Kind {
	case "kgi":
		return g.T("Goals")
	case "stage":
		return g.F("Stage volumes: %s", v.Object.Parent.Label())
	case "channel":
		return g.T("Channels: leads")
	case "budget":
		return g.T("Budgets: spend")
	case "team":
		return g.T("Teams: load")
	}
	return g.T(v.Object.Kind)
}

// keyLabel is a key value's label within its group: its block's.
func keyLabel(v *compiler.Var) string { return v.Object.Label() }

func (g *gen) keyRow(v *compiler.Var, scs []*compiler.ScenarioResult, expected bool) keyRow {
	row := keyRow{Label: keyLabel(v), Href: g.names.href(v), Path: v.Path.String(), Base: g.show(v)}
	base := g.exact(v)
	for _, s := range scs {
		x, ok := s.In(v)
		switch {
		case !ok:
			row.Cells = append(row.Cells, keyCell{Value: "?"})
		case base == nil:
			row.Cells = append(row.Cells, keyCell{Value: g.num(x, v.Unit)})
		default:
			c := keyCell{Value: g.num(x, v.Unit), Change: "±0", Changed: x.Cmp(base) != 0}
			if c.Changed {
				c.Change, c.Pct = g.signed(new(big.Rat).Sub(x, base), v.Unit), minus(display.Variance(x, base))
			}
			row.Cells = append(row.Cells, c)
		}
	}
	if expected {
		row.Expected = "?"
		if e, ok := compiler.Expected(g.r, v); ok {
			row.Expected = g.num(e, v.Unit)
		}
	}
	return row
}

// minus writes a leading hyphen as the minus sign, which is as wide as a
// digit and reads as one.
func minus(s string) string {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return "−" + rest
	}
	return s
}

// compareChart is one key value as bars: the base, each scenario and the
// expectation, each bar but the base's with a mark at the base's value.
// Each row's label is above its bar and its value at the right, so that
// the chart is 360 wide and a phone shows it at its own size.
type compareChart struct {
	Label, Href string
	W, H        int
	Rows        []compareRow
}

type compareRow struct {
	Label, Title, Value, Class string
	Unknown                    bool
	LabelY, BarY, BarW, BarH   int
	TextY, ValueX              int
	// Mark is set on a row that shows the base's value at MarkX.
	Mark                  bool
	MarkX, MarkY1, MarkY2 int
}

// The compare chart's geometry, in SVG user units.
const (
	compareW      = 360
	compareBarMax = 240
	compareRowH   = 34
	compareBarH   = 12
	compareTop    = 4
	compareCols   = 24 // display columns of a label at 12px over the bar
)

func (g *gen) compareChart(v *compiler.Var, scs []*compiler.ScenarioResult, expected bool) compareChart {
	type entry struct {
		label, title, class string
		x                   *big.Rat
	}
	base := g.exact(v)
	entries := []entry{{g.T("base"), g.T("The plan as written"), "base", base}}
	for _, s := range scs {
		x, ok := s.In(v)
		if !ok {
			x = nil
		}
		label := s.Name
		if g.ja() {
			label = s.Title()
		}
		entries = append(entries, entry{label, s.Title(), "scenario", x})
	}
	if expected {
		e, _ := compiler.Expected(g.r, v)
		entries = append(entries, entry{g.T("expected"), g.T("Weighed by the probabilities"), "expected", e})
	}
	var scale float64
	for _, e := range entries {
		if e.x != nil {
			f, _ := e.x.Float64()
			scale = max(scale, f)
		}
	}
	baseX := -1
	if base != nil {
		f, _ := base.Float64()
		baseX = scaledTo(f, scale, compareBarMax)
	}
	ch := compareChart{Label: keyLabel(v), Href: g.names.href(v), W: compareW}
	y := compareTop
	for i, e := range entries {
		row := compareRow{Label: truncate(e.label, compareCols), Title: e.title, Class: e.class,
			LabelY: y + 12, BarY: y + 17, BarH: compareBarH, TextY: y + 27, ValueX: compareW}
		if e.x == nil {
			row.Value, row.Unknown = "?", true
		} else {
			f, _ := e.x.Float64()
			row.Value, row.BarW = g.num(e.x, v.Unit), scaledTo(f, scale, compareBarMax)
		}
		if i > 0 && baseX >= 0 && !row.Unknown {
			row.Mark, row.MarkX, row.MarkY1, row.MarkY2 = true, baseX, row.BarY-3, row.BarY+compareBarH+3
		}
		ch.Rows = append(ch.Rows, row)
		y += compareRowH
	}
	ch.H = y + compareTop
	return ch
}

// scaledTo scales x against top into [0, width], a positive value at
// least a sliver wide.
func scaledTo(x, top float64, width int) int {
	if top <= 0 || x <= 0 {
		return 0
	}
	return min(width, max(int(x/top*float64(width)+0.5), 2))
}

// countText is "2 errors, 1 warning", "" for none.
func (g *gen) countText(errors, warnings int) string {
	switch {
	case errors > 0 && warnings > 0:
		return g.diagCount(errors, warnings)
	case errors > 0:
		return g.counted(errors, "1 error", "%d errors")
	case warnings > 0:
		return g.counted(warnings, "1 warning", "%d warnings")
	}
	return ""
}
