package lang

import (
	"fmt"
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Ext is the suffix of plan files.
const Ext = ".plan.hcl"

// Source is one plan file's name and contents, as Parse takes them.
// Package lang/source collects them from disk, a git revision, standard
// input or an editor's buffers.
type Source struct {
	Name  string
	Bytes []byte
}

// Parse parses and decodes plan files held in memory. Every file is decoded
// even when another has errors, so that one broken file does not hide the
// findings in the others.
//
// Files are parsed concurrently, one per processor at a time: parsing is
// most of a check's time, and the files are independent until Merge.
func Parse(srcs []Source) (*Plan, hcl.Diagnostics) {
	files := make([]*File, len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(srcs), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				files[i] = ParseFile(srcs[i])
			}
		})
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	return Merge(files)
}

// File is one plan file parsed and decoded on its own, so that an editor
// parses again only the file that changed (a plan is its files merged).
// Its blocks are read, never changed, by Merge and the compiler.
type File struct {
	Name string
	HCL  *hcl.File
	// plan holds the file's blocks; Diags its diagnostics.
	plan  *Plan
	Diags hcl.Diagnostics
	// Broken is true when the file did not parse whole (a syntax error):
	// a block it lacks may be one that did not parse.
	Broken bool
}

// ParseFile parses and decodes one plan file.
func ParseFile(src Source) *File {
	hf, diags := parseFile(src)
	f := &File{Name: src.Name, HCL: hf, plan: &Plan{}, Broken: diags.HasErrors()}
	d := &decoder{plan: f.plan}
	f.Diags = append(diags, d.file(hf)...)
	if hf != nil {
		// The AST holds what the compiler needs (value expressions and
		// ranges); the file keeps its bytes, for snippets. Dropping the
		// rest of the syntax tree halves what a plan keeps in memory.
		f.HCL = &hcl.File{Bytes: hf.Bytes}
	}
	return f
}

// Merge makes one plan of files, in the order given (file-name order, so
// that output does not depend on how the files were found), with their
// diagnostics and those that need every file (one plan block).
func Merge(files []*File) (*Plan, hcl.Diagnostics) {
	plan := &Plan{Files: map[string]*hcl.File{}}
	var diags hcl.Diagnostics
	broken := false
	for _, f := range files {
		plan.Files[f.Name] = f.HCL
		for _, n := range f.plan.Blocks {
			Spec(n.Header().Kind).add(plan, nil, n)
			plan.Blocks = append(plan.Blocks, n)
		}
		diags = append(diags, f.Diags...)
		broken = broken || f.Broken
	}
	d := &decoder{plan: plan}
	return plan, append(diags, d.finish(files, broken)...)
}

func parseFile(src Source) (*hcl.File, hcl.Diagnostics) {
	if bad := firstNonText(src.Bytes); bad >= 0 {
		r := hcl.Range{Filename: src.Name, Start: PosAt(src.Bytes, bad), End: PosAt(src.Bytes, bad+1)}
		return &hcl.File{Body: hcl.EmptyBody(), Bytes: src.Bytes}, hcl.Diagnostics{Diag(Syntax, r, "Not a text file",
			"Plan files must be UTF-8 text; this one has a byte that is not. Check that the file is a plan and was saved as UTF-8.")}
	}
	if r := tooDeep(src.Bytes, src.Name); r != nil {
		return &hcl.File{Body: hcl.EmptyBody(), Bytes: src.Bytes}, hcl.Diagnostics{Diag(Syntax, *r, "Expression too deeply nested",
			fmt.Sprintf("This file nests brackets, strings or operators more than %d levels deep. Split the formula into KPIs that refer to each other.", maxNesting))}
	}
	file, diags := hclsyntax.ParseConfig(src.Bytes, src.Name, hcl.InitialPos)
	return file, WithCode(diags, Syntax)
}

// maxNesting bounds how deeply a file may nest before HCL parses it. HCL's
// recursive-descent parser overflows the goroutine stack, a fatal error that
// no recover catches, at about 50,000-100,000 nested parentheses or a
// million unary operators; the compiler rejects formulas nested more than
// 200 levels anyway.
const maxNesting = 1000

// tooDeep lexes src (HCL's lexer does not recurse) and returns the range of
// the first token at which brackets, strings, template interpolations,
// unary operators and conditionals nest more than maxNesting levels, or
// nil. Operators count until the end of their list item or attribute.
func tooDeep(src []byte, name string) *hcl.Range {
	if bound, ok := depthBound(src); ok && bound <= maxNesting {
		return nil // cannot nest that deep: skip lexing the file twice
	}
	_, at := tokenDepth(src, name, maxNesting)
	return at
}

// tokenDepth lexes src and returns the deepest nesting it reaches and, when
// that is above limit, the range of the first token beyond it.
func tokenDepth(src []byte, name string, limit int) (int, *hcl.Range) {
	toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	type frame struct {
		open hclsyntax.TokenType
		ops  int
	}
	stack := []frame{{}}
	depth, deepest := 0, 0 // depth is len(stack)-1 plus every frame's ops
	for _, t := range toks {
		top := len(stack) - 1
		switch t.Type {
		case hclsyntax.TokenOParen, hclsyntax.TokenOBrack, hclsyntax.TokenOBrace, hclsyntax.TokenOQuote,
			hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			stack = append(stack, frame{open: t.Type})
			depth++
		case hclsyntax.TokenCParen, hclsyntax.TokenCBrack, hclsyntax.TokenCBrace, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if top > 0 {
				depth -= 1 + stack[top].ops
				stack = stack[:top]
			}
		case hclsyntax.TokenMinus, hclsyntax.TokenBang, hclsyntax.TokenQuestion:
			stack[top].ops++
			depth++
		case hclsyntax.TokenComma, hclsyntax.TokenNewline:
			// Newlines end an item only in a body or an object.
			if t.Type == hclsyntax.TokenComma || stack[top].open == hclsyntax.TokenNil || stack[top].open == hclsyntax.TokenOBrace {
				depth -= stack[top].ops
				stack[top].ops = 0
			}
		}
		deepest = max(deepest, depth)
		if depth > limit {
			return deepest, t.Range.Ptr()
		}
	}
	return deepest, nil
}

// firstNonText returns the offset of the first NUL or invalid UTF-8 byte,
// or -1.
func firstNonText(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0 || r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
