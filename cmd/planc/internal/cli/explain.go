package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/codedoc"
	"github.com/rivo/uniseg"
	"github.com/spf13/cobra"
)

// newExplain takes stderr like the other commands; its errors are usage
// errors, which Main prints.
func newExplain(stdout, _ io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain [CODE]",
		Short: "Explain a diagnostic code, with an example",
		Long: `Explain prints the documentation of a diagnostic code: when it occurs, how
to fix it, an example plan that triggers it and what planc prints for it.
The code is the word in brackets of a diagnostic (error[over-budget]); the
whole bracketed form is accepted too. Without a code, explain lists every
code with its severity and a one-line summary.

The text is that of the Diagnostics section of the language reference
(lang/README.md).`,
		Example: "  planc explain over-budget\n  planc explain 'warning[kgi-not-revenue]'\n  planc explain",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				listCodes(stdout)
				return nil
			}
			code := codeArg(args[0])
			text, ok := codedoc.Explain(code)
			if !ok {
				return unknownCode(code)
			}
			fmt.Fprint(stdout, text)
			return nil
		},
	}
}

// codeArg reads a code as typed or as copied from a diagnostic's first
// line: "over-budget", "error[over-budget]" or "[over-budget]".
func codeArg(arg string) lang.Code {
	s := strings.TrimSpace(arg)
	if open := strings.IndexByte(s, '['); open >= 0 && strings.HasSuffix(s, "]") {
		s = s[open+1 : len(s)-1]
	}
	return lang.Code(s)
}

// listCodes prints one line per documented code: code, severity and
// summary, in aligned columns.
func listCodes(w io.Writer) {
	codes := codedoc.Codes()
	wCode, wSev := 0, 0
	for _, c := range codes {
		d, _ := codedoc.Doc(c)
		wCode, wSev = max(wCode, len(c)), max(wSev, uniseg.StringWidth(d.Severity))
	}
	for _, c := range codes {
		d, _ := codedoc.Doc(c)
		fmt.Fprintf(w, "%-*s  %-*s  %s\n", wCode, c, wSev, d.Severity, d.When)
	}
	fmt.Fprintln(w, "\nRun 'planc explain CODE' for a code's documentation and example.")
}

// unknownCode is the usage error for a code that is not documented, with
// the closest code when one is likely meant.
func unknownCode(code lang.Code) error {
	msg := fmt.Sprintf("unknown diagnostic code %q.", code)
	if s := closestCode(code); s != "" {
		msg = fmt.Sprintf("unknown diagnostic code %q; did you mean %q?", code, s)
	}
	return &usageError{msg + " Run 'planc explain' for the list of codes."}
}

// closestCode returns the documented code nearest to code, if it is close
// enough to be a typo (about one edit in three characters). Case does not
// count, so that OVER-BUDGET finds over-budget.
func closestCode(code lang.Code) lang.Code {
	typed := strings.ToLower(string(code))
	best, bestDist := lang.Code(""), len(typed)/3+2
	for _, c := range codedoc.Codes() {
		if d := levenshtein.Distance(typed, string(c), nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
