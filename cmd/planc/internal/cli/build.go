package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/compiler/site"
	"github.com/spf13/cobra"
)

func newBuild(stdout, stderr io.Writer) *cobra.Command {
	var out string
	var allowErrors bool
	var o *outputOpts
	cmd := &cobra.Command{
		Use:   "build [DIR|FILE...] -o OUT",
		Short: "Publish a plan as a static HTML site",
		Long: `Build compiles the plan like check and writes it as a static site into the
directory OUT: an overview, the KPI tree, a page per funnel with its
waterfall, the channels against each budget, a page per metric, stage and
channel, and the diagnostics. The pages link to each other with relative
links and need no network access, so the site works from file:// and from
any web server path.

A plan with errors builds no site and exits 1, unless --allow-errors, which
publishes it with a banner on every page and exits 0. The site replaces OUT atomically: a failed
build leaves the old site as it was. planc refuses to replace a non-empty
directory that it did not write (one without a .planc-site file).

--format prints the diagnostics as check does. With text, "wrote N files
to OUT" goes to stdout; with any other format stdout holds only that
format, and the line goes to stderr.

` + formatHelp,
		Example: "  planc build examples/saas-demand -o public\n  planc build --allow-errors . -o site\n" +
			"  planc build --format github plans/ -o public",
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &usageError{"build needs an output directory: -o OUT"}
			}
			if err := o.check("build"); err != nil {
				return err
			}
			r := compiler.Run(args...)
			// The site is written before the diagnostics are printed, so
			// that a site that cannot be written is one of them, in every
			// format (--format json says valid: false).
			files, err := publish(r, out, buildOpts{o, allowErrors})
			if err != nil {
				return err
			}
			err = o.print(stdout, stderr, r, func() {
				report.Text(stderr, r.Diags, r.Plan.Files)
				if len(r.Diags) > 0 {
					report.Summary(stderr, r.Diags)
				}
			})
			if err != nil {
				return err
			}
			return finish(r, out, files, buildOpts{o, allowErrors}, stdout, stderr)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "directory to write the site into (required)")
	cmd.Flags().BoolVar(&allowErrors, "allow-errors", false, "build the site even when the plan has errors, with a banner on every page")
	o = outputFlags(cmd, diagnosticFormats)
	cmd.Flags().Lookup("strict").Usage = "treat warnings as errors (exit 1, and no site without --allow-errors)"
	return cmd
}

// buildOpts are build's flags that publish needs.
type buildOpts struct {
	*outputOpts
	allowErrors bool
}

// publish writes the site of a compiled plan into out, unless the plan
// could not be read or has errors without --allow-errors, and returns the
// files written (nil for none). A site that cannot be written is a
// write-error diagnostic added to the result.
func publish(r *compiler.Result, out string, o buildOpts) ([]string, error) {
	if code := status(r.Diags, o.strict); code == ExitUsage || code != ExitOK && !o.allowErrors {
		return nil, nil
	}
	files, err := site.Build(r, out, site.Options{AllowErrors: o.allowErrors})
	switch {
	case errors.Is(err, site.ErrPlanErrors):
		return nil, nil // said by finish
	case err != nil:
		r.Diags = append(r.Diags, writeError(out, "Cannot write the site",
			fmt.Sprintf("%v.", err)))
	}
	return files, nil
}

// finish says what became of the site and returns the command's exit.
func finish(r *compiler.Result, out string, files []string, o buildOpts, stdout, stderr io.Writer) error {
	code := status(r.Diags, o.strict)
	switch {
	case code == ExitUsage:
		return exit(code)
	case files == nil:
		fmt.Fprintf(stderr, "planc: %v\n", site.ErrPlanErrors)
		return exit(max(code, ExitPlan))
	}
	// stdout holds nothing but the chosen machine format.
	w := stdout
	if o.machine() {
		w = stderr
	}
	fmt.Fprintf(w, "wrote %d files to %s\n", len(files), display.Printable(out))
	// --allow-errors asked for the site despite the errors, and got it;
	// the diagnostics above and the banner on every page say so.
	return nil
}
