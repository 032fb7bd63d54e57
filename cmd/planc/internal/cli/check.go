package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/spf13/cobra"
)

// A format is a value of --format other than text: a writer of the
// compiled plan to stdout. Text is not in the table because each command
// prints it its own way (check: diagnostics; solve: values too; build:
// diagnostics and the files written).
type format struct {
	name string
	// write prints the result to stdout.
	write func(w io.Writer, r *compiler.Result) error
	// summary sends the "N errors, M warnings" line to stderr. The line
	// formats (github, compact) are read in logs and terminals, as text
	// is; the documents (json, sarif) carry the counts themselves, and
	// leave stderr empty so that 2>&1 still gives a document.
	summary bool
}

// formats is every --format but text, in the order help lists them.
var formats = []format{
	{name: "json", write: report.JSON},
	{name: "github", summary: true, write: func(w io.Writer, r *compiler.Result) error {
		return report.GitHub(w, r.Diags)
	}},
	{name: "sarif", write: func(w io.Writer, r *compiler.Result) error {
		return report.SARIF(w, r.Diags, r.Plan.Files, version())
	}},
	{name: "compact", summary: true, write: func(w io.Writer, r *compiler.Result) error {
		return report.Compact(w, r.Diags)
	}},
}

// Format lists of the commands: check and build report diagnostics, in
// any format; solve reports values, which only text, json and csv hold.
var (
	diagnosticFormats = []string{"text", "json", "github", "sarif", "compact"}
	valueFormats      = []string{"text", "json", "csv"}
)

// outputOpts are the flags that check, solve and build share.
type outputOpts struct {
	strict bool
	format string
	// accepted are the formats of this command; the first is the default.
	accepted []string
	// by is solve's --by: the grain of the plan by period, "" for none.
	by report.Grain
	// set are solve's --set PATH=QUANTITY overrides.
	set []compiler.Override
	// scenario is solve's --scenario: the scenario whose values to print.
	scenario string
	// unc is the Monte Carlo run for the result being printed, nil for none.
	unc *compiler.UncertaintyOptions
	// confidence, seed and worlds are solve's Monte Carlo (--confidence,
	// or the plan's confidence); confidence "" for the plan's.
	confidence string
	seed       uint64
	worlds     int
}

// uncertainty is the Monte Carlo to run for r: --confidence, else the
// plan's; nil for none, or when r has errors (its volumes are no base).
func (o *outputOpts) uncertainty(r *compiler.Result) (*compiler.UncertaintyOptions, error) {
	c := r.Confidence()
	if o.confidence != "" {
		var err error
		if c, err = compiler.ReadConfidence(o.confidence); err != nil {
			return nil, &usageError{"--" + err.Error()}
		}
	}
	if c == nil || r.Diags.HasErrors() {
		return nil, nil
	}
	if o.worlds < 100 || o.worlds > 1000000 {
		return nil, &usageError{fmt.Sprintf("--worlds %d: draw from 100 to 1,000,000 worlds", o.worlds)}
	}
	return &compiler.UncertaintyOptions{Confidence: c, Seed: o.seed, Worlds: o.worlds}, nil
}

// outputFlags adds --strict and --format, the latter taking accepted.
func outputFlags(cmd *cobra.Command, accepted []string) *outputOpts {
	o := &outputOpts{accepted: accepted}
	cmd.Flags().BoolVar(&o.strict, "strict", false, "treat warnings as errors (exit 1)")
	cmd.Flags().StringVar(&o.format, "format", accepted[0], "output format: "+strings.Join(accepted, ", "))
	return o
}

// check returns a usage error for a --format this command does not take,
// naming the ones it does.
func (o *outputOpts) check(cmd string) error {
	if slices.Contains(o.accepted, o.format) {
		return nil
	}
	use := strings.Join(o.accepted, ", ")
	if slices.Contains(diagnosticFormats, o.format) {
		return &usageError{fmt.Sprintf("planc %s does not take --format %s; use one of: %s", cmd, o.format, use)}
	}
	return &usageError{fmt.Sprintf("unknown --format %q; use one of: %s", o.format, use)}
}

// machine reports whether the format is one for tools: stdout then holds
// that format and nothing else.
func (o *outputOpts) machine() bool { return o.format != "text" }

// print writes the result in the chosen format: text with the command's
// own function, any other through the formats table.
func (o *outputOpts) print(stdout, stderr io.Writer, r *compiler.Result, text func()) error {
	if !o.machine() {
		text()
		return nil
	}
	if o.format == "csv" { // values by period need the grain, which only solve has
		return report.CSV(stdout, r, o.by)
	}
	if o.format == "json" && o.unc != nil { // the Monte Carlo, which only solve runs
		doc := report.NewDocument(r)
		doc.Uncertainty = report.UncertaintyDoc(*o.unc, compiler.Uncertain(r, *o.unc))
		return report.Encode(stdout, doc)
	}
	i := slices.IndexFunc(formats, func(f format) bool { return f.name == o.format })
	if i < 0 {
		// check lets no such format through; a format in a command's list
		// but not in the table is planc's own mistake.
		return fmt.Errorf("no writer for --format %s", o.format)
	}
	if err := formats[i].write(stdout, r); err != nil {
		return err
	}
	if formats[i].summary {
		report.Summary(stderr, r.Diags)
	}
	return nil
}

// run compiles the plan at args, prints it and returns the command's exit.
func run(cmd string, args []string, o *outputOpts, stdout, stderr io.Writer, text func(*compiler.Result)) error {
	if err := o.check(cmd); err != nil {
		return err
	}
	r := compiler.RunWith(compiler.Options{Timeline: o.by != "", Set: o.set}, args...)
	if o.by != "" && r.Timeline == nil && r.Plan.Meta != nil && !r.Diags.HasErrors() {
		return &usageError{fmt.Sprintf("planc %s --by %s needs the plan's months, but its period %q does not name them; write it as a range of months such as \"2027-04 .. 2028-03\"", cmd, o.by, r.Plan.Meta.Period.Value)}
	}
	if o.scenario != "" {
		sr := r.Scenario(o.scenario)
		if sr == nil {
			return &usageError{fmt.Sprintf("--scenario %q: the plan has no such scenario%s", o.scenario, scenarioNames(r))}
		}
		r = sr.View(r)
	}
	unc, err := o.uncertainty(r)
	if err != nil {
		return err
	}
	o.unc = unc
	if err := o.print(stdout, stderr, r, func() { text(r) }); err != nil {
		return err
	}
	return exit(status(r.Diags, o.strict))
}

// scenarioNames lists r's scenarios for a message: "; it has: a, b".
func scenarioNames(r *compiler.Result) string {
	if len(r.Scenarios) == 0 {
		return " (it has none)"
	}
	var names []string
	for _, s := range r.Scenarios {
		names = append(names, s.Name)
	}
	return "; it has: " + strings.Join(names, ", ")
}

// version is planc's module version for SARIF's tool.driver.version:
// the tag it was installed at, or "devel" when built from a checkout.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

const formatHelp = `Formats (--format):
  text     diagnostics with a source snippet on stderr, then "N errors, M warnings"
  json     one JSON object on stdout: format_version, valid, error_count,
           warning_count, values and diagnostics with their ranges
  github   GitHub Actions workflow commands on stdout (::error file=...::message),
           which annotate the pull request; the summary line on stderr
  sarif    a SARIF 2.1.0 log on stdout, for GitHub code scanning and other tools
  compact  one line per diagnostic on stdout, FILE:LINE:COL: SEVERITY: MESSAGE [CODE];
           the summary line on stderr
The exit status is the same in every format. 'planc explain CODE' documents a code.`

func newCheck(stdout, stderr io.Writer) *cobra.Command {
	var o *outputOpts
	cmd := &cobra.Command{
		Use:   "check [DIR|FILE...]",
		Short: "Parse, check and solve a plan; print its diagnostics",
		Long: `Check parses the plan (every *.plan.hcl file directly in DIR, or the FILEs
given; the current directory by default), checks its references and units,
solves it, and prints every diagnostic sorted by position.

` + formatHelp,
		Example: "  planc check examples/saas-demand\n  planc check --strict plans/\n" +
			"  planc check --format github plans/\n  planc check --format sarif plans/ > planc.sarif",
		RunE: func(cmd *cobra.Command, args []string) error {
			return run("check", args, o, stdout, stderr, func(r *compiler.Result) {
				report.Text(stderr, r.Diags, r.Plan.Files)
				report.Summary(stderr, r.Diags)
			})
		},
	}
	o = outputFlags(cmd, diagnosticFormats)
	return cmd
}

func newSolve(stdout, stderr io.Writer) *cobra.Command {
	var o *outputOpts
	var by string
	var sets []string
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
values that could be solved (null for the others), and planc exits 1. The
formats for diagnostics alone (github, sarif, compact) are check's.

With --by month (or quarter), the plan by period (time phasing): text is a
table with a column per period and the total; in JSON every phased value
has "periods" (months, then Q1.., then H1..) and each stage volume
"before". --format csv writes tidy rows path,period,value,unit for
spreadsheets: the yearly value with an empty period, then each period of
--by.

--set PATH=QUANTITY (repeatable) solves the plan with a value it gives (a
rate, a CPA, a target, an assumption) set to another, without editing it:
what if the win rate were 30%? --scenario NAME prints one of the plan's
scenario blocks instead (planc compare shows them side by side).

With --confidence 80% (or plan { confidence = "80%" }), a seeded Monte
Carlo draws rates and amounts written as ranges ("20% to 30%", a 90%
interval) and converts leads one by one, and prints each stage's volume,
each channel's leads and the channels' cost that reach the target with
that probability, with the safety factor against the plan; JSON has them
under "uncertainty". The same --seed and --worlds give the same numbers.`,
		Example: "  planc solve examples/saas-demand\n  planc solve --format json . | jq '.values[\"funnel.demand.mql.volume\"]'\n  planc solve --by month --format csv . > plan.csv",
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, kv := range sets {
				path, value, ok := strings.Cut(kv, "=")
				if !ok || path == "" || value == "" {
					return &usageError{fmt.Sprintf("--set %q: write PATH=QUANTITY, such as --set funnel.demand.won.rate=30%%", kv)}
				}
				o.set = append(o.set, compiler.Override{Path: strings.TrimSpace(path), Value: strings.TrimSpace(value)})
			}
			switch by {
			case "", string(report.ByMonth), string(report.ByQuarter):
				o.by = report.Grain(by)
			default:
				return &usageError{fmt.Sprintf("unknown --by %q; use month or quarter", by)}
			}
			return run("solve", args, o, stdout, stderr, func(r *compiler.Result) {
				report.Text(stderr, r.Diags, r.Plan.Files)
				if o.by != "" && r.Timeline != nil {
					report.TimelineText(stdout, r, o.by)
				} else {
					report.ValuesText(stdout, r)
				}
				for _, t := range r.Tornadoes() {
					report.TornadoText(stdout, t)
				}
				if o.unc != nil {
					report.UncertaintyText(stdout, r, *o.unc, compiler.Uncertain(r, *o.unc))
				}
				if len(r.Diags) > 0 {
					report.Summary(stderr, r.Diags)
				}
			})
		},
	}
	o = outputFlags(cmd, valueFormats)
	cmd.Flags().StringVar(&by, "by", "", "the plan by period: month or quarter (time phasing)")
	cmd.Flags().StringVar(&o.confidence, "confidence", "", "report the volumes and spend that reach the target with this probability, such as 80% (Monte Carlo over the plan's ranges)")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "the Monte Carlo's seed: the same seed gives the same numbers")
	cmd.Flags().IntVar(&o.worlds, "worlds", compiler.DefaultWorlds, "the Monte Carlo's number of worlds drawn")
	cmd.Flags().StringVar(&o.scenario, "scenario", "", "print the values of one of the plan's scenarios instead of the plan's")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "give a value of the plan another value, PATH=QUANTITY (repeatable): --set funnel.demand.won.rate=30%")
	return cmd
}
