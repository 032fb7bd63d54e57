package source_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

// readCase is one call of a reader: its paths, the sources it must return
// (as names gives them) and the codes of its diagnostics, in order.
type readCase struct {
	name  string
	paths []string
	want  string
	codes string
}

// runReads runs read on each case in the current directory.
func runReads(t *testing.T, read func(...string) ([]lang.Source, hcl.Diagnostics), cases []readCase) {
	t.Helper()
	for _, tc := range cases {
		srcs, diags := read(tc.paths...)
		if names(srcs) != tc.want || codes(diags) != tc.codes {
			t.Errorf("%s: %q gives %s [%s]; want %s [%s]\n%v", tc.name, tc.paths, names(srcs), codes(diags), tc.want, tc.codes, diags)
		}
	}
}

// codes lists the codes of diags.
func codes(diags hcl.Diagnostics) string {
	return joined(diags, func(d *hcl.Diagnostic) string { return string(lang.CodeOf(d)) })
}

func TestRead(t *testing.T) {
	inTempDir(t, map[string]string{
		"plan/b.plan.hcl":            "b",
		"plan/a.plan.hcl":            "a",
		"plan/notes.md":              "not a plan",
		"plan/x.plan.hcl/d.plan.hcl": "in a directory named like a plan file",
		"deep/sub/c.plan.hcl":        "only in a subdirectory",
		"other/main.hcl":             "not a plan",
		"plan.txt":                   "t",
	})
	if err := os.Mkdir("empty", 0o755); err != nil {
		t.Fatal(err)
	}
	ab := "plan/a.plan.hcl=a plan/b.plan.hcl=b"
	runReads(t, source.Read, []readCase{
		{name: "a directory's plan files, by name", paths: []string{"plan"}, want: ab},
		{name: "a file", paths: []string{"plan/b.plan.hcl"}, want: "plan/b.plan.hcl=b"},
		{name: "a file with another suffix", paths: []string{"plan.txt"}, want: "plan.txt=t"},
		{name: "paths in the order given", paths: []string{"plan/b.plan.hcl", "plan/a.plan.hcl"}, want: "plan/b.plan.hcl=b plan/a.plan.hcl=a"},
		{name: "a file named twice", paths: []string{"plan/a.plan.hcl", "plan", "plan/a.plan.hcl"}, want: "plan/a.plan.hcl=a plan/b.plan.hcl=b"},
		{name: "an empty directory", paths: []string{"empty"}, codes: "no-plan-files"},
		{name: "no plan files", paths: []string{"other"}, codes: "no-plan-files"},
		{name: "plan files only in a subdirectory", paths: []string{"deep"}, codes: "no-plan-files"},
		{name: "a missing directory", paths: []string{"missing"}, codes: "read-error"},
		{name: "a missing file", paths: []string{"missing.plan.hcl"}, codes: "read-error"},
		{name: "one path missing", paths: []string{"plan", "missing"}, want: ab, codes: "read-error"},
	})
	t.Chdir("plan")
	runReads(t, source.Read, []readCase{{name: "no paths: the current directory", want: "a.plan.hcl=a b.plan.hcl=b"}})
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	inTempDir(t, map[string]string{"plan/a.plan.hcl": "a", "plan/b.plan.hcl": "b"})
	if err := os.Chmod("plan/a.plan.hcl", 0); err != nil {
		t.Fatal(err)
	}
	runReads(t, source.Read, []readCase{{name: "an unreadable file", paths: []string{"plan"}, want: "plan/b.plan.hcl=b", codes: "read-error"}})
}

func TestReadTree(t *testing.T) {
	inTempDir(t, map[string]string{
		"a/a.plan.hcl":            "a",
		"a/sub/b.plan.hcl":        "b",
		"a/sub/deeper/c.plan.hcl": "c",
		"a/.hidden/h.plan.hcl":    "hidden",
		"a/empty/readme.md":       "no plan",
		".hidden/x.plan.hcl":      "x",
		"none/readme.md":          "no plan",
		"none/sub/readme.md":      "no plan",
		"none/.git/HEAD.plan.hcl": "hidden",
		"file/only.plan.hcl":      "only",
		"file/other.plan.hcl":     "not named",
	})
	abc := "a/a.plan.hcl=a a/sub/b.plan.hcl=b a/sub/deeper/c.plan.hcl=c"
	runReads(t, source.ReadTree, []readCase{
		{name: "every depth, hidden directories skipped", paths: []string{"a"}, want: abc},
		{name: "a hidden directory named", paths: []string{".hidden"}, want: ".hidden/x.plan.hcl=x"},
		{name: "no plan file anywhere", paths: []string{"none"}, codes: "no-plan-files"},
		{name: "a directory inside another named", paths: []string{"a", "a/sub"}, want: abc},
		{name: "a missing directory", paths: []string{"missing"}, codes: "read-error"},
		{name: "a file, not its directory", paths: []string{"file/only.plan.hcl"}, want: "file/only.plan.hcl=only"},
	})
}

func TestReadStdin(t *testing.T) {
	srcs, diags := source.ReadStdin(strings.NewReader("kpi"), "<stdin>")
	if names(srcs) != "<stdin>=kpi" || len(diags) != 0 {
		t.Errorf("ReadStdin = %s, %v", names(srcs), diags)
	}
	srcs, diags = source.ReadStdin(iotest.ErrReader(os.ErrClosed), "<stdin>")
	if len(srcs) != 0 || codes(diags) != "read-error" || diags[0].Summary != "Cannot read standard input" {
		t.Errorf("ReadStdin of a failing reader = %s, %v", names(srcs), diags)
	}
}

// TestReadArg: a path on disk wins over REV:DIR, even when it has a ':'.
func TestReadArg(t *testing.T) {
	gitRepo(t, map[string]string{"plans/a.plan.hcl": "a1"})
	writeFiles(t, map[string]string{"plans/a.plan.hcl": "a2", "HEAD:plans/a.plan.hcl": "on disk"})
	runReads(t, func(args ...string) ([]lang.Source, hcl.Diagnostics) { return source.ReadArg(args[0]) }, []readCase{
		{name: "a directory", paths: []string{"plans"}, want: "plans/a.plan.hcl=a2"},
		{name: "a revision", paths: []string{"main:plans"}, want: "main:plans/a.plan.hcl=a1"},
		{name: "a directory named like a revision", paths: []string{"HEAD:plans"}, want: "HEAD:plans/a.plan.hcl=on disk"},
		{name: "neither", paths: []string{"plans2"}, codes: "read-error"},
	})
}

// readSoon runs runReads with each reader, failing instead of hanging when
// a read does not return within a few seconds.
func readSoon(t *testing.T, cases []readCase, readers map[string]func(...string) ([]lang.Source, hcl.Diagnostics)) {
	t.Helper()
	for name, read := range readers {
		done := make(chan bool)
		go func() {
			defer close(done)
			runReads(t, read, cases)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s did not return within 5s", name)
		}
	}
}

// TestReadTooLarge: a file above MaxFileSize is refused, on disk and on
// standard input; one of exactly that size is read.
func TestReadTooLarge(t *testing.T) {
	inTempDir(t, map[string]string{"big/a.plan.hcl": "", "max/a.plan.hcl": ""})
	for name, size := range map[string]int64{"big/a.plan.hcl": source.MaxFileSize + 1, "max/a.plan.hcl": source.MaxFileSize} {
		if err := os.Truncate(name, size); err != nil {
			t.Fatal(err)
		}
	}
	if srcs, diags := source.Read("max"); len(srcs) != 1 || len(srcs[0].Bytes) != source.MaxFileSize || len(diags) != 0 {
		t.Errorf("a file of MaxFileSize: %d sources, %v", len(srcs), diags)
	}
	runReads(t, source.Read, []readCase{{name: "a file above MaxFileSize", paths: []string{"big"}, codes: "read-error"}})
	big := io.LimitReader(zeros{}, source.MaxFileSize+1)
	if srcs, diags := source.ReadStdin(big, "<stdin>"); len(srcs) != 0 || codes(diags) != "read-error" || !strings.Contains(diags[0].Detail, "larger than 16 MiB") {
		t.Errorf("standard input above MaxFileSize: %d sources, %v", len(srcs), diags)
	}
}

// zeros is an endless reader, like /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestReadDuplicates: a file reached by two paths, through a link or a
// second hard link is read once, under the first name it is reached by.
func TestReadDuplicates(t *testing.T) {
	inTempDir(t, map[string]string{
		"plan/a.plan.hcl":   "a",
		"plan/b.plan.hcl":   "b",
		"linked/a.plan.hcl": "x",
		"hard/c.plan.hcl":   "c",
	})
	links(t, os.Symlink, map[string]string{"plan": "alias", "a.plan.hcl": "linked/z.plan.hcl"})
	links(t, os.Link, map[string]string{"hard/c.plan.hcl": "hard/d.plan.hcl"})
	abs, err := filepath.Abs("plan/a.plan.hcl")
	if err != nil {
		t.Fatal(err)
	}
	ab := "plan/a.plan.hcl=a plan/b.plan.hcl=b"
	cases := []readCase{
		{name: "a file by two paths", paths: []string{"plan/a.plan.hcl", "./plan//a.plan.hcl"}, want: "plan/a.plan.hcl=a"},
		{name: "a file by a relative and an absolute path", paths: []string{"plan/a.plan.hcl", abs}, want: "plan/a.plan.hcl=a"},
		{name: "a directory and a file in it", paths: []string{"plan", "plan/b.plan.hcl"}, want: ab},
		{name: "a file and then its directory", paths: []string{"plan/b.plan.hcl", "plan"}, want: "plan/b.plan.hcl=b plan/a.plan.hcl=a"},
		{name: "a directory and a link to it", paths: []string{"plan", "alias"}, want: ab},
		{name: "a file and a link to it", paths: []string{"alias/a.plan.hcl", "plan/a.plan.hcl"}, want: "alias/a.plan.hcl=a"},
		{name: "a link beside its target", paths: []string{"linked"}, want: "linked/a.plan.hcl=x"},
		{name: "two hard links", paths: []string{"hard"}, want: "hard/c.plan.hcl=c"},
	}
	runReads(t, source.Read, cases)
	runReads(t, source.ReadTree, cases)
	overlay := source.Overlay{"linked/a.plan.hcl": []byte("edited")}
	runReads(t, func(...string) ([]lang.Source, hcl.Diagnostics) { return overlay.ReadDir("linked") },
		[]readCase{{name: "a link beside a buffer", want: "linked/a.plan.hcl=edited"}})
}

// links makes links (target -> name) with link, skipping the test where
// the system has none.
func links(t *testing.T, link func(target, name string) error, names map[string]string) {
	t.Helper()
	for target, name := range names {
		if err := link(target, name); err != nil {
			t.Skipf("cannot link: %v", err)
		}
	}
}
