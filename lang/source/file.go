package source

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// MaxFileSize is the largest plan file planc reads, in bytes: far more than
// any plan needs, and a bound on what a wrong path (a log, a disk image)
// can make it read.
const MaxFileSize = 16 << 20

// collector gathers the files of one read, each once, and the diagnostics
// of the ones it cannot read.
type collector struct {
	srcs  []lang.Source
	diags hcl.Diagnostics
	// paths are the absolute paths tried, so that a file named twice
	// (plan/a.plan.hcl and ./plan/a.plan.hcl) is read, or reported, once.
	paths map[string]bool
	// files are the files read, by size: os.SameFile tells a file reached
	// by a link or a second name, and need only compare files of one size.
	files map[int64][]fs.FileInfo
}

// path reads a directory's plan files or a file.
func (c *collector) path(p string) {
	names, diags := expand(p)
	c.diags = append(c.diags, diags...)
	for _, name := range names {
		c.file(name)
	}
}

// file reads one file, unless it was read already under this name or
// another.
func (c *collector) file(name string) {
	if !c.firstTry(name) {
		return
	}
	f, info, err := openRegular(name)
	if err != nil {
		c.fail(name, err)
		return
	}
	defer f.Close()
	if !c.firstRead(info) {
		return
	}
	b, err := readAtMost(f, name)
	if err != nil {
		c.fail(name, err)
		return
	}
	c.srcs = append(c.srcs, lang.Source{Name: name, Bytes: b})
}

func (c *collector) fail(name string, err error) {
	c.diags = append(c.diags, lang.Diag(lang.ReadError, hcl.Range{Filename: name}, "Cannot read file", ioDetail(err)))
}

// firstTry records name and reports whether it is new.
func (c *collector) firstTry(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = filepath.Clean(name) // no working directory: compare as given
	}
	if c.paths[abs] {
		return false
	}
	if c.paths == nil {
		c.paths = map[string]bool{}
	}
	c.paths[abs] = true
	return true
}

// firstRead records the file of info and reports whether it is new.
func (c *collector) firstRead(info fs.FileInfo) bool {
	for _, other := range c.files[info.Size()] {
		if os.SameFile(info, other) {
			return false
		}
	}
	if c.files == nil {
		c.files = map[int64][]fs.FileInfo{}
	}
	c.files[info.Size()] = append(c.files[info.Size()], info)
	return true
}

// shadow records the file on disk that a buffer takes the place of, so
// that another name for it (a link) is not read beside the buffer.
func (c *collector) shadow(name string) {
	c.firstTry(name)
	if info, err := os.Stat(name); err == nil {
		c.firstRead(info)
	}
}

// openRegular opens a plan file and returns it with its stat. It refuses
// what is not a regular file, which could block (a FIFO without a writer)
// or never end (/dev/zero). It opens before it looks, so that nothing can
// swap a FIFO in between.
func openRegular(name string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = refusal(fmt.Sprintf("%s is %s, not a regular file. planc reads plans only from regular files: remove it, or name the plan's files.", name, kind(info.Mode())))
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
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

// ioDetail is the detail of a read-error diagnostic: what failed, and
// what to check.
func ioDetail(err error) string {
	if _, ok := err.(refusal); ok {
		return err.Error()
	}
	return fmt.Sprintf("%v. Check the path and its permissions.", err)
}
