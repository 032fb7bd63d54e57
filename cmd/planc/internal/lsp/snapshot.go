package lsp

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"path/filepath"
	"runtime/debug"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

// file is one file of a compiled plan.
type file struct {
	// name is the file's name in the plan (hcl.Range.Filename), its base
	// name.
	name string
	uri  string
	// version is the open document's version, nil for a file read from
	// disk.
	version *int
	text    *text
}

// snapshot is a plan compiled at one generation. It is immutable, so any
// number of requests read it at once.
type snapshot struct {
	gen   uint64
	files map[string]*file
	// names lists the files' names in order.
	names []string
	plan  *lang.Plan
	// res is nil only when compiling panicked.
	res   *compiler.Result
	diags hcl.Diagnostics
	refs  *index
	// syntaxOK is false when a file did not parse.
	syntaxOK bool
}

func (s *snapshot) fileByURI(uri string) *file {
	for _, f := range s.files {
		if f.uri == uri {
			return f
		}
	}
	return nil
}

// gather returns the files of a plan and the diagnostics of reading them:
// for a directory, every *.plan.hcl file in it, read through the open
// documents (source.Overlay), which take the place of their saved text and
// add the ones not saved yet; for a document of its own, that document.
func gather(key planKey, open map[string]document, logger *log.Logger) ([]*file, hcl.Diagnostics) {
	if key.dir == "" {
		var out []*file
		for _, d := range open {
			out = append(out, d.file())
		}
		return out, nil
	}
	overlay := source.Overlay{}
	for name, d := range open {
		overlay[filepath.Join(key.dir, name)] = d.text
	}
	srcs, diags := overlay.ReadDir(key.dir)
	for _, d := range diags {
		logger.Printf("reading %s: %s: %s", key.dir, d.Summary, d.Detail)
	}
	out := make([]*file, 0, len(srcs))
	for _, src := range srcs {
		name := filepath.Base(src.Name)
		if d, ok := open[name]; ok {
			out = append(out, d.file())
			continue
		}
		out = append(out, &file{name: name, uri: pathURI(src.Name), text: newText(src.Bytes)})
	}
	return out, diags
}

// file is the open document as a file of its plan.
func (d document) file() *file {
	version := d.version
	return &file{name: d.name, uri: d.uri, version: &version, text: newText(d.text)}
}

// compile parses, checks and solves files; read holds the diagnostics of
// reading them. It returns nil when ctx is cancelled. A panic in the
// compiler becomes an error diagnostic on the first file, so that the
// editor shows that the plan could not be checked instead of stale
// findings.
func (s *Server) compile(ctx context.Context, gen uint64, ps *planState, files []*file, read hcl.Diagnostics) (snap *snapshot) {
	key := ps.key
	snap = &snapshot{gen: gen, files: map[string]*file{}}
	parsed := make([]*lang.File, 0, len(files))
	for _, f := range files {
		snap.files[f.name] = f
		snap.names = append(snap.names, f.name)
		parsed = append(parsed, ps.parsed.file(lang.Source{Name: f.name, Bytes: f.text.src}))
	}
	ps.parsed.keep(snap.names)
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic compiling %v: %v\n%s", key, p, debug.Stack())
			snap.plan, snap.res, snap.refs = &lang.Plan{Files: map[string]*hcl.File{}}, nil, &index{}
			snap.diags = hcl.Diagnostics{internalError(snap.names, p)}
		}
	}()
	plan, diags := lang.Merge(parsed)
	res, err := compiler.CompileWith(ctx, plan, append(read, diags...), compiler.Options{Uses: true})
	if err != nil {
		return nil // stale: a newer change cancelled it
	}
	snap.plan, snap.res, snap.diags = res.Plan, res, res.Diags
	snap.syntaxOK = !hasCode(res.Diags, lang.Syntax)
	snap.refs = buildIndex(res)
	return snap
}

// parseCache keeps each file of a plan as last parsed, so that a change
// to one file parses that file alone. Only the plan's compile loop uses it.
type parseCache map[string]*lang.File

// file returns src parsed, from the cache when its text is unchanged.
func (c parseCache) file(src lang.Source) *lang.File {
	if f := c[src.Name]; f != nil && bytes.Equal(f.HCL.Bytes, src.Bytes) {
		return f
	}
	f := lang.ParseFile(src)
	c[src.Name] = f
	return f
}

// keep forgets the files that are not in names any more.
func (c parseCache) keep(names []string) {
	for name := range c {
		if !slices.Contains(names, name) {
			delete(c, name)
		}
	}
}

func internalError(names []string, p any) *hcl.Diagnostic {
	r := hcl.Range{Start: hcl.InitialPos, End: hcl.InitialPos}
	if len(names) > 0 {
		r.Filename = names[0]
	}
	return lang.Diag("internal", r, "planc could not check this plan",
		fmt.Sprintf("The compiler failed with %v. This is a bug in planc; please report it with the plan.", p))
}

func hasCode(diags hcl.Diagnostics, code lang.Code) bool {
	for _, d := range diags {
		if lang.CodeOf(d) == code {
			return true
		}
	}
	return false
}
