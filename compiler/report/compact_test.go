package report

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

func TestCompact(t *testing.T) {
	diags := hcl.Diagnostics{
		lang.Diag(lang.OverBudget, rng("plan/plan.plan.hcl", 61, 9, 61, 14), "Over budget", `budget "marketing" spends ¥158,877,000.`),
		lang.Warning(lang.KGINotRevenue, rng("計画.plan.hcl", 5, 1, 7, 2), "KGI is not revenue", ""),
		lang.Diag(lang.Schema, rng("a.plan.hcl", 2, 3, 2, 8), "Unsupported argument", "line one\nline two\r\nthree\x1b[31m"),
		lang.Diag(lang.ReadError, hcl.Range{Filename: "no/such/dir"}, "Cannot read plan", "no such file or directory."),
		{Severity: hcl.DiagError, Summary: "Unsupported block type"},
	}
	want := `plan/plan.plan.hcl:61:9: error: Over budget: budget "marketing" spends ¥158,877,000. [over-budget]
計画.plan.hcl:5:1: warning: KGI is not revenue [kgi-not-revenue]
a.plan.hcl:2:3: error: Unsupported argument: line one line two three?[31m [schema]
no/such/dir: error: Cannot read plan: no such file or directory. [read-error]
error: Unsupported block type [schema]
`
	var out bytes.Buffer
	if err := Compact(&out, diags); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCompactClean(t *testing.T) {
	var out bytes.Buffer
	if err := Compact(&out, hcl.Diagnostics{}); err != nil || out.Len() != 0 {
		t.Errorf("clean plan: %q, %v", out.String(), err)
	}
}
