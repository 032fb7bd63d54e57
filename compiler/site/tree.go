package site

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/rivo/uniseg"
)

// The KPI tree page (tree.html) draws each KGI decomposed by the formulas
// that define it (compiler.KPITree): revenue = won deals × deal size, won
// deals = SQLs × rate, ... down to the inputs, then each KPI that no KGI
// reaches as a tree of its own. A value reached a second time is a chip
// that links to where it is drawn, never a second edge.
//
// The layout is a tidy tree, left to right: a node's depth is its column,
// each subtree owns a contiguous band of rows, and a parent sits on its
// first child's row, so that the main chain (revenue, won deals, SQLs,
// ...) reads along the top as an equation. A parent's edges leave its
// right side, run to a junction in the gap before the next column, where
// the operator is drawn, and down that junction's line to each child's
// left side. Two parents of a column own disjoint bands, so their
// junction lines never share a point, and every other segment stays
// within its parent's band: the edges never cross, however large the
// plan. Columns are narrow, so that a tree of eight levels fits a desktop
// window; a deeper one scrolls inside its frame.
//
// The same tree is written a second time as an indented outline, which a
// phone shows instead of the drawing (tree.css), each subtree a details
// element, those deep in the tree closed.

// The drawing's geometry, in SVG user units (pixels at full size). A
// drawing's columns are as wide as fits its depth in fitW, between
// minBoxW and maxBoxW, and never narrower than its widest value.
const (
	maxBoxW  = 164
	minBoxW  = 96
	fitW     = 1216 // the frame's width at a desktop window of 1280px
	tGap     = 26   // between two columns: the edges and the operator
	tPad     = 10
	tSibGap  = 8  // between the bands of two children
	tRootGap = 26 // between two trees
	tAnchor  = 12 // the edges meet a node this far below its top
	tChipH   = 24 // a reference or a constant on one line
	tInset   = 7  // text's inset from a box's left side
	tTitleH  = 14 // a line of a title
	tLineH   = 13 // a line of a reference, a function or a formula
	// outlineOpen is how deep the outline opens its subtrees: below it, a
	// reader opens a branch to see it.
	outlineOpen = 4
)

type treePage struct {
	Sections []treeSection
	// Rest are the values in no tree.
	Rest []treeLeft
}

// treeSection is the trees of the KGIs, or of the other KPIs: drawn, and
// as an outline.
type treeSection struct {
	ID, Title, Note string
	// Chart is nil for a tree of more than treeMaxNodes boxes: a chart
	// that size is megabytes no one reads, and the outline says the same.
	Chart    *treeChart
	Outline  []*outlineItem
	MaxNodes int
}

// treeMaxNodes is the most boxes a section's chart draws.
const treeMaxNodes = 1500

type treeChart struct {
	W, H  int
	Label string
	Edges []string
	Ops   []treeOp
	Nodes []treeBox
}

// treeBox is a node as drawn: a value (a link to its page), a reference
// (a link to where the value is drawn), a part of a formula or a constant.
type treeBox struct {
	ID, Href, Class, Tip string
	X, Y, W, H           int
	Lines                []treeLine
}

type treeLine struct {
	Class, Text string
	X, Y        int
	// End anchors the text at X's right (a reference's value).
	End bool
}

// treeOp is an operator at the junction of a parent's edges.
type treeOp struct {
	X, Y      int
	Text, Tip string
}

// outlineItem is a node of the outline.
type outlineItem struct {
	ID, Href, Class string
	// Op is the operator before the node ("× rate"), Eq what follows its
	// parent ("=", "= cac(…)").
	Op, Eq             string
	Title, Value, Code string
	Ref, Open          bool
	Kids               []*outlineItem
}

// treeLeft is a value that is in no tree.
type treeLeft struct{ Text, Href, Value, Origin string }

// tnode is a node of the tree while it is laid out.
type tnode struct {
	n          *compiler.TreeNode
	depth      int
	x, y, h    int
	kids       []*tnode
	title      []string
	code       []string
	value, fn  string
	isRef, isK bool // a reference; a constant
}

func (g *gen) tree() error {
	roots := compiler.KPITree(g.r)
	drawn := map[*compiler.Var]bool{}
	var kgis, others []*compiler.TreeNode
	for _, root := range roots {
		markDrawn(root, drawn)
		if root.Var != nil && root.Var.Object.Kind == "kgi" {
			kgis = append(kgis, root)
		} else {
			others = append(others, root)
		}
	}
	var p treePage
	l := g.newTreeLayout(roots)
	if len(kgis) > 0 {
		p.Sections = append(p.Sections, g.treeSection(l, "tree-goals", g.T("Goals (KGIs)"), "", kgis))
	}
	if len(others) > 0 {
		title, note := g.T("Other KPIs"), g.T("KPIs that no goal’s tree reaches, each a tree of its own.")
		if len(kgis) == 0 {
			title, note = g.T("KPI trees"), ""
		}
		p.Sections = append(p.Sections, g.treeSection(l, "tree-kpis", title, note, others))
	}
	for _, v := range g.r.Info.Vars {
		if !drawn[v] {
			p.Rest = append(p.Rest, treeLeft{Text: g.valueLabel(v), Href: g.names.href(v), Value: g.show(v), Origin: string(g.r.Origin(v))})
		}
	}
	if err := g.render("tree.html", "tree", g.T("KPI tree"), p); err != nil {
		return err
	}
	return g.lineage()
}

// markDrawn marks the values drawn in the tree of n.
func markDrawn(n *compiler.TreeNode, drawn map[*compiler.Var]bool) {
	if n.Var != nil && !n.Ref {
		drawn[n.Var] = true
	}
	for _, k := range n.Kids {
		markDrawn(k, drawn)
	}
}

// treeSection lays out the trees of roots, one under the other.
func (g *gen) treeSection(l *treeLayout, id, title, note string, roots []*compiler.TreeNode) treeSection {
	s := treeSection{ID: id, Title: title, Note: note, MaxNodes: treeMaxNodes}
	depth := 0
	for _, root := range roots {
		depth = max(depth, treeDepth(root))
	}
	var nodes []*tnode
	top := tPad
	for i, root := range roots {
		if i > 0 {
			top += tRootGap
		}
		t := l.tnode(root, 0)
		top += l.place(t, top)
		nodes = walkT(t, nodes)
		s.Outline = append(s.Outline, g.outline(t, "", ""))
	}
	if len(nodes) > treeMaxNodes {
		for _, t := range nodes {
			if !t.isRef && t.n.Var != nil {
				l.outlined[t.n.Var] = true
			}
		}
		return s
	}
	c := &treeChart{}
	s.Chart = c
	c.W, c.H = 2*tPad+depth*l.colW+l.boxW, top+tPad
	c.Label = g.F("KPI tree: %s, %d nodes", title, len(nodes))
	for _, t := range nodes {
		c.Nodes = append(c.Nodes, l.box(t))
		if len(t.kids) > 0 {
			d, op := l.edges(t)
			c.Edges = append(c.Edges, d)
			op.Text, op.Tip = opGlyph(t.n.Op), g.opTip(t.n.Op)
			c.Ops = append(c.Ops, op)
		}
	}
	return s
}

// newTreeLayout is the geometry of the page's drawings: one width of
// column for all, so that a level of one tree lines up with the same
// level of another, as wide as fits the deepest tree's levels in fitW,
// and never narrower than the widest value.
func (g *gen) newTreeLayout(roots []*compiler.TreeNode) *treeLayout {
	depth, valueW := 0, 0.0
	var measure func(n *compiler.TreeNode)
	measure = func(n *compiler.TreeNode) {
		if n.Var != nil && !n.Ref {
			valueW = max(valueW, valueFace.width(g.show(n.Var)))
		}
		for _, k := range n.Kids {
			measure(k)
		}
	}
	for _, root := range roots {
		depth = max(depth, treeDepth(root))
		measure(root)
	}
	l := &treeLayout{g: g, outlined: map[*compiler.Var]bool{}, boxW: max(min(maxBoxW, (fitW-2*tPad-depth*tGap)/(depth+1)), minBoxW, int(valueW)+2*tInset+2)}
	l.colW = l.boxW + tGap
	return l
}

// treeDepth is the depth of n's tree: 0 for a leaf.
func treeDepth(n *compiler.TreeNode) int {
	d := 0
	for _, k := range n.Kids {
		d = max(d, treeDepth(k)+1)
	}
	return d
}

// treeLayout is the geometry of one drawing.
type treeLayout struct {
	g          *gen
	boxW, colW int
	// outlined are the values of the sections shown as outlines only,
	// which a reference drawn in a chart links to in the outline.
	outlined map[*compiler.Var]bool
}

// walkT lists a tree's nodes, parents before their children.
func walkT(t *tnode, out []*tnode) []*tnode {
	out = append(out, t)
	for _, k := range t.kids {
		out = walkT(k, out)
	}
	return out
}

// tnode makes the node of n at depth, with its texts and height.
func (l *treeLayout) tnode(n *compiler.TreeNode, depth int) *tnode {
	g := l.g
	t := &tnode{n: n, depth: depth}
	textW := float64(l.boxW - 2*tInset)
	switch {
	case n.Var != nil && n.Ref:
		// On one line with its value when it fits, else the value under
		// the title.
		t.isRef, t.value = true, g.show(n.Var)
		title := "↗ " + g.valueLabel(n.Var)
		if chipFace.width(title)+8+chipBold.width(t.value) <= textW {
			t.title, t.h = []string{title}, tChipH
		} else {
			t.title, t.h = wrap(title, textW, chipFace, 1), tChipH+tLineH
		}
	case n.Var != nil:
		t.title = wrap(g.valueLabel(n.Var), textW, titleFace, 3)
		t.value = g.show(n.Var)
		t.h = 8 + len(t.title)*tTitleH + 18 + 6
		if isFunc(n.Op) {
			t.fn = fit("= "+n.Op+"(…)", textW, codeFace)
			t.h += tLineH
		}
	default:
		if c, ok := n.Expr.(*compiler.Const); ok {
			t.isK, t.h = true, tChipH
			t.value = fit(g.num(c.V, c.Unit), textW, chipBold)
			break
		}
		t.code = wrap(g.formulaText(n.Expr), textW, codeFace, 3)
		t.h = max(6+len(t.code)*tLineH+6, tChipH)
	}
	for _, k := range n.Kids {
		t.kids = append(t.kids, l.tnode(k, depth+1))
	}
	return t
}

// place puts t's subtree in the band of rows from top down, t on its first
// child's row, and returns the band's height.
func (l *treeLayout) place(t *tnode, top int) int {
	t.x, t.y = tPad+t.depth*l.colW, top
	y := top
	for i, k := range t.kids {
		if i > 0 {
			y += tSibGap
		}
		y += l.place(k, y)
	}
	return max(t.h, y-top)
}

// edges draws t's edges as one path: from its right side to its first
// child, which is on its row, and from the junction down to the others;
// op is where the operator goes.
func (l *treeLayout) edges(t *tnode) (string, treeOp) {
	x0, xj, x1 := t.x+l.boxW, t.x+l.boxW+tGap/2, t.x+l.colW
	ay := t.y + tAnchor
	var b strings.Builder
	fmt.Fprintf(&b, "M%d %dH%d", x0, ay, x1)
	if n := len(t.kids); n > 1 {
		fmt.Fprintf(&b, "M%d %dV%d", xj, ay, t.kids[n-1].y+tAnchor)
		for _, k := range t.kids[1:] {
			fmt.Fprintf(&b, "M%d %dH%d", xj, k.y+tAnchor, x1)
		}
	}
	return b.String(), treeOp{X: xj, Y: ay}
}

// box is t as drawn.
func (l *treeLayout) box(t *tnode) treeBox {
	g := l.g
	b := treeBox{X: t.x, Y: t.y, W: l.boxW, H: t.h}
	n := t.n
	switch {
	case t.isRef:
		b.Class = "node ref origin-" + string(g.r.Origin(n.Var))
		b.Href = "#" + treeID("t-", n.Var)
		if l.outlined[n.Var] {
			b.Href = "#" + treeID("o-", n.Var)
		}
		b.Tip = g.F("%s: %s, drawn once elsewhere in the tree", g.valueLabel(n.Var), t.value)
		b.Lines = []treeLine{{Class: "r", Text: t.title[0], X: tInset, Y: 16}}
		if t.h == tChipH {
			b.Lines = append(b.Lines, treeLine{Class: "rv", Text: t.value, X: l.boxW - tInset, Y: 16, End: true})
		} else {
			b.Lines = append(b.Lines, treeLine{Class: "rv", Text: t.value, X: tInset + 12, Y: 16 + tLineH})
		}
	case n.Var != nil:
		v := n.Var
		b.ID, b.Href = treeID("t-", v), g.names.href(v)
		b.Class = "node origin-" + string(g.r.Origin(v))
		if t.depth == 0 {
			b.Class += " root"
		}
		b.Tip = fmt.Sprintf("%s — %s = %s (%s)", g.valueLabel(v), v.Path, t.value, g.origin(v))
		y := 4
		for _, line := range t.title {
			y += tTitleH
			b.Lines = append(b.Lines, treeLine{Class: "t", Text: line, X: tInset, Y: y})
		}
		y += 18
		b.Lines = append(b.Lines, treeLine{Class: "v", Text: t.value, X: tInset, Y: y})
		if t.fn != "" {
			b.Lines = append(b.Lines, treeLine{Class: "fn", Text: t.fn, X: tInset, Y: y + tLineH})
		}
	case t.isK:
		b.Class = "node const"
		b.Tip = g.F("the constant %s", t.value)
		b.Lines = []treeLine{{Class: "k", Text: t.value, X: tInset, Y: 16}}
	default:
		b.Class = "node part"
		b.Tip = g.F("part of a formula: %s", g.formulaText(n.Expr))
		for i, line := range t.code {
			b.Lines = append(b.Lines, treeLine{Class: "c", Text: line, X: tInset, Y: 16 + tLineH*i})
		}
	}
	return b
}

// outline is t as an item of the outline, op before it and eq after its
// parent.
func (g *gen) outline(t *tnode, op, eq string) *outlineItem {
	n := t.n
	it := &outlineItem{Op: op, Open: t.depth < outlineOpen}
	switch {
	case n.Var != nil:
		it.Title, it.Value = g.valueLabel(n.Var), t.value
		it.Class = "origin-" + string(g.r.Origin(n.Var))
		if n.Ref {
			it.Ref, it.Href = true, "#"+treeID("o-", n.Var)
		} else {
			it.ID, it.Href = treeID("o-", n.Var), g.names.href(n.Var)
		}
	case t.isK:
		it.Value, it.Class = t.value, "const"
	default:
		it.Code, it.Class = g.formulaText(n.Expr), "part"
	}
	if len(t.kids) > 0 {
		it.Eq = "="
		if isFunc(n.Op) {
			it.Eq = "= " + n.Op + "(…)"
		}
	}
	for i, k := range t.kids {
		kop := ""
		switch {
		case isFunc(n.Op), n.Op == "=":
		case i > 0, n.Op == "−" && len(t.kids) == 1:
			kop = n.Op
		}
		it.Kids = append(it.Kids, g.outline(k, kop, ""))
	}
	return it
}

// treeID is the id of v's node in the drawing ("t-") or the outline
// ("o-").
func treeID(prefix string, v *compiler.Var) string { return prefix + v.Path.String() }

// isFunc reports whether op is a function's name, not an operator.
func isFunc(op string) bool {
	switch op {
	case "", "=", "×", "÷", "+", "−":
		return false
	}
	return true
}

// opGlyph is an operator as its circle shows it: a function is ƒ, its
// name in the node and the tooltip.
func opGlyph(op string) string {
	if isFunc(op) {
		return "ƒ"
	}
	return op
}

func (g *gen) opTip(op string) string {
	switch op {
	case "=":
		return g.T("equal to the value to its right")
	case "×":
		return g.T("the values to the right and below multiplied")
	case "÷":
		return g.T("the value to the right divided by the one below")
	case "+":
		return g.T("the values to the right and below added up")
	case "−":
		return g.T("the value to the right less the ones below")
	}
	return g.F("the function %s of the values to the right and below", op)
}

// formulaText is the source of a part of a formula as written, on one
// line.
func (g *gen) formulaText(e compiler.Expr) string {
	r := e.Range()
	src, ok := g.srcOf[r.Filename]
	if !ok || r.End.Byte > len(src) || r.Start.Byte >= r.End.Byte {
		return "…"
	}
	return strings.Join(strings.Fields(string(bytes.TrimSpace(src[r.Start.Byte:r.End.Byte]))), " ")
}

// face is a font of the drawing, for the width of its text.
type face struct {
	size       float64
	bold, mono bool
}

// The drawing's fonts (tree.css).
var (
	titleFace = face{size: 11.5, bold: true}
	valueFace = face{size: 13, bold: true}
	chipFace  = face{size: 11}
	chipBold  = face{size: 11, bold: true}
	codeFace  = face{size: 10, mono: true}
)

// wrap breaks s into lines of at most width in f, between words (and in
// a formula after a dot) or between wide (CJK)
// characters, at most maxLines of them, the last cut with an ellipsis
// when the text does not fit.
func wrap(s string, width float64, f face, maxLines int) []string {
	toks := tokens(s, f.mono)
	var lines []string
	var starts []int // the token each line starts with
	var line strings.Builder
	lineW := 0.0
	for i, tok := range toks {
		w := f.width(tok)
		if lineW+w > width && line.Len() > 0 {
			lines = append(lines, strings.TrimRight(line.String(), " "))
			line.Reset()
			lineW = 0
		}
		if line.Len() == 0 {
			tok = strings.TrimLeft(tok, " ")
			if tok == "" {
				continue // spaces at a line's start: the line has not started
			}
			starts = append(starts, i)
			w = f.width(tok)
		}
		line.WriteString(tok)
		lineW += w
	}
	if line.Len() > 0 {
		lines = append(lines, strings.TrimRight(line.String(), " "))
	}
	if len(lines) > maxLines {
		// The last line takes the rest of the text, cut.
		rest := strings.TrimSpace(strings.Join(toks[starts[maxLines-1]:], ""))
		lines = append(lines[:maxLines-1], rest)
	}
	// A line wider than the box (a long word, the rest): cut it.
	for i, l := range lines {
		lines[i] = fit(l, width, f)
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// fit cuts s to width in f with an ellipsis, when it is wider.
func fit(s string, width float64, f face) string {
	if f.width(s) <= width {
		return s
	}
	ell := f.width("…")
	var b strings.Builder
	w := 0.0
	gr := uniseg.NewGraphemes(s)
	for gr.Next() {
		c := gr.Str()
		cw := f.width(c)
		if w+cw+ell > width {
			break
		}
		b.WriteString(c)
		w += cw
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// Japanese line breaking, simply: a line does not start with a closing
// bracket, a mark or a small kana, nor end with an opening bracket.
const (
	noLineStart = ")]}）〕］｝」』】、。，．・：；！？ー～々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ%％,.:;!?"
	noLineEnd   = "([{（〔［｛「『【"
)

// tokens splits s where a line may break: after a space, a hyphen or a
// slash (and in code after a dot), and around each wide
// character, but for the marks that keep to their neighbour.
func tokens(s string, code bool) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	glue := false // the last token ended with an opening bracket
	gr := uniseg.NewGraphemes(s)
	for gr.Next() {
		c := gr.Str()
		switch {
		case strings.Contains(noLineStart, c) && cur.Len() > 0:
			cur.WriteString(c)
			if uniseg.StringWidth(c) > 1 {
				flush()
			}
		case strings.Contains(noLineStart, c) && len(out) > 0:
			out[len(out)-1] += c
		case glue:
			cur.WriteString(c)
			if uniseg.StringWidth(c) > 1 {
				flush()
			}
		case uniseg.StringWidth(c) > 1:
			flush()
			cur.WriteString(c)
			if !strings.Contains(noLineEnd, c) {
				flush()
			}
		case c == " " || c == "-" || c == "/" || code && c == ".":
			cur.WriteString(c)
			flush()
		default:
			cur.WriteString(c)
		}
		glue = cur.Len() > 0 && strings.Contains(noLineEnd, lastChar(cur.String()))
	}
	flush()
	return out
}

func lastChar(s string) string {
	r := []rune(s)
	return string(r[len(r)-1])
}

// width estimates the width of s in f: the drawing cannot measure its
// text, so it errs wide, as a wide sans serif (DejaVu Sans) sets it, and
// leaves the margin to a narrower system font.
func (f face) width(s string) float64 {
	em := 0.0
	gr := uniseg.NewGraphemes(s)
	for gr.Next() {
		c := gr.Str()
		r := []rune(c)[0]
		switch {
		case uniseg.StringWidth(c) > 1:
			em += 1.0
		case f.mono:
			em += 0.62
		case strings.ContainsRune(" .,:;'|!ijl", r):
			em += 0.32
		case strings.ContainsRune("ftr()[]-I", r):
			em += 0.42
		case strings.ContainsRune("mwMW%", r):
			em += 0.95
		case r >= 'A' && r <= 'Z':
			em += 0.72
		case r >= '0' && r <= '9':
			em += 0.64
		case r < 0x80:
			em += 0.6
		default:
			em += 0.7
		}
	}
	if f.bold {
		em *= 1.1
	}
	return em * f.size
}
