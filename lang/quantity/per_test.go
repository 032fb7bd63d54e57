package quantity

import (
	"reflect"
	"regexp"
	"testing"
)

// TestParseRates: rates written the Japanese way, canonically per month,
// with the computation of each exact value.
func TestParseRates(t *testing.T) {
	wantParses(t, []parseCase{
		// A time word before the number.
		{"月40件", "40", "件/month", false},          // 40 a month
		{"月間40件", "40", "件/month", false},         // 40 a month
		{"毎月40件", "40", "件/month", false},         // 40 a month
		{"年120社", "10", "社/year", false},          // 120 / 12 months
		{"年額120万円", "100000", "JPY/year", false},  // 1,200,000 / 12 months
		{"月額5万円", "50000", "JPY/month", false},    // 50,000 a month
		{"週5件", "1825/84", "件/week", false},       // 5 / (84/365) months
		{"月3%", "3/100", "1/month", false},        // a ratio per month
		{"月1万5000円", "15000", "JPY/month", false}, // (10,000 + 5,000) a month
		{"月４０件", "40", "件/month", false},          // full-width digits
		// Per person-month: what one person handles in a month.
		{"40件/人月", "40", "件/month", false},          // 40 a month, as "40件/月"
		{"40件/月", "40", "件/month", false},           // the same
		{"80万円/人月", "800000", "JPY/month", false},   // 80 x 10,000 a month
		{"40件/(人月)", "40", "件/month", false},        // parenthesised
		{"40 leads/人月", "40", "leads/month", false}, // an English label
		// Money per year: a conversion, not a second scale.
		{"180万円/年", "150000", "JPY/year", false},         // 1,800,000 / 12 months
		{"180万 円/年", "150000", "JPY/year", false},        // the same, spaced
		{"¥1,200,000/year", "100000", "JPY/year", false}, // 1,200,000 / 12 months
	})
}

// TestParseRateErrors: a time before and after the number, and a
// person-month that is not after a slash.
func TestParseRateErrors(t *testing.T) {
	wantErrors(t, []errorCase{
		{"月40件/月", 0, 3, "makes it a rate per month"},
		{"年120万円/年", 0, 3, "makes it a rate per year"},
		{"月3ヶ月", 0, 3, "the unit after the number has a time too"},
		{"月", 3, 3, "ends too early"},
		{"3人月", 1, 7, "is work, not time"},
		{"40件*人月", 6, 12, "is work, not time"},
		{"40件/人月^2", 6, 14, "is work, not time"},
		{"３人月", 3, 9, "is work, not time"},
	})
}

// TestParseUnitPersonMonth: a person-month in a unit expression.
func TestParseUnitPersonMonth(t *testing.T) {
	wantUnit(t, "件/人月", "件/month", "1")
	wantUnit(t, "件/年", "件/year", "1/12")
	if _, _, err := ParseUnit("人月"); err == nil || err.Start != 0 || err.End != 6 {
		t.Errorf("ParseUnit(人月) = %v, want the person-month refused at 0-6", err)
	}
}

// TestEveryWords checks that the time words the grammar accepts before a
// number (everyTok's tag) are those names.go gives a time, and no other.
func TestEveryWords(t *testing.T) {
	field, _ := reflect.TypeOf(everyTok{}).FieldByName("Word")
	var words []string
	for _, m := range regexp.MustCompile(`'([^']+)'`).FindAllStringSubmatch(field.Tag.Get("parser"), -1) {
		words = append(words, m[1])
	}
	if len(words) != len(everyWords) {
		t.Errorf("the grammar has %d time words, names.go %d", len(words), len(everyWords))
	}
	for _, w := range words {
		if _, ok := timeNames[everyWords[w]]; !ok {
			t.Errorf("%q: no time in everyWords", w)
		}
		if q, err := Parse(w + "1"); err != nil || q.Unit.Time != -1 {
			t.Errorf("Parse(%q) = %v, %v; want a rate per time", w+"1", q.Unit, err)
		}
	}
}
