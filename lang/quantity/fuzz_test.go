package quantity

import (
	"math/big"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// quantitySeeds are valid and invalid quantity strings; fuzzing starts from
// them.
var quantitySeeds = []string{
	// valid
	"4.8億円", "1億円", "120万", "120万円", "3千", "1兆円", "2,400,000", "2_400_000",
	"2,400,000 JPY", "2.4M JPY", "¥2.4M", "¥2,400,000", "$1,234.50", "$20k", "€3.5bn",
	"£1B", "5B USD", "100.00 CNY", "-¥1,500", "1.5e3", "30%", "0.5%", "28.57%", "-5%",
	"90 days", "3 months", "1 year", "2 quarters", "12Months", "200 deals", "1,200 leads",
	"50 社", "5,000 JPY/month", "0", "99.995", " 5 ",
	// invalid
	"", " ", "1e999999999", "1e-999999999", "1E+999999999999999999999", "2.4 M JPY",
	"4..8億円", "4.8億万円", "4.8億円です", "1,,000", "2,40,000", "30% extra", "30%%",
	"¥¥2", "12 JPY//month", "5 m^9", "0x10", "1/2", "NaN", "Inf", "-", "+", ".", ",",
	"%", "円", "万", "¥", "e5", "1e", "1e+", "9999999999999999999999999999999999999999",
	"0.000000000000000000000000000000000000001",
	"\x00", "\xff\xfe", "4.8\xe5億", "１２０万", "٣٠%", "1\u00a0000", "1\u202e0",
	// Japanese input as typed: full-width forms
	"80％", "８０％", "１２．５％", "１，２００．５円", "30　%", "３ｶ月", "ｶﾞ", "－５％",
	"5²", "①万円", "８０％です",
	// mixed numerals
	"1万5000円", "2億4000万円", "1億2000万", "3億円", "2千万円", "1億2,345万6,789円",
	"5000万1億", "1万5000.5円", "1万 5000円", "1万15000", "1万5k", "1.5万5000", "5千3",
	"5百", "1万5百", "5 百万",
	// rates: a time before the number, per person-month, money per year
	"月40件", "年額120万円", "月40件/月", "40件/人月", "3人月", "80万円/人月", "180万円/年",
	"月", "毎日1", "月１万５０００円",
}

// unitSeeds are valid and invalid unit expressions.
var unitSeeds = []string{
	"JPY/month", "JPY", "USD", "円", "万円", "億円", "leads", "deals", "%", "months",
	"days", "year", "JPY/user/month", "JPY/deals", "1/month", "JPY/JPY", "社",
	"", " ", "/", "//", "deals/", "/month", "JPY//month", "JPY month", "万", "2.4M",
	"1e999999999", "m^9", "JPY/ /month", "¥", "%%", "\x00", "\xff", "ＪＰＹ",
	"件/人月", "人月", "件/(人月)", "人月^-1", "万円／月", "ｶﾞ",
}

// checkError requires a well-formed error span.
func checkError(t *testing.T, s string, e *Error) {
	t.Helper()
	if e == nil {
		return
	}
	if e.Start < 0 || e.Start > e.End || e.End > len(s) {
		t.Fatalf("%q: error span [%d, %d) outside [0, %d]: %s", s, e.Start, e.End, len(s), e.Msg)
	}
	if e.Msg == "" {
		t.Fatalf("%q: error without a message", s)
	}
	if utf8.ValidString(s) && (!utf8.ValidString(s[:e.Start]) || !utf8.ValidString(s[e.End:])) {
		t.Fatalf("%q: error span [%d, %d) splits a character", s, e.Start, e.End)
	}
}

// quick bounds one parse: a quantity string is a few dozen bytes, and
// nothing in it (such as an exponent of 999999999) may make parsing slow.
const quick = 2 * time.Second

// inTime runs f and fails the test, naming s, when f does not return
// quickly; the fuzzer then records s as a crasher instead of stalling.
func inTime(t *testing.T, what, s string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		// A panic here would kill the fuzz worker without a report.
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("%s(%q) panicked: %v\n%s", what, s, p, debug.Stack())
			}
		}()
		f()
	}()
	select {
	case <-done:
	case <-time.After(quick + time.Duration(len(s))*time.Millisecond):
		t.Fatalf("%s(%q) did not return within %v", what, s, quick)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range quantitySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var q Quantity
		var err *Error
		inTime(t, "Parse", s, func() { q, err = Parse(s) })
		checkError(t, s, err)
		if err == nil && q.Value == nil {
			t.Fatalf("Parse(%q): no error and no value", s)
		}
		if err == nil {
			_ = Format(q.Value, q.Unit)
		}
	})
}

func FuzzParseUnit(f *testing.F) {
	for _, s := range unitSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var u Unit
		var factor *big.Rat
		var err *Error
		inTime(t, "ParseUnit", s, func() { u, factor, err = ParseUnit(s) })
		checkError(t, s, err)
		if err == nil && factor == nil {
			t.Fatalf("ParseUnit(%q): no error and no factor", s)
		}
		if err == nil {
			_ = u.String()
		}
	})
}

// FuzzFullWidth checks that a quantity typed in full-width forms, as a
// Japanese IME types it ("８０％"), reads as its ASCII form ("80%"): the
// same value and unit, or the same error at the same characters (each
// full-width character is three bytes where its ASCII form is one).
func FuzzFullWidth(f *testing.F) {
	for _, s := range append(quantitySeeds, "80%", "12.5 %", "1,200.5 JPY", "$20k", "2.4 M", "30% extra") {
		if printableASCII(s) {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !printableASCII(s) {
			t.Skip()
		}
		w := fullWidth(s)
		var q, qw Quantity
		var err, errw *Error
		inTime(t, "Parse", w, func() { q, err = Parse(s); qw, errw = Parse(w) })
		checkError(t, w, errw)
		switch {
		case (err == nil) != (errw == nil):
			t.Fatalf("Parse(%q) = %v, but Parse(%q) = %v", s, err, w, errw)
		case err != nil && (errw.Start != 3*err.Start || errw.End != 3*err.End || errw.Msg != err.Msg):
			t.Fatalf("Parse(%q) = error %d-%d %q, but Parse(%q) = error %d-%d %q", s, err.Start, err.End, err.Msg, w, errw.Start, errw.End, errw.Msg)
		case err == nil && (q.Value.Cmp(qw.Value) != 0 || q.Unit != qw.Unit || q.Bare != qw.Bare):
			t.Fatalf("Parse(%q) = %s %s, but Parse(%q) = %s %s", s, q.Value.RatString(), q.Unit, w, qw.Value.RatString(), qw.Unit)
		}
	})
}

// printableASCII reports whether s holds only printable ASCII and spaces.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// fullWidth types s as a Japanese IME in full-width mode would: U+FF01
// to U+FF5E for "!" to "~", and the ideographic space for " ".
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' {
			b.WriteRune('\u3000')
		} else {
			b.WriteRune(r - '!' + '！')
		}
	}
	return b.String()
}

// FuzzMixedNumeral builds mixed numerals from parts (兆, 億, 万 and a
// last part without a scale, each present or not, in order or with two
// parts swapped) and checks the exact value against the parts, or that a
// numeral whose scales do not go down, or whose part is not below the
// scale before it, is refused within the numeral.
func FuzzMixedNumeral(f *testing.F) {
	f.Add(uint64(0), uint64(0), uint64(1), uint64(5000), uint8(0b0011), uint8(0), false)       // 1万5000
	f.Add(uint64(0), uint64(2), uint64(4000), uint64(0), uint8(0b0110), uint8(0), false)       // 2億4000万
	f.Add(uint64(0), uint64(1), uint64(5000), uint64(0), uint8(0b0110), uint8(1), false)       // 5000万1億
	f.Add(uint64(0), uint64(0), uint64(1), uint64(15000), uint8(0b0011), uint8(0), true)       // １万１５０００
	f.Add(uint64(12), uint64(3456), uint64(7890), uint64(1234), uint8(0b1111), uint8(0), true) // 12兆3456億7890万1234
	f.Fuzz(func(t *testing.T, cho, oku, man, ichi uint64, mask, swap uint8, wide bool) {
		parts := mixedParts([]uint64{cho, oku, man, ichi}, mask, swap)
		if len(parts) == 0 {
			t.Skip()
		}
		var text strings.Builder
		for _, p := range parts {
			text.WriteString(p.text)
		}
		s := text.String() + "円"
		if wide {
			s = fullWidthDigits(s)
		}
		want, ok := mixedValue(parts)
		q, err := Parse(s)
		checkError(t, s, err)
		switch {
		case ok && err != nil:
			t.Fatalf("Parse(%q): %s; want %s", s, err.Msg, want.RatString())
		case ok && (q.Value.Cmp(want) != 0 || !q.Unit.IsMoney()):
			t.Fatalf("Parse(%q) = %s %s, want %s JPY", s, q.Value.RatString(), q.Unit, want.RatString())
		case !ok && err == nil:
			t.Fatalf("Parse(%q) = %s, want an error", s, q.Value.RatString())
		case !ok && err.End > len(s)-len("円"):
			t.Fatalf("Parse(%q): error %d-%d %q is not within the numeral", s, err.Start, err.End, err.Msg)
		}
	})
}

// mixedPart is one part of a mixed numeral: its digits, its scale and
// its text.
type mixedPart struct {
	digits, place *big.Rat
	text          string
}

// mixedParts makes the parts that mask chooses, largest scale first,
// with parts swap-1 and swap exchanged when both have a scale.
func mixedParts(values []uint64, mask, swap uint8) []mixedPart {
	places := []struct {
		name  string
		value *big.Rat
	}{{"兆", rat(1e12, 1)}, {"億", rat(1e8, 1)}, {"万", rat(1e4, 1)}, {"", rat(1, 1)}}
	var out []mixedPart
	for i, v := range values {
		if mask&(8>>i) != 0 {
			d := new(big.Rat).SetInt(new(big.Int).SetUint64(v))
			out = append(out, mixedPart{d, places[i].value, strconv.FormatUint(v, 10) + places[i].name})
		}
	}
	// Swap two parts with scales: a part without one moved up would run
	// into the next one's digits ("5000" "1万" is the number "50001万").
	if i := int(swap) - 1; i >= 0 && i+1 < len(out) && out[i+1].place.Cmp(rat(1, 1)) != 0 {
		out[i], out[i+1] = out[i+1], out[i]
	}
	return out
}

// mixedValue is the value of a mixed numeral, computed from its parts;
// ok is false when the numeral is to be refused: a part whose scale is
// not below the one before it, or whose value is not.
func mixedValue(parts []mixedPart) (*big.Rat, bool) {
	sum := new(big.Rat)
	for i, p := range parts {
		v := new(big.Rat).Mul(p.digits, p.place)
		if i > 0 && (p.place.Cmp(parts[i-1].place) >= 0 || v.Cmp(parts[i-1].place) >= 0) {
			return nil, false
		}
		sum.Add(sum, v)
	}
	return sum, true
}

// fullWidthDigits types the digits of s in full width.
func fullWidthDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, s)
}

// FuzzParseRange checks that ParseRange refuses what it cannot read with
// a well-formed error, that what it reads is a range (the low end not
// above the high end, both in one unit), that the remembered result is
// the one read afresh, and that a range typed in full-width forms reads
// as its ASCII form, as FuzzFullWidth checks of Parse.
func FuzzParseRange(f *testing.F) {
	for _, tt := range rangeCases {
		f.Add(tt.in)
	}
	for _, tt := range rangeErrors {
		f.Add(tt.in)
	}
	for _, s := range rangeNone {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r, fresh Range
		var ok, freshOK bool
		var err, freshErr *Error
		inTime(t, "ParseRange", s, func() { r, ok, err = ParseRange(s); fresh, freshOK, freshErr = parseRange(s) })
		checkError(t, s, err)
		if !ok && err != nil {
			t.Fatalf("ParseRange(%q): no range, but error %q", s, err.Msg)
		}
		if ok && err == nil {
			checkRange(t, s, r)
		}
		if ok != freshOK || !sameRangeError(err, freshErr) || ok && err == nil && !sameRange(r, fresh) {
			t.Fatalf("ParseRange(%q) = %v %v %v, but read afresh %v %v %v", s, r, ok, err, fresh, freshOK, freshErr)
		}
		if printableASCII(s) {
			checkFullWidthRange(t, s, r, ok, err)
		}
	})
}

// checkRange requires an ordered range in one unit that Format renders.
func checkRange(t *testing.T, s string, r Range) {
	t.Helper()
	switch {
	case r.Lo.Value == nil || r.Hi.Value == nil:
		t.Fatalf("ParseRange(%q): no error and no value", s)
	case r.Lo.Value.Cmp(r.Hi.Value) > 0:
		t.Fatalf("ParseRange(%q) = %s to %s: the low end is above the high end", s, r.Lo.Value.RatString(), r.Hi.Value.RatString())
	case !r.Lo.Unit.Same(r.Hi.Unit) || r.Lo.Bare != r.Hi.Bare:
		t.Fatalf("ParseRange(%q) = %s (bare %v) to %s (bare %v): two units", s, r.Lo.Unit, r.Lo.Bare, r.Hi.Unit, r.Hi.Bare)
	}
	_ = Format(r.Mid(), r.Lo.Unit)
}

// checkFullWidthRange requires ParseRange to read s typed in full width
// (fullWidth) as it reads s (r, ok, err), with an error at the same
// characters: three bytes for each one.
func checkFullWidthRange(t *testing.T, s string, r Range, ok bool, err *Error) {
	t.Helper()
	w := fullWidth(s)
	var rw Range
	var okw bool
	var errw *Error
	inTime(t, "ParseRange", w, func() { rw, okw, errw = ParseRange(w) })
	checkError(t, w, errw)
	switch {
	case ok != okw || (err == nil) != (errw == nil):
		t.Fatalf("ParseRange(%q) = %v %v, but ParseRange(%q) = %v %v", s, ok, err, w, okw, errw)
	case err != nil && (errw.Start != 3*err.Start || errw.End != 3*err.End || errw.Msg != err.Msg):
		t.Fatalf("ParseRange(%q) = error %d-%d %q, but ParseRange(%q) = error %d-%d %q", s, err.Start, err.End, err.Msg, w, errw.Start, errw.End, errw.Msg)
	case ok && err == nil && !sameRange(r, rw):
		t.Fatalf("ParseRange(%q) = %v, but ParseRange(%q) = %v", s, r, w, rw)
	}
}

func sameRange(a, b Range) bool {
	same := func(x, y Quantity) bool { return x.Value.Cmp(y.Value) == 0 && x.Unit == y.Unit && x.Bare == y.Bare }
	return same(a.Lo, b.Lo) && same(a.Hi, b.Hi)
}

func sameRangeError(a, b *Error) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}
