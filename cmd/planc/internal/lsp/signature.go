package lsp

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/stdlib"
)

// Signature help shows the standard library function whose call the
// cursor is in, with its parameters, the one being written highlighted,
// and its documentation; hovering a function's name in a formula shows
// the same. Both read the document's text as the request found it, so
// that they work while the formula is being typed and does not parse.

// signatureHelp answers for the innermost call around the cursor, null
// outside any call of a known function.
func signatureHelp(s *Server, r *request, p TextDocumentPositionParams) (any, error) {
	if r.doc == nil {
		return nil, nil
	}
	t := newText(r.doc.text)
	name, arg, ok := callAt(t.src, t.offset(p.Position, s.enc))
	if !ok {
		return nil, nil
	}
	fn := stdlib.Lookup(name)
	if fn == nil {
		return nil, nil
	}
	sig := signatureOf(fn)
	active := arg
	if fn.Variadic && active >= len(fn.Params) {
		active = len(fn.Params) - 1
	}
	if active >= len(sig.Parameters) {
		active = len(sig.Parameters) // past the last: none highlighted
	}
	return SignatureHelp{Signatures: []SignatureInformation{sig}, ActiveParameter: active}, nil
}

// signatureOf is a function's signature with each parameter's place in
// its label, in UTF-16 code units.
func signatureOf(fn *stdlib.Func) SignatureInformation {
	label := fn.Signature()
	sig := SignatureInformation{Label: label, Documentation: &MarkupContent{Kind: "markdown", Value: funcDoc(fn)},
		Parameters: []ParameterInformation{}}
	at := len(fn.Name) + 1
	for _, p := range fn.Params {
		start := utf16Len(label[:at])
		sig.Parameters = append(sig.Parameters, ParameterInformation{Label: [2]int{start, start + utf16Len(p)}})
		at += len(p) + len(", ")
	}
	return sig
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += units(r, 0, utf16)
	}
	return n
}

// funcDoc is a function's documentation and units.
func funcDoc(fn *stdlib.Func) string {
	doc := fn.Doc
	if fn.Units != "" {
		doc += "\n\nUnits: " + fn.Units
	}
	return doc
}

// callAt finds the call whose parentheses hold byte off of src: the
// function's name and the index of the argument off is in. It lexes the
// text up to off and reads back from it over balanced brackets, stopping
// at the start of the attribute.
func callAt(src []byte, off int) (string, int, bool) {
	off = max(0, min(off, len(src)))
	toks, _ := hclsyntax.LexConfig(src[:off], "", hcl.InitialPos)
	depth, arg := 0, 0
	for i := len(toks) - 1; i >= 0; i-- {
		switch toks[i].Type {
		case hclsyntax.TokenCParen, hclsyntax.TokenCBrack, hclsyntax.TokenCBrace:
			depth++
		case hclsyntax.TokenOBrack, hclsyntax.TokenOBrace:
			if depth == 0 {
				return "", 0, false
			}
			depth--
		case hclsyntax.TokenOParen:
			if depth > 0 {
				depth--
				continue
			}
			if i > 0 && toks[i-1].Type == hclsyntax.TokenIdent {
				return string(toks[i-1].Bytes), arg, true
			}
			arg = 0 // a parenthesized expression: look further out
		case hclsyntax.TokenComma:
			if depth == 0 {
				arg++
			}
		case hclsyntax.TokenEqual:
			if depth == 0 {
				return "", 0, false
			}
		case hclsyntax.TokenNewline:
			// A call may span lines; an attribute ends at a newline
			// outside brackets, which the TokenEqual before it stops.
		}
	}
	return "", 0, false
}

// functionHover is the hover of a standard library function's name at the
// position in a formula: its signature and documentation; nil when no
// function's name is there.
func functionHover(s *Server, r *request, pos Position) *Hover {
	if r.doc == nil {
		return nil
	}
	t := newText(r.doc.text)
	off := t.offset(pos, s.enc)
	toks, _ := hclsyntax.LexConfig(t.src, r.doc.name, hcl.InitialPos)
	for i, tok := range toks {
		if tok.Range.Start.Byte > off {
			break
		}
		if tok.Type != hclsyntax.TokenIdent || off > tok.Range.End.Byte || next(toks, i) != hclsyntax.TokenOParen {
			continue
		}
		fn := stdlib.Lookup(string(tok.Bytes))
		if fn == nil {
			return nil
		}
		rng := t.lspRange(tok.Range, s.enc)
		return &Hover{Contents: MarkupContent{Kind: "markdown", Value: fmt.Sprintf("```hcl\n%s\n```\n\n%s", fn.Signature(),
			strings.TrimSpace(funcDoc(fn)))}, Range: &rng}
	}
	return nil
}

// hoverFunction answers a hover that found no value or block: a function's
// signature when its name is under the cursor, else null (or err).
func hoverFunction(s *Server, r *request, pos Position, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	if h := functionHover(s, r, pos); h != nil {
		return *h, nil
	}
	return nil, nil
}
