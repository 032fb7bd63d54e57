package compiler_test

// Solver tests with hand-computed values, compared exactly as big.Rat.

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// compileSrc compiles one in-memory plan file.
func compileSrc(t *testing.T, src string) (*compiler.Result, hcl.Diagnostics) {
	t.Helper()
	plan, diags := lang.Parse([]lang.Source{{Name: "plan.plan.hcl", Bytes: []byte(src)}})
	r := compiler.Compile(plan, diags)
	return r, r.Diags
}

// wantCodes checks the diagnostics' codes, in order.
func wantCodes(t *testing.T, diags hcl.Diagnostics, codes ...lang.Code) {
	t.Helper()
	var got []string
	for _, d := range diags {
		got = append(got, string(lang.CodeOf(d)))
	}
	var want []string
	for _, c := range codes {
		want = append(want, string(c))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("diagnostics %v, want %v:\n%s", got, want, diagsString(diags))
	}
}

func diagsString(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Error())
		b.WriteString("\n")
	}
	return b.String()
}

// TestFileOrder: a plan split into files solves the same whatever the
// order of its files and blocks.
func TestFileOrder(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "worked", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	whole, diags := compileSrc(t, string(src))
	wantCodes(t, diags, lang.OverBudget)
	// One file per top-level block, named so that they load in reverse.
	blocks := strings.SplitAfter(string(src), "\n}\n")
	var srcs []lang.Source
	for i, b := range blocks {
		if strings.TrimSpace(b) == "" {
			continue
		}
		srcs = append(srcs, lang.Source{Name: fmt.Sprintf("%02d.plan.hcl", len(blocks)-i), Bytes: []byte(b)})
	}
	if len(srcs) < 8 {
		t.Fatalf("split into %d files, want one per block", len(srcs))
	}
	sort.Slice(srcs, func(i, j int) bool { return srcs[i].Name < srcs[j].Name })
	plan, front := lang.Parse(srcs)
	split := compiler.Compile(plan, front)
	wantCodes(t, split.Diags, lang.OverBudget)
	if len(split.Info.Vars) != len(whole.Info.Vars) {
		t.Fatalf("%d values split, %d whole", len(split.Info.Vars), len(whole.Info.Vars))
	}
	for _, v := range whole.Info.Vars {
		a, _ := whole.Value(v)
		w := split.Info.Lookup(v.Path)
		if w == nil {
			t.Errorf("%s: missing when split", v.Path)
			continue
		}
		b, ok := split.Value(w)
		if !ok || a.Nom.Cmp(b.Nom) != 0 {
			t.Errorf("%s: %v whole, %v split", v.Path, a.Nom, b.Nom)
		}
	}
}
