package site

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file that marks a directory as a site planc wrote. It
// lists the site's files, so that planc can tell them from files a user
// put there later, which it will not delete.
const Marker = ".planc-site"

const markerHead = "# Written by planc build. planc replaces this directory on the next build;\n# it refuses to if the directory holds files other than these.\n"

// writeFile is os.WriteFile; tests replace it to make a build fail midway.
var writeFile = os.WriteFile

// Write writes files into the directory out, replacing a site planc wrote
// there before. The new site is written into a temporary directory next to
// out and then swapped in with renames, so that a failed build leaves the
// old site untouched. Write refuses to replace an existing non-empty
// directory without the marker, or one with files the marker does not
// list.
func Write(out string, files map[string][]byte) (err error) {
	out = filepath.Clean(out)
	exists, err := checkTarget(out)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	names := sortedNames(files)
	for _, name := range names {
		if err := writeOne(tmp, name, files[name]); err != nil {
			return err
		}
	}
	marker := markerHead + strings.Join(names, "\n") + "\n"
	if err := writeFile(filepath.Join(tmp, Marker), []byte(marker), 0o644); err != nil {
		return err
	}
	if !exists {
		return os.Rename(tmp, out)
	}
	return swap(tmp, out)
}

func writeOne(dir, name string, data []byte) error {
	if !filepath.IsLocal(name) || strings.ContainsRune(name, os.PathSeparator) {
		return fmt.Errorf("bad site file name %q", name)
	}
	return writeFile(filepath.Join(dir, name), data, 0o644)
}

// swap moves the old site aside, the new one in, and then deletes the old.
func swap(tmp, out string) error {
	old, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".old-")
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

// checkTarget says whether out exists, and fails when it may not be
// replaced.
func checkTarget(out string) (bool, error) {
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !info.IsDir() {
		return false, fmt.Errorf("%s exists and is not a directory; planc will not replace it", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, err
	}
	if len(entries) == 0 {
		return true, nil
	}
	listed, err := readMarker(filepath.Join(out, Marker))
	if errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("%s is not empty and was not written by planc (it has no %s file); planc will not replace it. Choose another -o directory, or empty this one", out, Marker)
	}
	if err != nil {
		return false, err
	}
	var foreign []string
	for _, e := range entries {
		if e.Name() != Marker && (!listed[e.Name()] || !e.Type().IsRegular()) {
			foreign = append(foreign, e.Name())
		}
	}
	if len(foreign) > 0 {
		return false, fmt.Errorf("%s holds files planc did not write (%s); planc will not delete them. Move them out of the site directory", out, strings.Join(foreign, ", "))
	}
	return true, nil
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
