package source_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

func TestSplitRevision(t *testing.T) {
	for _, tc := range []struct {
		arg, rev, dir string
		ok            bool
	}{
		{"main:plans", "main", "plans", true},
		{"HEAD~1:examples/saas-demand", "HEAD~1", "examples/saas-demand", true},
		{"HEAD:", "HEAD", "", true},
		{":plans", "", "plans", true},
		{"main@{2 days ago}:plans", "main@{2 days ago}", "plans", true},
		{"HEAD^{/fix: typo}:a:b", "HEAD^{/fix: typo}", "a:b", true},
		{"plans", "", "", false},
		{"", "", "", false},
	} {
		rev, dir, ok := source.SplitRevision(tc.arg)
		if rev != tc.rev || dir != tc.dir || ok != tc.ok {
			t.Errorf("SplitRevision(%q) = %q, %q, %v; want %q, %q, %v", tc.arg, rev, dir, ok, tc.rev, tc.dir, tc.ok)
		}
	}
}

// gitRepo makes a repository in a temporary directory, commits files (path
// -> contents) as its first commit, and changes into the directory.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := inTempDir(t, files)
	runGit(t, "init", "-q", "-b", "main")
	runGit(t, "add", "-A")
	runGit(t, "commit", "-q", "-m", "first")
	return dir
}

// inTempDir changes into a new temporary directory, writes files (path ->
// contents) there and returns the directory.
func inTempDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, files)
	return dir
}

// writeFiles writes files (path -> contents) in the current directory.
func writeFiles(t *testing.T, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runGit runs git in the current directory, isolated from the user's and
// the system's configuration.
func runGit(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=planc", "GIT_AUTHOR_EMAIL=planc@example.com",
		"GIT_COMMITTER_NAME=planc", "GIT_COMMITTER_EMAIL=planc@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// names lists sources as NAME=CONTENTS, for comparing in a test.
func names(srcs []lang.Source) string {
	return joined(srcs, func(s lang.Source) string { return s.Name + "=" + strings.TrimSpace(string(s.Bytes)) })
}

// joined is f of each of xs, joined by spaces.
func joined[T any](xs []T, f func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return strings.Join(out, " ")
}

func TestReadGit(t *testing.T) {
	gitRepo(t, map[string]string{
		"plans/b.plan.hcl":     "b1",
		"plans/a.plan.hcl":     "a1",
		"plans/notes.md":       "not a plan",
		"plans/sub/c.plan.hcl": "not in the plan: a subdirectory",
		"empty/readme.txt":     "no plan here",
	})
	// The working tree moves on; the revision keeps the old files.
	writeFiles(t, map[string]string{"plans/a.plan.hcl": "a2"})
	if err := os.Remove("plans/b.plan.hcl"); err != nil {
		t.Fatal(err)
	}
	runGit(t, "commit", "-q", "-am", "second")

	for _, tc := range []struct{ rev, dir, want string }{
		{"HEAD~1", "plans", "HEAD~1:plans/a.plan.hcl=a1 HEAD~1:plans/b.plan.hcl=b1"},
		{"main", "plans", "main:plans/a.plan.hcl=a2"},
		{"HEAD~1", "./plans/", "HEAD~1:plans/a.plan.hcl=a1 HEAD~1:plans/b.plan.hcl=b1"},
		{"HEAD~1", "plans/b.plan.hcl", "HEAD~1:plans/b.plan.hcl=b1"},
	} {
		srcs, diags := source.ReadGit(tc.rev, tc.dir)
		if diags.HasErrors() || names(srcs) != tc.want {
			t.Errorf("ReadGit(%q, %q) = %s, %v; want %s", tc.rev, tc.dir, names(srcs), diags, tc.want)
		}
	}

	// From a subdirectory, DIR is relative to it, and "" is the
	// subdirectory itself.
	t.Chdir("plans")
	for _, tc := range []struct{ dir, want string }{
		{"", "HEAD~1:a.plan.hcl=a1 HEAD~1:b.plan.hcl=b1"},
		{".", "HEAD~1:a.plan.hcl=a1 HEAD~1:b.plan.hcl=b1"},
		{"../plans", "HEAD~1:../plans/a.plan.hcl=a1 HEAD~1:../plans/b.plan.hcl=b1"},
	} {
		srcs, diags := source.ReadGit("HEAD~1", tc.dir)
		if diags.HasErrors() || names(srcs) != tc.want {
			t.Errorf("in plans/: ReadGit(HEAD~1, %q) = %s, %v; want %s", tc.dir, names(srcs), diags, tc.want)
		}
	}
	abs, _ := filepath.Abs(".")
	if srcs, diags := source.ReadGit("HEAD", abs); diags.HasErrors() || len(srcs) != 1 {
		t.Errorf("absolute path %s: %s, %v", abs, names(srcs), diags)
	}
}

func TestReadGitErrors(t *testing.T) {
	gitRepo(t, map[string]string{"plans/a.plan.hcl": "a", "empty/readme.txt": "no plan"})
	for _, tc := range []struct {
		rev, dir string
		code     lang.Code
		detail   string
	}{
		{"nosuchbranch", "plans", lang.ReadError, `no commit "nosuchbranch"`},
		{"HEAD~5", "plans", lang.ReadError, `no commit "HEAD~5"`},
		{"", "plans", lang.ReadError, "needs a git revision"},
		{"--output=x", "plans", lang.ReadError, "needs a git revision"},
		{"HEAD", "missing", lang.ReadError, "Revision HEAD has no missing"},
		{"HEAD", "empty", lang.NoPlanFiles, "no *.plan.hcl file"},
		{"HEAD", "..", lang.ReadError, "outside the git repository"},
	} {
		srcs, diags := source.ReadGit(tc.rev, tc.dir)
		if len(srcs) != 0 || len(diags) != 1 || lang.CodeOf(diags[0]) != tc.code || !strings.Contains(diags[0].Detail, tc.detail) {
			t.Errorf("ReadGit(%q, %q) = %d sources, %v; want one %s containing %q", tc.rev, tc.dir, len(srcs), diags, tc.code, tc.detail)
			continue
		}
		if got, want := diags[0].Subject.Filename, tc.rev+":"+tc.dir; got != want {
			t.Errorf("ReadGit(%q, %q) names %q, want %q", tc.rev, tc.dir, got, want)
		}
	}
}

func TestReadGitNotARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Chdir(t.TempDir())
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(mustGetwd(t)))
	_, diags := source.ReadGit("HEAD", "plans")
	if len(diags) != 1 || lang.CodeOf(diags[0]) != lang.ReadError || !strings.Contains(diags[0].Detail, "not in a git work tree") {
		t.Errorf("outside a repository: %v", diags)
	}
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// FuzzSplitRevision checks that splitting never panics and never loses
// or invents text: REV ":" DIR is the argument again.
func FuzzSplitRevision(f *testing.F) {
	for _, s := range []string{"main:plans", "HEAD~1:.", "main@{2 days ago}:plans", "HEAD^{/fix: typo}:x", "plans", "a{b:c", "}:{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		rev, dir, ok := source.SplitRevision(arg)
		if ok && rev+":"+dir != arg {
			t.Fatalf("SplitRevision(%q) = %q, %q", arg, rev, dir)
		}
		if !ok && strings.Count(arg, ":") == 0 && (rev != "" || dir != "") {
			t.Fatalf("SplitRevision(%q) = %q, %q, false", arg, rev, dir)
		}
	})
}
