package quantity

import (
	"fmt"
	"math/big"
	"strings"
)

// A numeral is the number of a quantity: one Number token ("2,400,000",
// "2.4M", "1.5万", "2千万"), or a mixed numeral written the Japanese way,
// largest scale first, one token per scale: "1万5000" is 1 x 10,000 +
// 5,000, "2億4000万" is 2 x 10^8 + 4,000 x 10^4.
//
// A mixed numeral has one reading only, so it is refused when
//   - its parts are apart ("1万 5000"): a number is written without spaces;
//   - a part has a decimal point or an exponent ("1万5000.5"): the
//     decimals of a yen amount in such a form are a typo more often than
//     not; "1.5万" or "15,000.5" say it plainly;
//   - a part has k, M or B ("1万5k"): Western and Japanese scales do not
//     mix;
//   - a part is not below the scale of the part before it: "5000万1億"
//     (scales out of order), "1万2万" (one scale twice), "1万15000"
//     (15,000 is 1万 or more). Each error says how to write the number.

// places are the scales a part of a mixed numeral may end with, largest
// first; 千 and 百 may also come before 万, 億 and 兆 ("2千万").
var places = []string{"兆", "億", "万", "千"}

// subScales are the scales that may come before a place.
var subScales = map[string]*big.Rat{"千": rat(1e3, 1), "百": rat(100, 1)}

// value is the numeral's exact value.
func (n *numeralAST) value() (*big.Rat, *Error) {
	if len(n.Parts) == 1 {
		return parseNumber(n.Parts[0].Text, n.Parts[0].Pos.Offset)
	}
	sum := new(big.Rat)
	for i, p := range n.Parts {
		if err := n.checkPart(i); err != nil {
			return nil, err
		}
		v, err := parseNumber(p.Text, p.Pos.Offset)
		if err != nil {
			return nil, err
		}
		if err := n.checkBelow(i, v); err != nil {
			return nil, err
		}
		sum.Add(sum, v)
	}
	return sum, nil
}

// scaled reports whether the numeral has a scale: "1.5万", "1万5000".
func (n *numeralAST) scaled() bool {
	for _, p := range n.Parts {
		if _, s := splitScale(p.Text); s != nil {
			return true
		}
	}
	return false
}

// checkPart checks what part i of a mixed numeral may be on its own and
// next to the part before it.
func (n *numeralAST) checkPart(i int) *Error {
	p := n.Parts[i]
	start, end := p.Pos.Offset, p.Pos.Offset+len(p.Text)
	if i > 0 {
		prev := n.Parts[i-1]
		prevEnd := prev.Pos.Offset + len(prev.Text)
		if placeName(prev.Text) == "" {
			return &Error{start, end, fmt.Sprintf("unexpected %q; %s", p.Text, quantityForms)}
		}
		if prevEnd != start {
			return &Error{prevEnd, end, fmt.Sprintf("write the parts of a number together, without a space: %q", prev.Text+p.Text)}
		}
	}
	if strings.ContainsAny(p.Text, ".eE") {
		return &Error{start, end, fmt.Sprintf("a number written with several scales (%q) is whole in every part; write a decimal with one scale only (\"1.5万\") or none (\"15,000.5\")", n.text(len(n.Parts)-1))}
	}
	if _, s := splitScale(p.Text); s != nil && placeName(p.Text) == "" {
		return &Error{start, end, fmt.Sprintf("k, M and B do not mix with 万, 億 and 兆: %q; write \"1万5000\" or \"15k\"", p.Text)}
	}
	return nil
}

// checkBelow checks that part i of a mixed numeral, of value v, has a
// smaller scale than the part before it ("5000万1億" is out of order,
// "1万0億" too) and is below that scale ("1万15000" is not).
func (n *numeralAST) checkBelow(i int, v *big.Rat) *Error {
	if i == 0 {
		return nil
	}
	p, prev := n.Parts[i], n.Parts[i-1]
	start, end := p.Pos.Offset, p.Pos.Offset+len(p.Text)
	above := placeOf(prev.Text)
	if placeOf(p.Text).Cmp(above) >= 0 {
		return &Error{n.Parts[0].Pos.Offset, end, fmt.Sprintf("the scales of %q are out of order or repeated; write each scale once, the largest first, as in \"1億5000万\"", n.text(i))}
	}
	if v.Cmp(above) >= 0 {
		one := "1" + placeName(prev.Text)
		return &Error{start, end, fmt.Sprintf("%q after %s is %s or more; write what is left below %s, as in \"2万5000\" for 25,000", p.Text, prev.Text, one, one)}
	}
	return nil
}

// text is the numeral's text up to and including part i.
func (n *numeralAST) text(i int) string {
	var b strings.Builder
	for _, p := range n.Parts[:i+1] {
		b.WriteString(p.Text)
	}
	return b.String()
}

// placeName is the scale a part ends with when it is a place ("万" for
// "2千万"), "" otherwise.
func placeName(text string) string {
	for _, p := range places {
		if strings.HasSuffix(text, p) {
			return p
		}
	}
	return ""
}

// placeOf is the value of the place a part ends with: 10,000 for "2千万",
// 1 for a part without one.
func placeOf(text string) *big.Rat {
	if p := placeName(text); p != "" {
		return scales[p]
	}
	return rat(1, 1)
}

// scaleSuffixes are the scales a Number token may end with; "bn" before
// "B" so that "3bn" is not read as "3b" and "n".
var scaleSuffixes = []string{"bn", "k", "K", "M", "B", "千", "万", "億", "兆"}

// splitScale splits a Number token into its digits and its scale: "2.4M"
// is "2.4" and 10^6, "2千万" is "2" and 10^7; the scale is nil without
// one.
func splitScale(text string) (string, *big.Rat) {
	for _, suffix := range scaleSuffixes {
		digits, ok := strings.CutSuffix(text, suffix)
		if !ok {
			continue
		}
		scale := scales[suffix]
		if suffix == "万" || suffix == "億" || suffix == "兆" {
			for sub, f := range subScales {
				if d, ok := strings.CutSuffix(digits, sub); ok {
					return d, new(big.Rat).Mul(scale, f)
				}
			}
		}
		return digits, scale
	}
	return text, nil
}
