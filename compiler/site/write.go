package site

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Marker is the file that marks a directory as a site planc wrote. It
// lists the site's files, so that planc can tell them from files a user
// put there later, which it will not delete.
const Marker = ".planc-site"

const markerHead = "# Written by planc build. planc replaces this directory on the next build;\n# it refuses to if the directory holds files other than these.\n"

// writeFile is os.WriteFile; tests replace it to make a build fail midway.
var writeFile = os.WriteFile

// Write writes files into the directory out, replacing a site planc wrote
// there before, as Build does (see stage).
func Write(out string, files map[string][]byte) error {
	st, err := newStage(out)
	if err != nil {
		return err
	}
	for _, name := range sortedNames(files) {
		if err := st.put(name, files[name]); err != nil {
			st.abort()
			return err
		}
	}
	return st.commit()
}

// A stage is a new site being written: its files go into a hidden
// temporary directory next to the site's as they are rendered, so that
// memory never holds the whole site, and commit swaps the two directories
// in one step, so that a failed or killed build leaves the old site as it
// was. A stage refuses to replace a non-empty directory without the
// marker, or one with files the marker does not list.
type stage struct {
	out, tmp string
	// exists says whether out exists, to be swapped rather than created.
	exists bool
	mu     sync.Mutex // guards names: pages are written concurrently
	names  map[string]bool
	// lock is held on the temporary directory while the stage lives, so
	// that the next build can tell a killed build's leftovers (which it
	// removes) from a running one's.
	lock io.Closer
}

func newStage(out string) (*stage, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if err := recoverAndClean(parent, base, out); err != nil {
		return nil, err
	}
	info, exists, err := checkTarget(out)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+stagePrefix)
	if err != nil {
		return nil, err
	}
	st := &stage{out: out, tmp: tmp, exists: exists, names: map[string]bool{}}
	mode := fs.FileMode(0o755)
	if exists {
		mode = info.Mode().Perm() // a directory the user made keeps its mode
	}
	if err := os.Chmod(tmp, mode); err != nil {
		st.abort()
		return nil, err
	}
	if st.lock, err = lockDir(tmp); err != nil {
		st.abort()
		return nil, err
	}
	return st, nil
}

// stagePrefix and asidePrefix follow ".<site>" in the names of a stage's
// temporary directory and of the directory an old site is moved into
// where directories cannot be exchanged.
const (
	stagePrefix = ".new-"
	asidePrefix = ".old-"
)

// put writes one file of the site.
func (st *stage) put(name string, data []byte) error {
	if !filepath.IsLocal(name) || strings.ContainsRune(name, os.PathSeparator) {
		return fmt.Errorf("bad site file name %q", name)
	}
	st.mu.Lock()
	dup := st.names[name]
	st.names[name] = true
	st.mu.Unlock()
	if dup {
		return fmt.Errorf("two pages named %s", name)
	}
	return writeFile(filepath.Join(st.tmp, name), data, 0o644)
}

// files lists the site's files in name order.
func (st *stage) files() []string {
	out := make([]string, 0, len(st.names))
	for name := range st.names {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// commit writes the marker and puts the new site in place of the old.
func (st *stage) commit() error {
	names := st.files()
	marker := markerHead + strings.Join(names, "\n") + "\n"
	if err := writeFile(filepath.Join(st.tmp, Marker), []byte(marker), 0o644); err != nil {
		st.abort()
		return err
	}
	if !st.exists {
		if err := os.Rename(st.tmp, st.out); err != nil {
			st.abort()
			return err
		}
		st.unlock()
		return nil
	}
	if err := exchange(st.tmp, st.out); err == nil {
		// tmp holds the old site now.
		st.abort()
		return nil
	}
	err := swap(st.tmp, st.out)
	if err != nil {
		st.abort()
	}
	st.unlock()
	return err
}

// abort removes the stage's directory.
func (st *stage) abort() {
	os.RemoveAll(st.tmp)
	st.unlock()
}

func (st *stage) unlock() {
	if st.lock != nil {
		st.lock.Close()
		st.lock = nil
	}
}

// swap puts the new site in place where directories cannot be exchanged
// in one step (exchange failed): it moves the old site aside, the new one
// in, and then deletes the old. A kill between the two renames leaves the
// old site aside, which the next build puts back (recoverAndClean).
func swap(tmp, out string) error {
	old, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+asidePrefix)
	if err != nil {
		return err
	}
	aside := filepath.Join(old, "site")
	if err := os.Rename(out, aside); err != nil {
		os.Remove(old)
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		// Put the old site back, so that the failure changes nothing.
		if back := os.Rename(aside, out); back != nil {
			return fmt.Errorf("%w; the old site is kept in %s", err, aside)
		}
		os.Remove(old)
		return err
	}
	return os.RemoveAll(old)
}

// recoverAndClean undoes what killed builds of the site out left behind:
// an old site moved aside by swap goes back when out is missing, and the
// temporary directories no running build holds are removed.
func recoverAndClean(parent, base, out string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		dir := filepath.Join(parent, name)
		switch {
		case !e.IsDir():
		case strings.HasPrefix(name, "."+base+asidePrefix):
			if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
				if err := os.Rename(filepath.Join(dir, "site"), out); err != nil {
					return fmt.Errorf("restoring the site a killed build moved to %s: %w", dir, err)
				}
			}
			os.RemoveAll(dir)
		case strings.HasPrefix(name, "."+base+stagePrefix) && !locked(dir):
			os.RemoveAll(dir)
		}
	}
	return nil
}

// checkTarget says whether out exists, with its FileInfo, and fails when
// it may not be replaced.
func checkTarget(out string) (fs.FileInfo, bool, error) {
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !info.IsDir() {
		return nil, false, fmt.Errorf("%s exists and is not a directory; planc will not replace it", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, false, err
	}
	if len(entries) == 0 {
		return info, true, nil
	}
	listed, err := readMarker(filepath.Join(out, Marker))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("%s is not empty and was not written by planc (it has no %s file); planc will not replace it. Choose another -o directory, or empty this one", out, Marker)
	}
	if err != nil {
		return nil, false, err
	}
	var foreign []string
	for _, e := range entries {
		if e.Name() != Marker && (!listed[e.Name()] || !e.Type().IsRegular()) {
			foreign = append(foreign, e.Name())
		}
	}
	if len(foreign) > 0 {
		return nil, false, fmt.Errorf("%s holds files planc did not write (%s); planc will not delete them. Move them out of the site directory", out, strings.Join(foreign, ", "))
	}
	return info, true, nil
}

func readMarker(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			listed[line] = true
		}
	}
	return listed, sc.Err()
}
