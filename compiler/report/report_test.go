package report

import (
	"bytes"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

func TestNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"480000000", "480000000"},
		{"3/10", "0.3"},
		{"16000/7", "2285.714285714286"},
		{"-1/3", "-0.333333333333"},
		{"0", "0"},
	}
	for _, tt := range tests {
		r, _ := new(big.Rat).SetString(tt.in)
		if got := Number(r).String(); got != tt.want {
			t.Errorf("Number(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	in := "a\x00b\x7f\xffc\t日本"
	got := printable(in)
	if got != "a?b??c\t日本" || len(got) != len(in) {
		t.Errorf("printable(%q) = %q", in, got)
	}
}

// The caret sits under the range by display width: each Japanese
// character takes two columns.
func TestTextCaret(t *testing.T) {
	src := []byte("kpi \"売上\" {\n  value = \"1.2億円x\"\n}\n")
	f := &hcl.File{Bytes: src}
	start := bytes.Index(src, []byte("x\""))
	r := hcl.Range{Filename: "a.plan.hcl",
		Start: lang.PosAt(src, start), End: lang.PosAt(src, start+1)}
	var out bytes.Buffer
	Text(&out, hcl.Diagnostics{lang.Diag(lang.BadQuantity, r, "Bad quantity", "fix it")}, map[string]*hcl.File{"a.plan.hcl": f})
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

// JSON prints its one object even without a model (the plan could not be
// read), with the diagnostics and valid false.
func TestJSONWithoutModel(t *testing.T) {
	var out bytes.Buffer
	d := lang.Diag(lang.NoPlanFiles, hcl.Range{Filename: "empty"}, "No plan files", "add one")
	if err := JSON(&out, nil, hcl.Diagnostics{d}); err != nil {
		t.Fatal(err)
	}
	var doc Document
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Valid || doc.ErrorCount != 1 || len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Code != "no-plan-files" || doc.Values == nil {
		t.Errorf("unexpected document: %+v", doc)
	}
}
