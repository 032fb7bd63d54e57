package lsp

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// foldingRanges folds what spans lines: blocks and multi-line lists,
// objects and calls (up to the line before their closing bracket, which
// stays visible), heredocs (up to the line before their end marker), block
// comments, and runs of line comments. It reads the document's tokens
// only, so that it works on text that does not parse.
func foldingRanges(s *Server, r *request, _ FoldingRangeParams) (any, error) {
	if r.doc == nil {
		return nil, nil
	}
	return folds(newText(r.doc.text), r.doc.name), nil
}

func folds(t *text, name string) []FoldingRange {
	toks, _ := hclsyntax.LexConfig(t.src, name, hcl.InitialPos)
	line := func(off int) int { return t.position(off, utf8Bytes).Line }
	out := []FoldingRange{}
	add := func(start, end int, kind string) {
		if end > start {
			out = append(out, FoldingRange{StartLine: start, EndLine: end, Kind: kind})
		}
	}
	var open []int // the indices of the brackets not closed yet
	// run is the run of line comments, each alone on its line: its
	// first and last lines, -1 when there is none.
	runStart, runEnd := -1, -1
	endRun := func() {
		add(runStart, runEnd, FoldingComment)
		runStart, runEnd = -1, -1
	}
	for i, tok := range toks {
		from, to := tok.Range.Start.Byte, tok.Range.End.Byte
		switch tok.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOHeredoc:
			open = append(open, i)
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCHeredoc:
			if len(open) == 0 {
				continue
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			kind := ""
			if tok.Type == hclsyntax.TokenCBrace && blockBody(toks, o) {
				kind = FoldingRegion
			}
			add(line(toks[o].Range.Start.Byte), line(from)-1, kind)
		case hclsyntax.TokenComment:
			first, last := line(from), line(max(from, to-1))
			if t.src[from] == '/' && to-from > 1 && t.src[from+1] == '*' {
				endRun()
				add(first, last, FoldingComment)
				continue
			}
			if prev := toks[max(i-1, 0)]; i > 0 && prev.Type != hclsyntax.TokenNewline && prev.Type != hclsyntax.TokenComment &&
				line(prev.Range.End.Byte) == first {
				continue // a comment after code on its line
			}
			if runStart >= 0 && first == runEnd+1 {
				runEnd = first
				continue
			}
			endRun()
			runStart, runEnd = first, first
		}
	}
	endRun()
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartLine < out[j].StartLine })
	return out
}

// blockBody reports whether the brace toks[i] opens a block's body
// rather than an object: what comes before it is a label or a block type,
// not = or another token of an expression.
func blockBody(toks hclsyntax.Tokens, i int) bool {
	if i == 0 {
		return true
	}
	switch toks[i-1].Type {
	case hclsyntax.TokenCQuote, hclsyntax.TokenIdent, hclsyntax.TokenNewline:
		return true
	}
	return false
}
