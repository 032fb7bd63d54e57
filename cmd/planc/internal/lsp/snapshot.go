package lsp

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"maps"
	"path/filepath"
	"runtime/debug"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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
	// text is the text the snapshot's syntax tree of the file was parsed
	// from. For a file with a syntax error that parsed before, that is
	// its last good text, and current is its text as it is, where its
	// syntax error is; current is nil otherwise.
	text, current *text
}

// shown is the file's text as the editor shows it, where its diagnostics
// are.
func (f *file) shown() *text {
	if f.current != nil {
		return f.current
	}
	return f.text
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
//
// A file with a syntax error (an unclosed quote while typing) is compiled
// as it last parsed, so that the rest of the plan, files not open among
// them, shows no finding that the half-typed text makes up (a block that
// no longer parses is an unknown reference everywhere). The file itself
// shows its first syntax error alone (recoverSyntax).
func (s *Server) compile(ctx context.Context, gen uint64, ps *planState, files []*file, read hcl.Diagnostics) (snap *snapshot) {
	key := ps.key
	snap = &snapshot{gen: gen, files: map[string]*file{}}
	parsed := make([]*lang.File, 0, len(files))
	broken := map[string]*lang.File{}
	for _, f := range files {
		snap.files[f.name] = f
		snap.names = append(snap.names, f.name)
		pf := ps.parsed.file(lang.Source{Name: f.name, Bytes: f.text.src})
		switch good := ps.goodParse[f.name]; {
		case !pf.Broken:
			ps.goodParse[f.name] = pf
		case good != nil:
			broken[f.name] = pf
			f.current, f.text = f.text, newText(good.HCL.Bytes)
			pf = good
		default:
			broken[f.name] = pf
		}
		parsed = append(parsed, pf)
	}
	ps.parsed.keep(snap.names)
	ps.goodParse.keep(snap.names)
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
	snap.plan, snap.res, snap.diags = res.Plan, res, recoverSyntax(res.Diags, broken)
	snap.syntaxOK = len(broken) == 0
	return snap // its index is built after its diagnostics are published (compileLoop)
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

// recoverSyntax returns the diagnostics of a plan with files that did
// not parse (broken): of each, its first syntax error alone, for the
// others that HCL reports mostly follow from it (every line after an
// unclosed quote is "Invalid multi-line string"), and what the compiler
// found in the file is about its last good text or about what of it
// parsed, not about the text as it is.
func recoverSyntax(diags hcl.Diagnostics, broken map[string]*lang.File) hcl.Diagnostics {
	if len(broken) == 0 {
		return diags
	}
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Subject == nil || broken[d.Subject.Filename] == nil {
			out = append(out, d)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(broken)) {
		f := broken[name]
		if d := firstSyntax(f.Diags); d != nil {
			out = append(out, atQuote(d, f.HCL.Bytes))
		}
	}
	return out
}

// unterminated is HCL's summary for a string without its closing quote.
const unterminated = "Unterminated template string"

// firstSyntax returns the syntax error that comes first in the file. Of
// those at one place, an unterminated string is the cause of the others
// (HCL's lexer reports the string's line end as a quoted newline first).
func firstSyntax(diags hcl.Diagnostics) *hcl.Diagnostic {
	var first *hcl.Diagnostic
	for _, d := range diags {
		if lang.CodeOf(d) != lang.Syntax || d.Subject == nil {
			continue
		}
		if first == nil || d.Subject.Start.Byte < first.Subject.Start.Byte ||
			d.Subject.Start.Byte == first.Subject.Start.Byte && d.Summary == unterminated {
			first = d
		}
	}
	return first
}

// atQuote moves an unterminated string's diagnostic, which HCL puts at
// the end of the line, to the quote that opens the string, where the
// author typed it.
func atQuote(d *hcl.Diagnostic, src []byte) *hcl.Diagnostic {
	if d.Summary != unterminated || d.Subject.Start.Byte > len(src) {
		return d
	}
	toks, _ := hclsyntax.LexConfig(src, d.Subject.Filename, hcl.InitialPos)
	quote := -1
	for _, t := range toks {
		if t.Range.Start.Byte > d.Subject.Start.Byte {
			break
		}
		if t.Type == hclsyntax.TokenOQuote {
			quote = t.Range.Start.Byte
		}
	}
	if quote < 0 || bytes.LastIndexByte(src[:d.Subject.Start.Byte], '\n') >= quote {
		return d // not on the line of the diagnostic
	}
	moved := *d
	subject := *d.Subject
	subject.Start = lang.PosAt(src, quote)
	moved.Subject = &subject
	return &moved
}

func internalError(names []string, p any) *hcl.Diagnostic {
	r := hcl.Range{Start: hcl.InitialPos, End: hcl.InitialPos}
	if len(names) > 0 {
		r.Filename = names[0]
	}
	return lang.Diag("internal", r, "planc could not check this plan",
		fmt.Sprintf("The compiler failed with %v. This is a bug in planc; please report it with the plan.", p))
}
