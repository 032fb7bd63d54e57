package lsp

import (
	"slices"
	"strconv"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib"
)

// Semantic tokens color a plan by what its words are, from HCL's lexer
// and the compiler's references: block kinds as keywords, labels by the
// kind of block they name (a kpi's as a variable, a funnel's as a class),
// attribute names as properties, each segment of a reference as what it
// names (the namespace, a block, a value), quantity strings ("30%",
// "4.8億円") as numbers and other strings as strings, comments, operators
// and the standard library's functions.

// semanticTypes is the legend's token types; a token's type is its index.
var semanticTypes = []string{"namespace", "type", "class", "enum", "interface", "struct", "parameter", "variable",
	"property", "enumMember", "event", "function", "keyword", "comment", "string", "number", "operator"}

// semanticModifiers is the legend's modifiers; bit i is modifier i.
var semanticModifiers = []string{"declaration", "readonly", "defaultLibrary"}

const (
	modDeclaration = 1 << iota
	modReadonly
	modDefaultLibrary
)

// semanticLegend is the legend announced in the capabilities.
func semanticLegend() SemanticTokensLegend {
	return SemanticTokensLegend{TokenTypes: semanticTypes, TokenModifiers: semanticModifiers}
}

func tokenType(name string) uint32 {
	return uint32(slices.Index(semanticTypes, name))
}

// namespaces are the first segments of references (kpi, funnel, ...).
var namespaces = compiler.Namespaces()

// labelTypes is the token type of each kind of block's label.
var labelTypes = map[string]string{
	"kgi": "variable", "kpi": "variable", "funnel": "class", "stage": "enumMember", "channel": "interface",
	"budget": "struct", "item": "enumMember", "team": "struct", "check": "function", "rule": "function",
	"persona": "type", "journey": "class", "phase": "enumMember", "analysis": "type", "profile": "type",
	"actuals": "event", "scenario": "namespace", "sensitivity": "event", "vary": "enumMember",
}

func semanticTokensFull(s *Server, r *request, p SemanticTokensParams) (any, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil {
		return nil, err
	}
	data := snap.semanticTokens(f, s.enc)
	return SemanticTokens{ResultID: s.tokens.put(r.uri, data), Data: data}, nil
}

// semanticTokensDelta answers with the edits from the previous result the
// client names, or with all the tokens when that result is not the last
// one the server gave for the document.
func semanticTokensDelta(s *Server, r *request, p SemanticTokensDeltaParams) (any, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil {
		return nil, err
	}
	data := snap.semanticTokens(f, s.enc)
	prev, ok := s.tokens.get(r.uri, p.PreviousResultID)
	id := s.tokens.put(r.uri, data)
	if !ok {
		return SemanticTokens{ResultID: id, Data: data}, nil
	}
	return SemanticTokensDelta{ResultID: id, Edits: tokenEdits(prev, data)}, nil
}

// tokenEdits is one edit from prev to next: what lies between their
// common prefix and suffix; none when they are equal.
func tokenEdits(prev, next []uint32) []SemanticTokensEdit {
	pre := 0
	for pre < len(prev) && pre < len(next) && prev[pre] == next[pre] {
		pre++
	}
	if pre == len(prev) && pre == len(next) {
		return []SemanticTokensEdit{}
	}
	suf := 0
	for suf < len(prev)-pre && suf < len(next)-pre && prev[len(prev)-1-suf] == next[len(next)-1-suf] {
		suf++
	}
	return []SemanticTokensEdit{{Start: pre, DeleteCount: len(prev) - pre - suf, Data: slices.Clone(next[pre : len(next)-suf])}}
}

// tokenCache keeps the last semantic tokens given for each document, for
// deltas. It holds a bounded number of documents, forgetting the oldest.
type tokenCache struct {
	mu    sync.Mutex
	next  int
	byURI map[string]tokenResult
	order []string
}

type tokenResult struct {
	id   string
	data []uint32
}

const tokenCacheSize = 64

// put records data as the document's latest result and returns its id.
func (c *tokenCache) put(uri string, data []uint32) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byURI == nil {
		c.byURI = map[string]tokenResult{}
	}
	c.next++
	id := strconv.Itoa(c.next)
	if _, ok := c.byURI[uri]; !ok {
		c.order = append(c.order, uri)
	}
	c.byURI[uri] = tokenResult{id: id, data: data}
	if len(c.order) > tokenCacheSize {
		delete(c.byURI, c.order[0])
		c.order = c.order[1:]
	}
	return id
}

// get returns the document's latest result when its id is id.
func (c *tokenCache) get(uri, id string) ([]uint32, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	res, ok := c.byURI[uri]
	if !ok || res.id != id {
		return nil, false
	}
	return res.data, true
}

// semToken is one token by byte offsets.
type semToken struct {
	start, end int
	typ, mods  uint32
}

// semanticTokens classifies f's tokens and encodes them as LSP's
// relative integers, a token that spans lines split into one per line.
func (s *snapshot) semanticTokens(f *file, enc encoding) []uint32 {
	toks := s.classify(f)
	data := make([]uint32, 0, 5*len(toks))
	prevLine, prevChar := 0, 0
	for _, t := range toks {
		for start := t.start; start < t.end; {
			line := f.text.position(start, enc).Line
			end := min(t.end, f.text.lineEnd(line))
			if end <= start {
				if line+1 >= len(f.text.lines) {
					break
				}
				start = f.text.lines[line+1]
				continue
			}
			a, b := f.text.position(start, enc), f.text.position(end, enc)
			if a.Line != prevLine {
				prevChar = 0
			}
			data = append(data, uint32(a.Line-prevLine), uint32(a.Character-prevChar), uint32(b.Character-a.Character), t.typ, t.mods)
			prevLine, prevChar = a.Line, a.Character
			if line+1 >= len(f.text.lines) {
				break
			}
			start = f.text.lines[line+1]
		}
	}
	return data
}

// classify lexes f and gives each token that has one its type.
func (s *snapshot) classify(f *file) []semToken {
	toks, _ := hclsyntax.LexConfig(f.text.src, f.name, hcl.InitialPos)
	segs := s.segmentTypes(f.name)
	var out []semToken
	add := func(from, to int, typ string, mods uint32) {
		if to > from {
			out = append(out, semToken{start: from, end: to, typ: tokenType(typ), mods: mods})
		}
	}
	// label is the kind of the block whose header's labels come next.
	label := ""
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		from, to := t.Range.Start.Byte, t.Range.End.Byte
		switch t.Type {
		case hclsyntax.TokenComment:
			for to > from && (f.text.src[to-1] == '\n' || f.text.src[to-1] == '\r') {
				to--
			}
			add(from, to, "comment", 0)
		case hclsyntax.TokenNumberLit:
			add(from, to, "number", 0)
		case hclsyntax.TokenOBrace:
			label = ""
		case hclsyntax.TokenIdent:
			name := string(t.Bytes)
			switch {
			case label != "":
				add(from, to, labelType(label), modDeclaration)
			case segs[from] != "":
				add(from, to, segs[from], 0)
			case blockHeader(toks, i):
				add(from, to, "keyword", 0)
				label = name
			case next(toks, i) == hclsyntax.TokenOParen:
				if stdlib.Lookup(name) != nil {
					add(from, to, "function", modDefaultLibrary)
				} else {
					add(from, to, "function", 0)
				}
			case next(toks, i) == hclsyntax.TokenEqual || next(toks, i) == hclsyntax.TokenColon && inObject(toks, i):
				add(from, to, "property", 0)
			case name == "true" || name == "false" || name == "null":
				add(from, to, "keyword", 0)
			case i > 0 && toks[i-1].Type == hclsyntax.TokenDot:
				add(from, to, "property", 0)
			case slices.Contains(namespaces, name):
				add(from, to, "namespace", 0)
			default:
				add(from, to, "variable", 0)
			}
		case hclsyntax.TokenOQuote:
			j := i + 1
			for j < len(toks) && toks[j].Type == hclsyntax.TokenQuotedLit {
				j++
			}
			if j < len(toks) && toks[j].Type == hclsyntax.TokenCQuote {
				end := toks[j].Range.End.Byte
				switch {
				case label != "":
					add(from, end, labelType(label), modDeclaration)
				case next(toks, j) == hclsyntax.TokenEqual || next(toks, j) == hclsyntax.TokenColon:
					add(from, end, "property", 0)
				case isQuantity(f.text.src[toks[i].Range.End.Byte:toks[j].Range.Start.Byte]):
					add(from, end, "number", 0)
				default:
					add(from, end, "string", 0)
				}
				i = j
				continue
			}
			add(from, to, "string", 0) // a template: its literal parts are strings
		case hclsyntax.TokenQuotedLit, hclsyntax.TokenStringLit, hclsyntax.TokenCQuote, hclsyntax.TokenOHeredoc, hclsyntax.TokenCHeredoc:
			add(from, to, "string", 0)
		case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash, hclsyntax.TokenPercent,
			hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
			hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr,
			hclsyntax.TokenBang, hclsyntax.TokenQuestion:
			add(from, to, "operator", 0)
		case hclsyntax.TokenColon:
			if !inObject(toks, i) {
				add(from, to, "operator", 0)
			}
		}
	}
	return out
}

func labelType(kind string) string {
	if t, ok := labelTypes[kind]; ok {
		return t
	}
	return "variable"
}

// segmentTypes gives the start of each reference segment in file name the
// type of what it names: the namespace for a reference's first segment,
// a variable for a block (or a block's one value, kpi.cvr), a property
// for a value (volume).
func (s *snapshot) segmentTypes(name string) map[int]string {
	out := map[int]string{}
	for _, o := range s.refs.refs {
		if o.at.Filename != name {
			continue
		}
		switch {
		case rootSegment(o):
			out[o.at.Start.Byte] = "namespace"
		case renamedBy(o.ent) != nil:
			out[o.at.Start.Byte] = "variable"
		default:
			out[o.at.Start.Byte] = "property"
		}
	}
	return out
}

// next returns the type of the token after toks[i].
func next(toks hclsyntax.Tokens, i int) hclsyntax.TokenType {
	if i+1 < len(toks) {
		return toks[i+1].Type
	}
	return hclsyntax.TokenEOF
}

// blockHeader reports whether toks[i], an identifier, starts a block: it
// begins a line (or a body) and labels then { follow it.
func blockHeader(toks hclsyntax.Tokens, i int) bool {
	if i > 0 && toks[i-1].Type != hclsyntax.TokenNewline && toks[i-1].Type != hclsyntax.TokenOBrace {
		return false
	}
	for j := i + 1; j < len(toks); j++ {
		switch toks[j].Type {
		case hclsyntax.TokenOBrace:
			return true
		case hclsyntax.TokenIdent, hclsyntax.TokenQuotedLit, hclsyntax.TokenOQuote, hclsyntax.TokenCQuote:
		default:
			return false
		}
	}
	return false
}

// inObject reports whether toks[i] is directly inside an object
// constructor's braces, whose keys may be followed by a colon.
func inObject(toks hclsyntax.Tokens, i int) bool {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		switch toks[j].Type {
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen:
			depth++
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen:
			if depth == 0 {
				return false
			}
			depth--
		case hclsyntax.TokenOBrace:
			if depth == 0 {
				return j > 0 && toks[j-1].Type == hclsyntax.TokenEqual
			}
			depth--
		}
	}
	return false
}

// isQuantity reports whether a string's content is a quantity planc
// reads ("30%", "4.8億円", "2,000 leads").
func isQuantity(b []byte) bool {
	if len(b) == 0 || len(b) > 64 {
		return false
	}
	_, err := quantity.Parse(string(b))
	return err == nil
}
