package compiler

import (
	"sync"

	"github.com/planc-dev/planc/lang"
)

// Lookup returns the value with a path written as people write it
// ("funnel.demand.mql.volume"), nil when the plan has none.
func (r *Result) Lookup(path string) *Var {
	p, ok := lang.ParsePath(path)
	if !ok {
		return nil
	}
	return r.Info.Lookup(p)
}

// Value returns v's solved value; ok is false when it could not be solved.
func (r *Result) Value(v *Var) (Value, bool) { return r.Sol.Value(v) }

// Origin says where v's value comes from: how the plan gives it, solved,
// or unknown.
func (r *Result) Origin(v *Var) Origin {
	if v.Given != nil {
		return v.Given.Origin
	}
	if _, ok := r.Sol.Value(v); ok {
		return Solved
	}
	return Unknown
}

// Deps returns the values that v's equations refer to: its formula's
// references, and the values of the relations that define it (a stage's
// volume as the sum of its channels' leads), in the plan's order.
func (r *Result) Deps(v *Var) []*Var { return r.index().deps[v] }

// Users returns the values whose equations refer to v.
func (r *Result) Users(v *Var) []*Var { return r.index().users[v] }

// Defining returns the equations whose left side is v, in the plan's order.
func (r *Result) Defining(v *Var) []*Eq { return r.index().defining[v] }

// graph is the equations indexed by value, built once on first use, so
// that emitters asking for every value's neighbours stay linear in the
// size of the plan.
type graph struct {
	once        sync.Once
	deps, users map[*Var][]*Var
	defining    map[*Var][]*Eq
}

func (r *Result) index() *graph {
	r.graph.once.Do(func() {
		g := &r.graph
		g.deps, g.users, g.defining = map[*Var][]*Var{}, map[*Var][]*Var{}, map[*Var][]*Eq{}
		seen := map[[2]*Var]bool{}
		for _, eq := range r.Eqs {
			g.defining[eq.V] = append(g.defining[eq.V], eq)
			for _, x := range refs(eq.E) {
				if x == eq.V || x.total != nil || eq.V.total != nil || seen[[2]*Var{eq.V, x}] {
					continue
				}
				seen[[2]*Var{eq.V, x}] = true
				g.deps[eq.V] = append(g.deps[eq.V], x)
				g.users[x] = append(g.users[x], eq.V)
			}
		}
	})
	return &r.graph
}
