package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/compiler/workbook"
	"github.com/spf13/cobra"
)

// exportFormats are what planc export writes: the workbook, or the tidy
// values of solve --format csv.
var exportFormats = map[string]func(w io.Writer, r *compiler.Result) error{
	"xlsx": workbook.Write,
	"csv":  func(w io.Writer, r *compiler.Result) error { return report.CSV(w, r, "") },
}

// newExport is planc export: the plan as a spreadsheet.
func newExport(stdout, stderr io.Writer) *cobra.Command {
	var out, format string
	var strict bool
	cmd := &cobra.Command{
		Use:   "export [DIR|FILE...] -o OUT",
		Short: "Write the plan as a spreadsheet whose formulas recalculate it",
		Long: `Export compiles the plan like check and writes it to the file OUT.

--format xlsx (the default, unless OUT ends in .csv) writes a workbook: a
sheet for the plan (its goals, KPIs, lead sources and teams, and a legend),
one per funnel, one for the channels and one for the budgets. Every value
has a row with its path, title, unit and how planc solved it. The plan's
inputs are shaded cells with a note; every solved value is the formula of
the equation planc solved it from, forward or inverted backward, with the
plan's rounding (=ROUNDUP(funnel_demand_won_volume/funnel_demand_won_rate
-0.000001,0)), and each value's cell has a defined name made of its path.
Change a rate in Excel or LibreOffice and the workbook recalculates the
plan as planc would solve it.

--format csv writes the tidy rows of solve --format csv:
path,period,value,unit, one per value.

A plan with errors (or warnings, with --strict) writes nothing and exits 1.
OUT is replaced atomically; "-o -" writes to standard output.`,
		Example: "  planc export examples/saas-demand -o plan.xlsx\n  planc export --format csv . -o plan.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			write, err := exportFormat(format, out)
			if err != nil {
				return err
			}
			r := compiler.Run(args...)
			report.Text(stderr, r.Diags, r.Plan.Files)
			if len(r.Diags) > 0 {
				report.Summary(stderr, r.Diags)
			}
			if code := status(r.Diags, strict); code != ExitOK {
				if code == ExitPlan {
					fmt.Fprintf(stderr, "planc: wrote nothing: fix the plan's errors first\n")
				}
				return exit(code)
			}
			return exportTo(r, out, write, stdout, stderr)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (required); - for standard output")
	cmd.Flags().StringVar(&format, "format", "", "output format: xlsx, csv (default: csv when OUT ends in .csv, else xlsx)")
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors (exit 1, and nothing written)")
	return cmd
}

// exportFormat returns the writer of --format, or of OUT's extension when
// no format is given.
func exportFormat(format, out string) (func(io.Writer, *compiler.Result) error, error) {
	if out == "" {
		return nil, &usageError{"export needs an output file: -o OUT"}
	}
	if format == "" {
		format = "xlsx"
		if strings.EqualFold(filepath.Ext(out), ".csv") {
			format = "csv"
		}
	}
	write, ok := exportFormats[format]
	if !ok {
		return nil, &usageError{fmt.Sprintf("unknown --format %q; use one of: xlsx, csv", format)}
	}
	return write, nil
}

// exportTo writes r to out whole, or not at all: into memory first, then
// through a temporary file renamed over out.
func exportTo(r *compiler.Result, out string, write func(io.Writer, *compiler.Result) error, stdout, stderr io.Writer) error {
	var buf bytes.Buffer
	if err := write(&buf, r); err != nil {
		return err
	}
	if out == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(out, buf.Bytes(), 0o644); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) { // not the temporary file's name, which means nothing to the reader
			err = pe.Err
		}
		report.Text(stderr, hcl.Diagnostics{writeError(out, "Cannot write the export", fmt.Sprintf("%s: %v.", out, err))}, nil)
		return exit(ExitUsage)
	}
	fmt.Fprintf(stdout, "wrote %s\n", display.Printable(out))
	return nil
}
