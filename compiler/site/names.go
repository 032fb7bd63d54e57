package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/planc-dev/planc/compiler"
)

// names gives every page a file name and every value a link. A page is
// named by its reference path ("kpi.cvr.html"), which is unique within a
// plan and tells the reader what the page is.
type names struct {
	file map[*compiler.Object]string
}

// fixedPages are the pages that are not named by a path.
var fixedPages = []string{"index.html", "tree.html", "channels.html", "diagnostics.html", "teams.html", "scenarios.html", "site.css"}

// pagedKinds are the kinds of objects that have a page of their own.
var pagedKinds = map[string]bool{"kgi": true, "kpi": true, "funnel": true, "stage": true, "channel": true,
	"source": true, "team": true, "journey": true}

func newNames(in *compiler.Info) *names {
	n := &names{file: map[*compiler.Object]string{}}
	var all []*compiler.Object
	for _, o := range in.Objects {
		if pagedKinds[o.Kind] {
			all = append(all, o)
		}
	}
	// Sorting first makes the suffixes that resolve clashes deterministic.
	sort.SliceStable(all, func(i, j int) bool { return all[i].Path.String() < all[j].Path.String() })
	taken := map[string]bool{}
	for _, p := range fixedPages {
		taken[p] = true
	}
	for _, o := range all {
		base := bounded(fileSlug(o.Path.String()))
		name := base + ".html"
		// Compare lower-cased: kpi.CVR and kpi.cvr must not overwrite each
		// other on a case-insensitive file system.
		for i := 2; taken[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s-%d.html", base, i)
		}
		taken[strings.ToLower(name)] = true
		n.file[o] = name
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

// maxBase bounds a page's file name before ".html": file systems allow
// 255 bytes, and a path of long Japanese names spells out to more
// (55 characters of a block name are 275 bytes).
const maxBase = 120

// bounded cuts a file name longer than maxBase and ends it with a hash of
// the whole, so that two long names that share a beginning still differ.
func bounded(base string) string {
	if len(base) <= maxBase {
		return base
	}
	sum := sha256.Sum256([]byte(base))
	return base[:maxBase-9] + "-" + hex.EncodeToString(sum[:4])
}

// page returns the file of an object's page ("" for one without).
func (n *names) page(o *compiler.Object) string { return n.file[o] }

// sectionAnchor is the id of the section (or row) of a shared page that
// shows o, one of the sectioned kinds: its path with a dash after the
// kind, "budget-marketing" for a budget and
// "budget-marketing.item.ma_tool" for one of its items. Paths are unique
// and a kind has no dot, so ids are too.
func sectionAnchor(o *compiler.Object) string {
	return strings.Replace(o.Path.String(), ".", "-", 1)
}

// budgetAnchor is the id of a budget's section on channels.html.
func budgetAnchor(b *compiler.Object) string { return sectionAnchor(b) }

// varAnchor is the id of a value's section on its block's page.
func varAnchor(v *compiler.Var) string {
	if v.Name == "" {
		return "v-metric"
	}
	return "v-" + v.Name
}

// sectioned are the kinds of objects shown as a section of a shared page
// instead of a page of their own, and that page: a budget's section, and
// an item's row in its budget's section, on channels.html.
var sectioned = map[string]string{"budget": "channels.html", "item": "channels.html"}

// href links to the page (and section) that shows v: a metric's page, a
// budget's section or an item's row on channels.html, or the value's
// section on its block's page.
func (n *names) href(v *compiler.Var) string {
	o := v.Object
	page, isSection := sectioned[o.Kind]
	switch {
	case v.Name == "":
		return n.page(o)
	case isSection:
		return page + "#" + sectionAnchor(o)
	case n.page(o) != "":
		return n.page(o) + "#" + varAnchor(v)
	}
	return "tree.html"
}
