package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/plandiff"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
	"github.com/spf13/cobra"
)

func newDiff(stdout, stderr io.Writer) *cobra.Command {
	var format string
	var exitCode bool
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show which solved values moved between two plans",
		Long: `Diff compiles two plans and compares their solved values by reference path:
what moved, with the absolute and relative change ("2,286 -> 2,520  +234
(+10.2%)"), and which values were added, removed, solved on one side only,
or changed unit. The headline values (KGIs, funnel revenue and stage
volumes, channel leads and cost, budget spend and cap) come first.

OLD and NEW are each a plan directory (or file), or a plan at a git
revision written REV:DIR, as in 'git show': main:plans, HEAD~1:., or
origin/main:plans/fy2027.plan.hcl. DIR is relative to the current
directory, which must be inside the git repository; planc reads the files
with the git command. A path that exists on disk is read from disk even if
it contains a ':'; write main:./plans for the revision when a directory
named main:plans exists.

A plan with errors is still compared: planc prints its errors on stderr and
notes them in the output, and the values it could not solve show as "?".
Run planc check to fail on errors.

--format markdown writes a GitHub-flavoured Markdown comment for a pull
request, and --format json one JSON object with format_version.

Exit status: 0 whether or not values moved (like git diff), or 1 with
--exit-code when any value differs; 2 when a plan cannot be read (a
missing directory, an unknown revision, not a git repository) or planc was
used wrongly.`,
		Example: "  planc diff main:plans plans\n  planc diff --format markdown origin/main:plans plans > diff.md\n  planc diff --exit-code old/ new/",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(diffFormats, format) {
				return &usageError{fmt.Sprintf("unknown --format %q; use one of: %s", format, strings.Join(diffFormats, ", "))}
			}
			before, ok := loadSide(args[0], stderr)
			if !ok {
				return exit(ExitUsage)
			}
			after, ok := loadSide(args[1], stderr)
			if !ok {
				return exit(ExitUsage)
			}
			d := plandiff.Compare(before, after)
			if err := renderDiff(stdout, d, format); err != nil {
				return err
			}
			if exitCode && d.Changed() {
				return exit(ExitPlan)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", diffFormats[0], "output format: "+strings.Join(diffFormats, ", "))
	cmd.Flags().BoolVar(&exitCode, "exit-code", false, "exit 1 when any value differs, 0 when none does")
	return cmd
}

// diffFormats are the formats of planc diff; the first is the default.
var diffFormats = []string{"text", "markdown", "json"}

func renderDiff(w io.Writer, d *plandiff.Diff, format string) error {
	switch format {
	case "markdown":
		return plandiff.Markdown(w, d)
	case "json":
		return plandiff.JSON(w, d)
	}
	return plandiff.Text(w, d)
}

// loadSide reads and compiles one side of a diff. When it cannot be read
// it prints why and returns false; errors in the plan are printed as a
// warning, since the values that could be solved are still compared.
func loadSide(arg string, stderr io.Writer) (plandiff.Side, bool) {
	srcs, diags := source.ReadArg(arg)
	if diags.HasErrors() {
		report.Text(stderr, diags, nil)
		return plandiff.Side{}, false
	}
	r := compiler.Compile(lang.Parse(srcs))
	if errs := onlyErrors(r.Diags); len(errs) > 0 {
		report.Text(stderr, errs, r.Plan.Files)
		fmt.Fprintf(stderr, "planc: warning: %s has errors; diff compares the values it could solve\n", arg)
	}
	return plandiff.Side{Name: arg, Result: r}, true
}

func onlyErrors(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			out = append(out, d)
		}
	}
	return out
}
