package lang

import (
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

// FuzzPeriodMonths checks that reading a period never panics and never
// gives a period of no months.
func FuzzPeriodMonths(f *testing.F) {
	for _, s := range []string{"2027-04 .. 2028-03", "2027年4月〜2028年3月", "FY2027", "2027-Q2", "9999-12 .. 0000-01"} {
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
