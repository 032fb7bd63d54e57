package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const buildWorkedDir = "../../../../testdata/worked"

// cleanPlan writes the worked example with a cap it fits under.
func buildCleanPlan(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(buildWorkedDir, "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(src), `cap = "1億円"`, `cap = "2億円"`, 1)
	if fixed == string(src) {
		t.Fatal("worked example has no cap to raise")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runBuild(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runBuild("build", buildCleanPlan(t), "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "wrote") {
		t.Errorf("stdout = %q", stdout)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte("¥158,877,000")) || bytes.Contains(index, []byte(`class="banner"`)) {
		t.Errorf("index.html of a clean plan:\n%s", index)
	}
	// Building again replaces the site.
	if code, _, stderr := runBuild("build", buildCleanPlan(t), "-o", out); code != 0 {
		t.Fatalf("rebuild: exit %d: %s", code, stderr)
	}
}

func TestBuildErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runBuild("build", buildWorkedDir, "-o", out)
	if code != ExitPlan || !strings.Contains(stderr, "over-budget") || !strings.Contains(stderr, "--allow-errors") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a plan with errors wrote %s (%v)", out, err)
	}
	code, _, stderr = runBuild("build", "--allow-errors", buildWorkedDir, "-o", out)
	if code != ExitOK {
		t.Fatalf("--allow-errors: exit %d: %s", code, stderr)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte(`class="banner"`)) {
		t.Error("no error banner with --allow-errors")
	}
}

func TestBuildUsage(t *testing.T) {
	if code, _, stderr := runBuild("build", buildWorkedDir); code != ExitUsage || !strings.Contains(stderr, "-o OUT") {
		t.Errorf("no -o: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runBuild("build", "--bogus", "-o", t.TempDir()); code != ExitUsage {
		t.Errorf("bad flag: exit %d", code)
	}
	if code, _, _ := runBuild("build", filepath.Join(t.TempDir(), "missing"), "-o", filepath.Join(t.TempDir(), "s")); code != ExitUsage {
		t.Errorf("missing plan: exit %d", code)
	}
	// A directory planc did not write is refused and kept.
	out := t.TempDir()
	mine := filepath.Join(out, "mine.txt")
	if err := os.WriteFile(mine, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBuild("build", buildCleanPlan(t), "-o", out)
	if code != ExitUsage || !strings.Contains(stderr, "not written by planc") {
		t.Errorf("foreign dir: exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "keep" {
		t.Errorf("user file changed: %q %v", b, err)
	}
}
