package quantity

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The lexer's rules are tried in order and the first match wins, so a
// number's scale suffix is part of the Number token: "2.4M" is one token,
// while "2.4 M" is a number followed by the unit "M" (which ParseUnit then
// rejects with a hint). ASCII scales must end at a word boundary so that
// "12Months" is not read as 12 million "onths".
var quantityLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Number", Pattern: `[0-9][0-9,_]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?(?:(?:bn|k|K|M|B)\b|千|万|億|兆)?`},
	{Name: "Symbol", Pattern: `[¥$€£￥]`},
	{Name: "Ident", Pattern: `[\p{L}_][\p{L}\p{N}_]*`},
	{Name: "Punct", Pattern: `[-%*/·^()+]`},
	{Name: "ws", Pattern: `[ \t\x{3000}]+`},
})

// quantityAST is `Sign? Symbol? Number Unit?`.
type quantityAST struct {
	Sign   string       `parser:"@('-' | '+')?"`
	Symbol *token       `parser:"@@?"`
	Number *numberTok   `parser:"@@"`
	Unit   *unitExprAST `parser:"@@?"`
	// Per is a unit that starts with a slash: "¥80,000/month".
	Per []*opTerm `parser:"@@*"`
}

type token struct {
	Pos   lexer.Position
	Value string `parser:"@Symbol"`
}

// numberTok keeps the token's position so that errors about the digits
// (groups, exponent) can point into the string.
type numberTok struct {
	Pos  lexer.Position
	Text string `parser:"@Number"`
}

// unitExprAST is `Term (("*" | "/" | "·") Term)*`, left-associative, so
// "JPY/user/month" is JPY/(user*month).
type unitExprAST struct {
	First *termAST  `parser:"@@"`
	Rest  []*opTerm `parser:"@@*"`
}

type opTerm struct {
	Op   string   `parser:"@('*' | '/' | '·')"`
	Term *termAST `parser:"@@"`
}

// termAST is `(Ident | "%" | "(" Unit ")") ("^" "-"? Number)?`.
type termAST struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Name   string       `parser:"(  @Ident | @'%' "`
	Sub    *unitExprAST `parser:" | '(' @@ ')' )"`
	Neg    bool         `parser:"( '^' @'-'?"`
	Exp    string       `parser:"  @Number )?"`
}

// unitAST is a whole unit string.
type unitAST struct {
	Expr *unitExprAST `parser:"@@"`
}

var (
	quantityParser = participle.MustBuild[quantityAST](
		participle.Lexer(quantityLexer), participle.Elide("ws"))
	unitParser = participle.MustBuild[unitAST](
		participle.Lexer(quantityLexer), participle.Elide("ws"))
)
