package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang/quantity"
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
				return improveJSON(stdout, r, ims)
			}
			improveText(stdout, r, ims)
			return nil
		},
	}
	cmd.Flags().StringVar(&points, "points", "1,5", "the steps, in absolute percentage points, comma-separated")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json")
	return cmd
}

func improveText(w io.Writer, r *compiler.Result, ims []compiler.Improvement) {
	rows := [][]string{{"stage", "points", "rate", "spend", "leads"}}
	for _, im := range ims {
		rate, _ := r.Value(im.Stage.Value("rate"))
		to := new(big.Rat).Add(rate.Nom, big.NewRat(int64(im.Points), 100))
		money := quantity.Money(r.Info.Currency)
		rows = append(rows, []string{im.Stage.Path.String(), fmt.Sprintf("+%d", im.Points),
			quantity.Format(rate.Nom, quantity.Ratio) + " -> " + quantity.Format(to, quantity.Ratio), signedText(im.Spend, money), signedText(im.Leads, quantity.Count)})
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-len([]rune(c)))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

func signedText(x *big.Rat, u quantity.Unit) string {
	switch {
	case x == nil:
		return "?"
	case x.Sign() < 0:
		return "-" + quantity.Format(new(big.Rat).Neg(x), u)
	case x.Sign() > 0:
		return "+" + quantity.Format(x, u)
	}
	return quantity.Format(x, u)
}

type improveRow struct {
	Stage  string       `json:"stage"`
	Points int          `json:"points"`
	Spend  *json.Number `json:"spend"`
	Leads  *json.Number `json:"leads"`
}

func improveJSON(w io.Writer, r *compiler.Result, ims []compiler.Improvement) error {
	doc := struct {
		Improve []improveRow `json:"improve"`
	}{Improve: []improveRow{}}
	for _, im := range ims {
		doc.Improve = append(doc.Improve, improveRow{Stage: im.Stage.Path.String(), Points: im.Points, Spend: display.Number(im.Spend), Leads: display.Number(im.Leads)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
