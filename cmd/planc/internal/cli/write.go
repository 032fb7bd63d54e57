package cli

import (
	"os"
	"path/filepath"
)

// writePlanFile replaces the text of the plan file name with data, for fmt
// -w. Through a symbolic link it writes the link's target and keeps the
// link. A file with other hard links is rewritten in place, so that every
// name still shares the one file; any other file is replaced atomically.
func writePlanFile(name string, data []byte) error {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	if hardLinks(info) > 1 {
		return writeInPlace(target, data)
	}
	return writeFileAtomic(target, data, info.Mode().Perm())
}

// writeFileAtomic replaces name with data through a temporary file in the
// same directory, with permissions perm, so that an interrupted write
// never leaves a half-written plan. The rename gives name a new inode: it
// must be neither a link nor a file with other hard links.
func writeFileAtomic(name string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// writeInPlace rewrites name through its own inode, for a file with other
// hard links, which a rename would split from them. It writes the new text
// over the old, then cuts what is left; when that fails (a full disk), it
// puts the old text back, which fits where it was.
func writeInPlace(name string, data []byte) error {
	old, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := overwrite(f, data); err != nil {
		overwrite(f, old)
		f.Close()
		return err
	}
	return f.Close()
}

// overwrite makes data the whole of f's contents.
func overwrite(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	return f.Sync()
}
