package lsp

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// where says what kind of text the cursor is in, for completion.
type where int

const (
	inNothing  where = iota // a string, a comment, a block header
	inTopLevel              // where a block starts
	inBody                  // where an attribute or nested block starts
	inExpr                  // an attribute's value
)

// cursor is the completion context at a byte offset: where the cursor is,
// the innermost block, and the reference being typed.
type cursor struct {
	where where
	// block is the type of the innermost enclosing block ("funnel").
	block string
	// path holds the complete segments of the reference being typed
	// (funnel, demand in `funnel.demand.mq`); partial is the last one
	// (mq), which starts at byte start.
	path    []string
	partial string
	start   int
}

// cursorAt works out the completion context from the text before off. It
// lexes instead of parsing: the text being typed is rarely valid HCL, and
// HCL's lexer never fails.
func cursorAt(src []byte, off int) cursor {
	off = max(0, min(off, len(src)))
	c := scan(src[:off])
	c.start, c.path, c.partial = referenceAt(src, off)
	return c
}

// scan tracks the blocks, brackets and strings open at the end of src.
func scan(src []byte) cursor {
	toks, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	var blocks []string // one entry per open brace: a block type, or "" for an object or interpolation
	var line []hclsyntax.Token
	brackets, inString := 0, false
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenComment:
			// A line comment holds its line's end.
			if brackets == 0 && strings.HasSuffix(string(t.Bytes), "\n") {
				line = line[:0]
			}
			continue
		case hclsyntax.TokenOBrace:
			blocks = append(blocks, blockType(line))
		case hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			blocks = append(blocks, "")
			inString = false
		case hclsyntax.TokenCBrace, hclsyntax.TokenTemplateSeqEnd:
			if len(blocks) > 0 {
				blocks = blocks[:len(blocks)-1]
			}
			inString = t.Type == hclsyntax.TokenTemplateSeqEnd
		case hclsyntax.TokenOParen, hclsyntax.TokenOBrack:
			brackets++
		case hclsyntax.TokenCParen, hclsyntax.TokenCBrack:
			brackets = max(0, brackets-1)
		case hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			inString = true
		case hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			inString = false
		}
		if t.Type == hclsyntax.TokenNewline && brackets == 0 || t.Type == hclsyntax.TokenOBrace || t.Type == hclsyntax.TokenCBrace {
			line = line[:0]
			continue
		}
		line = append(line, t)
	}
	return classify(blocks, line, brackets, inString, lastIsComment(toks, len(src)))
}

// blockType returns the type of the block whose header is line (`kpi
// "mql"`), or "" when the brace opens an object in an expression.
func blockType(line []hclsyntax.Token) string {
	if len(line) == 0 || line[0].Type != hclsyntax.TokenIdent {
		return ""
	}
	for _, t := range line {
		if t.Type == hclsyntax.TokenEqual {
			return ""
		}
	}
	return string(line[0].Bytes)
}

func classify(blocks []string, line []hclsyntax.Token, brackets int, inString, inComment bool) cursor {
	var c cursor
	if len(blocks) > 0 {
		c.block = blocks[len(blocks)-1]
	}
	switch {
	case inString || inComment:
		c.where = inNothing
	case brackets > 0 || hasToken(line, hclsyntax.TokenEqual) || len(blocks) > 0 && c.block == "":
		c.where = inExpr
	case len(line) > 1 || len(line) == 1 && line[0].Type != hclsyntax.TokenIdent:
		c.where = inNothing // past the first word: a block header or garbage
	case len(blocks) == 0:
		c.where = inTopLevel
	default:
		c.where = inBody
	}
	return c
}

func hasToken(line []hclsyntax.Token, typ hclsyntax.TokenType) bool {
	for _, t := range line {
		if t.Type == typ {
			return true
		}
	}
	return false
}

// lastIsComment reports whether the text ends inside a comment: a line
// comment runs to the end, or a block comment is not closed.
func lastIsComment(toks hclsyntax.Tokens, end int) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if t.Type == hclsyntax.TokenEOF {
			continue
		}
		if t.Type != hclsyntax.TokenComment || t.Range.End.Byte < end {
			return false
		}
		s := string(t.Bytes)
		return !strings.HasPrefix(s, "/*") || !strings.HasSuffix(s, "*/") || len(s) < 4
	}
	return false
}

// referenceAt returns the reference being typed just before off: the
// offset where its last segment starts, its complete segments and that
// last, partial one.
func referenceAt(src []byte, off int) (int, []string, string) {
	start := off
	for start > 0 && isRefByte(src[start-1]) {
		start--
	}
	segs := strings.Split(string(src[start:off]), ".")
	partial := segs[len(segs)-1]
	return off - len(partial), segs[:len(segs)-1], partial
}

func isRefByte(b byte) bool {
	return b == '.' || b == '_' || b == '-' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}
