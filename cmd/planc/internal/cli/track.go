package cli

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
	"github.com/spf13/cobra"
)

// newTrack is planc track: the plan by month against its actuals.
func newTrack(stdout, stderr io.Writer) *cobra.Command {
	var format, asOf, baseline string
	var strict bool
	cmd := &cobra.Command{
		Use:   "track [DIR|FILE...]",
		Short: "Compare the plan by month with its actuals: variance, the stage that is behind, the forecast",
		Long: `Track compiles the plan with its actuals block (a CSV of month,path,value
rows from the CRM) and prints, for every value with actuals, the plan,
the actual, what the actual entries of the stage before lead to expect,
and the variance, by month and year to date; then each funnel's
bottleneck (the stage whose own conversion is furthest behind its plan)
and its revenue forecast against the target. Diagnostics go to stderr.

--as-of DAY tracks up to an earlier day than the block's as_of (the
actuals after it are left out). --baseline REV tracks the actuals of the
working tree against the plan as it was at a git revision (the plan the
year was frozen on), read as planc diff reads REV:DIR. --format json prints one object:
values.PATH.periods.MONTH.{plan,actual,expected,variance},
values.PATH.ytd.{plan,actual,variance}, funnels.F.{bottleneck,forecast,
target,gap,catch_up} and diagnostics. --format csv writes tidy rows
path,period,plan,actual,expected,variance,unit for spreadsheets.`,
		Example: "  planc track plan\n  planc track --as-of 2027-08-31 --format json plan",
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains([]string{"text", "json", "csv"}, format) {
				return &usageError{fmt.Sprintf("unknown --format %q; use one of: text, json, csv", format)}
			}
			opts := compiler.Options{AsOf: asOf}
			r := compiler.RunWith(opts, args...)
			if baseline != "" {
				r = againstBaseline(r, baseline, args, opts)
			}
			if r.Tracking == nil && !r.Diags.HasErrors() {
				return &usageError{"planc track needs an actuals block in the plan: actuals \"crm\" { file = \"actuals.csv\", as_of = \"2027-06-30\" }"}
			}
			if format != "text" && r.Tracking != nil {
				write := report.TrackJSON
				if format == "csv" {
					write = report.TrackCSV
				}
				if err := write(stdout, r); err != nil {
					return err
				}
				return exit(status(r.Diags, strict))
			}
			report.Text(stderr, r.Diags, r.Plan.Files)
			if r.Tracking != nil {
				report.TrackText(stdout, r)
			}
			if len(r.Diags) > 0 {
				report.Summary(stderr, r.Diags)
			}
			return exit(status(r.Diags, strict))
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json, csv")
	cmd.Flags().StringVar(&asOf, "as-of", "", "track up to this day (2027-08-31) instead of the actuals' as_of")
	cmd.Flags().StringVar(&baseline, "baseline", "", "track against the plan at this git revision (main, v1.0, HEAD~3)")
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors (exit 1)")
	return cmd
}

// againstBaseline compiles the plan at git revision rev, with the actuals
// blocks of the working tree's plan cur in place of its own: the actuals
// are today's, the plan the frozen one.
func againstBaseline(cur *compiler.Result, rev string, args []string, opts compiler.Options) *compiler.Result {
	dir := "."
	if len(args) > 0 {
		dir = args[0]
	}
	srcs, diags := source.ReadArg(rev + ":" + dir)
	if diags.HasErrors() {
		return compiler.Compile(nil, diags)
	}
	base, more := lang.Parse(srcs)
	base.Blocks = slices.DeleteFunc(base.Blocks, func(n lang.Node) bool { return n.Header().Kind == "actuals" })
	base.Actuals = cur.Plan.Actuals
	for _, a := range cur.Plan.Actuals {
		base.Blocks = append(base.Blocks, a)
		base.Files[a.DefRange.Filename] = cur.Plan.Files[a.DefRange.Filename]
	}
	r, _ := compiler.CompileWith(context.Background(), base, append(diags, more...), opts)
	return r
}
