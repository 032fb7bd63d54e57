//go:build !unix

package cli

import "io/fs"

// hardLinks is the number of names the file of info has. Outside Unix,
// FileInfo does not tell, and fmt -w replaces files atomically.
func hardLinks(fs.FileInfo) uint64 { return 1 }
