package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
)

// The caret sits under the range by display width: each Japanese
// character takes two columns.
func TestTextCaret(t *testing.T) {
	src := []byte("kpi \"売上\" {\n  value = \"1.2億円x\"\n}\n")
	f := &hcl.File{Bytes: src}
	start := bytes.Index(src, []byte("x\""))
	r := hcl.Range{Filename: "a.plan.hcl",
		Start: lang.PosAt(src, start), End: lang.PosAt(src, start+1)}
	var out bytes.Buffer
	report.Text(&out, hcl.Diagnostics{lang.Diag(lang.BadQuantity, r, "Bad quantity", "fix it")}, map[string]*hcl.File{"a.plan.hcl": f})
	lines := strings.Split(out.String(), "\n")
	want := []string{
		"error[bad-quantity]: Bad quantity",
		"  --> a.plan.hcl:2:17",
		"  |",
		`2 |   value = "1.2億円x"`,
		"  | " + strings.Repeat(" ", 18) + "^", // 2+5+3+1+3 columns, then 億円 at 2 each
		"  = fix it",
	}
	for i, w := range want {
		if i >= len(lines) || lines[i] != w {
			t.Fatalf("line %d:\n got %q\nwant %q\nall:\n%s", i, lines[i], w, out.String())
		}
	}
}

// JSON prints its one object even for a plan that could not be read, with
// the diagnostics and valid false.
func TestJSONWithoutPlan(t *testing.T) {
	var out bytes.Buffer
	d := lang.Diag(lang.NoPlanFiles, hcl.Range{Filename: "empty"}, "No plan files", "add one")
	if err := report.JSON(&out, compiler.Compile(nil, hcl.Diagnostics{d})); err != nil {
		t.Fatal(err)
	}
	var doc report.Document
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Valid || doc.ErrorCount != 1 || len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Code != "no-plan-files" || doc.Values == nil {
		t.Errorf("unexpected document: %+v", doc)
	}
}
