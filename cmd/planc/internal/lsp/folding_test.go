package lsp_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// foldPlan has, by line: a comment run (0-2), a block (3-22) with a
// heredoc (5-8), a multi-line list (9-12) and object (13-16), a block
// comment (17-19) and a nested block (20-21, on one line: no fold); a
// one-line list, and a comment after code, which fold nothing.
const foldPlan = `# The plan.
# 売上🎯 by quarter,
# by hand.
plan {
  title = "Folds 🎯"
  description = <<-EOT
    Line one 😀
    Line two
  EOT
  goals = [
    "売上",
    "利益",
  ]
  extra = {
    a = 1
    b = 2
  }
  /* a block
     comment 🎯
  */
  inner "x" { a = 1 } # after code
  short = [1, 2]
}
`

func foldsOf(t *testing.T, s *session, uri string) string {
	t.Helper()
	var folds []lsp.FoldingRange
	s.call("textDocument/foldingRange", lsp.FoldingRangeParams{TextDocument: doc(uri)}, &folds)
	var got []string
	for _, f := range folds {
		got = append(got, fmt.Sprintf("%d-%d %s", f.StartLine, f.EndLine, f.Kind))
	}
	return strings.Join(got, "\n")
}

// TestFoldingRanges folds from the opening line to the line before the
// closing one, which stays visible; it works on text that is not a valid
// plan, and on text that does not parse.
func TestFoldingRanges(t *testing.T) {
	dir := writePlan(t, nil)
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, foldPlan)
	want := strings.Join([]string{"0-2 comment", "3-21 region", "5-7 ", "9-11 ", "13-15 ", "17-19 comment"}, "\n")
	if got := foldsOf(t, s, uri); got != want {
		t.Errorf("folds:\n%s\nwant:\n%s", got, want)
	}
	// Unclosed: the block is not folded, what is closed in it still is.
	s.change(uri, 2, strings.TrimSuffix(foldPlan, "}\n"))
	want = strings.Join([]string{"0-2 comment", "5-7 ", "9-11 ", "13-15 ", "17-19 comment"}, "\n")
	if got := foldsOf(t, s, uri); got != want {
		t.Errorf("folds of the unclosed plan:\n%s\nwant:\n%s", got, want)
	}
}
