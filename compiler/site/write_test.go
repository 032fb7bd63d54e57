package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestWriteReplacesSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := Write(out, map[string][]byte{"index.html": []byte("one"), "old.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	got := readDir(t, out)
	if string(got["index.html"]) != "two" || got["old.html"] != nil || got[Marker] == nil {
		t.Errorf("site after rebuild: %v", keys(got))
	}
	assertNoTemp(t, filepath.Dir(out))
}

func TestFailedBuildKeepsOldSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	buildTo(t, worked, out)
	before := readDir(t, out)

	// A plan with errors writes nothing.
	r := compile(t, worked)
	if _, err := Build(r, out, Options{}); !errors.Is(err, ErrPlanErrors) {
		t.Fatalf("err = %v, want ErrPlanErrors", err)
	}
	// A write that fails midway leaves the old site as it was.
	var n atomic.Int32 // pages are written concurrently
	writeFile = func(name string, data []byte, perm os.FileMode) error {
		if n.Add(1) == 5 {
			return errors.New("disk full")
		}
		return os.WriteFile(name, data, perm)
	}
	defer func() { writeFile = os.WriteFile }()
	if _, err := Build(r, out, Options{AllowErrors: true}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want disk full", err)
	}
	after := readDir(t, out)
	if len(after) != len(before) {
		t.Fatalf("%d files before, %d after", len(before), len(after))
	}
	for name, body := range before {
		if string(after[name]) != string(body) {
			t.Errorf("%s changed by a failed build", name)
		}
	}
	assertNoTemp(t, filepath.Dir(out))
}

func TestRefuseForeignDirectory(t *testing.T) {
	out := t.TempDir()
	user := filepath.Join(out, "notes.txt")
	if err := os.WriteFile(user, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(out, map[string][]byte{"index.html": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "not written by planc") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if b, err := os.ReadFile(user); err != nil || string(b) != "mine" {
		t.Errorf("user file changed: %q, %v", b, err)
	}
	// A file that a user added to a site planc wrote is not deleted either.
	site := filepath.Join(t.TempDir(), "site")
	buildTo(t, clean, site)
	extra := filepath.Join(site, "CNAME")
	if err := os.WriteFile(extra, []byte("plan.example"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(site, map[string][]byte{"index.html": []byte("x")}); err == nil || !strings.Contains(err.Error(), "CNAME") {
		t.Fatalf("err = %v, want a refusal naming CNAME", err)
	}
	if _, err := os.Stat(extra); err != nil {
		t.Errorf("user file removed: %v", err)
	}
	// A plain file in the way is refused too.
	file := filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(file, map[string][]byte{"index.html": nil}); err == nil {
		t.Error("Write replaced a plain file")
	}
}

func TestWriteIntoEmptyDirectory(t *testing.T) {
	out := t.TempDir()
	if err := Write(out, map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Error(err)
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") || strings.Contains(e.Name(), ".old-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestKilledBuildsCleanedUp: the temporary directory of a build that was
// killed (no process holds its lock) is removed by the next build; one a
// running build holds is left alone.
func TestKilledBuildsCleanedUp(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	killed := filepath.Join(parent, ".site"+stagePrefix+"1")
	running := filepath.Join(parent, ".site"+stagePrefix+"2")
	for _, dir := range []string{killed, running} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lock, err := lockDir(running)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := Write(out, map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(killed); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a killed build's directory is still there: %v", err)
	}
	if _, err := os.Stat(running); err != nil {
		t.Errorf("a running build's directory was removed: %v", err)
	}
}

// TestSiteMovedAsideRestored: where directories cannot be exchanged, swap
// moves the old site aside first; a build killed right then leaves no
// site, and the next build puts the old one back before replacing it.
func TestSiteMovedAsideRestored(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	aside := filepath.Join(parent, ".site"+asidePrefix+"1", "site")
	if err := Write(aside, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	if err := recoverAndClean(parent, "site", out); err != nil {
		t.Fatal(err)
	}
	if got := readDir(t, out); string(got["index.html"]) != "old" {
		t.Errorf("old site not restored: %v", keys(got))
	}
	assertNoTemp(t, parent)
}

// TestSwapFallback: the two-rename swap (outside Linux) replaces the site
// and leaves nothing behind.
func TestSwapFallback(t *testing.T) {
	parent := t.TempDir()
	out, tmp := filepath.Join(parent, "site"), filepath.Join(parent, "new")
	for dir, text := range map[string]string{out: "old", tmp: "new"} {
		if err := Write(dir, map[string][]byte{"index.html": []byte(text)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := swap(tmp, out); err != nil {
		t.Fatal(err)
	}
	if got := readDir(t, out); string(got["index.html"]) != "new" {
		t.Errorf("site after swap: %q", got["index.html"])
	}
	assertNoTemp(t, parent)
}

// TestUserDirectoryKeepsMode: an empty directory the user made for the
// site keeps its permissions (the swap used to give it 0755).
func TestUserDirectoryKeepsMode(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := os.Mkdir(out, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o750); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if err := Write(out, map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o750 {
		t.Errorf("mode %v, want 0750", got)
	}
}
