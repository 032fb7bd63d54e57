//go:build unix

package site

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive lock on dir, held until the Closer is closed
// or the process ends (a killed build's lock goes with it).
func lockDir(dir string) (io.Closer, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// locked reports whether a running build holds dir (or it cannot be told).
func locked(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return true
	}
	defer f.Close() // releases the lock taken to test
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) != nil
}
