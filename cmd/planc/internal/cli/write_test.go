package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWritePlanFile: fmt -w writes a file's text whatever names it: its
// mode is kept, a symbolic link (or a chain of them) stays a link to the
// rewritten target, and hard links stay one file, and no temporary file
// is left behind.
func TestWritePlanFile(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	for _, d := range []string{"plan", "shared"} {
		if err := os.Mkdir(path(d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, perm := range map[string]os.FileMode{"plan/a.plan.hcl": 0o640, "shared/s.plan.hcl": 0o600, "shared/h.plan.hcl": 0o644} {
		if err := os.WriteFile(path(name), []byte("old text\n"), perm); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path(name), perm); err != nil { // whatever the umask
			t.Fatal(err)
		}
	}
	symlink(t, "../shared/s.plan.hcl", path("plan/link.plan.hcl"))
	symlink(t, "link.plan.hcl", path("plan/chain.plan.hcl"))
	hardLink := runtime.GOOS != "windows" // where FileInfo counts links
	if hardLink {
		if err := os.Link(path("shared/h.plan.hcl"), path("plan/hard.plan.hcl")); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ write, read, text string }{
		{"plan/a.plan.hcl", "plan/a.plan.hcl", "formatted\n"},
		{"plan/link.plan.hcl", "shared/s.plan.hcl", "through a link, longer than before\n"},
		{"plan/chain.plan.hcl", "shared/s.plan.hcl", "two links\n"},
		{"plan/hard.plan.hcl", "shared/h.plan.hcl", "a hard link, longer than before\n"},
		{"plan/hard.plan.hcl", "shared/h.plan.hcl", "shorter\n"},
	} {
		if strings.Contains(tc.write, "hard") && !hardLink {
			continue
		}
		if err := writePlanFile(path(tc.write), []byte(tc.text)); err != nil {
			t.Fatalf("writing %s: %v", tc.write, err)
		}
		for _, name := range []string{tc.write, tc.read} {
			if b, err := os.ReadFile(path(name)); err != nil || string(b) != tc.text {
				t.Errorf("after writing %s, %s = %q, %v; want %q", tc.write, name, b, err, tc.text)
			}
		}
	}
	wantMode(t, path("plan/a.plan.hcl"), 0o640)
	wantMode(t, path("shared/s.plan.hcl"), 0o600)
	for _, name := range []string{"plan/link.plan.hcl", "plan/chain.plan.hcl"} {
		if info, err := os.Lstat(path(name)); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link: %v, %v", name, info.Mode(), err)
		}
	}
	if hardLink {
		a, _ := os.Stat(path("plan/hard.plan.hcl"))
		b, _ := os.Stat(path("shared/h.plan.hcl"))
		if !os.SameFile(a, b) {
			t.Error("the hard links are two files now")
		}
	}
	for _, d := range []string{"plan", "shared"} {
		if tmp, _ := filepath.Glob(path(d + "/.*")); len(tmp) > 0 {
			t.Errorf("temporary files left: %v", tmp)
		}
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
}

func wantMode(t *testing.T, name string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != want {
		t.Errorf("%s has mode %v, want %v", name, info.Mode().Perm(), want)
	}
}
