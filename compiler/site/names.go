package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/planc-dev/planc/compiler"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// names gives every page a file name and every value a link. A page is
// named by its reference path ("kpi.cvr.html", "channel.展示会.html"),
// which is unique within a plan and tells the reader what the page is.
type names struct {
	file map[*compiler.Object]string
}

// fixedPages are the pages that are not named by a path.
var fixedPages = []string{"index.html", summaryPage, "tree.html", lineagePage, "channels.html", "diagnostics.html",
	teamsPage, scenariosPage, timelinePage, progressPage, personasPage, analysesPage, "site.css"}

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
	fn := newFileNamer(fixedPages...)
	for _, o := range all {
		n.file[o] = fn.name(o.Path.String(), ".html")
	}
	return n
}

// Page file names. A page's file is named by its path as written, in
// UTF-8 (NFC), so that a Japanese block name stays readable in the
// address bar ("channel.展示会.html"); html/template percent-encodes it in
// links. The name is made safe and bounded:
//
//   - only letters, marks, digits, connector punctuation ("_"), "." and
//     "-" are kept; any other character (a path separator, one of
//     : * ? " < > | \ #  %, a space, a control or format character) is
//     replaced by "_", and the name then ends with a hash of the path as
//     written, so that two paths never become one name;
//   - a name longer than maxName bytes (file systems allow 255, and a
//     Japanese character takes 3) is cut on a character boundary and ends
//     with "-" and 8 hex digits of the SHA-256 of the whole path;
//   - names are compared case-folded, as a case-insensitive file system
//     (macOS, Windows) compares them: a second path that folds to a name
//     already given ends with its hash too.

// maxName bounds a page's whole file name, in bytes.
const maxName = 120

// hashLen is the length of a name's hash suffix: "-" and 8 hex digits.
const hashLen = 9

// fileNamer gives distinct, safe, bounded file names.
type fileNamer struct {
	taken map[string]bool // by foldKey
}

func newFileNamer(reserved ...string) *fileNamer {
	fn := &fileNamer{taken: map[string]bool{}}
	for _, r := range reserved {
		fn.taken[foldKey(r)] = true
	}
	return fn
}

// name is the file name of path with ext (".html"): safe, at most
// maxName bytes, and unlike every name given before, case-folded.
func (fn *fileNamer) name(path, ext string) string {
	base, changed := safeBase(path)
	room := maxName - len(ext)
	var name string
	if !changed && len(base) <= room {
		name = base + ext
	} else {
		name = withHash(base, path, room) + ext
	}
	// A clash: the same name case-folded (kpi.CVR and kpi.cvr), or a path
	// that spells another's name with its hash. The path's own hash, then
	// a hash of the path and a counter, tell them apart.
	for i := 0; fn.taken[foldKey(name)]; i++ {
		key := path
		if i > 0 {
			key = fmt.Sprintf("%s\x00%d", path, i)
		}
		name = withHash(base, key, room) + ext
	}
	fn.taken[foldKey(name)] = true
	return name
}

// safeBase is path in NFC with every character that is not safe in a
// file name and a URL path replaced by "_", and whether any was (or the
// name had to change otherwise: a leading dot, an empty path).
func safeBase(path string) (string, bool) {
	changed := !utf8.ValidString(path)
	s := norm.NFC.String(strings.ToValidUTF8(path, "\uFFFD"))
	var b strings.Builder
	for i, r := range s {
		switch {
		case safeRune(r) && !(i == 0 && (r == '.' || r == '-')):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
			changed = true
		}
	}
	if b.Len() == 0 {
		return "_", true
	}
	return b.String(), changed
}

// safeRune reports whether r may appear in a page's file name: a letter,
// a mark, a digit or a connector ("_"), or "." and "-". None of these is
// special in a URL path or to any file system, and none is invisible.
func safeRune(r rune) bool {
	switch {
	case r == '.' || r == '-':
		return true
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	case r == utf8.RuneError:
		return false
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc)
}

// withHash cuts base so that it and a hash suffix fit in room bytes, and
// ends it with "-" and 8 hex digits of the SHA-256 of key.
func withHash(base, key string, room int) string {
	sum := sha256.Sum256([]byte(key))
	return cut(base, room-hashLen) + "-" + hex.EncodeToString(sum[:4])
}

// cut shortens s to at most n bytes on a character boundary, and before
// a base character whose combining marks would be cut off.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	k := i
	for k > 0 {
		if r, _ := utf8.DecodeRuneInString(s[k:]); !unicode.Is(unicode.M, r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:k])
		k -= size
	}
	if k > 0 {
		i = k
	}
	return s[:i]
}

// foldKey is how a case-insensitive, normalization-insensitive file
// system compares a name.
func foldKey(name string) string {
	return norm.NFC.String(cases.Fold().String(norm.NFC.String(name)))
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
