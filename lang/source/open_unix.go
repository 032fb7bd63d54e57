//go:build unix

package source

import (
	"os"
	"syscall"
)

// openFlags opens plan files without waiting: opening a FIFO blocks until
// a writer opens it too unless O_NONBLOCK is set. A regular file reads the
// same either way, and readFile refuses anything else once it is open.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
