package cli

import (
	"errors"
	"fmt"
	"io"
	"syscall"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/compiler/report"
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

// Main runs planc with args and returns its exit status. What it writes
// to stdout is checked: output that could not be written whole (a full
// disk) is a write-error with status 2, not a silent success. What it
// writes to stderr is for people, and passes through display.Terminal.
func Main(args []string, stdout, stderr io.Writer) int {
	out := &checkedWriter{w: stdout}
	stderr = terminalWriter{stderr}
	root := newRoot(out, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if out.err != nil {
		return writeFailed(stderr, out.err)
	}
	var ee *exitError
	var ue *usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "planc: %v\nRun 'planc --help' for usage.\n", err)
	default:
		fmt.Fprintf(stderr, "planc: %v\n", err)
	}
	return ExitUsage
}

// checkedWriter keeps the first error of writing to w and writes nothing
// after it.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

// writeFailed reports that standard output could not be written and
// returns the status. A closed pipe (planc solve | head) is not reported:
// the reader has what it wanted, as with other tools.
func writeFailed(stderr io.Writer, err error) int {
	if !errors.Is(err, syscall.EPIPE) {
		report.Text(stderr, hcl.Diagnostics{writeError("", "Cannot write the output", fmt.Sprintf("standard output: %v", err))}, nil)
	}
	return ExitUsage
}

// writeError is a write-error diagnostic about the file or directory at
// name ("" for standard output).
func writeError(name, summary, detail string) *hcl.Diagnostic {
	d := lang.Diag(lang.WriteError, hcl.Range{Filename: name}, summary, detail)
	if name == "" {
		d.Subject = nil
	}
	return d
}

// terminalWriter writes text for people: the plan's titles and file
// names in it cannot move the cursor or rewrite what was printed.
type terminalWriter struct{ w io.Writer }

func (t terminalWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, display.Terminal(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
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
		newTrack(stdout, stderr),
		newImprove(stdout, stderr),
		newCompare(stdout, stderr),
		newBuild(stdout, stderr),
		newExport(stdout, stderr),
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
