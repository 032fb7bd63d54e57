package lang

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/planc-dev/planc/lang/quantity"
)

// PeriodMonths returns the number of months of a plan's period, for the
// values that are per month (a team's load). It reads:
//
//	"2027-04 .. 2028-03"    a range of months, both included (12)
//	"2027/04 - 2027/09"     other separators: .., -, –, —, ~, 〜, ～, ー, to, から (6)
//	"2027年4月〜2028年3月"   Japanese dates (12)
//	"2027年4月〜9月"         months of one year (6)
//	"2027年上期", "2027年下期" a half of the Japanese fiscal year 2027 (6)
//	"2027-04"               one month (1)
//	"2027-Q2", "2027-H1"    a quarter (3), a half (6)
//	"2027", "FY2027"        a year (12)
//
// Full-width digits and signs, as a Japanese IME types them, read as
// their ASCII forms. It returns an error that says what it expected
// otherwise.
func PeriodMonths(period string) (int, error) {
	s := strings.TrimSpace(quantity.Fold(period))
	if from, to, ok, err := monthSpan(s, period); ok {
		if err != nil {
			return 0, err
		}
		return to - from + 1, nil
	}
	if m := periodPart.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[3])
		if strings.EqualFold(m[2], "q") && n >= 1 && n <= 4 {
			return 3, nil
		}
		if strings.EqualFold(m[2], "h") && n >= 1 && n <= 2 {
			return 6, nil
		}
	}
	if periodYear.MatchString(s) {
		return 12, nil
	}
	// The message is the one planc has always given (golden files and
	// users' scripts hold it); the language reference lists every form.
	return 0, fmt.Errorf("cannot read the period %q; write it as a range of months such as \"2027-04 .. 2028-03\", or as \"FY2027\", \"2027-Q2\" or \"2027-04\"", period)
}

// monthSpan reads the forms of a period that name their months, as
// month indexes (monthIndex), both included. ok is false when s has none
// of these forms.
func monthSpan(s, period string) (from, to int, ok bool, err error) {
	switch m := matchAny(s, periodRange, periodShortRange, periodMonth, periodHalf); {
	case m == nil:
		return 0, 0, false, nil
	case m.re == periodHalf:
		from, to = fiscalHalf(m.sub[1], m.sub[2] == "上")
		return from, to, true, nil
	case m.re == periodShortRange:
		// "2027年4月〜9月": the end month is in the start's year.
		from, to, err = monthRange(m.sub[1], m.sub[2], m.sub[1], m.sub[3], period)
		if errors.Is(err, errBackward) {
			y, _ := strconv.Atoi(m.sub[1])
			err = fmt.Errorf("%w; give the year of the end, as in \"%d年%s月〜%d年%s月\"", err, y, m.sub[2], y+1, m.sub[3])
		}
	case m.re == periodRange:
		from, to, err = monthRange(m.sub[1], m.sub[2], m.sub[3], m.sub[4], period)
	default:
		from, to, err = monthRange(m.sub[1], m.sub[2], m.sub[1], m.sub[2], period)
	}
	return from, to, true, err
}

// match is the regexp of a form and its submatches.
type match struct {
	re  *regexp.Regexp
	sub []string
}

// matchAny returns the first of res that matches s, nil when none does.
func matchAny(s string, res ...*regexp.Regexp) *match {
	for _, re := range res {
		if sub := re.FindStringSubmatch(s); sub != nil {
			return &match{re, sub}
		}
	}
	return nil
}

// fiscalHalf is a half of a Japanese fiscal year, which starts in April
// (the fiscal year of the national government and of most Japanese
// companies): 上期, the first half of fiscal 2027, is April to September
// 2027, and 下期 is October 2027 to March 2028.
func fiscalHalf(year string, first bool) (from, to int) {
	y, _ := strconv.Atoi(year)
	april := y*12 + 3
	if first {
		return april, april + 5
	}
	return april + 6, april + 11
}

// monthRange reads a range of months, both included, and checks that it
// does not end before it starts.
func monthRange(y1, m1, y2, m2, period string) (from, to int, err error) {
	if from, err = monthIndex(y1, m1); err != nil {
		return 0, 0, err
	}
	if to, err = monthIndex(y2, m2); err != nil {
		return 0, 0, err
	}
	if to < from {
		return 0, 0, fmt.Errorf("the period %q %w", period, errBackward)
	}
	return from, to, nil
}

// errBackward is a range of months that ends before it starts.
var errBackward = errors.New("ends before it starts")

const (
	monthPattern = `(\d{4})\s*(?:[-/.]\s*|年\s*)(\d{1,2})\s*月?`
	// rangeSep is what people type between two months; ー (the long vowel
	// mark) is a dash typed in a Japanese IME, and ～ has been folded to ~.
	rangeSep = `\s*(?:\.\.|-|–|—|―|‐|−|ー|~|〜|to|から)\s*`
)

var (
	periodRange      = regexp.MustCompile(`^` + monthPattern + rangeSep + monthPattern + `$`)
	periodShortRange = regexp.MustCompile(`^` + monthPattern + rangeSep + `(\d{1,2})\s*月$`)
	periodMonth      = regexp.MustCompile(`^` + monthPattern + `$`)
	periodHalf       = regexp.MustCompile(`^(?:FY|fy|Fy)?\s*(\d{4})\s*(?:年度?)?\s*(上|下)半?期$`)
	periodPart       = regexp.MustCompile(`^(\d{4})\s*-?\s*([QqHh])(\d)$`)
	periodYear       = regexp.MustCompile(`^(?:FY|fy|Fy)?\s*\d{4}\s*(?:年度?)?$`)
)

// monthIndex counts months from year 0, checking the month.
func monthIndex(year, month string) (int, error) {
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	if m < 1 || m > 12 {
		return 0, fmt.Errorf("%s is not a month; months are 1 to 12", month)
	}
	return y*12 + m - 1, nil
}

// PeriodSpan returns the first month of a plan's period (a month index:
// year x 12 + month - 1) and its number of months, for time phasing,
// which must know the calendar months: a range of months, one month, a
// half of a Japanese fiscal year, a calendar quarter or half ("2027-Q2"),
// or a calendar year ("2027"). "FY2027" does not say which month a fiscal
// year starts in, and is refused with what to write instead.
func PeriodSpan(period string) (first, n int, err error) {
	s := strings.TrimSpace(quantity.Fold(period))
	if from, to, ok, err := monthSpan(s, period); ok {
		return from, to - from + 1, err
	}
	if m := periodPart.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		k, _ := strconv.Atoi(m[3])
		switch q := strings.ToLower(m[2]); {
		case q == "q" && k >= 1 && k <= 4:
			return y*12 + (k-1)*3, 3, nil
		case q == "h" && k >= 1 && k <= 2:
			return y*12 + (k-1)*6, 6, nil
		}
	}
	if m := calendarYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y * 12, 12, nil
	}
	if _, err := PeriodMonths(period); err != nil {
		return 0, 0, err
	}
	return 0, 0, fmt.Errorf("the period %q does not say its months; a plan by month needs them, as in \"2027-04 .. 2028-03\"", period)
}

// calendarYear is a year without "FY": January to December.
var calendarYear = regexp.MustCompile(`^(\d{4})\s*年?$`)

// MonthName is a month index (PeriodSpan) as "2027-04".
func MonthName(i int) string { return fmt.Sprintf("%04d-%02d", i/12, i%12+1) }
