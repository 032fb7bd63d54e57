package quantity

import (
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// minorDigits is how many decimals a currency shows; absent means 2.
var minorDigits = map[string]int{"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "IDR": 0, "HUF": 0}

var symbolOf = map[string]string{"JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£"}

// Format renders a canonical value in its unit for people: "¥158,877,000",
// "30%", "2,286", "90 days", "¥80,000/month". A rate shows per its own
// time unit ("¥1,800,000/year", not the canonical ¥150,000 a month).
// Money shows the currency's minor digits, ratios up to two decimals as a
// percentage, counts as whole numbers when they are whole. Rounding is
// half away from zero and happens only here, never in the solver.
func Format(v *big.Rat, u Unit) string {
	switch {
	case u.IsRatio() && u.Plain:
		return Decimal(v, 2, true)
	case u.IsRatio():
		return Decimal(new(big.Rat).Mul(v, big.NewRat(100, 1)), 2, true) + "%"
	case u.IsMoney():
		return money(v, u)
	case u.Money == 1 && u.Time == -1 && u.Count == 0:
		return money(perTime(v, u), u) + "/" + u.timeName()
	case u.IsTime():
		n := inTimeUnit(v, u.TimeName)
		name := u.timeName()
		if n.Cmp(big.NewRat(1, 1)) == 0 {
			name = strings.TrimSuffix(name, "s") // 1 year, not 1 years
		}
		return Decimal(n, 1, true) + " " + name
	case u.IsCount():
		return Decimal(v, 2, true)
	}
	return Decimal(perTime(v, u), 2, true) + " " + u.String()
}

func money(v *big.Rat, u Unit) string {
	digits, ok := minorDigits[u.Currency]
	if !ok {
		digits = 2
	}
	text := Decimal(v, digits, false)
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimPrefix(text, "-")
	sign := ""
	if neg {
		sign = "-"
	}
	if sym, ok := symbolOf[u.Currency]; ok {
		return sign + sym + text
	}
	return sign + text + " " + u.Currency
}

func inTimeUnit(months *big.Rat, name string) *big.Rat {
	n := timeNames[name]
	if n.scale == nil {
		return months
	}
	return new(big.Rat).Quo(months, n.scale)
}

// Decimal renders v with group separators and the given number of
// decimals, rounding half away from zero. With trim, trailing zero decimals
// are dropped ("30", not "30.00").
func Decimal(v *big.Rat, decimals int, trim bool) string {
	s := roundHalfAway(v, decimals)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if trim {
		frac = strings.TrimRight(frac, "0")
	}
	out := group(intPart)
	if frac != "" {
		out += "." + frac
	}
	if neg && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return out
}

// roundHalfAway is |v| rounded half away from zero to decimals places, in
// digits with the point, signed as v.
func roundHalfAway(v *big.Rat, decimals int) string {
	var s string
	if q, ok := roundWords(v, decimals); ok {
		s = strconv.FormatUint(q, 10)
	} else {
		s = roundBig(v, decimals).String()
	}
	if decimals > 0 {
		for len(s) <= decimals {
			s = "0" + s
		}
		s = s[:len(s)-decimals] + "." + s[len(s)-decimals:]
	}
	if v.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// roundBig is |v| x 10^decimals rounded half up, in math/big.
func roundBig(v *big.Rat, decimals int) *big.Int {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	x := new(big.Rat).Mul(v, new(big.Rat).SetInt(scale))
	x.Abs(x)
	x.Add(x, big.NewRat(1, 2))
	return new(big.Int).Quo(x.Num(), x.Denom())
}

// roundWords is roundBig in machine words, for the values a plan shows
// (tens of thousands of them in the JSON of a large plan): floor((2|n| x
// 10^decimals + d) / 2d) with a 128-bit product. ok is false when an
// operand or the result does not fit.
func roundWords(v *big.Rat, decimals int) (q uint64, ok bool) {
	nw, dw := v.Num().Bits(), v.Denom().Bits()
	if decimals >= len(pow10) || len(nw) > 1 || len(dw) != 1 || bits.UintSize != 64 {
		return 0, false
	}
	var n uint64
	if len(nw) == 1 {
		n = uint64(nw[0])
	}
	d := uint64(dw[0])
	hi, lo := bits.Mul64(n, pow10[decimals])
	if hi>>63 != 0 || d>>63 != 0 {
		return 0, false
	}
	hi, lo = hi<<1|lo>>63, lo<<1
	lo, carry := bits.Add64(lo, d, 0)
	hi += carry
	if hi >= 2*d {
		return 0, false
	}
	q, _ = bits.Div64(hi, lo, 2*d)
	return q, true
}

// pow10 holds the powers of ten that fit in a uint64.
var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
