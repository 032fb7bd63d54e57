package report

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// rng is a range on lines and columns; the byte offsets do not matter to
// the line formats.
func rng(file string, l1, c1, l2, c2 int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: l1, Column: c1}, End: hcl.Pos{Line: l2, Column: c2}}
}

func TestGitHub(t *testing.T) {
	tests := []struct {
		name string
		diag *hcl.Diagnostic
		want string
	}{{
		name: "error on one line",
		diag: lang.Diag(lang.OverBudget, rng("plan/plan.plan.hcl", 61, 9, 61, 14), "Over budget", `budget "marketing" spends ¥158,877,000.`),
		want: `::error file=plan/plan.plan.hcl,line=61,col=9,endLine=61,endColumn=13,title=over-budget::Over budget%0Abudget "marketing" spends ¥158,877,000.`,
	}, {
		name: "percent, newlines, colon and comma",
		diag: lang.Diag(lang.BadQuantity, rng("a,b:c/50% off.plan.hcl", 2, 3, 2, 4), "100% sure: a, b", "one\r\ntwo\nthree %0A"),
		want: `::error file=a%2Cb%3Ac/50%25 off.plan.hcl,line=2,col=3,endLine=2,endColumn=3,title=bad-quantity::100%25 sure: a, b%0Aone%0D%0Atwo%0Athree %250A`,
	}, {
		name: "warning over several lines has no columns",
		diag: lang.Warning(lang.HandoffWithoutDefinition, rng("main.plan.hcl", 3, 3, 6, 4), "Handoff without a definition", ""),
		want: `::warning file=main.plan.hcl,line=3,endLine=6,title=handoff-without-definition::Handoff without a definition`,
	}, {
		name: "empty range is one column",
		diag: lang.Diag(lang.Syntax, rng("x.plan.hcl", 1, 8, 1, 8), "Not a text file", ""),
		want: `::error file=x.plan.hcl,line=1,col=8,endLine=1,endColumn=8,title=syntax::Not a text file`,
	}, {
		name: "file without a position",
		diag: lang.Diag(lang.NoPlanFiles, hcl.Range{Filename: "empty"}, "No plan files", "empty has no *.plan.hcl file."),
		want: `::error file=empty,title=no-plan-files::No plan files%0Aempty has no *.plan.hcl file.`,
	}, {
		name: "no location",
		diag: &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unsupported argument"},
		want: `::error title=schema::Unsupported argument`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := GitHub(&out, hcl.Diagnostics{tt.diag}); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != tt.want+"\n" {
				t.Errorf("\n got %q\nwant %q", got, tt.want+"\n")
			}
		})
	}
}

func TestGitHubEscapes(t *testing.T) {
	// Each text escaped as a message (data) and as a property value.
	for in, want := range map[string][2]string{
		"50%":         {"50%25", "50%25"},
		"a\nb":        {"a%0Ab", "a%0Ab"},
		"a\r\nb":      {"a%0D%0Ab", "a%0D%0Ab"},
		"a:b":         {"a:b", "a%3Ab"},
		"a,b":         {"a,b", "a%2Cb"},
		"%0A":         {"%250A", "%250A"},
		"::error::":   {"::error::", "%3A%3Aerror%3A%3A"},
		"計画.plan.hcl": {"計画.plan.hcl", "計画.plan.hcl"},
	} {
		if got := [2]string{escapeData(in), escapeProperty(in)}; got != want {
			t.Errorf("%q escapes as data and property to %q, want %q", in, got, want)
		}
	}
}

func TestGitHubClean(t *testing.T) {
	var out bytes.Buffer
	if err := GitHub(&out, nil); err != nil || out.Len() != 0 {
		t.Errorf("clean plan: %q, %v", out.String(), err)
	}
}
