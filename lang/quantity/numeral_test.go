package quantity

import "testing"

// TestParseMixedNumerals: numbers written the Japanese way, largest scale
// first, with the computation of each exact value.
func TestParseMixedNumerals(t *testing.T) {
	wantParses(t, []parseCase{
		{"1万5000円", "15000", "JPY", false},            // 1 x 10,000 + 5,000
		{"2億4000万円", "240000000", "JPY", false},       // 2 x 10^8 + 4,000 x 10^4
		{"1億2000万", "120000000", "%", true},           // 1 x 10^8 + 2,000 x 10^4
		{"3億円", "300000000", "JPY", false},            // 3 x 10^8
		{"1兆2億3万4円", "1000200030004", "JPY", false},   // 10^12 + 2 x 10^8 + 3 x 10^4 + 4
		{"1億2,345万6,789円", "123456789", "JPY", false}, // 10^8 + 2,345 x 10^4 + 6,789
		{"2千万円", "20000000", "JPY", false},            // 2 x 1,000 x 10,000
		{"1億5千万円", "150000000", "JPY", false},         // 10^8 + 5 x 1,000 x 10^4
		{"1万5千円", "15000", "JPY", false},              // 10,000 + 5 x 1,000
		{"5千3", "5003", "%", true},                    // 5 x 1,000 + 3
		{"1万500", "10500", "%", true},                 // 10,000 + 500
		{"-1万5000円", "-15000", "JPY", false},          // -(10,000 + 5,000)
		{"¥1万5000", "15000", "JPY", false},            // a symbol before a mixed numeral
		{"1万5000 leads", "15000", "leads", false},     // a count
		{"１万５０００円", "15000", "JPY", false},            // full-width
		{"1百万円", "1000000", "JPY", false},             // 1 x 100 x 10,000
		{"2.4百万", "2400000", "%", true},               // 2.4 x 100 x 10,000
		{"1万0円", "10000", "JPY", false},               // 10,000 + 0
		{"4.8億 円", "480000000", "JPY", false},         // a scale on the number only
		{"4.8 億円", "480000000", "JPY", false},         // a scale on the unit only
	})
}

// TestParseMixedNumeralErrors: what is refused so that a number has one
// reading, with the message and the bytes it points at.
func TestParseMixedNumeralErrors(t *testing.T) {
	wantErrors(t, []errorCase{
		// Scales out of order or repeated: the numeral up to that part.
		{"5000万1億", 0, 11, `the scales of "5000万1億" are out of order`},
		{"1万2万円", 0, 8, "out of order or repeated"},
		{"1万1億", 0, 8, "out of order"},
		{"1万0億", 0, 8, "out of order"},
		// A part not below the scale before it: that part.
		{"1万15000円", 4, 9, `"15000" after 1万 is 1万 or more`},
		{"1億10000万円", 4, 12, `"10000万" after 1億 is 1億 or more`},
		// Decimals, exponents and Western scales in a mixed numeral.
		{"1万5000.5円", 4, 10, `several scales ("1万5000.5") is whole`},
		{"1.5万5000", 0, 6, "is whole in every part"},
		{"1万5e3", 4, 7, "is whole in every part"},
		{"1万5k", 4, 6, "k, M and B do not mix"},
		// Parts apart: from the end of one to the end of the next.
		{"1万 5000円", 4, 9, `without a space: "1万5000"`},
		{"5 10", 2, 4, `unexpected "10"`},
		// Japanese numerals that are no scale, and scales apart from the
		// number: "1万5百" is not 10,005 counted as 百.
		{"5百", 1, 4, "not a scale planc reads"},
		{"1万5百", 5, 8, "not a scale planc reads"},
		{"1十万", 1, 7, "not a scale planc reads"},
		{"5 百万", 2, 8, `"百万" is a scale; write it right after the number`},
		// Two scales: a scaled number and a scaled yen word.
		{"4.8億万円", 6, 12, "already has a scale"},
		{"1万5000 億円", 9, 15, "already has a scale"},
		// In full width, the bytes as typed.
		{"１万５０００．５円", 6, 24, "is whole in every part"},
		{"１万　５０００", 6, 21, "without a space"},
	})
}
