package source

import (
	"errors"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// Overlay holds an editor's unsaved buffers by file path. Read through an
// overlay, a buffer takes the place of the file at its path on disk, and a
// buffer whose file was never saved is read as if it were on disk. Paths
// are compared cleaned, so "plan/./a.plan.hcl" and "plan/a.plan.hcl" are
// one file.
type Overlay map[string][]byte

// ReadDir reads the plan in dir as Read reads a directory, through the
// overlay: every *.plan.hcl file directly in dir, on disk or in a buffer,
// in name order, named filepath.Join(dir, its base name). A directory that
// is not on disk but has buffers (a plan not saved yet) is read from them
// alone.
func (o Overlay) ReadDir(dir string) ([]lang.Source, hcl.Diagnostics) {
	var c collector
	buffers := o.in(dir)
	names, err := planFiles(dir)
	if err != nil && !(errors.Is(err, fs.ErrNotExist) && len(buffers) > 0) {
		c.diags = append(c.diags, cannotReadDir(dir, err))
	}
	for name := range buffers {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		c.shadow(name)
	}
	slices.Sort(names)
	if len(names) == 0 && err == nil {
		c.diags = append(c.diags, noPlanFiles(dir))
	}
	for _, name := range names {
		if b, ok := buffers[name]; ok {
			c.srcs = append(c.srcs, lang.Source{Name: name, Bytes: b})
			continue
		}
		c.file(name)
	}
	return c.srcs, c.diags
}

// in returns the buffers of the plan files directly in dir, by the name
// ReadDir gives them.
func (o Overlay) in(dir string) map[string][]byte {
	dir = filepath.Clean(dir)
	out := map[string][]byte{}
	for _, key := range slices.Sorted(maps.Keys(o)) { // sorted: of two keys for one path, the last wins
		path := filepath.Clean(key)
		if filepath.Dir(path) == dir && strings.HasSuffix(path, lang.Ext) {
			out[path] = o[key]
		}
	}
	return out
}
