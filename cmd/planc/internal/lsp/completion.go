package lsp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib"
)

// completion suggests, by context: block types at the top level,
// attribute names inside a block, and in a value the next segment of the
// reference being typed (kpi names after `kpi.`, stages and their fields
// after `funnel.demand.`), each with its title and solved value.
//
// The context comes from the document's text as the request found it; the
// names from the plan compiled with that text and, while the file does not
// parse, also from the newest compile that did, so that typing `kpi.` in
// the middle of a block does not hide the plan's KPIs.
func completion(s *Server, r *request, p TextDocumentPositionParams) (any, error) {
	if r.doc == nil || !r.tracked {
		return nil, nil
	}
	t := newText(r.doc.text)
	off := t.offset(p.Position, s.enc)
	c := cursorAt(t.src, off)
	edit := Range{Start: t.position(c.start, s.enc), End: t.position(off, s.enc)}
	var items []CompletionItem
	switch c.where {
	case inTopLevel:
		items = s.blockItems(lang.BlockTypes(), edit)
	case inBody:
		items = s.attributeItems(c.block, edit)
	case inExpr:
		snap, models, err := s.completionModels(r)
		if err != nil || snap == nil {
			return nil, err
		}
		items = referenceItems(models, c.path, edit, snap.metricAt(r.doc.name, off))
	}
	return CompletionList{Items: nonNil(items)}, nil
}

func nonNil(items []CompletionItem) []CompletionItem {
	if items == nil {
		return []CompletionItem{}
	}
	return items
}

// completionModels returns the compiled plan of the snapshot that includes the
// request's change and, when that one did not parse, the newest compiled plan of
// the plan that did.
func (s *Server) completionModels(r *request) (*snapshot, []*compiler.Result, error) {
	snap, _, err := r.snapshot(s)
	if err != nil || snap == nil {
		return nil, nil, err
	}
	var out []*compiler.Result
	if snap.res != nil {
		out = append(out, snap.res)
	}
	if good := s.latestGood(r.key); !snap.syntaxOK && good != nil && good.res != nil {
		out = append(out, good.res)
	}
	return snap, out, nil
}

// metricAt returns the path of the kgi or kpi whose block holds byte off
// of file name, "" if none: a metric cannot refer to itself.
func (s *snapshot) metricAt(name string, off int) string {
	for _, m := range s.plan.Metrics() {
		if m.Range.Filename == name && contains(m.Range, off) {
			return lang.NewPath(m.Kind, m.Name).String()
		}
	}
	return ""
}

// blockItems offers block types, as snippets when the client takes them.
func (s *Server) blockItems(types []string, edit Range) []CompletionItem {
	var out []CompletionItem
	for i, typ := range types {
		item := CompletionItem{Label: typ, Kind: CompletionKeyword, Detail: typ + " block", SortText: order(i),
			TextEdit: &TextEdit{Range: edit, NewText: typ}}
		if s.snippets {
			item.InsertTextFormat = InsertSnippet
			item.TextEdit.NewText = blockSnippet(typ)
		}
		out = append(out, item)
	}
	return out
}

func blockSnippet(typ string) string {
	if typ == "plan" {
		return "plan {\n  title = \"$1\"\n}"
	}
	return typ + " \"${1:name}\" {\n  $0\n}"
}

// attributeItems offers the attributes of a block type, and after them
// the blocks that nest in it (stages in a funnel, items in a budget,
// phases in a journey), as the schema says.
func (s *Server) attributeItems(block string, edit Range) []CompletionItem {
	var out []CompletionItem
	for i, name := range lang.AttributeNames(block) {
		out = append(out, CompletionItem{Label: name, Kind: CompletionProperty, Detail: block + " attribute",
			SortText: order(i), TextEdit: &TextEdit{Range: edit, NewText: name + " = "}})
	}
	spec := lang.Spec(block)
	if spec == nil {
		return out
	}
	var nested []string
	for _, n := range spec.Nested() {
		nested = append(nested, n.Kind)
	}
	for _, it := range s.blockItems(nested, edit) {
		it.SortText = order(len(out))
		out = append(out, it)
	}
	return out
}

// referenceItems offers what can follow path: namespaces and functions
// at the start of a value, else the names under path in the models, but
// not the metric being written (self).
func referenceItems(models []*compiler.Result, path []string, edit Range, self string) []CompletionItem {
	if len(path) == 0 {
		return rootItems(edit)
	}
	if !slices.Contains(compiler.Namespaces(), path[0]) {
		return nil
	}
	var out []CompletionItem
	seen := map[string]bool{}
	prefix := lang.NewPath(path...)
	for _, m := range models {
		for _, v := range m.Info.Vars {
			name, leaf, ok := nextSegment(v.Path, prefix)
			if !ok || seen[name] || v.Path.String() == self {
				continue
			}
			seen[name] = true
			item := CompletionItem{Label: name, SortText: order(len(out)), TextEdit: &TextEdit{Range: edit, NewText: name}}
			describeItem(&item, m, v, leaf, append(slices.Clone(path), name))
			out = append(out, item)
		}
	}
	return out
}

// nextSegment returns the segment of path that follows prefix, and
// whether it is the last one.
func nextSegment(path, prefix lang.Path) (string, bool, bool) {
	if !path.Under(prefix) {
		return "", false, false
	}
	names := path.Names()[len(prefix.Names()):]
	return names[0], len(names) == 1, true
}

// describeItem gives a value its title and solved value, and a block (a
// funnel, stage, channel, budget, ...) its kind and title.
func describeItem(item *CompletionItem, m *compiler.Result, v *compiler.Var, leaf bool, path []string) {
	if leaf {
		item.Kind = CompletionVariable
		item.Detail = valueText(m, v)
		if t := v.Object.Title(); t != "" && v.Name == "" {
			item.Detail = t + " · " + item.Detail
		}
		return
	}
	item.Kind = CompletionModule
	if o := m.Info.ObjectAt(lang.NewPath(path...)); o != nil {
		item.Detail = strings.TrimSpace(o.Kind + " " + o.Title())
	}
}

// rootItems offers the reference namespaces and the functions.
func rootItems(edit Range) []CompletionItem {
	var out []CompletionItem
	for _, ns := range compiler.Namespaces() {
		out = append(out, CompletionItem{Label: ns, Kind: CompletionModule, Detail: ns + ".NAME",
			SortText: order(len(out)), TextEdit: &TextEdit{Range: edit, NewText: ns}})
	}
	for _, name := range stdlib.Names() {
		fn := stdlib.Lookup(name)
		out = append(out, CompletionItem{Label: name, Kind: CompletionFunction, Detail: fn.Signature(),
			Documentation: &MarkupContent{Kind: "markdown", Value: fn.Doc},
			SortText:      order(len(out)), TextEdit: &TextEdit{Range: edit, NewText: name}})
	}
	return out
}

// order keeps the plan's order (stages first to last) in clients that
// sort by label otherwise.
func order(i int) string { return fmt.Sprintf("%05d", i) }
