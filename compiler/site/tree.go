package site

import (
	"fmt"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
)

// The KPI tree is laid out left to right: a value's depth gives its
// column and the leaves take one row each, top to bottom, with a parent on
// the row of its first child, so that the main chain (revenue, won deals,
// SQLs, ...) reads along the top. Subtrees own disjoint row ranges, so no
// two boxes overlap however many values the plan has; a 200-value plan
// becomes a tall chart that scrolls, with every label at full size.
const (
	nodeW   = 210
	nodeH   = 60
	colW    = nodeW + 44
	rowH    = nodeH + 14
	treePad = 16
	// nodeCols is how many display columns of a title fit in a box.
	nodeCols = 25
	pathCols = 30
)

type treeBody struct {
	W, H  int
	Nodes []treeNode
	Edges []treeEdge
}

type treeNode struct {
	Label, Full, Value, Path, Href, Origin string
	X, Y, W, H                             int
}

type treeEdge struct {
	D     string
	Cross bool
}

type layout struct {
	g      *gen
	placed map[*compiler.Var]*pos
	order  []*compiler.Var
	rows   int
	depth  int
	edges  [][2]*compiler.Var
	cross  [][2]*compiler.Var
}

type pos struct {
	depth int
	row   float64
}

func (g *gen) tree() error {
	l := &layout{g: g, placed: map[*compiler.Var]*pos{}}
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
	return g.render("tree.html", "tree", "KPI tree", l.body())
}

// place lays out v and its subtree at depth, returning v's row. A value
// already placed is not placed again; the caller draws a cross edge.
func (l *layout) place(v *compiler.Var, depth int, path map[*compiler.Var]bool) float64 {
	if p, ok := l.placed[v]; ok {
		return p.row
	}
	p := &pos{depth: depth}
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

func (l *layout) xy(v *compiler.Var) (int, int) {
	p := l.placed[v]
	return treePad + p.depth*colW, treePad + int(p.row*rowH+0.5)
}

func (l *layout) body() treeBody {
	b := treeBody{W: 2*treePad + l.depth*colW + nodeW, H: 2*treePad + max(l.rows, 1)*rowH - (rowH - nodeH)}
	for _, v := range l.order {
		x, y := l.xy(v)
		full := v.Label()
		b.Nodes = append(b.Nodes, treeNode{Label: truncate(full, nodeCols), Full: full + " — " + v.Path.String() + " = " + display.Value(l.g.r, v),
			Value: display.WithLabel(l.g.r, v), Path: truncate(v.Path.String(), pathCols), Href: l.g.names.href(v), Origin: string(l.g.r.Origin(v)),
			X: x, Y: y, W: nodeW, H: nodeH})
	}
	for _, e := range l.edges {
		b.Edges = append(b.Edges, treeEdge{D: l.curve(e[0], e[1])})
	}
	for _, e := range l.cross {
		b.Edges = append(b.Edges, treeEdge{D: l.curve(e[0], e[1]), Cross: true})
	}
	return b
}

// curve joins the right edge of a parent to the left edge of a child.
func (l *layout) curve(from, to *compiler.Var) string {
	x1, y1 := l.xy(from)
	x2, y2 := l.xy(to)
	x1 += nodeW
	y1 += nodeH / 2
	y2 += nodeH / 2
	return fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, x1+30, y1, x2-30, y2, x2, y2)
}
