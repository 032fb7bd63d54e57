package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/spf13/cobra"
)

// newCompare is planc compare: the plan's scenarios side by side.
func newCompare(stdout, stderr io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "compare [DIR|FILE...] [SCENARIO...]",
		Short: "Show the plan's scenarios side by side, with changes and the expectation",
		Long: `Compare compiles the plan and each of its scenarios (scenario blocks) and
prints their key values side by side: the KGIs, every stage's volume,
every channel's leads, every budget's spend and every team's load, each
scenario's with its change from the plan. When scenarios give a
probability, the last column is the expectation: the plan's value times
what the scenarios leave of 100%, plus each scenario's value times its
probability.

Arguments that name a file or directory are the plan (the current
directory by default); the others name the scenarios to show (every
scenario by default).

--format json prints {"scenarios": [{"name", "title", "probability"}],
"values": [{"path", "unit", "base", "scenarios": {NAME: {"value",
"delta"}}, "expected"}]}.`,
		Example: "  planc compare plan\n  planc compare plan no_exhibition downside\n  planc compare --format json plan",
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return &usageError{fmt.Sprintf("unknown --format %q; use one of: text, json", format)}
			}
			paths, names := splitArgs(args)
			r := compiler.Run(paths...)
			report.Text(stderr, r.Diags, r.Plan.Files)
			if len(r.Diags) > 0 {
				report.Summary(stderr, r.Diags)
			}
			scs, err := pick(r, names)
			if err != nil {
				return err
			}
			if format == "json" {
				err = report.CompareJSON(stdout, r, scs)
			} else {
				report.CompareText(stdout, r, scs)
			}
			if err != nil {
				return err
			}
			return exit(status(r.Diags, false))
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json")
	return cmd
}

// splitArgs tells the plan's paths (what exists on disk, or looks like a
// path) from scenario names.
func splitArgs(args []string) (paths, names []string) {
	for _, a := range args {
		if _, err := os.Stat(a); err == nil || strings.ContainsAny(a, `/\.`) {
			paths = append(paths, a)
		} else {
			names = append(names, a)
		}
	}
	return paths, names
}

// pick returns the scenarios named, every one when names is empty.
func pick(r *compiler.Result, names []string) ([]*compiler.ScenarioResult, error) {
	if len(names) == 0 {
		if len(r.Scenarios) == 0 && !r.Diags.HasErrors() {
			return nil, &usageError{"the plan has no scenario to compare; add a scenario block (see 'What if' in the README)"}
		}
		return r.Scenarios, nil
	}
	var out []*compiler.ScenarioResult
	for _, n := range names {
		s := r.Scenario(n)
		if s == nil {
			return nil, &usageError{fmt.Sprintf("no scenario %q%s", n, scenarioNames(r))}
		}
		out = append(out, s)
	}
	return out, nil
}
