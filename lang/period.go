package lang

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// PeriodMonths returns the number of months of a plan's period, for the
// values that are per month (a team's load). It reads:
//
//	"2027-04 .. 2028-03"   a range of months, both included (12)
//	"2027/04 - 2027/09"    other separators: .., -, –, ~, 〜, to, から (6)
//	"2027年4月〜2028年3月"  Japanese dates (12)
//	"2027-04"              one month (1)
//	"2027-Q2", "2027-H1"   a quarter (3), a half (6)
//	"2027", "FY2027"       a year (12)
//
// It returns an error that says what it expected otherwise.
func PeriodMonths(period string) (int, error) {
	s := strings.TrimSpace(period)
	if m := periodRange.FindStringSubmatch(s); m != nil {
		from, err1 := monthIndex(m[1], m[2])
		to, err2 := monthIndex(m[3], m[4])
		switch {
		case err1 != nil:
			return 0, err1
		case err2 != nil:
			return 0, err2
		case to < from:
			return 0, fmt.Errorf("the period %q ends before it starts", period)
		}
		return to - from + 1, nil
	}
	if m := periodMonth.FindStringSubmatch(s); m != nil {
		if _, err := monthIndex(m[1], m[2]); err != nil {
			return 0, err
		}
		return 1, nil
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
	return 0, fmt.Errorf("cannot read the period %q; write it as a range of months such as \"2027-04 .. 2028-03\", or as \"FY2027\", \"2027-Q2\" or \"2027-04\"", period)
}

const monthPattern = `(\d{4})\s*(?:[-/.]\s*|年\s*)(\d{1,2})\s*月?`

var (
	periodRange = regexp.MustCompile(`^` + monthPattern + `\s*(?:\.\.|-|–|—|~|〜|～|to|から)\s*` + monthPattern + `$`)
	periodMonth = regexp.MustCompile(`^` + monthPattern + `$`)
	periodPart  = regexp.MustCompile(`^(\d{4})\s*-?\s*([QqHh])(\d)$`)
	periodYear  = regexp.MustCompile(`^(?:FY|fy|Fy)?\s*\d{4}\s*(?:年度?)?$`)
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
