package quantity

import "testing"

// TestParseFullWidth: full-width forms, as a Japanese IME types them, read
// as their ASCII forms (NFKC).
func TestParseFullWidth(t *testing.T) {
	wantParses(t, []parseCase{
		{"80％", "4/5", "%", false},           // 80/100
		{"８０％", "4/5", "%", false},           // 80/100
		{"１２．５％", "1/8", "%", false},         // 12.5/100
		{"30　%", "3/10", "%", false},         // ideographic space
		{"１，２００", "1200", "%", true},         // 1,200
		{"１，２００．５円", "2401/2", "JPY", false}, // 1,200.5
		{"１．５万円", "15000", "JPY", false},     // 1.5 x 10,000
		{"￥１５，０００", "15000", "JPY", false},   // full-width yen sign
		{"３ｶ月", "3", "months", false},        // half-width katakana
		{"３００　ＳＡＬｓ", "300", "SALs", false},   // full-width letters
		{"－５％", "-1/20", "%", false},         // full-width minus: -5/100
	})
}

// TestParseFullWidthErrors: an error after full-width characters points
// at what was typed, not at the folded string: "８０％" is 9 bytes, folded
// to the 3 of "80%".
func TestParseFullWidthErrors(t *testing.T) {
	wantErrors(t, []errorCase{
		{"８０％です", 9, 15, `unexpected "です"`},
		{"２．４　Ｍ", 12, 15, `"M" is a scale`},
		{"１２ＪＰＹ／／月", 18, 24, `unexpected "/月"`}, // the second slash and on
		// Compatibility characters other than width variants are not
		// folded: "5²" is not 52, nor "①" 1.
		{"5²", 1, 3, "unexpected"},
		{"①万円", 0, 9, "unexpected character '①'"},
		{"٣٠%", 0, 5, "not a digit planc reads"},
	})
}

// TestFoldPositions checks the map from folded offsets back to the
// string as written, inside and at the edges of folded parts.
func TestFoldPositions(t *testing.T) {
	f := fold("a８b") // folded "a8b": "８" is 3 bytes at 1..4
	if f.text != "a8b" {
		t.Fatalf("fold = %q", f.text)
	}
	for _, tt := range []struct {
		at       int
		end      bool
		original int
	}{
		{0, false, 0}, {1, false, 1}, {1, true, 1}, {2, false, 4}, {2, true, 4}, {3, true, 5},
	} {
		if got := f.orig(tt.at, tt.end); got != tt.original {
			t.Errorf("orig(%d, %v) = %d, want %d", tt.at, tt.end, got, tt.original)
		}
	}
	g := fold("ｶﾞ1") // two characters folded into one, "ガ" (3 bytes)
	if g.text != "ガ1" || g.orig(3, false) != 6 || g.orig(1, true) != 6 || g.orig(1, false) != 0 {
		t.Errorf("fold(ｶﾞ1) = %q, %v", g.text, g.spans)
	}
	if s := "4.8億円"; fold(s).spans != nil || fold(s).text != s {
		t.Errorf("fold changed %q", s)
	}
}

// TestParseUnitFullWidth: unit expressions fold too.
func TestParseUnitFullWidth(t *testing.T) {
	wantUnit(t, "ＪＰＹ", "JPY", "1")
	wantUnit(t, "万円／月", "JPY/month", "10000")
	if _, _, err := ParseUnit("ＪＰＹ／／月"); err == nil || err.Start != 12 || err.End != 18 {
		t.Errorf("ParseUnit(ＪＰＹ／／月) = %v, want an error at the second slash and on, 12-18", err)
	}
}
