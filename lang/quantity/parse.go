package quantity

import (
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Quantity is a parsed quantity string.
type Quantity struct {
	// Value is exact and in the canonical unit of its dimension: "4.8億円"
	// is 480000000, "30%" is 3/10, "90 days" is 90*12/365 months.
	Value *big.Rat
	// Unit is the dimension; for a bare number it is Ratio.
	Unit Unit
	// Bare is true when the string has no unit, symbol or percent sign
	// ("2,400,000"): the caller decides its unit from context.
	Bare bool
}

// Error is a parse error with the byte span it concerns, relative to the
// start of the parsed string.
type Error struct {
	Start, End int
	Msg        string
}

func (e *Error) Error() string { return e.Msg }

// maxExponent bounds the decimal exponent of a literal. Exact arithmetic on
// 10^999999999 would take forever; no plan needs more than a trillion
// trillion of anything.
const maxExponent = 30

// maxDigits bounds the digits of a literal's mantissa, for the same reason:
// 100,000 digits are as absurd as an exponent of 100,000, and a
// trillion trillion with a dozen decimals is still under 45.
const maxDigits = 45

// Parse reads a quantity string. The Value it returns must not be
// changed: the same string gives the same *big.Rat, because a plan writes
// the same quantities ("30%", "1万円") again and again and the grammar is
// the costly part of reading them.
func Parse(s string) (Quantity, *Error) {
	if r, ok := parsed.get(s); ok {
		return r.q, r.err
	}
	q, err := parse(s)
	parsed.put(s, parseResult{q, err})
	return q, err
}

type parseResult struct {
	q   Quantity
	err *Error
}

// parsed remembers what Parse read: at most maxMemo strings, forgotten
// all at once beyond that, so that a long editor session stays bounded.
var parsed = &memo[parseResult]{}

const maxMemo = 1 << 14

type memo[T any] struct {
	mu sync.Mutex
	m  map[string]T
}

func (m *memo[T]) get(s string) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[s]
	return v, ok
}

func (m *memo[T]) put(s string, v T) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || len(m.m) >= maxMemo {
		m.m = map[string]T{}
	}
	m.m[s] = v
}

// parse folds s (fold.go) and parses it, mapping an error back to the
// characters the user typed.
func parse(s string) (Quantity, *Error) {
	f := fold(s)
	q, err := parseFolded(f.text)
	return q, f.err(err)
}

func parseFolded(s string) (Quantity, *Error) {
	ast, err := quantityParser.ParseString("", s)
	if err != nil {
		if m := spacedScale.FindStringSubmatchIndex(s); m != nil {
			return Quantity{}, &Error{m[2], m[3], fmt.Sprintf("%q is a scale; write it right after the number, without a space (\"2.4%s\")", s[m[2]:m[3]], s[m[2]:m[3]])}
		}
		return Quantity{}, syntaxError(s, err, quantityForms)
	}
	v, perr := ast.Number.value()
	if perr != nil {
		return Quantity{}, perr
	}
	if ast.Sign == "-" {
		v.Neg(v)
	}
	q := Quantity{Value: v, Unit: PlainNumber, Bare: ast.Every == nil && ast.Symbol == nil && ast.Unit == nil && len(ast.Per) == 0}
	for _, step := range []func(*Quantity, *quantityAST) *Error{applyUnit, applySymbol, applyPer, applyEvery} {
		if err := step(&q, ast); err != nil {
			return Quantity{}, err
		}
	}
	return q, nil
}

// applyUnit multiplies by the unit after the number. A scaled yen word
// ("万円") after a scaled number ("4.8億") is two scales, and refused;
// other factors of the unit are conversions ("180万円/年" is ¥150,000 a
// month).
func applyUnit(q *Quantity, ast *quantityAST) *Error {
	if ast.Unit == nil {
		return nil
	}
	if t := personMonthBefore(ast.Unit, 1); t != nil {
		return personMonthError(t)
	}
	u, scale, err := evalUnit(ast.Unit)
	if err != nil {
		return err
	}
	if t := scaledYen(ast.Unit); t != nil && ast.Number.scaled() {
		return &Error{t.Pos.Offset, t.EndPos.Offset, "the number already has a scale, and so does the unit; write one of them, as in \"4.8億円\" or \"4.8 億円\""}
	}
	q.Unit = u
	q.Value.Mul(q.Value, scale)
	return nil
}

// applyPer divides by the units after a slash that directly follows the
// number or symbol: "¥80,000/month", the form Format writes.
func applyPer(q *Quantity, ast *quantityAST) *Error {
	for _, p := range ast.Per {
		if t := personMonthIn(p.Term, opSign(p.Op, 1)); t != nil {
			return personMonthError(t)
		}
		u, scale, err := evalTerm(p.Term)
		if err != nil {
			return err
		}
		if p.Op == "/" {
			q.Unit, q.Value = q.Unit.Div(u), q.Value.Quo(q.Value, scale)
		} else {
			q.Unit, q.Value = q.Unit.Mul(u), q.Value.Mul(q.Value, scale)
		}
	}
	return nil
}

func applySymbol(q *Quantity, ast *quantityAST) *Error {
	if ast.Symbol == nil {
		return nil
	}
	code := currencySymbols[ast.Symbol.Value]
	if ast.Unit == nil {
		q.Unit = Money(code)
		return nil
	}
	if q.Unit.Money != 1 || q.Unit.Currency != code {
		start := ast.Symbol.Pos.Offset
		return &Error{start, start + len(ast.Symbol.Value),
			fmt.Sprintf("the symbol %s means %s, but the unit after the number is %q; write one of them", ast.Symbol.Value, code, q.Unit.String())}
	}
	return nil
}

// ParseUnit reads a unit expression such as "JPY/month", "deals" or "%".
// It returns the unit and the factor that converts a number written in it
// to the canonical unit ("万円" gives JPY and 10000).
func ParseUnit(s string) (Unit, *big.Rat, *Error) {
	f := fold(s)
	u, scale, err := parseUnitFolded(f.text)
	return u, scale, f.err(err)
}

func parseUnitFolded(s string) (Unit, *big.Rat, *Error) {
	ast, err := unitParser.ParseString("", s)
	if err != nil {
		return Unit{}, nil, syntaxError(s, err, unitForms)
	}
	if t := personMonthBefore(ast.Expr, 1); t != nil {
		return Unit{}, nil, personMonthError(t)
	}
	return evalUnit(ast.Expr)
}

// scaledYen finds a yen word with a scale ("万円") in a unit expression.
func scaledYen(e *unitExprAST) *termAST {
	var found *termAST
	walkTerms(e, func(t *termAST) {
		if s, ok := japaneseMoney[t.Name]; ok && found == nil && s.Cmp(rat(1, 1)) != 0 {
			found = t
		}
	})
	return found
}

// walkTerms calls f for every term of e, parenthesised ones included.
func walkTerms(e *unitExprAST, f func(*termAST)) {
	terms := []*termAST{e.First}
	for _, r := range e.Rest {
		terms = append(terms, r.Term)
	}
	for _, t := range terms {
		f(t)
		if t.Sub != nil {
			walkTerms(t.Sub, f)
		}
	}
}

func evalUnit(e *unitExprAST) (Unit, *big.Rat, *Error) {
	u, scale, err := evalTerm(e.First)
	if err != nil {
		return Unit{}, nil, err
	}
	for _, rest := range e.Rest {
		tu, ts, err := evalTerm(rest.Term)
		if err != nil {
			return Unit{}, nil, err
		}
		if rest.Op == "/" {
			u, scale = u.Div(tu), scale.Quo(scale, ts)
		} else {
			u, scale = u.Mul(tu), scale.Mul(scale, ts)
		}
	}
	return u, scale, nil
}

func evalTerm(t *termAST) (Unit, *big.Rat, *Error) {
	var u Unit
	var scale *big.Rat
	if t.Sub != nil {
		var err *Error
		if u, scale, err = evalUnit(t.Sub); err != nil {
			return Unit{}, nil, err
		}
	} else {
		if err := numeralWord(t); err != nil {
			return Unit{}, nil, err
		}
		n := lookupName(t.Name)
		if n.unit.IsCount() && strings.Contains(t.Name, "円") {
			return Unit{}, nil, &Error{t.Pos.Offset, t.EndPos.Offset,
				fmt.Sprintf("%q is not a unit; write the amount as \"4.8億円\" or \"2,400,000円\"", t.Name)}
		}
		u, scale = n.unit, new(big.Rat).Set(n.scale)
	}
	if t.Exp == "" {
		return u, scale, nil
	}
	return power(t, u, scale)
}

// numeralWord refuses a unit word that is a number: a scale apart from
// its number ("2.4 M", "5 百万"), or a Japanese numeral that is no scale
// ("5百" would otherwise count five 百).
func numeralWord(t *termAST) *Error {
	if digits, scale := splitScale("1" + t.Name); digits == "1" && scale != nil {
		return &Error{t.Pos.Offset, t.EndPos.Offset,
			fmt.Sprintf("%q is a scale; write it right after the number, without a space (\"2.4%s\")", t.Name, t.Name)}
	}
	if strings.Trim(t.Name, "十百千万億兆") == "" {
		return &Error{t.Pos.Offset, t.EndPos.Offset,
			fmt.Sprintf("%q is not a scale planc reads; write the number with digits, as in \"500\" or \"1万500\"", t.Name)}
	}
	return nil
}

func power(t *termAST, u Unit, scale *big.Rat) (Unit, *big.Rat, *Error) {
	n, err := strconv.Atoi(t.Exp)
	if err != nil || n > 4 {
		return Unit{}, nil, &Error{t.Pos.Offset, t.EndPos.Offset, "a unit exponent must be a whole number from -4 to 4"}
	}
	if t.Neg {
		n = -n
	}
	ru, rs := Ratio, big.NewRat(1, 1)
	for i := 0; i < abs(n); i++ {
		if n > 0 {
			ru, rs = ru.Mul(u), rs.Mul(rs, scale)
		} else {
			ru, rs = ru.Div(u), rs.Quo(rs, scale)
		}
	}
	return ru, rs, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

var separators = strings.NewReplacer(",", "", "_", "")

// spacedScale finds a scale written apart from its number ("2.4 M JPY").
var spacedScale = regexp.MustCompile(`[0-9]\s+(bn|k|K|M|B)\b`)

// parseNumber reads the Number token: digits with optional group
// separators, a fraction, an exponent and a scale suffix. off is the
// token's byte offset in the quantity string, for errors.
func parseNumber(text string, off int) (*big.Rat, *Error) {
	digits, scale := splitScale(text)
	mant, exp := digits, ""
	if i := strings.IndexAny(digits, "eE"); i >= 0 {
		mant, exp = digits[:i], digits[i+1:]
	}
	if err := checkGroups(mant, off); err != nil {
		return nil, err
	}
	if n := strings.Count(mant, "") - 1 - strings.Count(mant, ",") - strings.Count(mant, "."); n > maxDigits {
		return nil, &Error{off, off + len(mant), fmt.Sprintf("a number has at most %d digits; this one has %d", maxDigits, n)}
	}
	if exp != "" {
		n, err := strconv.Atoi(exp)
		if err != nil || n > maxExponent || n < -maxExponent {
			start := off + len(mant)
			return nil, &Error{start, start + 1 + len(exp), fmt.Sprintf("the exponent must be between -%d and %d", maxExponent, maxExponent)}
		}
	}
	clean := separators.Replace(mant)
	if exp != "" {
		clean += "e" + exp
	}
	v, ok := new(big.Rat).SetString(clean)
	if !ok {
		return nil, &Error{off, off + len(text), fmt.Sprintf("%q is not a number", text)}
	}
	if scale != nil {
		v.Mul(v, scale)
	}
	return v, nil
}

// checkGroups accepts "2400000", "2,400,000" and "2_400_000": separators
// only between groups of exactly three digits before the decimal point.
func checkGroups(mant string, off int) *Error {
	intPart := mant
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart = mant[:i]
	}
	if !strings.ContainsAny(intPart, ",_") {
		return nil
	}
	groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == ',' || r == '_' })
	ok := len(groups) > 0 && len(groups[0]) <= 3 && !strings.HasSuffix(intPart, ",") && !strings.HasSuffix(intPart, "_")
	for _, g := range groups[1:] {
		ok = ok && len(g) == 3
	}
	if !ok || strings.Contains(intPart, ",,") || strings.Contains(intPart, "__") {
		return &Error{off, off + len(intPart), fmt.Sprintf("%q has misplaced digit separators; group digits by three, as in \"2,400,000\"", intPart)}
	}
	return nil
}

// What valid input looks like, for error messages.
const (
	quantityForms = `write a number with an optional scale and unit, such as "2,400,000", "¥2.4M", "4.8億円", "30%", "90 days" or "200 deals"`
	unitForms     = `write a unit such as "JPY", "万円", "deals", "%", "months" or "JPY/month"`
)

// syntaxError turns a participle error into an Error with a byte span and a
// message that says what valid input looks like.
func syntaxError(s string, err error, forms string) *Error {
	start := len(s)
	var perr participle.Error
	if errors.As(err, &perr) {
		start = perr.Position().Offset
	}
	if start > len(s) {
		start = len(s)
	}
	end := start + len(tokenAt(s, start))
	return &Error{start, end, describe(s, start, err, forms)}
}

func describe(s string, at int, err error, forms string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "it is empty; " + forms
	case at >= len(s):
		return "it ends too early; " + forms
	}
	r, _ := utf8.DecodeRuneInString(s[at:])
	if r > unicode.MaxASCII && unicode.IsDigit(r) {
		return fmt.Sprintf("%q is not a digit planc reads; write the number with 0-9", r)
	}
	var lerr *lexer.Error
	if errors.As(err, &lerr) {
		return fmt.Sprintf("unexpected character %q; %s", r, forms)
	}
	return fmt.Sprintf("unexpected %q; %s", tokenAt(s, at), forms)
}

// tokenAt returns the text from at up to the next space, at least one rune.
func tokenAt(s string, at int) string {
	rest := s[at:]
	if rest == "" {
		return ""
	}
	if i := strings.IndexAny(rest, " \t"); i > 0 {
		return rest[:i]
	}
	if _, size := utf8.DecodeRuneInString(rest); size == len(rest) || strings.IndexAny(rest, " \t") == 0 {
		return rest[:size]
	}
	return rest
}
