package sitetest

import (
	"strings"
	"testing"
)

// TestReconcile: a total row that is not the sum of the rows shown is
// reported (4,190 leads over channels into a stage of 4,188, as rounding
// each share up on its own gave); one that is, is not; columns not marked
// data-sum (a ratio) and unknown totals are not added up.
func TestReconcile(t *testing.T) {
	table := func(a, b, total string) map[string][]byte {
		return map[string][]byte{"channels.html": []byte(`<table>
<thead><tr><th>Channel</th><th>Enters at</th><th data-sum>Leads</th><th data-sum>Cost</th><th>CPA</th></tr></thead>
<tbody><tr><th>a</th><td>x</td><td>` + a + `</td><td>¥1,000</td><td>¥10</td></tr>
<tr><th>b</th><td>x</td><td>` + b + `<br><span>of inquiry</span></td><td>¥2,000.5</td><td>¥20</td></tr></tbody>
<tfoot><tr><th colspan="2">Total</th><td>` + total + `</td><td>¥3,000.5</td><td>¥99</td></tr></tfoot>
</table>`)}
	}
	problems, checked := Reconcile(table("2,096", "2,094", "4,188"))
	if len(problems) != 1 || !strings.Contains(problems[0], `"Leads": the rows add up to 4190.0000, the total row says 4188.0000`) || checked != 2 {
		t.Errorf("problems %q, %d columns checked", problems, checked)
	}
	if problems, _ := Reconcile(table("2,095", "2,093", "4,188")); len(problems) != 0 {
		t.Errorf("a table that adds up: %q", problems)
	}
	if problems, checked := Reconcile(table("2,095", "?", "?")); len(problems) != 0 || checked != 1 {
		t.Errorf("an unknown total: %q, %d checked", problems, checked)
	}
}

// TestNumberJapanese: amounts as a Japanese site writes them in a column
// that adds up.
func TestNumberJapanese(t *testing.T) {
	for text, want := range map[string]string{
		"1億1,480万円": "114800000", "4,500万円": "45000000", "412.5万円": "4125000", "8,000円": "8000",
		"3億円": "300000000", "1兆2億円": "1000200000000", "−38万円": "-380000", "0円": "0",
	} {
		got, ok := number(text)
		if !ok || got.RatString() != want {
			t.Errorf("number(%q) = %v, %v; want %s", text, got, ok, want)
		}
	}
	if _, ok := number("万円"); ok {
		t.Error(`number("万円") reads a number`)
	}
}
