package lsp

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
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

// gather returns the files of a plan: for a directory, every *.plan.hcl
// file in it, each open document in place of its saved text (and open
// documents not yet saved); for a document of its own, that document.
func gather(key planKey, open map[string]document, logger *log.Logger) []*file {
	var out []*file
	for _, d := range open {
		version := d.version
		out = append(out, &file{name: d.name, uri: d.uri, version: &version, text: newText(d.text)})
	}
	if key.dir != "" {
		out = append(out, readDir(key.dir, open, logger)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// readDir reads the plan files of dir that are not open. A directory that
// is gone (the files were never saved) holds none.
func readDir(dir string, open map[string]document, logger *log.Logger) []*file {
	entries, err := os.ReadDir(dir)
	if err != nil {
		logger.Printf("reading %s: %v", dir, err)
		return nil
	}
	var out []*file
	for _, e := range entries {
		name := e.Name()
		if _, ok := open[name]; ok || e.IsDir() || !strings.HasSuffix(name, lang.Ext) {
			continue
		}
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			logger.Printf("reading %s: %v", path, err)
			continue
		}
		out = append(out, &file{name: name, uri: pathURI(path), text: newText(b)})
	}
	return out
}

// compile parses, checks and solves files. A panic in the compiler becomes
// an error diagnostic on the first file, so that the editor shows that the
// plan could not be checked instead of stale findings.
func (s *Server) compile(gen uint64, key planKey, files []*file) (snap *snapshot) {
	snap = &snapshot{gen: gen, files: map[string]*file{}}
	srcs := make([]lang.Source, 0, len(files))
	for _, f := range files {
		snap.files[f.name] = f
		snap.names = append(snap.names, f.name)
		srcs = append(srcs, lang.Source{Name: f.name, Bytes: f.text.src})
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic compiling %v: %v\n%s", key, p, debug.Stack())
			snap.plan, snap.res, snap.refs = &lang.Plan{Files: map[string]*hcl.File{}}, nil, &index{}
			snap.diags = hcl.Diagnostics{internalError(snap.names, p)}
		}
	}()
	res := compiler.Compile(lang.Parse(srcs))
	snap.plan, snap.res, snap.diags = res.Plan, res, res.Diags
	snap.syntaxOK = !hasCode(res.Diags, lang.Syntax)
	snap.refs = buildIndex(res)
	return snap
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
