package examples_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/site"
	"github.com/planc-dev/planc/compiler/site/sitetest"
)

// TestExampleSites builds the site of every example and checks that it is
// complete: the overview, the tree, the channels page, the diagnostics and
// a page for every value's block, each naming the plan.
func TestExampleSites(t *testing.T) {
	dirs, _ := filepath.Glob("*")
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		t.Run(dir, func(t *testing.T) {
			m := compiler.Run(dir)
			out := filepath.Join(t.TempDir(), "site")
			files, err := site.Build(m, out, site.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"index.html", "tree.html", "channels.html", "diagnostics.html", "site.css"} {
				if !contains(files, want) {
					t.Errorf("site of %s has no %s (files: %v)", dir, want, files)
				}
			}
			for _, mt := range append(m.Plan.KGIs, m.Plan.KPIs...) {
				page := mt.Kind + "." + mt.Name + ".html"
				b, err := os.ReadFile(filepath.Join(out, page))
				if err != nil {
					t.Errorf("no page for %s.%s: %v", mt.Kind, mt.Name, err)
					continue
				}
				if !strings.Contains(string(b), m.Plan.Meta.Title.Value) {
					t.Errorf("%s does not name the plan %q", page, m.Plan.Meta.Title.Value)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestExampleSitesAddUp checks every table of every example's site, and of
// the hand-checked test plans, the way a reader checks a report: in each
// table with a total row, the rows of each column that adds up give the
// total shown.
func TestExampleSitesAddUp(t *testing.T) {
	dirs, _ := filepath.Glob("*")
	dirs = append(dirs, filepath.Join("..", "testdata", "worked"))
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files, err := site.Generate(compiler.Run(dir), site.Options{AllowErrors: true})
			if err != nil {
				t.Fatal(err)
			}
			problems, checked := sitetest.Reconcile(files)
			for _, p := range problems {
				t.Error(p)
			}
			if checked == 0 {
				t.Error("no total row to check")
			}
		})
	}
}
