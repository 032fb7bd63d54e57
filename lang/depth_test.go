package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkBound fails when depthBound claims to model src but its bound is
// below the nesting HCL's tokens reach: a file that nests too deep would
// then reach HCL's recursive parser.
func checkBound(t *testing.T, name string, src []byte) bool {
	t.Helper()
	bound, ok := depthBound(src)
	if !ok {
		return false
	}
	if got, _ := tokenDepth(src, name, 1<<30); bound < got {
		t.Errorf("%s: byte bound %d below the token depth %d", name, bound, got)
	}
	return true
}

// TestDepthBound: on every plan of the repository the byte scan models the
// file (so no file is lexed twice) and never bounds its depth too low; on
// hand-written edge cases it either bounds it or leaves it to the lexer.
func TestDepthBound(t *testing.T) {
	plans, _ := filepath.Glob("../examples/*/*.plan.hcl")
	more, _ := filepath.Glob("../stdlib/scaffold/*/*.plan.hcl")
	for _, name := range append(plans, more...) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !checkBound(t, name, src) {
			t.Errorf("%s: the byte scan does not model the file", name)
		}
	}
	for _, src := range []string{
		`a = "x(" + (b)`,
		"d = <<EOT\n((((\nEOT\n",
		"d = <<-EOT\n  ${((a))}\n  EOT\n",
		`t = "${"${(((x)))}"}"`,
		"# (((\nx = 1 // [[[\n/* {{{ */\n",
		`s = "a\"(((" + "\\"`,
		"x = -(-(-a))\ny = !!b ? c : -d\n",
		`e = "$${((" + (a)`,
		`f = "%%{ (("`,
		"g = (a]",
		"h = \"open\n((((\n",
		"i = <<EOT\n(((\n",
		"/* (((",
	} {
		checkBound(t, src, []byte(src))
	}
}

func FuzzDepthBound(f *testing.F) {
	for _, s := range []string{"a = ((1))\n", "t = \"${x}\"\n", "d = <<EOT\nx\nEOT\n", "x = -(-a)\n", strings.Repeat("(", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if firstNonText([]byte(src)) >= 0 {
			return // Parse refuses the file before it measures its depth
		}
		checkBound(t, "fuzz.plan.hcl", []byte(src))
	})
}
