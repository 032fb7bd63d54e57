// Package examples_test compiles every example plan under examples/. The
// examples are documentation that users copy, so each must compile without
// a single diagnostic, and the solved numbers of saas-demand must stay those
// of the worked example in the language design.
package examples_test

import (
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
)

// TestExamples compiles each directory under examples/ and fails on any
// diagnostic, error or warning, or on a file not in canonical layout.
func TestExamples(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || e.Name() == "testdata" {
			continue
		}
		n++
		dir := e.Name()
		t.Run(dir, func(t *testing.T) {
			m, diags := compiler.Run(dir)
			if len(diags) > 0 {
				var b strings.Builder
				files := filesOf(m)
				report.Text(&b, diags, files)
				report.Summary(&b, diags)
				t.Fatalf("planc check %s reports diagnostics; examples must compile cleanly:\n%s", dir, b.String())
			}
			if m == nil {
				t.Fatalf("no model for %s", dir)
			}
			checkFormatted(t, dir)
		})
	}
	if n < 2 {
		t.Fatalf("found %d example directories, want at least 2 (saas-demand, japanese-saas)", n)
	}
}

// checkFormatted fails for each plan file in dir that `planc fmt` would
// change: users copy the examples, so they show the canonical layout.
func checkFormatted(t *testing.T, dir string) {
	srcs, diags := lang.ReadSources(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, src := range srcs {
		if ok, _ := lang.IsFormatted(src.Name, src.Bytes); !ok {
			t.Errorf("%s is not formatted; run: go run ./cmd/planc fmt -w examples/%s", src.Name, dir)
		}
	}
}

// TestSaaSDemandNumbers checks the numbers of the design's worked example,
// computed by hand:
//
//	won        = 4.8億円 / ¥2.4M          = 200
//	sql        = 200 / 25%                = 800
//	sal        = 800 / 50%                = 1,600
//	mql        = 1,600 / 70% = 2,285.7    -> 2,286 (rounded up)
//	inquiry    = 2,286 / 30% = 7,620
//	webinar    = 35% x 7,620 = 2,667 leads x ¥15,000 = ¥40,005,000
//	exhibition = 25% x 7,620 = 1,905 leads x ¥40,000 = ¥76,200,000
//	seo        = 20% x 7,620 = 1,524 leads x ¥8,000  = ¥12,192,000
//	ads        = 20% x 7,620 = 1,524 leads x ¥20,000 = ¥30,480,000
//	spend      = ¥158,877,000; per deal ¥794,385; per MQL ¥69,500
func TestSaaSDemandNumbers(t *testing.T) {
	m, diags := compiler.Run("saas-demand")
	if diags.HasErrors() {
		t.Fatalf("saas-demand has errors: %v", diags)
	}
	want := map[string]string{
		"kgi.revenue":                  "480000000",
		"funnel.demand.revenue":        "480000000",
		"funnel.demand.won.volume":     "200",
		"funnel.demand.sql.volume":     "800",
		"funnel.demand.sal.volume":     "1600",
		"funnel.demand.mql.volume":     "2286",
		"funnel.demand.inquiry.volume": "7620",
		"channel.webinar.leads":        "2667",
		"channel.webinar.cost":         "40005000",
		"channel.exhibition.leads":     "1905",
		"channel.exhibition.cost":      "76200000",
		"channel.seo.leads":            "1524",
		"channel.seo.cost":             "12192000",
		"channel.ads.leads":            "1524",
		"channel.ads.cost":             "30480000",
		"budget.marketing.spend":       "158877000",
		"budget.marketing.cap":         "160000000",
		"kpi.mqls":                     "2286",
		"kpi.cost_per_deal":            "794385",
		"kpi.cost_per_mql":             "69500",
	}
	wantValues(t, m, want)
}

// wantValues checks solved values exactly, by reference path.
func wantValues(t *testing.T, m *compiler.Model, want map[string]string) {
	t.Helper()
	for path, w := range want {
		v := m.Lookup(path)
		if v == nil {
			t.Errorf("%s: no such value", path)
			continue
		}
		got, ok := m.Value(v)
		if !ok {
			t.Errorf("%s: not solved", path)
			continue
		}
		wr, _ := new(big.Rat).SetString(w)
		if got.Nom.Cmp(wr) != 0 {
			t.Errorf("%s = %s, want %s", path, got.Nom.RatString(), w)
		}
	}
}

// TestJapaneseSaaSNumbers checks the round numbers the Japanese example is
// built on: 3.6億円 / 120万円 = 300 companies won, 10,000 leads, ¥180M spend.
func TestJapaneseSaaSNumbers(t *testing.T) {
	m, diags := compiler.Run("japanese-saas")
	if diags.HasErrors() {
		t.Fatalf("japanese-saas has errors: %v", diags)
	}
	want := map[string]string{
		"funnel.new_business.won.volume":  "300",
		"funnel.new_business.lead.volume": "10000",
		"channel.webinar.cost":            "45000000",
		"budget.marketing.spend":          "180000000",
		"kpi.cac":                         "600000",
		"kpi.payback":                     "6", // months
	}
	wantValues(t, m, want)
}

// snippet is an example in lang/README.md: a plan that triggers exactly one
// diagnostic, marked by an HTML comment before its code fence:
//
//	<!-- diag: CODE -->
//	```hcl
//	...
//	```
var snippet = regexp.MustCompile("(?s)<!-- diag: ([a-z-]+) -->\n```hcl\n(.*?)```")

// TestLanguageReferenceSnippets compiles every diagnostic example of the
// language reference and checks that it triggers exactly the one diagnostic
// it documents.
func TestLanguageReferenceSnippets(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "lang", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := snippet.FindAllStringSubmatch(string(doc), -1)
	if len(found) < 16 {
		t.Fatalf("found %d diagnostic examples in lang/README.md, want one for each of the 16 plan codes", len(found))
	}
	for _, f := range found {
		code, src := f[1], f[2]
		t.Run(code, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.plan.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			m, diags := compiler.Run(dir)
			if len(diags) == 1 && string(lang.CodeOf(diags[0])) == code {
				return
			}
			var b strings.Builder
			report.Text(&b, diags, filesOf(m))
			t.Errorf("the %s example in lang/README.md gives %d diagnostics, want exactly one %s:\n%s", code, len(diags), code, b.String())
		})
	}
}

func filesOf(m *compiler.Model) map[string]*hcl.File {
	if m == nil || m.Plan == nil {
		return nil
	}
	return m.Plan.Files
}

// functionExample is a row's example in the reference's function tables:
// | ... | `expr` is RESULT |
var functionExample = regexp.MustCompile("(?m)^\\| `[a-z_]+\\(.*\\| `([^`]+)` is ([^|]+?) \\|$")

// TestFunctionExamples evaluates every function example of the language
// reference and checks the result it states.
func TestFunctionExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "lang", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := functionExample.FindAllStringSubmatch(string(doc), -1)
	if len(found) < 14 {
		t.Fatalf("found %d function examples in lang/README.md, want one per function", len(found))
	}
	for _, f := range found {
		expr, want := f[1], f[2]
		t.Run(expr, func(t *testing.T) {
			dir := t.TempDir()
			src := "plan { title = \"Example\" }\n\nkpi \"x\" {\n  formula = " + expr + "\n}\n"
			if err := os.WriteFile(filepath.Join(dir, "main.plan.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			m, diags := compiler.Run(dir)
			if diags.HasErrors() {
				t.Fatalf("%s: %v", expr, diags)
			}
			if got := report.Display(m, m.Lookup("kpi.x")); got != want {
				t.Errorf("%s is %s, the reference says %s", expr, got, want)
			}
		})
	}
}
