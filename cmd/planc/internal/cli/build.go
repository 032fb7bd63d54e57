package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/compiler/site"
	"github.com/spf13/cobra"
)

func newBuild(stdout, stderr io.Writer) *cobra.Command {
	var out string
	var strict, allowErrors bool
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
directory that it did not write (one without a .planc-site file).`,
		Example: "  planc build examples/saas-demand -o public\n  planc build --allow-errors . -o site",
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &usageError{"build needs an output directory: -o OUT"}
			}
			model, diags := compile(args)
			report.Text(stderr, diags, filesOf(model))
			if len(diags) > 0 {
				report.Summary(stderr, diags)
			}
			code := status(diags, strict)
			if code == ExitUsage || model == nil {
				return exit(ExitUsage)
			}
			if code != ExitOK && !allowErrors {
				fmt.Fprintf(stderr, "planc: %v\n", site.ErrPlanErrors)
				return exit(code)
			}
			files, err := site.Build(model, diags, out, site.Options{AllowErrors: allowErrors})
			if errors.Is(err, site.ErrPlanErrors) {
				fmt.Fprintf(stderr, "planc: %v\n", err)
				return exit(ExitPlan)
			}
			if err != nil {
				fmt.Fprintf(stderr, "planc: %v\n", err)
				return exit(ExitUsage)
			}
			fmt.Fprintf(stdout, "wrote %d files to %s\n", len(files), out)
			// --allow-errors asked for the site despite the errors, and got
			// it; the diagnostics above and the banner on every page say so.
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "directory to write the site into (required)")
	cmd.Flags().BoolVar(&allowErrors, "allow-errors", false, "build the site even when the plan has errors, with a banner on every page")
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors (exit 1, and no site without --allow-errors)")
	return cmd
}
