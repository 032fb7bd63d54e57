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
	// what names the scope in messages ("funnel demand").
	what string
	vars map[string]*Var
	kids map[string]*scope
	// owner is the AST node a kid scope stands for (*lang.Funnel, ...).
	owner any
}

func newScope(what string, owner any) *scope {
	return &scope{what: what, vars: map[string]*Var{}, kids: map[string]*scope{}, owner: owner}
}

func (s *scope) kid(name, what string, owner any) *scope {
	k, ok := s.kids[name]
	if !ok {
		k = newScope(what, owner)
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

// resolve finds the value a traversal names. A traversal that stops at a
// scope (funnel.demand) returns that scope, for attributes such as a
// channel's funnel.
func (s *scope) resolve(t hcl.Traversal) (*Var, *scope, *hcl.Diagnostic) {
	cur := s
	path := ""
	for i, step := range t {
		name, ok := stepName(step)
		if !ok {
			return nil, nil, lang.Diag(lang.UnknownReference, step.SourceRange(), "Unsupported reference",
				fmt.Sprintf("References are written with dots, such as %s.NAME; index brackets are not supported here.", strings.TrimPrefix(path, ".")))
		}
		path += "." + name
		if v, ok := cur.vars[name]; ok {
			if i < len(t)-1 {
				next, _ := stepName(t[i+1])
				return nil, nil, lang.Diag(lang.UnknownReference, rangeUpTo(t, i+1), "Unknown reference",
					fmt.Sprintf("%s is a value; it has no attribute %q.", v.Path, next))
			}
			return v, nil, nil
		}
		k, ok := cur.kids[name]
		if !ok {
			return nil, nil, unknown(t, i, cur, path[1:])
		}
		cur = k
	}
	return nil, cur, nil
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

// unknown reports step i of t, which names nothing in cur.
func unknown(t hcl.Traversal, i int, cur *scope, path string) *hcl.Diagnostic {
	name, _ := stepName(t[i])
	var detail string
	if i == 0 {
		detail = fmt.Sprintf("There is nothing named %q. A reference starts with kgi, kpi, funnel, channel or budget.", name)
	} else {
		detail = fmt.Sprintf("%s has no %q.", cur.what, name)
	}
	if s := lang.Suggest(name, cur.names()); s != "" {
		detail += fmt.Sprintf(" Did you mean %q?", strings.TrimSuffix(path, name)+s)
	} else if a, b, ok := strings.Cut(name, "-"); ok && a != "" && b != "" {
		rest := []string{b}
		for _, step := range t[i+1:] {
			n, _ := stepName(step)
			rest = append(rest, n)
		}
		detail += fmt.Sprintf(" In HCL a - between names is part of the name; to subtract, write %s - %s.", strings.TrimSuffix(path, name)+a, strings.Join(rest, "."))
	} else if names := cur.names(); len(names) > 0 && len(names) <= 12 {
		detail += fmt.Sprintf(" Known here: %s.", strings.Join(names, ", "))
	}
	return lang.Diag(lang.UnknownReference, rangeUpTo(t, i), "Unknown reference", detail)
}
