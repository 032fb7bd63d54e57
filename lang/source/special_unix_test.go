//go:build unix

package source_test

import (
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

// TestReadSpecialFiles: a FIFO, a socket or a device, in a plan directory
// or named, is refused with a read-error, without blocking (a FIFO without
// a writer) or reading without end (/dev/zero). The plan's regular files
// are still read.
func TestReadSpecialFiles(t *testing.T) {
	inTempDir(t, map[string]string{"plan/a.plan.hcl": "a"})
	if err := syscall.Mkfifo("plan/fifo.plan.hcl", 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	l, err := net.Listen("unix", "plan/socket.plan.hcl")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	defer l.Close()
	overlay := source.Overlay{"plan/new.plan.hcl": []byte("new")}
	readSoon(t, []readCase{
		{name: "a directory with a FIFO and a socket", paths: []string{"plan"}, want: "plan/a.plan.hcl=a", codes: "read-error read-error"},
		{name: "a FIFO named", paths: []string{"plan/fifo.plan.hcl"}, codes: "read-error"},
		{name: "a device named", paths: []string{os.DevNull}, codes: "read-error"},
		{name: "a device that never ends", paths: []string{"/dev/zero"}, codes: "read-error"},
	}, map[string]func(...string) ([]lang.Source, hcl.Diagnostics){
		"Read":     source.Read,
		"ReadTree": source.ReadTree,
		"ReadArg":  func(paths ...string) ([]lang.Source, hcl.Diagnostics) { return source.ReadArg(paths[0]) },
	})
	readSoon(t, []readCase{{name: "an overlay", want: "plan/a.plan.hcl=a plan/new.plan.hcl=new", codes: "read-error read-error"}},
		map[string]func(...string) ([]lang.Source, hcl.Diagnostics){
			"Overlay.ReadDir": func(...string) ([]lang.Source, hcl.Diagnostics) { return overlay.ReadDir("plan") },
		})
	_, diags := source.Read("plan/fifo.plan.hcl")
	if want := "plan/fifo.plan.hcl is a named pipe (FIFO), not a regular file. planc reads plans only from regular files: remove it, or name the plan's files."; len(diags) != 1 || diags[0].Detail != want {
		t.Errorf("diagnostics = %v, want the detail %q", diags, want)
	}
}
