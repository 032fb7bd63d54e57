package quantity

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The lexer's rules are tried in order and the first match wins, so a
// number's scale suffix is part of the Number token: "2.4M" is one token,
// while "2.4 M" is a number followed by the unit "M" (which ParseUnit then
// rejects with a hint). ASCII scales must end at a word boundary so that
// "12Months" is not read as 12 million "onths". A Japanese scale may be
// compound ("2千万" is 2 x 1,000 x 10,000), and a mixed numeral is one
// Number token per scale: "1億2000万" is "1億" then "2000万".
//
// A word in Japanese script never takes in the digits after it, so that
// "月40件" is the words "月" and "件" around the number 40; a word in
// other scripts may hold digits ("p95").
var quantityLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "Number", Pattern: `[0-9][0-9,_]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?(?:(?:bn|k|K|M|B)\b|[千百]?[万億兆]|千)?`},
	{Name: "Symbol", Pattern: `[¥$€£￥]`},
	{Name: "Ident", Pattern: `[\p{Han}\p{Hiragana}\p{Katakana}ー〆][\p{L}_]*|[\p{L}_][\p{L}\p{N}_]*`},
	{Name: "Punct", Pattern: `[-%*/·^()+]`},
	{Name: "ws", Pattern: `[ \t\x{3000}]+`},
})

// quantityAST is `Every? Sign? Symbol? Numeral Unit? Per*`.
type quantityAST struct {
	// Every is a time word before the number: "月40件" is 40 件 a month.
	// The words are those of everyWords (names.go).
	Every  *everyTok    `parser:"@@?"`
	Sign   string       `parser:"@('-' | '+')?"`
	Symbol *token       `parser:"@@?"`
	Number *numeralAST  `parser:"@@"`
	Unit   *unitExprAST `parser:"@@?"`
	// Per is a unit that starts with a slash: "¥80,000/month".
	Per []*opTerm `parser:"@@*"`
}

// everyTok is a time word before the number, with its position for
// errors.
type everyTok struct {
	Pos  lexer.Position
	Word string `parser:"@('月' | '月間' | '月額' | '毎月' | '年' | '年間' | '年額' | '毎年' | '週' | '週間' | '毎週' | '毎日')"`
}

type token struct {
	Pos   lexer.Position
	Value string `parser:"@Symbol"`
}

// numeralAST is one or more Number tokens: one for "2.4M" or "1.5万",
// one per scale for a mixed numeral such as "1万5000" (numeral.go checks
// that the parts touch and that their scales go down).
type numeralAST struct {
	Parts []*numberTok `parser:"@@+"`
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
