package workbook

import (
	"strings"
)

// A formula is built as a tree of nodes and printed only once every cell
// has its place, so that the builders never handle cell addresses or
// parentheses.
type node interface{ isNode() }

// num is a number literal, as the spreadsheet reads it ("0.25", "12").
type num struct{ text string }

// str is a text literal, for COUNTIF's criteria.
type str struct{ text string }

// ref is a reference to a cell of the workbook: by its defined name when
// it has one, else by its address (absolute with abs, for the fixed end
// of a range that grows row by row).
type ref struct {
	c   *cell
	abs bool
}

// span is a range of cells in one column of one sheet, first to last.
type span struct {
	first, last *cell
	absFirst    bool
	absLast     bool
	// cells are the cells in the range, for the dependency graph.
	cells []*cell
}

// bin is a binary operation: + - * / & or a comparison ("<", "=").
type bin struct {
	op   string
	a, b node
}

// neg is unary minus.
type neg struct{ x node }

// call is a call of a spreadsheet function.
type call struct {
	fn   string
	args []node
}

func (num) isNode()  {}
func (str) isNode()  {}
func (ref) isNode()  {}
func (span) isNode() {}
func (bin) isNode()  {}
func (neg) isNode()  {}
func (call) isNode() {}

// Builders, which keep the trees that formulas are made of short to write.

func add(a, b node) node { return bin{"+", a, b} }
func sub(a, b node) node { return bin{"-", a, b} }
func mul(a, b node) node { return bin{"*", a, b} }
func quo(a, b node) node { return bin{"/", a, b} }
func fn(name string, args ...node) node {
	return call{name, args}
}

// precedence of the spreadsheet's operators: comparisons bind loosest,
// then &, then + and -, then * and /. Unary minus binds tightest (=-2^2
// is 4 in Excel), which is why neg always parenthesizes an operation.
var precedence = map[string]int{"=": 1, "<": 1, ">": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4}

// printer writes formulas as seen from a sheet: a cell of another sheet
// without a name is written with its sheet's name.
type printer struct {
	from *sheet
	b    strings.Builder
}

// formula prints n as the text of a formula in sheet from, without the
// leading "=" (excelize adds none, and the file stores none).
func formula(n node, from *sheet) string {
	p := &printer{from: from}
	p.node(n, 0)
	return p.b.String()
}

func (p *printer) node(n node, prec int) {
	switch x := n.(type) {
	case num:
		p.b.WriteString(x.text)
	case str:
		p.b.WriteString(`"` + strings.ReplaceAll(x.text, `"`, `""`) + `"`)
	case ref:
		p.b.WriteString(p.cellText(x.c, x.abs))
	case span:
		p.b.WriteString(p.cellText(x.first, x.absFirst) + ":" + x.last.address(x.absLast))
	case neg:
		// Parenthesized as an operand, so that no formula reads a--b.
		if prec > 0 {
			p.b.WriteString("(")
		}
		p.b.WriteString("-")
		p.node(x.x, 5)
		if prec > 0 {
			p.b.WriteString(")")
		}
	case call:
		p.b.WriteString(x.fn + "(")
		for i, a := range x.args {
			if i > 0 {
				p.b.WriteString(",")
			}
			p.node(a, 0)
		}
		p.b.WriteString(")")
	case bin:
		p.bin(x, prec)
	}
}

func (p *printer) bin(x bin, prec int) {
	own := precedence[x.op]
	paren := own < prec
	if paren {
		p.b.WriteString("(")
	}
	p.node(x.a, own)
	p.b.WriteString(x.op)
	right := own
	if x.op == "-" || x.op == "/" {
		right++ // a-(b-c), a/(b/c)
	}
	p.node(x.b, right)
	if paren {
		p.b.WriteString(")")
	}
}

// cellText is how a formula in p's sheet refers to c.
func (p *printer) cellText(c *cell, abs bool) string {
	switch {
	case c.name != "":
		return c.name
	case c.sheet == p.from:
		return c.address(abs)
	}
	return quoteSheet(c.sheet.name) + "!" + c.address(abs)
}

// quoteSheet quotes a sheet name for a reference: 'Funnel demand'.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// refs calls f with every cell n refers to.
func refs(n node, f func(*cell)) {
	switch x := n.(type) {
	case ref:
		f(x.c)
	case span:
		for _, c := range x.cells {
			f(c)
		}
	case neg:
		refs(x.x, f)
	case call:
		for _, a := range x.args {
			refs(a, f)
		}
	case bin:
		refs(x.a, f)
		refs(x.b, f)
	}
}
