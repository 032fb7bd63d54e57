package compiler

// The KPI tree: each KGI decomposed by the equations that define it, as a
// manager draws it: revenue = won deals x deal size; won deals = SQLs x
// win rate; ... down to the inputs. It is a tree, not the dependency
// graph: a value reached a second time is a reference to where it is
// drawn, never a second edge, so the tree never crosses itself.

// TreeNode is a value in the KPI tree and how it decomposes.
type TreeNode struct {
	// Var is the value; nil for a part of a formula that is no value of
	// its own (the SQLs x rate of SQLs x rate + partner leads), shown as
	// Expr.
	Var  *Var
	Expr Expr
	// Op is how the children make the value: "=", "×", "÷", "+", "−", or
	// a function's name; "" for a leaf.
	Op   string
	Kids []*TreeNode
	// Ref marks a value drawn elsewhere in the tree (used twice), without
	// its children: a link to where it is.
	Ref bool
}

// KPITree is the tree of each KGI, then of each KPI with a formula that
// no KGI's tree reaches (a tree of its own), in the plan's order.
func KPITree(r *Result) []*TreeNode {
	t := &treeBuilder{defs: definitions(r.Eqs), drawn: map[*Var]bool{}}
	var roots []*TreeNode
	for _, kind := range []string{"kgi", "kpi"} {
		for _, o := range r.Info.Kind(kind) {
			v := o.Value("")
			if kind == "kpi" && (t.drawn[v] || t.defs[v] == nil) {
				continue // in a KGI's tree, or an input
			}
			roots = append(roots, t.node(v))
		}
	}
	return roots
}

// definitions maps each value to the equation that defines it, for the
// tree: the one whose left side it is and that says what it is made of
// (not a relation, such as a stage's volume as the sum of its channels'
// leads, nor an attribution).
func definitions(eqs []*Eq) map[*Var]*Eq {
	out := map[*Var]*Eq{}
	for _, eq := range eqs {
		switch {
		case out[eq.V] != nil, eq.Relation, eq.V.Kind == KindTotal:
		case eq.Role == RoleAttribution, eq.Role == RoleApportion, eq.Role == RoleLoad:
		default:
			out[eq.V] = eq
		}
	}
	return out
}

// treeBuilder builds the tree, drawing each value once.
type treeBuilder struct {
	defs  map[*Var]*Eq
	drawn map[*Var]bool
}

// node is v and, the first time it is drawn, its decomposition.
func (t *treeBuilder) node(v *Var) *TreeNode {
	if t.drawn[v] {
		return &TreeNode{Var: v, Ref: true}
	}
	t.drawn[v] = true
	n := &TreeNode{Var: v}
	if eq := t.defs[v]; eq != nil {
		n.Op, n.Kids = t.split(eq.E)
	}
	return n
}

// split is how e decomposes: the operator and its operands, a product or
// sum of several flattened into one ("a × b × c").
func (t *treeBuilder) split(e Expr) (string, []*TreeNode) {
	switch x := e.(type) {
	case *Ref:
		return "=", []*TreeNode{t.node(x.Var)}
	case *Bin:
		op := binOps[x.Op]
		var kids []*TreeNode
		for _, part := range flatten(x) {
			kids = append(kids, t.operand(part))
		}
		return op, kids
	case *Call:
		var kids []*TreeNode
		for _, a := range x.Args {
			kids = append(kids, t.operand(a))
		}
		return x.Fn.Name, kids
	case *Neg:
		return "−", []*TreeNode{t.operand(x.X)}
	}
	return "", nil
}

// operand is a part of a formula: a value, a constant, or a formula of
// its own.
func (t *treeBuilder) operand(e Expr) *TreeNode {
	switch x := e.(type) {
	case *Ref:
		return t.node(x.Var)
	case *Const:
		return &TreeNode{Expr: x}
	}
	n := &TreeNode{Expr: e}
	n.Op, n.Kids = t.split(e)
	return n
}

var binOps = map[byte]string{'+': "+", '-': "−", '*': "×", '/': "÷"}

// flatten lists the operands of a chain of one associative operator (a ×
// b × c, a + b + c); for - and / only the two.
func flatten(b *Bin) []Expr {
	if b.Op != '*' && b.Op != '+' {
		return []Expr{b.A, b.B}
	}
	var out []Expr
	for _, side := range []Expr{b.A, b.B} {
		if s, ok := side.(*Bin); ok && s.Op == b.Op {
			out = append(out, flatten(s)...)
		} else {
			out = append(out, side)
		}
	}
	return out
}
