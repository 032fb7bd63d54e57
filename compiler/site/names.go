package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// names gives every page a file name and every value a link. A page is
// named by its reference path ("kpi.cvr.html"), which is unique within a
// plan and tells the reader what the page is.
type names struct {
	file map[any]string
}

// fixedPages are the pages that are not named by a path.
var fixedPages = []string{"index.html", "tree.html", "channels.html", "diagnostics.html", "teams.html", "site.css"}

func newNames(m *compiler.Model) *names {
	n := &names{file: map[any]string{}}
	type entry struct {
		path  string
		owner any
	}
	var all []entry
	for _, x := range m.Plan.Metrics() {
		all = append(all, entry{x.Kind + "." + x.Name, x})
	}
	for _, f := range m.Plan.Funnels {
		all = append(all, entry{"funnel." + f.Name, f})
		for _, s := range f.Stages {
			all = append(all, entry{"funnel." + f.Name + "." + s.Name, s})
		}
	}
	for _, c := range m.Plan.Channels {
		all = append(all, entry{"channel." + c.Name, c})
	}
	for _, src := range allSources(m) {
		all = append(all, entry{sourcePath(src), src})
	}
	for _, t := range m.Plan.Teams {
		all = append(all, entry{"team." + t.Name, t})
	}
	// Sorting first makes the suffixes that resolve clashes deterministic.
	sort.SliceStable(all, func(i, j int) bool { return all[i].path < all[j].path })
	taken := map[string]bool{}
	for _, p := range fixedPages {
		taken[p] = true
	}
	for _, e := range all {
		if _, dup := n.file[e.owner]; dup {
			continue
		}
		base := fileSlug(e.path)
		name := base + ".html"
		// Compare lower-cased: kpi.CVR and kpi.cvr must not overwrite each
		// other on a case-insensitive file system.
		for i := 2; taken[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s-%d.html", base, i)
		}
		taken[strings.ToLower(name)] = true
		n.file[e.owner] = name
	}
	return n
}

// fileSlug keeps the characters that are safe in a file name and a URL
// path everywhere, and spells out the others, so that a Japanese block
// name still gives a valid, stable file name.
func fileSlug(path string) string {
	var b strings.Builder
	for _, r := range path {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "u%04x", r)
		}
	}
	return b.String()
}

// page returns the file of a block's page ("" for a block without one).
func (n *names) page(owner any) string { return n.file[owner] }

// budgetAnchor is the id of a budget's section on channels.html.
func budgetAnchor(b *lang.Budget) string { return "budget-" + b.Name }

// varAnchor is the id of a value's section on its owner's page. A
// source's page drops the "source_" its kinds share: "v-revenue".
func varAnchor(v *compiler.Var) string {
	if _, ok := v.Owner.(*compiler.Source); ok {
		return "v-" + strings.TrimPrefix(string(v.Kind), "source_")
	}
	return "v-" + string(v.Kind)
}

// href links to the page (and section) that shows v.
func (n *names) href(v *compiler.Var) string {
	switch o := v.Owner.(type) {
	case *lang.Metric:
		return n.page(o)
	case *lang.Budget:
		return "channels.html#" + budgetAnchor(o)
	}
	if p := n.page(v.Owner); p != "" {
		return p + "#" + varAnchor(v)
	}
	return "tree.html"
}

// label names a value for people: its block's title (or name) and, for
// values that are one of several of a block, what it is.
func label(v *compiler.Var) string {
	kind := strings.ReplaceAll(string(v.Kind), "_", " ")
	switch o := v.Owner.(type) {
	case *lang.Metric:
		return blockLabel(o.Title.Value, o.Name)
	case *lang.Stage:
		name := blockLabel(o.Title.Value, o.Name)
		if v.Kind == compiler.KindVolume {
			return name
		}
		return name + " " + kind
	case *lang.Funnel:
		return blockLabel(o.Title.Value, o.Name) + " " + kind
	case *lang.Channel:
		if v.Kind == compiler.KindCPA {
			kind = "CPA"
		}
		return blockLabel(o.Title.Value, o.Name) + " " + kind
	case *lang.Budget:
		return blockLabel(o.Title.Value, o.Name) + " " + kind
	case *compiler.Source:
		return sourceValueLabel(o, v)
	case *lang.Team:
		if v.Kind == compiler.KindRequired {
			kind = "people required"
		}
		return blockLabel(o.Title.Value, o.Name) + " " + kind
	}
	return v.Path
}
