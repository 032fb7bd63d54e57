package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitPlan  = 1
	ExitUsage = 2
)

// exitError carries an exit status out of a command.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a mistake in how planc was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// Main runs planc with args and returns its exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	var ee *exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	}
	fmt.Fprintf(stderr, "planc: %v\nRun 'planc --help' for usage.\n", err)
	return ExitUsage
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "planc",
		Short: "planc compiles B2B marketing plans written as code",
		Long: `planc compiles B2B marketing plans written in HCL (*.plan.hcl files).

It type-checks references and units, solves every target backward from the
revenue goal (deals, SQLs, MQLs, inquiries, channel leads, budget spend), and
fails with precise, coded diagnostics when the plan is inconsistent.

Exit status: 0 when there is no error; 1 when the plan has errors (or
warnings, with --strict); 2 when planc was used wrongly or a file could not
be read.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err.Error()} })
	// One command a line, in the order `planc --help` lists them.
	root.AddCommand(
		newCheck(stdout, stderr),
		newSolve(stdout, stderr),
		newBuild(stdout, stderr),
		newFmt(stdout, stderr),
		newExplain(stdout, stderr),
		newLSP(stdout, stderr),
		newInit(stdout, stderr),
		newDiff(stdout, stderr),
	)
	return root
}

// compile loads and compiles the plan at paths.
// status is the exit status for diagnostics.
func status(diags hcl.Diagnostics, strict bool) int {
	for _, d := range diags {
		if lang.UsageCodes[lang.CodeOf(d)] {
			return ExitUsage
		}
	}
	for _, d := range diags {
		if d.Severity == hcl.DiagError || strict {
			return ExitPlan
		}
	}
	return ExitOK
}

func exit(code int) error {
	if code == ExitOK {
		return nil
	}
	return &exitError{code}
}
