package compiler_test

// The golden tests compile small plans kept as txtar archives in
// testdata/diag (a diagnostic each) and testdata/solve (solved values
// computed by hand) and compare the text rendering of their diagnostics
// (and, where the archive asks for it, of their solved values) with the
// archive's want sections.
//
// An archive holds:
//
//   - a comment saying what it tests, and for want/exact the computation
//     by hand, with fractions;
//   - one or more "-- NAME.plan.hcl --" files, written into a temporary
//     directory and compiled together with compiler.Run(dir);
//   - "-- want/diagnostics --": report.Text followed by report.Summary;
//   - optionally "-- want/values --": report.ValuesText;
//   - optionally "-- want/exact --": lines "PATH VALUE", VALUE an exact
//     rational as big.Rat reads it ("7620", "3/10") or "unsolved". These
//     are the hand computation: -update never writes them.
//
// File names in the output are relative to the plan directory, so the
// output does not depend on where the test runs.
//
// Run `go test ./compiler -run TestGolden -update` to rewrite the want
// sections after an intended change, and read the diff before committing:
// TestDiagnosticCodes (codes_test.go) pins each code's line and message
// independently of the want sections, so a careless -update still fails.

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/compilertest"
	"github.com/planc-dev/planc/compiler/report"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/{diag,solve}/*.txtar")

const (
	wantDiags  = "want/diagnostics"
	wantValues = "want/values"
	wantExact  = "want/exact"
)

func TestGolden(t *testing.T) {
	var paths []string
	for _, dir := range []string{"diag", "solve"} {
		ps, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
		if err != nil || len(ps) == 0 {
			t.Fatalf("no testdata/%s/*.txtar files (%v)", dir, err)
		}
		paths = append(paths, ps...)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runGolden(t, path)
		})
	}
}

func runGolden(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(ar.Comment)) == 0 {
		t.Errorf("%s: the archive needs a comment saying what it tests", path)
	}
	res := compileArchive(t, ar)
	if exact := section(ar, wantExact); exact != nil {
		checkExact(t, path, res.res, string(exact.Data))
	}
	got := map[string]string{wantDiags: res.diagText}
	if section(ar, wantValues) != nil {
		got[wantValues] = res.valuesText
	}
	if *update {
		changed := false
		for name, text := range got {
			changed = setSection(ar, name, text) || changed
		}
		if changed {
			if err := os.WriteFile(path, txtar.Format(ar), 0o666); err != nil {
				t.Fatal(err)
			}
			t.Logf("updated %s", path)
		}
		return
	}
	for _, name := range []string{wantDiags, wantValues} {
		text, ok := got[name]
		if !ok {
			continue
		}
		want := section(ar, name)
		if want == nil {
			t.Errorf("%s: no -- %s -- section; run go test ./compiler -run TestGolden -update", path, name)
			continue
		}
		if string(want.Data) != text {
			t.Errorf("%s: %s differ (run with -update to accept)\n--- got ---\n%s--- want ---\n%s", path, name, text, want.Data)
		}
	}
}

// result is one archive compiled.
type result struct {
	dir        string
	res        *compiler.Result
	diagText   string
	valuesText string
}

// compileArchive writes the archive's plan files into a temporary directory,
// compiles it and renders the results with file names relative to it.
func compileArchive(t *testing.T, ar *txtar.Archive) result {
	t.Helper()
	dir := t.TempDir()
	n := 0
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o666); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("the archive has no plan files")
	}
	r := compiler.Run(dir)
	var dt, vt bytes.Buffer
	report.Text(&dt, r.Diags, r.Plan.Files)
	report.Summary(&dt, r.Diags)
	report.ValuesText(&vt, r)
	return result{dir: dir, res: r, diagText: relative(dt.String(), dir), valuesText: relative(vt.String(), dir)}
}

// relative strips the plan directory from file names in text.
func relative(text, dir string) string {
	text = strings.ReplaceAll(text, dir+string(filepath.Separator), "")
	if filepath.Separator != '/' {
		text = strings.ReplaceAll(text, filepath.ToSlash(dir)+"/", "")
	}
	return strings.ReplaceAll(text, dir, ".")
}

func section(ar *txtar.Archive, name string) *txtar.File {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			return &ar.Files[i]
		}
	}
	return nil
}

// setSection sets or adds a section and reports whether it changed.
func setSection(ar *txtar.Archive, name, text string) bool {
	if f := section(ar, name); f != nil {
		if string(f.Data) == text {
			return false
		}
		f.Data = []byte(text)
		return true
	}
	f := txtar.File{Name: name, Data: []byte(text)}
	if v := section(ar, wantValues); name == wantDiags && v != nil {
		// Keep want/diagnostics first.
		for i := range ar.Files {
			if ar.Files[i].Name == wantValues {
				ar.Files = append(ar.Files[:i], append([]txtar.File{f}, ar.Files[i:]...)...)
				return true
			}
		}
	}
	ar.Files = append(ar.Files, f)
	return true
}

// loadArchive reads testdata/diag/NAME.txtar and compiles it.
func loadArchive(t *testing.T, name string) result {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "diag", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return compileArchive(t, ar)
}

// checkExact compares solved values with the archive's want/exact lines.
func checkExact(t *testing.T, path string, r *compiler.Result, lines string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(lines), "\n") {
		p, want, _ := strings.Cut(strings.TrimSpace(line), " ")
		if err := compilertest.Value(r, p, want); err != "" {
			t.Errorf("%s: %s", path, err)
		}
	}
}
