package compiler

// sets is a union-find over values: the linear step and the report of
// underdetermined values both split values into groups that equations
// connect.
type sets map[*Var]*Var

// add puts v in a set of its own unless it is in one.
func (u sets) add(v *Var) {
	if _, ok := u[v]; !ok {
		u[v] = v
	}
}

// has reports whether v was added.
func (u sets) has(v *Var) bool {
	_, ok := u[v]
	return ok
}

// find returns the representative of v's set, halving the path.
func (u sets) find(v *Var) *Var {
	for u[v] != v {
		u[v] = u[u[v]]
		v = u[v]
	}
	return v
}

// union joins the sets of a and b.
func (u sets) union(a, b *Var) {
	u[u.find(b)] = u.find(a)
}

// groupOf numbers the sets in the order their first member is met.
type groupOf struct {
	sets
	index map[*Var]int
}

// of returns the number of v's set, n when the set is new (the caller
// then starts group n).
func (g *groupOf) of(v *Var, n int) (i int, isNew bool) {
	r := g.find(v)
	if i, ok := g.index[r]; ok {
		return i, false
	}
	if g.index == nil {
		g.index = map[*Var]int{}
	}
	g.index[r] = n
	return n, true
}
