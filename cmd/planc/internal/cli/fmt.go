package cli

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"

	udiff "github.com/aymanbagabas/go-udiff"
	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/source"
	"github.com/spf13/cobra"
)

// ExitUnformatted is fmt --check's status when a file's layout differs.
const ExitUnformatted = 3

// stdinName is how fmt names standard input in its output.
const stdinName = "<stdin>"

// fmtOptions are the flags of planc fmt.
type fmtOptions struct {
	write, check, diff, recursive bool
}

func newFmt(stdout, stderr io.Writer) *cobra.Command {
	var o fmtOptions
	cmd := &cobra.Command{
		Use:   "fmt [DIR|FILE|-...]",
		Short: "Rewrite plan files in the canonical layout",
		Long: `Fmt lays plan files out in planc's canonical form: HCL's indentation and
spacing, "=" aligned within a group of attributes, at most one blank line in
a row, and one newline at the end of the file. It changes layout only, never
meaning.

Fmt formats every *.plan.hcl file directly in DIR (in its subdirectories too
with --recursive), the FILEs given, or standard input for "-"; the current
directory by default. Like gofmt it prints the formatted text, unless:

  -w        rewrites the files in place and lists the ones it changed;
  --check   lists the files whose layout differs and exits 3, writing nothing;
  --diff    prints a unified diff of the changes instead of the text.

A file that does not parse is never touched: fmt prints its syntax error,
formats the other files, and exits 1.

Exit status: 0 when every file is (now) formatted; 1 when a file does not
parse; 2 when planc was used wrongly or a file cannot be read or written;
3 with --check when a file needs formatting.`,
		Example: "  planc fmt -w .\n  planc fmt --check --diff examples/saas-demand\n  planc fmt - < plan.plan.hcl",
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.write && o.check {
				return &usageError{"fmt: -w and --check cannot be used together"}
			}
			if o.write && slices.Contains(args, "-") {
				return &usageError{"fmt: -w cannot write to standard input"}
			}
			return exit(runFmt(args, o, cmd.InOrStdin(), stdout, stderr))
		},
	}
	cmd.Flags().BoolVarP(&o.write, "write", "w", false, "write the result to the files instead of printing it")
	cmd.Flags().BoolVar(&o.check, "check", false, "list files whose layout differs and exit 3; write nothing")
	cmd.Flags().BoolVar(&o.diff, "diff", false, "print a unified diff of the changes")
	cmd.Flags().BoolVarP(&o.recursive, "recursive", "r", false, "also format plan files in subdirectories")
	return cmd
}

// runFmt formats every file named by args and returns the exit status.
func runFmt(args []string, o fmtOptions, stdin io.Reader, stdout, stderr io.Writer) int {
	srcs, diags := fmtSources(args, o.recursive, stdin)
	code := ExitOK
	if len(diags) > 0 {
		report.Text(stderr, diags, nil)
		code = ExitUsage
	}
	for i, f := range formatAll(srcs) {
		code = worse(code, fmtOne(srcs[i], f, o, stdout, stderr))
	}
	return code
}

// formatted is one file laid out by lang.Format.
type formatted struct {
	out   []byte
	diags hcl.Diagnostics
}

// formatAll lays out every file, on every processor (as gofmt does): the
// files are independent, and their output is then written in order.
func formatAll(srcs []lang.Source) []formatted {
	out := make([]formatted, len(srcs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, src := range srcs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			out[i].out, out[i].diags = lang.Format(src.Name, src.Bytes)
		})
	}
	wg.Wait()
	return out
}

// worse is the status that wins when two files end differently: a usage or
// I/O error over a file that does not parse, over an unformatted file.
func worse(a, b int) int {
	rank := map[int]int{ExitOK: 0, ExitUnformatted: 1, ExitPlan: 2, ExitUsage: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// writePlan writes a formatted file; tests replace it to make it fail.
var writePlan = writePlanFile

// fmtOne writes one file's layout f as the options say and returns its
// status.
func fmtOne(src lang.Source, f formatted, o fmtOptions, stdout, stderr io.Writer) int {
	out, diags := f.out, f.diags
	if diags.HasErrors() {
		report.Text(stderr, diags, map[string]*hcl.File{src.Name: {Bytes: src.Bytes}})
		fmt.Fprintf(stderr, "planc: %s not formatted: it does not parse\n", src.Name)
		return ExitPlan
	}
	changed := !bytes.Equal(out, src.Bytes)
	if o.diff && changed {
		fmt.Fprint(stdout, udiff.Unified(src.Name, src.Name, string(src.Bytes), string(out)))
	}
	switch {
	case o.check:
		if changed {
			if !o.diff {
				fmt.Fprintln(stdout, display.Printable(src.Name))
			}
			return ExitUnformatted
		}
	case o.write:
		if changed {
			if err := writePlan(src.Name, out); err != nil {
				report.Text(stderr, hcl.Diagnostics{writeError(src.Name, "Cannot write the file",
					fmt.Sprintf("%v. The file is as it was.", err))}, nil)
				return ExitUsage
			}
			if !o.diff {
				fmt.Fprintln(stdout, display.Printable(src.Name))
			}
		}
	case !o.diff:
		stdout.Write(out)
	}
	return ExitOK
}

// fmtSources reads the files to format: "-" is standard input, a directory
// its plan files (and its subdirectories' with recursive), a file itself.
// The paths between two "-" are read together, so that a file they name
// twice is formatted once.
func fmtSources(args []string, recursive bool, stdin io.Reader) ([]lang.Source, hcl.Diagnostics) {
	read := source.Read
	if recursive {
		read = source.ReadTree
	}
	if len(args) == 0 {
		return read()
	}
	var srcs []lang.Source
	var diags hcl.Diagnostics
	add := func(s []lang.Source, d hcl.Diagnostics) {
		srcs, diags = append(srcs, s...), append(diags, d...)
	}
	for len(args) > 0 {
		n := slices.Index(args, "-")
		if n < 0 {
			n = len(args)
		}
		if n > 0 {
			add(read(args[:n]...))
		}
		if n < len(args) {
			add(source.ReadStdin(stdin, stdinName))
			n++
		}
		args = args[n:]
	}
	return srcs, diags
}
