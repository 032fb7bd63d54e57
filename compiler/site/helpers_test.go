package site

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// worked is the language design's worked example: over budget, so it
// builds only with AllowErrors.
const worked = "../../testdata/worked"

// clean is a plan without errors, with Markdown, Japanese headings and
// hostile text in it.
const clean = "testdata/clean.txtar"

// budgets is a plan with two hierarchies of budgets, fixed items and
// hostile text in their titles.
const budgets = "testdata/budgets.txtar"

// compile compiles the plan in dir, or in a txtar archive of plan files.
func compile(t *testing.T, dir string) *compiler.Result {
	t.Helper()
	if strings.HasSuffix(dir, ".txtar") {
		dir = txtarPlan(t, dir)
	}
	r := compiler.Run(dir)
	if len(r.Plan.Files) == 0 {
		t.Fatalf("compile %s: %v", dir, r.Diags)
	}
	return r
}

// compileSrc compiles one plan file held in memory.
func compileSrc(src string) *compiler.Result {
	return compiler.Compile(lang.Parse([]lang.Source{{Name: "a.plan.hcl", Bytes: []byte(src)}}))
}

func generate(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := Generate(compile(t, dir), Options{AllowErrors: true})
	if err != nil {
		t.Fatalf("generate %s: %v", dir, err)
	}
	return files
}

// buildTo writes the site of the plan in dir to a fresh directory.
func buildTo(t *testing.T, dir, out string) {
	t.Helper()
	if _, err := Build(compile(t, dir), out, Options{AllowErrors: true}); err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
}

var (
	attrRE = regexp.MustCompile(`\s(href|src|id)="([^"]*)"`)
)

// attrs returns the values of an attribute on a page, unescaped.
func attrs(page []byte, name string) []string {
	var out []string
	for _, m := range attrRE.FindAllSubmatch(page, -1) {
		if string(m[1]) == name {
			out = append(out, html.UnescapeString(string(m[2])))
		}
	}
	return out
}

func pageNames(files map[string][]byte) []string {
	var out []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// readDir reads every file of a directory.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}
