//go:build !unix

package source

import "os"

// openFlags opens plan files. Systems other than Unix have no FIFOs in
// directories that opening could block on.
const openFlags = os.O_RDONLY
