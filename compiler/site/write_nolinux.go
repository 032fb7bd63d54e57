//go:build !linux

package site

import "errors"

// exchange would swap two directories in one step; outside Linux, swap
// does it in two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
