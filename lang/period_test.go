package lang

import (
	"fmt"
	"strings"
	"testing"
)

func TestPeriodMonths(t *testing.T) {
	tests := []struct {
		in   string
		want int // 0: an error
	}{
		{"2027-04 .. 2028-03", 12},
		{"2027-04..2028-03", 12},
		{"2027/04 - 2027/09", 6},
		{"2027-04 〜 2028-03", 12},
		{"2027年4月〜2028年3月", 12},
		{"2027年04月から2027年06月", 3},
		{"2027-01 to 2027-12", 12},
		{"2027-04 .. 2029-03", 24},
		{"2027-04", 1},
		{"2027-Q2", 3},
		{"2027H1", 6},
		{"2027", 12},
		{"FY2027", 12},
		{"2027年度", 12},
		// Japanese forms: halves of the fiscal year that starts in April,
		// months of one year, and what an IME types (full-width digits,
		// ～, －, ー).
		{"2027年上期", 6},          // April .. September 2027
		{"2027年下期", 6},          // October 2027 .. March 2028
		{"2027年度上期", 6},         // the same, with 年度
		{"FY2027下期", 6},         //
		{"2027年上半期", 6},         // 上半期 is 上期
		{"２０２７年上期", 6},          // full-width digits
		{"2027年4月〜9月", 6},       // 9 - 4 + 1
		{"2027年4月～9月", 6},       // full-width tilde
		{"2027年4月~9月", 6},       // ASCII tilde
		{"2027年4月-9月", 6},       // dash
		{"2027年4月ー9月", 6},       // the long vowel mark typed as a dash
		{"2027年4月 から 9月", 6},    //
		{"２０２７年４月〜９月", 6},       // full-width digits
		{"2027/4〜9月", 6},        // a slash date
		{"2027年10月〜2028年3月", 6}, // 2028 x 12 + 2 - (2027 x 12 + 9) + 1
		{"2027年10月－2028年3月", 6}, // full-width hyphen-minus
		{"２０２７年１０月〜２０２８年３月", 6}, //
		{"2027年1月〜12月", 12},     //
		{"2027年4月〜4月", 1},       //
		{"2027年10月〜3月", 0},      // ends before it starts
		{"2027年4月〜13月", 0},      // no 13th month
		{"2027年0月〜3月", 0},       // no month 0
		{"2027年中期", 0},          // not a half
		{"2027-04-09", 0},       // a date, not a range
		{"2028-03 .. 2027-04", 0},
		{"2027-13 .. 2028-03", 0},
		{"2027-Q5", 0},
		{"next year", 0},
		{"", 0},
	}
	for _, tt := range tests {
		got, err := PeriodMonths(tt.in)
		switch {
		case tt.want == 0 && err == nil:
			t.Errorf("PeriodMonths(%q) = %d, want an error", tt.in, got)
		case tt.want != 0 && (err != nil || got != tt.want):
			t.Errorf("PeriodMonths(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

// TestPeriodSpans checks the months the Japanese forms name, as month
// indexes (year x 12 + month - 1): the fiscal year starts in April.
func TestPeriodSpans(t *testing.T) {
	tests := []struct {
		in       string
		from, to int
	}{
		{"2027年上期", 2027*12 + 3, 2027*12 + 8},          // 2027-04 .. 2027-09
		{"2027年下期", 2027*12 + 9, 2028*12 + 2},          // 2027-10 .. 2028-03
		{"2027年4月〜9月", 2027*12 + 3, 2027*12 + 8},       // 2027-04 .. 2027-09
		{"2027年10月〜2028年3月", 2027*12 + 9, 2028*12 + 2}, // 2027-10 .. 2028-03
	}
	for _, tt := range tests {
		from, to, ok, err := monthSpan(tt.in, tt.in)
		if !ok || err != nil || from != tt.from || to != tt.to {
			t.Errorf("monthSpan(%q) = %d, %d, %v, %v; want %d, %d", tt.in, from, to, ok, err, tt.from, tt.to)
		}
	}
	_, err := PeriodMonths("2027年10月〜3月")
	if err == nil || !strings.Contains(err.Error(), `give the year of the end, as in "2027年10月〜2028年3月"`) {
		t.Errorf("PeriodMonths(2027年10月〜3月) = %v, want the year of the end asked for", err)
	}
}

// FuzzPeriodMonths checks that reading a period never panics and never
// gives a period of no months.
func FuzzPeriodMonths(f *testing.F) {
	for _, s := range []string{"2027-04 .. 2028-03", "2027年4月〜2028年3月", "FY2027", "2027-Q2", "9999-12 .. 0000-01",
		"2027年上期", "2027年下期", "２０２７年上期", "2027年4月〜9月", "２０２７年４月～９月", "2027年10月〜3月", "2027年4月ー9月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := PeriodMonths(s)
		if err == nil && n < 1 {
			t.Fatalf("PeriodMonths(%q) = %d", s, n)
		}
		if err != nil && !strings.Contains(err.Error(), "period") && !strings.Contains(err.Error(), "month") {
			t.Fatalf("PeriodMonths(%q): %v says nothing of what to write", s, err)
		}
	})
}

// FuzzPeriodForms writes the Japanese forms of a period from a year and
// months, with each separator and in full-width digits or not, and
// checks the months PeriodMonths reads against the months computed here.
func FuzzPeriodForms(f *testing.F) {
	f.Add(uint16(2027), uint8(4), uint8(9), uint8(0), uint8(0), false)  // 2027年上期
	f.Add(uint16(2027), uint8(4), uint8(9), uint8(2), uint8(0), false)  // 2027年4月〜9月
	f.Add(uint16(2027), uint8(10), uint8(3), uint8(3), uint8(1), true)  // ２０２７年１０月～２０２８年３月
	f.Add(uint16(2027), uint8(10), uint8(3), uint8(2), uint8(4), false) // 2027年10月ー3月
	f.Fuzz(func(t *testing.T, year uint16, m1, m2, form, sep uint8, wide bool) {
		y := 1000 + int(year)%8999 // four digits, and so is y + 1
		seps := []string{"〜", "～", "~", "-", "ー", "－", " から ", " .. ", " to "}
		s, want := periodForm(y, int(m1)%14, int(m2)%14, int(form)%4, seps[int(sep)%len(seps)])
		if wide {
			s = strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r - '0' + '０'
				}
				return r
			}, s)
		}
		got, err := PeriodMonths(s)
		switch {
		case want == 0 && err == nil:
			t.Fatalf("PeriodMonths(%q) = %d, want an error", s, got)
		case want != 0 && (err != nil || got != want):
			t.Fatalf("PeriodMonths(%q) = %d, %v; want %d", s, got, err, want)
		}
	})
}

// periodForm writes a period in one of four Japanese forms and returns
// the months it spans, 0 when it is not a period.
func periodForm(y, m1, m2, form int, sep string) (string, int) {
	valid := func(m int) bool { return m >= 1 && m <= 12 }
	switch form {
	case 0:
		return fmt.Sprintf("%d年上期", y), 6
	case 1:
		return fmt.Sprintf("%d年下期", y), 6
	case 2: // months of one year
		s := fmt.Sprintf("%d年%d月%s%d月", y, m1, sep, m2)
		if !valid(m1) || !valid(m2) || m2 < m1 {
			return s, 0
		}
		return s, m2 - m1 + 1
	}
	s := fmt.Sprintf("%d年%d月%s%d年%d月", y, m1, sep, y+1, m2) // into the next year
	if !valid(m1) || !valid(m2) {
		return s, 0
	}
	return s, 12 - m1 + m2 + 1
}
