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
// directory. A file named more than once is read once. The files are named
// by their paths (dir/main.plan.hcl), as diagnostics show them.
//
// A path that cannot be read is a lang.ReadError diagnostic and a directory
// without plan files lang.NoPlanFiles; the files that could be read are
// returned with them.
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

// collector gathers the files of one read, each once, and the diagnostics
// of the ones it cannot read.
type collector struct {
	srcs  []lang.Source
	diags hcl.Diagnostics
	seen  map[string]bool
}

// path reads a directory's plan files or a file.
func (c *collector) path(p string) {
	names, diags := expand(p)
	c.diags = append(c.diags, diags...)
	for _, name := range names {
		c.file(name)
	}
}

// file reads one file, unless it was read already.
func (c *collector) file(name string) {
	if c.seen[name] {
		return
	}
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	c.seen[name] = true
	b, err := readFile(name)
	if err != nil {
		c.diags = append(c.diags, lang.Diag(lang.ReadError, hcl.Range{Filename: name}, "Cannot read file", ioDetail(err)))
		return
	}
	c.srcs = append(c.srcs, lang.Source{Name: name, Bytes: b})
}

// MaxFileSize is the largest plan file planc reads, in bytes: far more than
// any plan needs, and a bound on what a wrong path (a log, a disk image)
// can make it read.
const MaxFileSize = 16 << 20

// readFile reads a plan file. It refuses what is not a regular file, which
// could block (a FIFO without a writer) or never end (/dev/zero), and a
// file larger than MaxFileSize. It opens the file before it looks at it,
// so that nothing can swap a FIFO in between.
func readFile(name string) ([]byte, error) {
	f, err := os.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, refusal(fmt.Sprintf("%s is %s, not a regular file. planc reads plans only from regular files: remove it, or name the plan's files.", name, kind(info.Mode())))
	}
	return readAtMost(f, name)
}

// readAtMost reads r to its end, or fails once it has more than
// MaxFileSize bytes.
func readAtMost(r io.Reader, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err == nil && len(b) > MaxFileSize {
		err = refusal(fmt.Sprintf("%s is larger than %d MiB, more than any plan needs. Check that it is a plan file, or split the plan into several files.", name, MaxFileSize>>20))
	}
	return b, err
}

// A refusal is a file that planc will not read, and why.
type refusal string

func (r refusal) Error() string { return string(r) }

// kind names a file's type for a refusal.
func kind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode.IsDir():
		return "a directory"
	}
	return "a special file"
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

// ioDetail is the detail of a read-error diagnostic: what failed, and
// what to check.
func ioDetail(err error) string {
	if _, ok := err.(refusal); ok {
		return err.Error()
	}
	return fmt.Sprintf("%v. Check the path and its permissions.", err)
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
