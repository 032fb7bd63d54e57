package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestCSVMatchesJSON reads solve --by month --format csv back as a
// spreadsheet would and compares every cell with the JSON of the same
// plan: the header, one row per value and period, numbers that parse, and
// each equal to the JSON's value there.
func TestCSVMatchesJSON(t *testing.T) {
	for _, dir := range []string{
		filepath.Join("..", "..", "..", "..", "testdata", "phasing"),
		filepath.Join("..", "..", "..", "..", "examples", "fy2027-ja"),
	} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var out, js, errs bytes.Buffer
			Main([]string{"solve", "--by", "month", "--format", "csv", dir}, &out, &errs)
			Main([]string{"solve", "--by", "month", "--format", "json", dir}, &js, &errs)
			rows, err := csv.NewReader(&out).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Fatalf("not CSV (%v): %s", err, out.String())
			}
			if h := rows[0]; len(h) != 4 || h[0] != "path" || h[1] != "period" || h[2] != "value" || h[3] != "unit" {
				t.Fatalf("header %q", h)
			}
			var doc struct {
				Values map[string]struct {
					Value   *json.Number
					Unit    string
					Periods map[string]struct{ Value *json.Number }
				}
			}
			dec := json.NewDecoder(&js)
			dec.UseNumber()
			if err := dec.Decode(&doc); err != nil {
				t.Fatal(err)
			}
			months := 0
			for _, r := range rows[1:] {
				v, ok := doc.Values[r[0]]
				if !ok {
					t.Fatalf("row %q: no such value in the JSON", r)
				}
				want := v.Value
				if r[1] != "" {
					months++
					p, ok := v.Periods[r[1]]
					if !ok {
						t.Fatalf("row %q: the JSON has no period %s", r, r[1])
					}
					want = p.Value
				}
				if got := r[2]; want == nil && got != "" || want != nil && got != want.String() || r[3] != v.Unit {
					t.Errorf("row %q: the JSON has %v %s", r, want, v.Unit)
				}
			}
			if months == 0 {
				t.Errorf("no monthly rows")
			}
		})
	}
}
