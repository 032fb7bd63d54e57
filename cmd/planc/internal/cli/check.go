package cli

import (
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"

	"github.com/planc-dev/planc/compiler/report"
	"github.com/spf13/cobra"
)

// formatFlag validates a --format value against the allowed ones.
func formatFlag(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return &usageError{fmt.Sprintf("unknown --format %q; use one of %v", format, allowed)}
}

// run compiles the plan at args and prints it: as one JSON object with
// --format json, otherwise with text. It returns the command's exit.
func run(args []string, format string, strict bool, stdout io.Writer, text func(*compiler.Model, hcl.Diagnostics)) error {
	if err := formatFlag(format, "text", "json"); err != nil {
		return err
	}
	model, diags := compile(args)
	if format == "json" {
		if err := report.JSON(stdout, model, diags); err != nil {
			return err
		}
	} else {
		text(model, diags)
	}
	return exit(status(diags, strict))
}

func newCheck(stdout, stderr io.Writer) *cobra.Command {
	var strict bool
	var format string
	cmd := &cobra.Command{
		Use:   "check [DIR|FILE...]",
		Short: "Parse, check and solve a plan; print its diagnostics",
		Long: `Check parses the plan (every *.plan.hcl file directly in DIR, or the FILEs
given; the current directory by default), checks its references and units,
solves it, and prints every diagnostic sorted by position.

With --format json it prints one JSON object with the diagnostics (the same
shape as 'planc solve --format json').`,
		Example: "  planc check examples/saas-demand\n  planc check --strict plans/",
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(args, format, strict, stdout, func(model *compiler.Model, diags hcl.Diagnostics) {
				report.Text(stderr, diags, filesOf(model))
				report.Summary(stderr, diags)
			})
		},
	}
	outputFlags(cmd, &strict, &format)
	return cmd
}

func newSolve(stdout, stderr io.Writer) *cobra.Command {
	var strict bool
	var format string
	cmd := &cobra.Command{
		Use:   "solve [DIR|FILE...]",
		Short: "Print every value of a plan, solved backward from its goals",
		Long: `Solve compiles the plan like check, then prints every value it holds by
reference path (kgi.revenue, funnel.demand.mql.volume, channel.ads.cost, ...)
with its unit and where it came from: a target, an assumption, an input, or
solved.

With --format json it prints one JSON object: "values" maps every path to
{"value", "unit", "display", "origin"}, and "diagnostics" lists every
diagnostic. The object is printed also when the plan has errors, with the
values that could be solved (null for the others), and planc exits 1.`,
		Example: "  planc solve examples/saas-demand\n  planc solve --format json . | jq '.values[\"funnel.demand.mql.volume\"]'",
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(args, format, strict, stdout, func(model *compiler.Model, diags hcl.Diagnostics) {
				report.Text(stderr, diags, filesOf(model))
				report.ValuesText(stdout, model)
				if len(diags) > 0 {
					report.Summary(stderr, diags)
				}
			})
		},
	}
	outputFlags(cmd, &strict, &format)
	return cmd
}

// outputFlags adds the flags that check and solve share.
func outputFlags(cmd *cobra.Command, strict *bool, format *string) {
	cmd.Flags().BoolVar(strict, "strict", false, "treat warnings as errors (exit 1)")
	cmd.Flags().StringVar(format, "format", "text", "output format: text or json")
}
