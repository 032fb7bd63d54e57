package lang

import (
	"fmt"
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
func Parse(srcs []Source) (*Plan, hcl.Diagnostics) {
	plan := &Plan{Files: map[string]*hcl.File{}}
	var diags hcl.Diagnostics
	d := &decoder{plan: plan}
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
	if openers(src) <= maxNesting {
		return nil // cannot nest that deep: skip lexing the file twice
	}
	toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	type frame struct {
		open hclsyntax.TokenType
		ops  int
	}
	stack := []frame{{}}
	depth := 0 // len(stack)-1 plus every frame's ops
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
		if depth > maxNesting {
			return t.Range.Ptr()
		}
	}
	return nil
}

// openers counts the bytes that can start a level of nesting, an upper
// bound of the depth tooDeep measures.
func openers(src []byte) int {
	n := 0
	for _, b := range src {
		switch b {
		case '(', '[', '{', '"', '-', '!', '?', '<', '$', '%':
			n++
		}
	}
	return n
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
