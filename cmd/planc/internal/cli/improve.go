package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/spf13/cobra"
)

// newImprove is planc improve: which stage's rate to raise first.
func newImprove(stdout, stderr io.Writer) *cobra.Command {
	var format, points string
	cmd := &cobra.Command{
		Use:   "improve [DIR|FILE...]",
		Short: "Rank the stages: what raising each rate by a few points saves in spend and leads",
		Long: `Improve solves the plan again with each stage's rate raised by each of
--points absolute percentage points (default 1 and 5; never past 100%),
one at a time, with the plan's rounding, and prints the change in the
leads the funnel's first stage needs and in its channels' cost, negative
meaning saved. The stages are ranked by the spend saved at the largest
step: which stage to improve first. Raising every rate by the same share
(+10%) would move a multiplicative funnel alike at every stage; absolute
points do not.

--format json prints {"improve": [{"stage", "points", "spend", "leads"}]}.`,
		Example: "  planc improve plan\n  planc improve --points 2,5,10 --format json plan",
		RunE: func(cmd *cobra.Command, args []string) error {
			var steps []int
			for _, p := range strings.Split(points, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(p))
				if err != nil || n < 1 || n > 100 {
					return &usageError{fmt.Sprintf("--points %q: write whole percentage points from 1 to 100, such as 1,5", points)}
				}
				steps = append(steps, n)
			}
			if format != "text" && format != "json" {
				return &usageError{fmt.Sprintf("unknown --format %q; use one of: text, json", format)}
			}
			r := compiler.Run(args...)
			if r.Diags.HasErrors() {
				report.Text(stderr, r.Diags, r.Plan.Files)
				report.Summary(stderr, r.Diags)
				return exit(1)
			}
			ims := compiler.Improve(r, steps)
			if format == "json" {
				return report.ImproveJSON(stdout, ims)
			}
			report.ImproveText(stdout, r, ims)
			return nil
		},
	}
	cmd.Flags().StringVar(&points, "points", "1,5", "the steps, in absolute percentage points, comma-separated")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json")
	return cmd
}
