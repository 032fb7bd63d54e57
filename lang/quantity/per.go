package quantity

import (
	"fmt"
	"math/big"
	"strings"
)

// Rates written the Japanese way: a time word before the number ("月40件",
// "年額120万円"), and the person-month after a slash ("40件/人月"; see
// personMonth in names.go).

// applyEvery divides by the time word before the number: "月40件" is the
// same as "40件/月". A unit with a time of its own ("月40件/月") says it
// twice, and is refused.
func applyEvery(q *Quantity, ast *quantityAST) *Error {
	if ast.Every == nil {
		return nil
	}
	w, per := ast.Every, timeNames[everyWords[ast.Every.Word]]
	if q.Unit.Time != 0 {
		return &Error{w.Pos.Offset, w.Pos.Offset + len(w.Word),
			fmt.Sprintf("%q before the number makes it a rate per %s, and the unit after the number has a time too; write one of them, as in \"月40件\" or \"40件/月\"", w.Word, strings.TrimSuffix(per.unit.TimeName, "s"))}
	}
	q.Unit = q.Unit.Div(per.unit)
	q.Value.Quo(q.Value, per.scale)
	return nil
}

// personMonthBefore finds a person-month that is not after a slash in e,
// whose terms are multiplied in with the given sign (1 above the line,
// -1 below it).
func personMonthBefore(e *unitExprAST, sign int) *termAST {
	if t := personMonthIn(e.First, sign); t != nil {
		return t
	}
	for _, r := range e.Rest {
		if t := personMonthIn(r.Term, opSign(r.Op, sign)); t != nil {
			return t
		}
	}
	return nil
}

// personMonthIn finds a person-month above the line in t, or with an
// exponent ("人月^2" is no rate anyone plans with).
func personMonthIn(t *termAST, sign int) *termAST {
	if t.Neg {
		sign = -sign
	}
	if t.Sub != nil {
		return personMonthBefore(t.Sub, sign)
	}
	if t.Name == personMonth && (sign > 0 || t.Exp != "") {
		return t
	}
	return nil
}

// opSign is the sign of a term after op in an expression of sign sign.
func opSign(op string, sign int) int {
	if op == "/" {
		return -sign
	}
	return sign
}

func personMonthError(t *termAST) *Error {
	return &Error{t.Pos.Offset, t.EndPos.Offset,
		fmt.Sprintf("%q (a person-month) is work, not time; write it after a slash, as in \"40件/人月\" (what one person handles in a month), or write a duration such as \"3ヶ月\"", t.Name)}
}

// perTime converts v, per canonical month, to the time unit u is shown
// per: ¥150,000 a month is ¥1,800,000 a year. Other values are returned
// as they are.
func perTime(v *big.Rat, u Unit) *big.Rat {
	n := timeNames[u.TimeName]
	if u.Time != -1 || n.scale == nil {
		return v
	}
	return new(big.Rat).Mul(v, n.scale)
}
