package stdlib_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/planc-dev/planc/stdlib"
)

// TestScaffoldList checks that the list and the embedded directories agree.
func TestScaffoldList(t *testing.T) {
	entries, err := os.ReadDir("scaffold")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		dirs = append(dirs, e.Name())
	}
	names := stdlib.ScaffoldNames()
	if strings.Join(dirs, " ") != strings.Join(slices.Sorted(slices.Values(names)), " ") {
		t.Errorf("scaffold/ holds %v, but Scaffolds lists %v", dirs, names)
	}
	if names[0] != stdlib.DefaultScaffold {
		t.Errorf("the default %q is not listed first: %v", stdlib.DefaultScaffold, names)
	}
	for _, s := range stdlib.Scaffolds() {
		if s.Description == "" || strings.Contains(s.Description, "\n") {
			t.Errorf("%s: the description must be one line: %q", s.Name, s.Description)
		}
	}
	if _, err := stdlib.ScaffoldFiles("nope"); err == nil || !strings.Contains(err.Error(), "demand, the-model") {
		t.Errorf("unknown template: err = %v, want one listing the names", err)
	}
}

// TestMinimalScaffoldIsTheExample keeps `planc init --template minimal` and
// examples/minimal, the README tutorial's plan, one and the same.
func TestMinimalScaffoldIsTheExample(t *testing.T) {
	files, err := stdlib.ScaffoldFiles("minimal")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join("..", "examples", "minimal", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.Bytes, want) {
			t.Errorf("stdlib/scaffold/minimal/%s differs from examples/minimal/%s; copy one over the other", f.Name, f.Name)
		}
	}
	if len(files) == 0 {
		t.Error("the minimal scaffold has no files")
	}
}
