//go:build unix

package lsp_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFIFOInPlanDirectory: a FIFO named like a plan file does not block
// the server; it is reported as a read-error at the start of the plan's
// first file, and the other files are checked.
func TestFIFOInPlanDirectory(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.plan.hcl"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	s := start(t, 0)
	diags := s.open(fileURI(dir, "main.plan.hcl"), demoPlan)
	d := withCode(diags, "read-error")
	if len(diags) != 1 || d == nil || d.Range != line(0, 0, 0) || !strings.Contains(d.Message, "fifo.plan.hcl is a named pipe (FIFO), not a regular file") {
		t.Errorf("diagnostics = %+v", diags)
	}
}
