package display_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

func TestNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"480000000", "480000000"},
		{"3/10", "0.3"},
		{"16000/7", "2285.714285714286"},
		{"-1/3", "-0.333333333333"},
		{"0", "0"},
	}
	for _, tt := range tests {
		r, _ := new(big.Rat).SetString(tt.in)
		if got := display.Number(r).String(); got != tt.want {
			t.Errorf("Number(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	in := "a\x00b\x7f\xffc\t日本"
	got := display.Printable(in)
	if got != "a?b??c\t日本" || len(got) != len(in) {
		t.Errorf("Printable(%q) = %q", in, got)
	}
}

// TestSnippet: a snippet shows the range's line with carets under the
// range; a line wider than maxColumns (120) is cut around the range with
// "..." for each side cut, so that a message about a 20,000-term formula
// stays a few lines long.
func TestSnippet(t *testing.T) {
	long := "  formula = " + strings.Repeat("kpi.a + ", 2000) + "kpi.b" // 16,017 columns
	at := strings.Index(long, "kpi.b")
	snippet := func(text, marks string) string { return "  |\n1 | " + text + "\n  | " + marks }
	tests := []struct {
		name     string
		line     string
		from, to int // byte offsets of the range in the line
		want     string
	}{
		// "1億円" in quotes is 9 bytes and 7 columns, 8 columns in.
		{"short", `  cap = "1億円"`, 8, 17, snippet(`  cap = "1億円"`, strings.Repeat(" ", 8)+"^^^^^^^")},
		// A tab is four columns: "1" is at column 4 + 6.
		{"tab", "\tcpa = 1", 7, 8, snippet("    cpa = 1", strings.Repeat(" ", 10)+"^")},
		// The range starts at column 812; the window is columns 772..891,
		// and the carets sit 40 columns in, after the ellipsis.
		{"cut both sides", long, 812, 817,
			snippet("..."+long[772:892]+"...", strings.Repeat(" ", 3+40)+"^^^^^")},
		// At the end, the window is the last 120 columns (15,897..16,016);
		// kpi.b starts at 16,012.
		{"cut before", long, at, at + 5,
			snippet("..."+long[len(long)-120:], strings.Repeat(" ", 3+16012-15897)+"^^^^^")},
		// From column 2 to the end: nothing cut before, and the carets stop
		// at the cut, column 120.
		{"cut after", long, 2, len(long),
			snippet(long[:120]+"...", "  "+strings.Repeat("^", 120-2))},
		// Wide characters are two columns: the range is character 40
		// (column 80); the window is columns 40..159, characters 20..79.
		{"wide", strings.Repeat("計", 100), 3 * 40, 3 * 41,
			snippet("..."+strings.Repeat("計", 60)+"...", strings.Repeat(" ", 3+40)+"^^")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]*hcl.File{"a.plan.hcl": {Bytes: []byte(tc.line + "\n")}}
			r := hcl.Range{Filename: "a.plan.hcl",
				Start: hcl.Pos{Line: 1, Byte: tc.from}, End: hcl.Pos{Line: 1, Byte: tc.to}}
			if got := display.Snippet(r, files); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestTerminal: what comes from a plan reaches a terminal without the
// characters that would let it rewrite the screen: an escape sequence that
// erases the line and prints "0 errors", a bare carriage return, C1
// controls, bidirectional overrides, bytes that are not UTF-8. Line ends
// and tabs stay; Printable replaces line ends too.
func TestTerminal(t *testing.T) {
	for in, want := range map[string]string{
		"plain 計画\tok\n":             "plain 計画\tok\n",
		"\x1b[2K\r0 errors\n":        "?[2K?0 errors\n",
		"a\r\nb":                     "a\r\nb",
		"csi \u009b2K":               "csi ??2K",
		"rtl \u202eevil\u202c":       "rtl ???evil???",
		"bad \xff byte":              "bad ? byte",
		"isolate \u2066x\u2069 done": "isolate ???x??? done",
	} {
		if got := display.Terminal(in); got != want {
			t.Errorf("Terminal(%q) = %q, want %q", in, got, want)
		}
	}
	if got := display.Printable("a\nb"); got != "a?b" {
		t.Errorf("Printable kept a line end: %q", got)
	}
}

// TestParts: parts rounded as shown add up to their total shown. Three
// thirds of 100 leads (33.333...) show as 33.34, 33.33 and 33.33 (the
// first takes the 0.01 left over, ties to the first): 100. Yen have no
// decimals: 24,000,000.5 + 95,999,999.5 = 120,000,000, shown 24,000,001
// (the tie goes to the first) and 95,999,999.
func TestParts(t *testing.T) {
	third := big.NewRat(100, 3)
	parts, total := display.Parts([]*big.Rat{third, third, third}, quantity.CountOf("leads"))
	if got := ratStrings(parts); got != "1667/50 3333/100 3333/100" || total.RatString() != "100" {
		t.Errorf("thirds: %s = %s", got, total.RatString())
	}
	yen := quantity.Money("JPY")
	parts, total = display.Parts([]*big.Rat{big.NewRat(48000001, 2), big.NewRat(191999999, 2)}, yen)
	if got := ratStrings(parts); got != "24000001 95999999" || total.RatString() != "120000000" {
		t.Errorf("yen: %s = %s", got, total.RatString())
	}
	// Shares of 1/3 each are 33.33% + 33.33% + 33.34%... ties to the first.
	parts, total = display.Parts([]*big.Rat{big.NewRat(1, 3), big.NewRat(1, 3), big.NewRat(1, 3)}, quantity.Ratio)
	if got := ratStrings(parts); got != "1667/5000 3333/10000 3333/10000" || total.RatString() != "1" {
		t.Errorf("shares: %s = %s", got, total.RatString())
	}
	if _, total := display.Parts([]*big.Rat{third, nil}, quantity.Count); total != nil {
		t.Errorf("an unknown part gives a total %s", total.RatString())
	}
}

func ratStrings(rs []*big.Rat) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.RatString())
	}
	return strings.Join(out, " ")
}
