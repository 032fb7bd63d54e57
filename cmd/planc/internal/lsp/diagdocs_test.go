package lsp_test

import (
	"os"
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// TestDiagnosticCodeDescription: each diagnostic links its code to its
// documentation in the language reference, a heading of the code's name
// there; a note of the diagnostic is related information, at UTF-16
// positions after 売上🎯.
func TestDiagnosticCodeDescription(t *testing.T) {
	src := "plan { title = \"Gap\" }\nkgi \"revenue\" {\n  target  = \"4.8億円\"\n  formula = kpi.deals * \"2M JPY\"\n}\nkpi \"deals\" {\n  value = /* 売上🎯 */ 200\n}\n"
	dir := writePlan(t, map[string]string{"main.plan.hcl": src})
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	d := withCode(s.open(uri, src), "conflict")
	if d == nil || d.CodeDescription == nil || d.CodeDescription.Href != lsp.ReferenceURL+"#conflict" {
		t.Fatalf("diagnostic = %+v", d)
	}
	value := lineOf(t, src, "200")
	at := col16(t, strings.Split(src, "\n")[value], "200")
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.Range != line(value, at, at+3) ||
		d.RelatedInformation[0].Message != "kpi.deals is 200 here" {
		t.Errorf("related = %+v", d.RelatedInformation)
	}
	// A syntax error links to its code too.
	diags := s.change(uri, 2, src+"kpi \"x\" {\n")
	if len(diags) != 1 || diags[0].CodeDescription == nil || diags[0].CodeDescription.Href != lsp.ReferenceURL+"#syntax" {
		t.Errorf("syntax error = %+v", diags)
	}
	// The reference has the headings the links point to.
	ref, err := os.ReadFile("../../../../lang/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"conflict", "syntax"} {
		if !strings.Contains(string(ref), "\n### "+code+"\n") {
			t.Errorf("lang/README.md has no heading for %s", code)
		}
	}
	if !strings.HasPrefix(lsp.ReferenceURL, "https://github.com/planc-dev/planc/") {
		t.Errorf("ReferenceURL = %s", lsp.ReferenceURL)
	}
}
