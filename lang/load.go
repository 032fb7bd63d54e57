package lang

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Ext is the suffix of plan files.
const Ext = ".plan.hcl"

// Source is one plan file's name and contents, for callers (an editor) that
// hold files in memory.
type Source struct {
	Name  string
	Bytes []byte
}

// Load reads a plan from paths: each a directory (every *.plan.hcl directly
// in it) or a file. No paths means the current directory. Failures to read
// are diagnostics with code ReadError or NoPlanFiles.
func Load(paths ...string) (*Plan, hcl.Diagnostics) {
	srcs, diags := ReadSources(paths...)
	if diags.HasErrors() {
		return nil, diags
	}
	plan, more := Parse(srcs)
	return plan, append(diags, more...)
}

// ReadSources reads the files that Load would parse.
func ReadSources(paths ...string) ([]Source, hcl.Diagnostics) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var srcs []Source
	var diags hcl.Diagnostics
	seen := map[string]bool{}
	for _, p := range paths {
		names, d := expand(p)
		diags = append(diags, d...)
		for _, name := range names {
			if seen[name] {
				continue
			}
			seen[name] = true
			b, err := os.ReadFile(name)
			if err != nil {
				diags = append(diags, Diag(ReadError, hcl.Range{Filename: name}, "Cannot read file", ioDetail(err)))
				continue
			}
			srcs = append(srcs, Source{Name: name, Bytes: b})
		}
	}
	return srcs, diags
}

func expand(p string) ([]string, hcl.Diagnostics) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, hcl.Diagnostics{Diag(ReadError, hcl.Range{Filename: p}, "Cannot read plan", ioDetail(err))}
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return nil, hcl.Diagnostics{Diag(ReadError, hcl.Range{Filename: p}, "Cannot read directory", ioDetail(err))}
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), Ext) {
			names = append(names, filepath.Join(p, e.Name()))
		}
	}
	if len(names) == 0 {
		return nil, hcl.Diagnostics{Diag(NoPlanFiles, hcl.Range{Filename: p}, "No plan files",
			fmt.Sprintf("The directory %s has no *%s file. Name the plan's files like main%s, or run `planc init %s` to start one.", p, Ext, Ext, p))}
	}
	sort.Strings(names)
	return names, nil
}

func ioDetail(err error) string {
	return fmt.Sprintf("%v. Check the path and its permissions.", err)
}

// Parse parses and decodes plan files held in memory. Every file is decoded
// even when another has errors, so that one broken file does not hide the
// findings in the others.
func Parse(srcs []Source) (*Plan, hcl.Diagnostics) {
	plan := &Plan{Files: map[string]*hcl.File{}}
	var diags hcl.Diagnostics
	d := &decoder{plan: plan, names: map[string]map[string]*Block{}}
	for _, src := range srcs {
		file, fd := parseFile(src)
		diags = append(diags, fd...)
		if file == nil {
			continue
		}
		plan.Files[src.Name] = file
		diags = append(diags, d.file(file)...)
	}
	diags = append(diags, d.finish(srcs)...)
	return plan, diags
}

func parseFile(src Source) (*hcl.File, hcl.Diagnostics) {
	if bad := firstNonText(src.Bytes); bad >= 0 {
		r := hcl.Range{Filename: src.Name, Start: PosAt(src.Bytes, bad), End: PosAt(src.Bytes, bad+1)}
		return &hcl.File{Body: hcl.EmptyBody(), Bytes: src.Bytes}, hcl.Diagnostics{Diag(Syntax, r, "Not a text file",
			"Plan files must be UTF-8 text; this one has a byte that is not. Check that the file is a plan and was saved as UTF-8.")}
	}
	file, diags := hclsyntax.ParseConfig(src.Bytes, src.Name, hcl.InitialPos)
	return file, WithCode(diags, Syntax)
}

// firstNonText returns the offset of the first NUL or invalid UTF-8 byte,
// or -1.
func firstNonText(b []byte) int {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return i
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
