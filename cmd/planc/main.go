// Command planc compiles B2B marketing plans written as HCL: it checks
// references and units, solves targets backward from the revenue goal, and
// reports inconsistencies as positioned, coded diagnostics.
package main

import (
	"os"

	"github.com/planc-dev/planc/cmd/planc/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) }
