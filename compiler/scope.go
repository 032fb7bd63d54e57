package compiler

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// scope is one level of the reference namespace: kpi, funnel.demand,
// funnel.demand.mql. Leaves are values; kids are deeper scopes.
type scope struct {
	// what names the scope in messages ("funnel \"demand\"").
	what string
	// obj is the object the scope stands for; nil for a namespace such as
	// kpi or funnel.demand.source.
	obj  *Object
	vars map[string]*Var
	kids map[string]*scope
}

func newScope(what string, obj *Object) *scope {
	return &scope{what: what, obj: obj, vars: map[string]*Var{}, kids: map[string]*scope{}}
}

// kid returns the scope name below s, making it when it is new.
func (s *scope) kid(name, what string, obj *Object) *scope {
	k, ok := s.kids[name]
	if !ok {
		k = newScope(what, obj)
		s.kids[name] = k
	}
	return k
}

func (s *scope) names() []string {
	var out []string
	for n := range s.vars {
		out = append(out, n)
	}
	for n := range s.kids {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// step is one segment of a resolved reference: its range and the value
// or block it names there.
type step struct {
	at  hcl.Range
	sc  *scope
	val *Var
}

// walk follows a traversal as far as it names something and returns the
// steps it took; diag says why it stopped early. A traversal that ends at
// a scope (funnel.demand) ends with that scope's step, for attributes that
// name blocks.
func (s *scope) walk(t hcl.Traversal) ([]step, *hcl.Diagnostic) {
	cur := s
	var steps []step
	var path lang.Path
	for i, st := range t {
		name, ok := stepName(st)
		if !ok {
			return steps, lang.Diag(lang.UnknownReference, st.SourceRange(), "Unsupported reference",
				fmt.Sprintf("References are written with dots, such as %s; index brackets are not supported here.", path.Child("NAME")))
		}
		path = path.Child(name)
		if v, ok := cur.vars[name]; ok {
			steps = append(steps, step{at: st.SourceRange(), val: v})
			if i < len(t)-1 {
				next, ok := stepName(t[i+1])
				detail := fmt.Sprintf("%s is a value; it has no attribute %q.", v.Path, next)
				if !ok {
					detail = fmt.Sprintf("%s is a value, one number; index brackets are not supported. Refer to it as %s.", v.Path, v.Path)
				}
				return steps, lang.Diag(lang.UnknownReference, rangeUpTo(t, i+1), "Unknown reference", detail)
			}
			return steps, nil
		}
		k, ok := cur.kids[name]
		if !ok {
			return steps, unknown(t, i, cur, path)
		}
		steps = append(steps, step{at: st.SourceRange(), sc: k})
		cur = k
	}
	return steps, nil
}

func stepName(step hcl.Traverser) (string, bool) {
	switch s := step.(type) {
	case hcl.TraverseRoot:
		return s.Name, true
	case hcl.TraverseAttr:
		return s.Name, true
	}
	return "", false
}

func rangeUpTo(t hcl.Traversal, i int) hcl.Range {
	return hcl.RangeBetween(t[0].SourceRange(), t[i].SourceRange())
}

// namespaces are the first segments of references to values, in the
// schema's order: the kinds of blocks that are referred to by name and
// hold values, and the lead sources planc derives.
var namespaces = func() []string {
	var out []string
	for _, kind := range lang.Namespaces() {
		if len(valueDefs[kind]) > 0 {
			out = append(out, kind)
		}
	}
	return append(out, "source")
}()

// unknown reports step i of t, whose name (the last of path) names
// nothing in cur.
func unknown(t hcl.Traversal, i int, cur *scope, path lang.Path) *hcl.Diagnostic {
	name := path.Last()
	var detail string
	if i == 0 {
		detail = fmt.Sprintf("There is nothing named %q. A reference starts with %s.", name, orList(namespaces))
	} else {
		detail = fmt.Sprintf("%s has no %q.", cur.what, name)
	}
	if s := lang.Suggest(name, cur.names()); s != "" {
		detail += fmt.Sprintf(" Did you mean %q?", path.Parent().Child(s))
	} else if a, b, ok := strings.Cut(name, "-"); ok && a != "" && b != "" {
		rest := []string{b}
		for _, step := range t[i+1:] {
			n, _ := stepName(step)
			rest = append(rest, n)
		}
		detail += fmt.Sprintf(" In HCL a - between names is part of the name; to subtract, write %s - %s.", path.Parent().Child(a), lang.NewPath(rest...))
	} else if names := cur.names(); i > 0 && len(names) > 0 && len(names) <= 12 {
		detail += fmt.Sprintf(" Known here: %s.", strings.Join(names, ", "))
	}
	return lang.Diag(lang.UnknownReference, rangeUpTo(t, i), "Unknown reference", detail)
}

// orList is "a, b or c".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Namespaces lists the first segments of references to values: kgi, kpi,
// funnel, channel, budget, team and source.
func Namespaces() []string { return append([]string(nil), namespaces...) }
