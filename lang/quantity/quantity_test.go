package quantity

import (
	"math/big"
	"strings"
	"testing"
)

// parseCase is a quantity string and what Parse reads: its exact
// canonical value (as big.Rat reads it), its unit (Unit.String) and
// whether it is bare.
type parseCase struct {
	in, value, unit string
	bare            bool
}

// wantParses checks each case.
func wantParses(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, tt := range cases {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		want, ok := new(big.Rat).SetString(tt.value)
		if !ok {
			t.Fatalf("bad value %q", tt.value)
		}
		if q.Value.Cmp(want) != 0 || q.Unit.String() != tt.unit || q.Bare != tt.bare {
			t.Errorf("Parse(%q) = %s %s bare=%v, want %s %s bare=%v", tt.in, q.Value.RatString(), q.Unit, q.Bare, tt.value, tt.unit, tt.bare)
		}
	}
}

// errorCase is a string Parse refuses, with the bytes [start, end) of the
// string as written that the error points at and a part of its message.
type errorCase struct {
	in         string
	start, end int
	msg        string
}

// wantErrors checks each case.
func wantErrors(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, tt := range cases {
		_, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q): no error", tt.in)
			continue
		}
		if err.Start != tt.start || err.End != tt.end || !strings.Contains(err.Msg, tt.msg) {
			t.Errorf("Parse(%q) = error %d-%d %q, want %d-%d containing %q", tt.in, err.Start, err.End, err.Msg, tt.start, tt.end, tt.msg)
		}
	}
}

func TestParse(t *testing.T) {
	wantParses(t, []parseCase{
		{"2,400,000", "2400000", "%", true},
		{"2_400_000", "2400000", "%", true},
		{"4.8億円", "480000000", "JPY", false},
		{"1億円", "100000000", "JPY", false},
		{"120万", "1200000", "%", true},
		{"120万円", "1200000", "JPY", false},
		{"3千", "3000", "%", true},
		{"1兆円", "1000000000000", "JPY", false},
		{"2,400,000 JPY", "2400000", "JPY", false},
		{"2.4M JPY", "2400000", "JPY", false},
		{"¥2.4M", "2400000", "JPY", false},
		{"￥15,000", "15000", "JPY", false},
		{"$20k", "20000", "USD", false},
		{"€1.5K", "1500", "EUR", false},
		{"£3bn", "3000000000", "GBP", false},
		{"5B USD", "5000000000", "USD", false},
		{"30%", "3/10", "%", false},
		{"29%", "29/100", "%", false},
		{"0.5%", "1/200", "%", false},
		{"-5%", "-1/20", "%", false},
		{"3 months", "3", "months", false},
		{"1 year", "12", "years", false},
		{"2 quarters", "6", "quarters", false},
		{"90 days", "216/73", "days", false},
		{"200 deals", "200", "deals", false},
		{"1,200 leads", "1200", "leads", false},
		{"50 社", "50", "社", false},
		{"5,000 JPY/month", "5000", "JPY/month", false},
		{"1.5e3", "1500", "%", true},
		{"100 万円", "1000000", "JPY", false},
		{"12Months", "12", "Months", false},
	})
}

func TestParseErrors(t *testing.T) {
	wantErrors(t, []errorCase{
		{"", 0, 0, "empty"},
		{"JPY", 0, 3, "unexpected"},
		{"2.4 M", 4, 5, "without a space"},
		{"1e999999999", 1, 11, "exponent"},
		{strings.Repeat("9", 46), 0, 46, "at most 45 digits; this one has 46"},
		{"1," + strings.Repeat("000,", 15) + "000.5 JPY", 0, 67, "this one has 50"},
		{"2,40,000", 0, 8, "separators"},
		{"1,,000", 0, 6, "separators"},
		{"¥5 USD", 0, 2, "symbol"},
		{"12 JPY//month", 7, 13, "unexpected"},
		{"30% extra", 4, 9, "unexpected"},
		{"5 m^9", 2, 5, "exponent"},
		{"4.8億円です", 6, 15, "not a unit"},
		{"4.8億万円", 6, 12, "already has a scale"},
	})
}

// wantUnit checks one unit expression against its unit and factor.
func wantUnit(t *testing.T, in, unit, scale string) {
	t.Helper()
	u, factor, err := ParseUnit(in)
	if err != nil {
		t.Errorf("ParseUnit(%q): %v", in, err)
		return
	}
	if u.String() != unit || factor.RatString() != scale {
		t.Errorf("ParseUnit(%q) = %s x%s, want %s x%s", in, u, factor.RatString(), unit, scale)
	}
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in, unit, scale string
	}{
		{"JPY", "JPY", "1"},
		{"円", "JPY", "1"},
		{"万円", "JPY", "10000"},
		{"億円", "JPY", "100000000"},
		{"%", "%", "1/100"},
		{"deals", "deals", "1"},
		{"months", "months", "1"},
		{"days", "days", "12/365"},
		{"JPY/month", "JPY/month", "1"},
		{"JPY/user/month", "JPY/month", "1"},
		{"leads/month", "leads/month", "1"},
		{"leads/(rep*month)", "1/month", "1"},
		{"month^2", "month*month", "1"},
	}
	for _, tt := range tests {
		u, scale, err := ParseUnit(tt.in)
		if err != nil {
			t.Errorf("ParseUnit(%q): %v", tt.in, err)
			continue
		}
		if u.String() != tt.unit || scale.RatString() != tt.scale {
			t.Errorf("ParseUnit(%q) = %s x%s, want %s x%s", tt.in, u, scale.RatString(), tt.unit, tt.scale)
		}
	}
}

func TestUnitAlgebra(t *testing.T) {
	jpy := Money("JPY")
	deals := CountOf("deals")
	tests := []struct {
		name string
		got  Unit
		want Unit
	}{
		{"deals x JPY = JPY", deals.Mul(jpy), jpy},
		{"JPY / deals = JPY", jpy.Div(deals), jpy},
		{"count x ratio = count", deals.Mul(Ratio), deals},
		{"count / ratio = count", deals.Div(Ratio), deals},
		{"count / count = ratio", deals.Div(CountOf("leads")), Ratio},
		{"JPY / JPY = ratio", jpy.Div(jpy), Ratio},
		{"JPY/month x months = JPY", jpy.Div(Time).Mul(Time), jpy},
	}
	for _, tt := range tests {
		if !tt.got.Same(tt.want) {
			t.Errorf("%s: got %s", tt.name, tt.got)
		}
	}
	if jpy.Same(Money("USD")) {
		t.Error("JPY and USD must not be the same unit")
	}
	if jpy.Same(jpy.Div(Time)) {
		t.Error("JPY and JPY/month must not be the same unit")
	}
}

func TestFormat(t *testing.T) {
	r := func(s string) *big.Rat { v, _ := new(big.Rat).SetString(s); return v }
	tests := []struct {
		v    string
		u    Unit
		want string
	}{
		{"158877000", Money("JPY"), "¥158,877,000"},
		{"58877000", Money("JPY"), "¥58,877,000"},
		{"1234.5", Money("JPY"), "¥1,235"},
		{"1234.5", Money("USD"), "$1,234.50"},
		{"-1500", Money("JPY"), "-¥1,500"},
		{"99.995", Money("CNY"), "100.00 CNY"},
		{"3/10", Ratio, "30%"},
		{"2/7", Ratio, "28.57%"},
		{"2286", CountOf("deals"), "2,286"},
		{"16000/7", Count, "2,285.71"},
		{"216/73", Unit{Time: 1, TimeName: "days"}, "90 days"},
		{"20", Time, "20 months"},
		{"80000", Money("JPY").Div(Time), "¥80,000/month"},
		// A rate shows per its own time: 150,000 a month x 12 = 1,800,000 a year.
		{"150000", Money("JPY").Div(Unit{Time: 1, TimeName: "years"}), "¥1,800,000/year"},
		{"10/3", CountOf("件").Div(Unit{Time: 1, TimeName: "years"}), "40 件/year"},
		{"0", Money("JPY"), "¥0"},
	}
	for _, tt := range tests {
		if got := Format(r(tt.v), tt.u); got != tt.want {
			t.Errorf("Format(%s, %s) = %q, want %q", tt.v, tt.u, got, tt.want)
		}
	}
}
