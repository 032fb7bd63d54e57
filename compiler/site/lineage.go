package site

import (
	"fmt"

	"github.com/planc-dev/planc/compiler"
)

// The lineage page (lineage.html) draws the dependency graph of every
// value, which the KPI tree leaves out: each value with the values it is
// computed from, relations and all, the further uses of a value dashed.
// It is laid out left to right: a value's depth gives its column and the
// leaves take one row each, top to bottom, with a parent on the row of
// its first child. Subtrees own disjoint row ranges, so no two boxes
// overlap however many values the plan has; a 200-value plan becomes a
// tall chart that scrolls, with every label at full size.

// lineagePage is the lineage page's file.
const lineagePage = "lineage.html"

const (
	linNodeW = 210
	linNodeH = 60
	linColW  = linNodeW + 44
	linRowH  = linNodeH + 14
	linPad   = 16
	// linNodeCols is how many display columns of a title fit in a box.
	linNodeCols = 25
	linPathCols = 30
)

type lineageBody struct {
	W, H  int
	Nodes []lineageNode
	Edges []lineageEdge
	// Values is how many values the plan has when more than MaxValues,
	// and the page draws none.
	Values, MaxValues int
}

// lineageMaxValues is the most values the lineage draws: a graph of more
// is megabytes of drawing that no one can follow (each value's page lists
// what it is computed from and what it feeds).
const lineageMaxValues = 2000

type lineageNode struct {
	Label, Full, Value, Path, Href, Origin string
	X, Y, W, H                             int
}

type lineageEdge struct {
	D     string
	Cross bool
}

type lineageLayout struct {
	g      *gen
	placed map[*compiler.Var]*lineagePos
	order  []*compiler.Var
	rows   int
	depth  int
	edges  [][2]*compiler.Var
	cross  [][2]*compiler.Var
}

type lineagePos struct {
	depth int
	row   float64
}

func (g *gen) lineage() error {
	if n := len(g.r.Info.Vars); n > lineageMaxValues {
		return g.render(lineagePage, "lineage", g.T("Lineage"), lineageBody{Values: n, MaxValues: lineageMaxValues})
	}
	l := &lineageLayout{g: g, placed: map[*compiler.Var]*lineagePos{}}
	for _, x := range g.objs("kgi") {
		l.place(x.Value(""), 0, map[*compiler.Var]bool{})
	}
	// Then every other top of the graph (a budget's spend, a KPI that
	// nothing uses), then whatever is left (values in a cycle).
	for _, v := range g.r.Info.Vars {
		if len(g.r.Users(v)) == 0 {
			l.place(v, 0, map[*compiler.Var]bool{})
		}
	}
	for _, v := range g.r.Info.Vars {
		l.place(v, 0, map[*compiler.Var]bool{})
	}
	return g.render(lineagePage, "lineage", g.T("Lineage"), l.body())
}

// place lays out v and its subtree at depth, returning v's row. A value
// already placed is not placed again; the caller draws a cross edge.
func (l *lineageLayout) place(v *compiler.Var, depth int, path map[*compiler.Var]bool) float64 {
	if p, ok := l.placed[v]; ok {
		return p.row
	}
	p := &lineagePos{depth: depth}
	l.placed[v] = p
	l.order = append(l.order, v)
	l.depth = max(l.depth, depth)
	path[v] = true
	defer delete(path, v)
	first := -1.0
	for _, d := range l.g.r.Deps(v) {
		if path[d] {
			continue // a relation back to an ancestor, not a child
		}
		if _, done := l.placed[d]; done {
			l.cross = append(l.cross, [2]*compiler.Var{v, d})
			continue
		}
		row := l.place(d, depth+1, path)
		l.edges = append(l.edges, [2]*compiler.Var{v, d})
		if first < 0 {
			first = row
		}
	}
	if first < 0 {
		p.row = float64(l.rows)
		l.rows++
	} else {
		p.row = first
	}
	return p.row
}

func (l *lineageLayout) xy(v *compiler.Var) (int, int) {
	p := l.placed[v]
	return linPad + p.depth*linColW, linPad + int(p.row*linRowH+0.5)
}

func (l *lineageLayout) body() lineageBody {
	b := lineageBody{W: 2*linPad + l.depth*linColW + linNodeW, H: 2*linPad + max(l.rows, 1)*linRowH - (linRowH - linNodeH)}
	g := l.g
	for _, v := range l.order {
		x, y := l.xy(v)
		full := g.valueLabel(v)
		b.Nodes = append(b.Nodes, lineageNode{Label: truncate(full, linNodeCols), Full: full + " — " + v.Path.String() + " = " + g.show(v),
			Value: g.show(v), Path: truncate(v.Path.String(), linPathCols), Href: g.names.href(v), Origin: string(g.r.Origin(v)),
			X: x, Y: y, W: linNodeW, H: linNodeH})
	}
	for _, e := range l.edges {
		b.Edges = append(b.Edges, lineageEdge{D: l.curve(e[0], e[1])})
	}
	for _, e := range l.cross {
		b.Edges = append(b.Edges, lineageEdge{D: l.curve(e[0], e[1]), Cross: true})
	}
	return b
}

// curve joins the right edge of a parent to the left edge of a child.
func (l *lineageLayout) curve(from, to *compiler.Var) string {
	x1, y1 := l.xy(from)
	x2, y2 := l.xy(to)
	x1 += linNodeW
	y1 += linNodeH / 2
	y2 += linNodeH / 2
	return fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, x1+30, y1, x2-30, y2, x2, y2)
}
