package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullWriter takes n bytes and then fails, as a full disk does.
type fullWriter struct {
	n   int
	err error
}

func (f *fullWriter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return len(p), nil
	}
	n := f.n
	f.n = 0
	return n, f.err
}

// TestStdoutWriteErrors: output that cannot be written whole is a
// write-error with status 2 (planc fmt - on a full disk wrote 1 KB of 3 and
// exited 0; solve and explain to /dev/full exited 0), without the usage
// hint that follows a mistake in how planc was called. A closed pipe ends
// planc quietly.
func TestStdoutWriteErrors(t *testing.T) {
	plan := buildCleanPlan(t)
	src, err := os.ReadFile(filepath.Join(plan, "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	stdin := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(stdin, src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"solve", plan},
		{"solve", "--format", "json", plan},
		{"check", "--format", "sarif", plan},
		{"explain", "over-budget"},
		{"fmt", filepath.Join(plan, "plan.plan.hcl")},
		{"diff", plan, plan},
	} {
		t.Run(strings.Join(args[:1], " "), func(t *testing.T) {
			var stderr bytes.Buffer
			code := Main(args, &fullWriter{n: 100, err: syscall.ENOSPC}, &stderr)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			got := stderr.String()
			if !strings.Contains(got, "error[write-error]: Cannot write the output") || !strings.Contains(got, "no space left") {
				t.Errorf("stderr:\n%s", got)
			}
			if strings.Contains(got, "--help") {
				t.Errorf("a write error is not a usage error:\n%s", got)
			}
		})
	}
	var stderr bytes.Buffer
	if code := Main([]string{"solve", plan}, &fullWriter{err: syscall.EPIPE}, &stderr); code != ExitUsage || stderr.Len() != 0 {
		t.Errorf("closed pipe: exit %d, stderr %q; want 2 and nothing", code, stderr.String())
	}
}

// TestFmtWriteError: a file fmt -w cannot write is a write-error naming
// it, with status 2, and the file is as it was.
func TestFmtWriteError(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.plan.hcl")
	if err := os.WriteFile(name, []byte("plan {\ntitle=\"x\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writePlan = func(string, []byte) error { return errors.New("disk full") }
	defer func() { writePlan = writePlanFile }()
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"fmt", "-w", dir}, &stdout, &stderr); code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
	want := "error[write-error]: Cannot write the file\n  --> " + name + "\n = disk full. The file is as it was.\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
}

// TestTerminalEscapes: a title and a file name with escape sequences do
// not reach the terminal as such: a message used to be able to erase its
// own line and print a fake "0 errors".
func TestTerminalEscapes(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x\x1b[2K.plan.hcl")
	src := "plan {\n  title = \"t\"\n}\ncheck \"c\" {\n  condition = 1 > 2\n  message   = \"\x1b[1A\x1b[2K\r0 errors, 0 warnings\"\n}\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	Main([]string{"check", dir}, &stdout, &stderr)
	if strings.ContainsAny(stderr.String(), "\x1b\r") {
		t.Errorf("escape sequences reached the terminal: %q", stderr.String())
	}
	if !strings.Contains(stderr.String(), "check-failed") {
		t.Errorf("no check-failed diagnostic: %q", stderr.String())
	}
}
