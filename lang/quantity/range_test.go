package quantity

import (
	"math/big"
	"strings"
	"testing"
)

// rangeCase is a range string and what ParseRange reads: the exact
// canonical values of its ends and their midpoint (as big.Rat reads
// them), the unit of its low end (Unit.String) and whether it is bare.
type rangeCase struct {
	in, lo, hi, mid, unit string
	bare                  bool
}

var rangeCases = []rangeCase{
	// every separator
	{"20% to 30%", "1/5", "3/10", "1/4", "%", false},
	{"20% TO 30%", "1/5", "3/10", "1/4", "%", false},
	{"20%..30%", "1/5", "3/10", "1/4", "%", false},
	{"20% .. 30%", "1/5", "3/10", "1/4", "%", false},
	{"20%〜30%", "1/5", "3/10", "1/4", "%", false}, // wave dash
	{"20%～30%", "1/5", "3/10", "1/4", "%", false}, // full-width tilde
	{"20%~30%", "1/5", "3/10", "1/4", "%", false},
	{"20% ~ 30%", "1/5", "3/10", "1/4", "%", false},
	{"20%　to　30%", "1/5", "3/10", "1/4", "%", false}, // ideographic spaces
	{"20%\tto\t30%", "1/5", "3/10", "1/4", "%", false},
	// the Japanese shorthand: the low end borrows the high end's scale and unit
	{"3〜5万円", "30000", "50000", "40000", "JPY", false},
	{"3 to 5万円", "30000", "50000", "40000", "JPY", false},
	{"３〜５万円", "30000", "50000", "40000", "JPY", false},
	{"３～５万円", "30000", "50000", "40000", "JPY", false},
	{"20〜30%", "1/5", "3/10", "1/4", "%", false},
	{"1.5〜2億円", "150000000", "200000000", "175000000", "JPY", false},
	{"0.5〜1%", "1/200", "1/100", "3/400", "%", false},
	{"3〜5万", "30000", "50000", "40000", "%", true},
	{"-10 to -5%", "-1/10", "-1/20", "-3/40", "%", false},
	{"3 to $5k", "3000", "5000", "4000", "USD", false},
	{"2 to 3 months", "2", "3", "5/2", "months", false},
	{"30〜月40件", "30", "40", "35", "件/month", false},
	// a low end with a scale of its own, or a mixed numeral, borrows the unit only
	{"20万〜30万円", "200000", "300000", "250000", "JPY", false},
	{"8000〜1万2000円", "8000", "12000", "10000", "JPY", false},
	// both ends written in full
	{"1万2000円 .. 1万8000円", "12000", "18000", "15000", "JPY", false},
	{"¥30,000 to ¥50,000", "30000", "50000", "40000", "JPY", false},
	{"¥2.4M to ¥3M", "2400000", "3000000", "2700000", "JPY", false},
	{"８０％〜９０％", "4/5", "9/10", "17/20", "%", false},
	{"100万円 to 1億円", "1000000", "100000000", "50500000", "JPY", false},
	{"-5% to 5%", "-1/20", "1/20", "0", "%", false},
	{"5% to 5%", "1/20", "1/20", "1/20", "%", false},
	// 90 days are 90 x 12/365 = 216/73 months; (216/73 + 438/73) / 2 = 327/73
	{"90 days to 6 months", "216/73", "6", "327/73", "days", false},
	// both ends bare
	{"20 to 30", "20", "30", "25", "%", true},
	{"2,400 to 3,000", "2400", "3000", "2700", "%", true},
}

// rangeErrors are strings with a separator that are no range, with the
// bytes [start, end) of the string as written that the error points at
// and a part of its message.
var rangeErrors = []errorCase{
	// reversed
	{"30% to 20%", 0, 10, `the low end comes first: write "20% to 30%"`},
	{"30%〜20%", 0, 9, `write "20%〜30%"`},
	{"500〜1万円", 0, 13, `"500" reads as "500万円"`},
	// units that differ
	{"20% to 3万円", 0, 14, `the low end is in "%" and the high end is in "JPY"`},
	{"¥3万 to $5万", 0, 15, `in "JPY" and the high end is in "USD"`},
	{"20% to 30", 0, 9, "the high end is a number without a unit"},
	{"$1.5 to 2.5M", 0, 12, "the high end is a number without a unit"},
	{"2 months to 5 deals", 0, 19, `in "months" and the high end is in "deals"`},
	// separators
	{"20% to 30% to 40%", 11, 13, `"to" is a second separator`},
	{"1〜2〜3", 5, 8, "second separator"},
	{"20%..30%~40%", 8, 9, "second separator"},
	{"20% to 30%..40%", 10, 12, "second separator"},
	{"1...5", 1, 4, "write two dots"},
	// A mistyped decimal point is no range: read as one, "4..8億円" would
	// move a target to its midpoint.
	{"4..8億円", 1, 3, "for a decimal point write one (\"4.8億円\")"},
	{"1..5", 1, 3, "two dots between digits"},
	// an end missing
	{" .. 30%", 1, 3, `no low end before ".."`},
	{"20% to ", 4, 6, `no high end after "to"`},
	{"20% to", 4, 6, "no high end"},
	{"〜5万円", 0, 3, "no low end"},
	{"20%〜", 3, 6, "no high end"},
	{"..", 0, 2, "no low end"},
	// an end that is no quantity, at its bytes in the whole string
	{"20% to 4.8億円です", 13, 22, "not a unit"},
	{"1万 5000円 .. 2万円", 4, 9, "together"},
	{"1万円 .. 2万 5000円", 15, 20, "together"},
	{"2.4 M to 3M", 4, 5, "without a space"},
	{"８０％ to ９０％％", 22, 25, "unexpected"},
}

// rangeNone are strings without a separator: ParseRange leaves them to
// Parse. A hyphen is a minus sign, and "to" is a word only between spaces.
var rangeNone = []string{"30%", "-5%", "1 - 2", "20%-30%", "20%to30%", "tokyo", "Toyota 5", "", "4.8億円"}

func TestParseRange(t *testing.T) {
	for _, tt := range rangeCases {
		r, ok, err := ParseRange(tt.in)
		if !ok || err != nil {
			t.Errorf("ParseRange(%q) = ok %v, %v", tt.in, ok, err)
			continue
		}
		lo, hi, mid := wantRat(t, tt.lo), wantRat(t, tt.hi), wantRat(t, tt.mid)
		if r.Lo.Value.Cmp(lo) != 0 || r.Hi.Value.Cmp(hi) != 0 || r.Mid().Cmp(mid) != 0 {
			t.Errorf("ParseRange(%q) = %s to %s, mid %s; want %s to %s, mid %s", tt.in,
				r.Lo.Value.RatString(), r.Hi.Value.RatString(), r.Mid().RatString(), tt.lo, tt.hi, tt.mid)
		}
		if r.Lo.Unit.String() != tt.unit || !r.Hi.Unit.Same(r.Lo.Unit) || r.Lo.Bare != tt.bare || r.Hi.Bare != tt.bare {
			t.Errorf("ParseRange(%q) = %s (bare %v) to %s (bare %v); want %s (bare %v)", tt.in,
				r.Lo.Unit, r.Lo.Bare, r.Hi.Unit, r.Hi.Bare, tt.unit, tt.bare)
		}
	}
}

func wantRat(t *testing.T, s string) *big.Rat {
	t.Helper()
	v, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("bad value %q", s)
	}
	return v
}

func TestParseRangeErrors(t *testing.T) {
	for _, tt := range rangeErrors {
		_, ok, err := ParseRange(tt.in)
		if !ok || err == nil {
			t.Errorf("ParseRange(%q) = ok %v, no error", tt.in, ok)
			continue
		}
		checkError(t, tt.in, err)
		if err.Start != tt.start || err.End != tt.end || !strings.Contains(err.Msg, tt.msg) {
			t.Errorf("ParseRange(%q) = error %d-%d %q, want %d-%d containing %q", tt.in, err.Start, err.End, err.Msg, tt.start, tt.end, tt.msg)
		}
	}
}

func TestParseRangeNone(t *testing.T) {
	for _, s := range rangeNone {
		if _, ok, err := ParseRange(s); ok || err != nil {
			t.Errorf("ParseRange(%q) = ok %v, %v; want no range", s, ok, err)
		}
	}
}

// TestParseRangeMemo checks that the remembered result is the one read
// afresh.
func TestParseRangeMemo(t *testing.T) {
	for _, tt := range rangeCases {
		a, _, _ := ParseRange(tt.in)
		b, _, _ := parseRange(tt.in)
		if a.Lo.Value.Cmp(b.Lo.Value) != 0 || a.Hi.Value.Cmp(b.Hi.Value) != 0 || a.Lo.Unit != b.Lo.Unit {
			t.Errorf("ParseRange(%q) differs from parseRange", tt.in)
		}
	}
}
