package source

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// Read reads the plan at paths, as planc check names it: each path a
// directory, for every *.plan.hcl file directly in it in name order, or a
// file, read as named whatever its suffix. No paths means the current
// directory. The files are named by their paths (dir/main.plan.hcl), as
// diagnostics show them. A file is read once, under the first name it is
// reached by, however many paths or links name it.
//
// Only regular files of at most MaxFileSize bytes are read: a FIFO, a
// device or a socket could block or never end. A path that cannot be read
// or a file refused is a lang.ReadError diagnostic, and a directory without
// plan files lang.NoPlanFiles; the files that could be read are returned
// with them.
func Read(paths ...string) ([]lang.Source, hcl.Diagnostics) {
	var c collector
	for _, p := range orDot(paths) {
		c.path(p)
	}
	return c.srcs, c.diags
}

// ReadTree reads like Read, and also the plan files of every subdirectory
// at any depth, as planc fmt --recursive does. Hidden directories (.git)
// are skipped unless named. A directory without a plan file anywhere under
// it is lang.NoPlanFiles.
func ReadTree(paths ...string) ([]lang.Source, hcl.Diagnostics) {
	var c collector
	for _, root := range orDot(paths) {
		for _, dir := range planDirs(root) {
			c.path(dir)
		}
	}
	return c.srcs, c.diags
}

// ReadArg reads one plan argument of planc diff: a path on disk, as Read
// reads it, or else a plan at a git revision written REV:DIR (see
// SplitRevision and ReadGit). An existing path wins, so that a directory
// whose name has a ':' is still read from disk.
func ReadArg(arg string) ([]lang.Source, hcl.Diagnostics) {
	if _, err := os.Stat(arg); err != nil {
		if rev, dir, ok := SplitRevision(arg); ok {
			return ReadGit(rev, dir)
		}
	}
	return Read(arg)
}

// ReadStdin reads r, standard input, as one plan file called name (planc
// fmt calls it "<stdin>").
func ReadStdin(r io.Reader, name string) ([]lang.Source, hcl.Diagnostics) {
	b, err := readAtMost(r, name)
	if err != nil {
		return nil, hcl.Diagnostics{lang.Diag(lang.ReadError, hcl.Range{Filename: name}, "Cannot read standard input", err.Error())}
	}
	return []lang.Source{{Name: name, Bytes: b}}, nil
}

// orDot is paths, or the current directory when there are none.
func orDot(paths []string) []string {
	if len(paths) == 0 {
		return []string{"."}
	}
	return paths
}

// expand returns the files that path p stands for: a directory's plan
// files, sorted, or p itself.
func expand(p string) ([]string, hcl.Diagnostics) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, hcl.Diagnostics{lang.Diag(lang.ReadError, hcl.Range{Filename: p}, "Cannot read plan", ioDetail(err))}
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	names, err := planFiles(p)
	if err != nil {
		return nil, hcl.Diagnostics{cannotReadDir(p, err)}
	}
	if len(names) == 0 {
		return nil, hcl.Diagnostics{noPlanFiles(p)}
	}
	return names, nil
}

// planFiles lists the plan files directly in dir, sorted: the entries
// named *.plan.hcl that are not directories.
func planFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), lang.Ext) {
			names = append(names, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(names)
	return names, err
}

func cannotReadDir(dir string, err error) *hcl.Diagnostic {
	return lang.Diag(lang.ReadError, hcl.Range{Filename: dir}, "Cannot read directory", ioDetail(err))
}

func noPlanFiles(dir string) *hcl.Diagnostic {
	return lang.Diag(lang.NoPlanFiles, hcl.Range{Filename: dir}, "No plan files",
		fmt.Sprintf("The directory %s has no *%s file. Name the plan's files like main%s, or pass the files to planc.", dir, lang.Ext, lang.Ext))
}

// planDirs lists the directories under root (root included) that hold a
// plan file, skipping hidden directories (.git). A root that is a file,
// cannot be walked or holds no plan file anywhere is returned as it is, for
// Read to read or to report.
func planDirs(root string) []string {
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return []string{root} // a file is read as named, not its whole directory
	}
	var dirs []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && path != root && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(d.Name(), lang.Ext):
			if dir := filepath.Dir(path); len(dirs) == 0 || dirs[len(dirs)-1] != dir {
				dirs = append(dirs, dir)
			}
		}
		return nil
	})
	if len(dirs) == 0 {
		return []string{root}
	}
	return dirs
}
