package lsp

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// Rename changes a block's name (its label) and every place the plan
// names it: the segments of references in formulas and in attributes that
// name blocks (what find references lists), the blocks of scenarios that
// change it, and for a stage the names its funnel's channels and actuals
// give it as text (stage = "mql", rates = { mql = ... }, opening and
// stage_dates keys). It starts from the block's header or from any
// reference to it.

// renameTarget is the block a rename at a position changes, and the name
// there: the label without its quotes, or a reference's segment.
type renameTarget struct {
	obj *compiler.Object
	at  hcl.Range
}

// prepareRename says what a rename at the position would change: null
// when nothing renamable is there, an error when something is but cannot
// be renamed.
func prepareRename(s *Server, r *request, p TextDocumentPositionParams) (any, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil || snap.res == nil {
		return nil, err
	}
	t, ok, err := snap.renameTarget(f, f.text.offset(p.Position, s.enc))
	if !ok || err != nil {
		return nil, err
	}
	return PrepareRenameResult{Range: f.text.lspRange(t.at, s.enc), Placeholder: t.obj.Name()}, nil
}

// rename renames the block at the position to p.NewName across the
// plan's files. It refuses a name that is not an identifier, one that a
// block of the same kind already has there, and a stage name the funnel
// reserves.
func rename(s *Server, r *request, p RenameParams) (any, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil || snap.res == nil {
		return nil, err
	}
	t, ok, err := snap.renameTarget(f, f.text.offset(p.Position, s.enc))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, Errorf(CodeRequestFailed, "there is no block name to rename here")
	}
	if err := snap.checkNewName(t.obj, p.NewName); err != nil {
		return nil, err
	}
	return s.workspaceEdit(snap, snap.renameEdits(t.obj, p.NewName, s.enc)), nil
}

// renameTarget finds the block whose name is at byte off of f: the block
// whose header holds off, or the block a reference segment there names.
// ok is false when neither is there; err says why what is there cannot be
// renamed.
func (s *snapshot) renameTarget(f *file, off int) (renameTarget, bool, error) {
	for _, node := range allBlocks(blocksIn(s.plan, f.name)) {
		h := node.Header()
		if !contains(h.DefRange, off) {
			continue
		}
		switch spec := lang.Spec(h.Kind); {
		case spec == nil || spec.Label == "":
			return renameTarget{}, false, Errorf(CodeRequestFailed, "a %s block has no name to rename", h.Kind)
		case spec.Label != "name":
			return renameTarget{}, false, Errorf(CodeRequestFailed, "a %s block's label is the %s of what it configures, not a name: it cannot be renamed", h.Kind, spec.Label)
		}
		o := s.res.Info.Of(node)
		if o == nil || h.Name == "" {
			return renameTarget{}, false, Errorf(CodeRequestFailed, "%s %q cannot be renamed: it has no name the plan can refer to", h.Kind, h.Name)
		}
		return renameTarget{obj: o, at: s.labelRange(h.NameRange)}, true, nil
	}
	var best *occurrence
	for i := range s.refs.refs {
		o := &s.refs.refs[i]
		if o.at.Filename == f.name && contains(o.at, off) && (best == nil || width(o.at) < width(best.at)) {
			best = o
		}
	}
	if best == nil {
		return renameTarget{}, false, nil
	}
	o := renamedBy(best.ent)
	if o == nil || rootSegment(*best) || s.rangeText(best.at) != o.Name() {
		return renameTarget{}, false, Errorf(CodeRequestFailed, "only a block's name can be renamed; this names a value")
	}
	if o.Node == nil {
		return renameTarget{}, false, Errorf(CodeRequestFailed, "%s cannot be renamed: no block declares it", o.Path)
	}
	return renameTarget{obj: o, at: best.at}, true, nil
}

// renamedBy returns the block whose name a reference segment naming ent
// is: the block itself, the block of its one value (kpi.cvr), or the
// stage of a channel's cohort (channel.ads.stage.mql). Nil for a named
// value (volume in funnel.demand.mql.volume).
func renamedBy(ent entity) *compiler.Object {
	switch x := ent.(type) {
	case *compiler.Object:
		if x.Kind == "cohort" && x.At() != nil {
			return x.At()
		}
		return x
	case *compiler.Var:
		if x.Name == "" {
			return x.Object
		}
	}
	return nil
}

// rootSegment reports whether an occurrence is a reference's first
// segment, its namespace (kpi in kpi.cvr), which stands for what the whole
// reference names.
func rootSegment(o occurrence) bool { return o.at.Start.Byte == o.span.Start.Byte }

// allBlocks lists blocks each followed by the blocks nested in it, at any
// depth.
func allBlocks(blocks []lang.Node) []lang.Node {
	var out []lang.Node
	for _, n := range blocks {
		out = append(out, n)
		out = append(out, allBlocks(n.Header().Nested)...)
	}
	return out
}

// labelRange is a label's range without its quotes.
func (s *snapshot) labelRange(r hcl.Range) hcl.Range {
	t := s.rangeText(r)
	if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
		r.Start.Byte++
		r.Start.Column++
		r.End.Byte--
		r.End.Column--
	}
	return r
}

// checkNewName refuses a name the block cannot have.
func (s *snapshot) checkNewName(o *compiler.Object, name string) error {
	h := o.Node.Header()
	switch {
	case name == h.Name:
		return Errorf(CodeRequestFailed, "%s is already named %q", o.Path, name)
	case !hclsyntax.ValidIdentifier(name):
		return Errorf(CodeRequestFailed, "%q is not a valid name: a name is a letter or _ followed by letters, digits, _ and -", name)
	case h.Kind == "stage" && lang.ReservedStageName(name):
		return Errorf(CodeRequestFailed, "%q is reserved: a stage cannot be named like its funnel's values (deal_size, revenue, source)", name)
	}
	siblings := s.plan.Blocks
	if o.Parent != nil && o.Parent.Node != nil {
		siblings = o.Parent.Node.Header().Nested
	}
	for _, n := range siblings {
		if b := n.Header(); b.Kind == h.Kind && b.Name == name {
			return Errorf(CodeRequestFailed, "%s %q already exists at %s", h.Kind, name, lang.At(b.DefRange))
		}
	}
	return nil
}

// renameEdits are the edits that rename o, by file name.
func (s *snapshot) renameEdits(o *compiler.Object, name string, enc encoding) map[string][]TextEdit {
	old := o.Name()
	var at []hcl.Range
	at = append(at, s.labelRange(o.Node.Header().NameRange))
	for _, occ := range s.refs.refs {
		if !rootSegment(occ) && renamedBy(occ.ent) == o && s.rangeText(occ.at) == old {
			at = append(at, occ.at)
		}
	}
	at = append(at, s.scenarioLabels(o)...)
	at = append(at, s.pathRefs(o)...)
	if o.Kind == "stage" && o.Parent != nil {
		at = append(at, s.stageNames(o)...)
	}
	out := map[string][]TextEdit{}
	seen := map[hcl.Range]bool{}
	s.sortRanges(at)
	for _, r := range at {
		f := s.files[r.Filename]
		if f == nil || seen[r] {
			continue
		}
		seen[r] = true
		out[r.Filename] = append(out[r.Filename], TextEdit{Range: f.text.lspRange(r, enc), NewText: name})
	}
	return out
}

// scenarioLabels are the labels of the scenario blocks that change o
// (scenario "x" { kpi "cvr" { ... } }, or funnel "f" { stage "mql" { ... } }).
func (s *snapshot) scenarioLabels(o *compiler.Object) []hcl.Range {
	var chain []*compiler.Object // o's parents from the top, then o
	for x := o; x != nil; x = x.Parent {
		chain = append([]*compiler.Object{x}, chain...)
	}
	var out []hcl.Range
	var walk func(cs []*lang.Change, depth int)
	walk = func(cs []*lang.Change, depth int) {
		want := chain[depth]
		for _, c := range cs {
			if c.Kind != want.Kind || c.Name != want.Name() {
				continue
			}
			if depth == len(chain)-1 {
				out = append(out, s.labelRange(c.NameRange))
			} else {
				walk(c.Nested, depth+1)
			}
		}
	}
	for _, sc := range s.plan.Scenarios {
		walk(sc.Changes, 0)
	}
	return out
}

// pathRefs are the segments naming o in the references of scenarios and
// sensitivities (solve_for = [kgi.revenue], outputs, a vary's input, a
// formula a scenario gives), which the compiler resolves in the plans it
// derives and so does not list among the plan's references: a reference
// names o when it starts with o's path.
func (s *snapshot) pathRefs(o *compiler.Object) []hcl.Range {
	var attrs []*lang.Attr
	var changes func(cs []*lang.Change)
	changes = func(cs []*lang.Change) {
		for _, c := range cs {
			attrs = append(attrs, c.Attrs...)
			changes(c.Nested)
		}
	}
	for _, sc := range s.plan.Scenarios {
		attrs = append(attrs, sc.Probability, sc.SolveFor)
		changes(sc.Changes)
	}
	for _, se := range s.plan.Sensitivities {
		attrs = append(attrs, se.Outputs)
		for _, v := range se.Varies {
			attrs = append(attrs, v.Input)
		}
	}
	path := o.Path.Names()
	var out []hcl.Range
	for _, a := range attrs {
		if a == nil {
			continue
		}
		for _, t := range a.Expr.Variables() {
			if len(t) < len(path) || t.RootName() != path[0] {
				continue
			}
			named := true
			for i, name := range path[1:] {
				step, ok := t[i+1].(hcl.TraverseAttr)
				named = named && ok && step.Name == name
			}
			if named {
				out = append(out, s.labelRange(dotless(s, t[len(path)-1].SourceRange())))
			}
		}
	}
	return out
}

// dotless is a traversal step's range without its leading dot.
func dotless(s *snapshot, r hcl.Range) hcl.Range {
	if strings.HasPrefix(s.rangeText(r), ".") {
		r.Start.Byte++
		r.Start.Column++
	}
	return r
}

// stageNames are the places that name stage o as text: the entry stage
// and rate keys of its funnel's channels, its funnel's opening keys, and
// the stage_dates keys of actuals of its funnel.
func (s *snapshot) stageNames(o *compiler.Object) []hcl.Range {
	funnel, old := o.Parent, o.Name()
	var out []hcl.Range
	if fn, ok := funnel.Node.(*lang.Funnel); ok {
		out = append(out, s.keysNamed(fn.Opening, old)...)
	}
	for _, c := range s.res.Info.Kind("channel") {
		ch, ok := c.Node.(*lang.Channel)
		if !ok || c.Ref("funnel") != funnel {
			continue
		}
		if ch.Stage.Value == old {
			out = append(out, s.labelRange(ch.Stage.Range))
		}
		out = append(out, s.keysNamed(ch.Rates, old)...)
	}
	for _, n := range s.plan.Actuals {
		if n.Funnel != nil && s.refersTo(n.Funnel, funnel) {
			out = append(out, s.keysNamed(n.StageDates, old)...)
		}
	}
	return out
}

// refersTo reports whether attribute a's reference resolved to o.
func (s *snapshot) refersTo(a *lang.Attr, o *compiler.Object) bool {
	for _, occ := range s.refs.refs {
		if occ.ent == o && contains(a.Expr.Range(), occ.at.Start.Byte) && occ.at.Filename == a.Range.Filename {
			return true
		}
	}
	return false
}

// keysNamed returns the ranges of the keys of an object attribute
// ({ mql = "30%" } or { "mql" = ... }) that are name, without quotes.
func (s *snapshot) keysNamed(a *lang.Attr, name string) []hcl.Range {
	if a == nil {
		return nil
	}
	obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return nil
	}
	var out []hcl.Range
	for _, item := range obj.Items {
		r := s.labelRange(item.KeyExpr.Range())
		if s.rangeText(r) == name {
			out = append(out, r)
		}
	}
	return out
}

// workspaceEdit makes a WorkspaceEdit of edits by file name: with each
// document's version (null for a file not open) when the client takes
// documentChanges, by URI otherwise.
func (s *Server) workspaceEdit(snap *snapshot, edits map[string][]TextEdit) *WorkspaceEdit {
	names := make([]string, 0, len(edits))
	for name := range edits {
		names = append(names, name)
	}
	sort.Strings(names)
	out := &WorkspaceEdit{}
	if !s.docChanges {
		out.Changes = map[string][]TextEdit{}
	}
	for _, name := range names {
		f := snap.files[name]
		if s.docChanges {
			out.DocumentChanges = append(out.DocumentChanges, TextDocumentEdit{
				TextDocument: OptionalVersionedTextDocumentIdentifier{URI: f.uri, Version: f.version}, Edits: edits[name]})
		} else {
			out.Changes[f.uri] = edits[name]
		}
	}
	return out
}

// documentChanges reports whether initialize's params say that the client
// takes a WorkspaceEdit's documentChanges.
func documentChanges(raw json.RawMessage) bool {
	var p struct {
		Capabilities struct {
			Workspace struct {
				WorkspaceEdit struct {
					DocumentChanges bool `json:"documentChanges"`
				} `json:"workspaceEdit"`
			} `json:"workspace"`
		} `json:"capabilities"`
	}
	return json.Unmarshal(raw, &p) == nil && p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
}
