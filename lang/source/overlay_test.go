package source_test

import (
	"os"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
)

func TestOverlayReadDir(t *testing.T) {
	inTempDir(t, map[string]string{"plan/a.plan.hcl": "a on disk", "plan/b.plan.hcl": "b on disk", "plan/notes.md": "not a plan"})
	if err := os.Mkdir("empty", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		overlay source.Overlay
		dir     string
		want    string
		codes   string
	}{
		{name: "no buffers: the disk", dir: "plan", want: "plan/a.plan.hcl=a on disk plan/b.plan.hcl=b on disk"},
		{name: "a buffer shadows its file", overlay: source.Overlay{"plan/a.plan.hcl": []byte("a edited")}, dir: "plan",
			want: "plan/a.plan.hcl=a edited plan/b.plan.hcl=b on disk"},
		{name: "a path is compared cleaned", overlay: source.Overlay{"plan/./x/../a.plan.hcl": []byte("a edited")}, dir: "plan/",
			want: "plan/a.plan.hcl=a edited plan/b.plan.hcl=b on disk"},
		{name: "a buffer not saved yet", overlay: source.Overlay{"plan/new.plan.hcl": []byte("new")}, dir: "plan",
			want: "plan/a.plan.hcl=a on disk plan/b.plan.hcl=b on disk plan/new.plan.hcl=new"},
		{name: "buffers elsewhere or not plans", overlay: source.Overlay{"other/c.plan.hcl": []byte("c"), "plan/sub/d.plan.hcl": []byte("d"), "plan/e.hcl": []byte("e")}, dir: "plan",
			want: "plan/a.plan.hcl=a on disk plan/b.plan.hcl=b on disk"},
		{name: "a directory only in buffers", overlay: source.Overlay{"new/z.plan.hcl": []byte("z"), "new/y.plan.hcl": []byte("y")}, dir: "new",
			want: "new/y.plan.hcl=y new/z.plan.hcl=z"},
		{name: "a missing directory without buffers", dir: "missing", codes: "read-error"},
		{name: "an empty directory", dir: "empty", codes: "no-plan-files"},
		{name: "an empty directory with a buffer", overlay: source.Overlay{"empty/a.plan.hcl": []byte("a")}, dir: "empty", want: "empty/a.plan.hcl=a"},
	} {
		runReads(t, func(...string) ([]lang.Source, hcl.Diagnostics) { return tc.overlay.ReadDir(tc.dir) },
			[]readCase{{name: tc.name, want: tc.want, codes: tc.codes}})
	}
}
