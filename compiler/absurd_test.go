package compiler_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// The absurd inputs below exercise lang.Parse's limits and the compiler's
// together: each is parsed and compiled, as planc check would.

// slow is how long loading or compiling one absurd input may take before
// the test calls it a hang. Real plans take milliseconds.
const slow = 20 * time.Second

const header = "plan {\n  title = \"Absurd\"\n}\n"

// formula wraps an expression in a plan whose kpi "b" has it as formula.
func formula(expr string) string {
	return header + "kpi \"a\" {\n  unit  = \"leads\"\n  value = 1\n}\nkpi \"b\" {\n  formula = " + expr + "\n}\n"
}

// nested returns n copies of open, then inner, then n copies of close.
func nested(n int, open, inner, close string) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

// absurd are inputs that a plan author or a broken tool might produce. Each
// must give a diagnostic with code want (or none when want is ""), quickly
// and without a crash. HCL's parser recurses once per nesting level and
// overflows the stack (a fatal error, not a panic) at about 50,000 nested
// parentheses, so deep nesting is rejected before HCL parses the file.
var absurd = []struct {
	name string
	src  string
	want lang.Code
	// at is the expected start of the first diagnostic with code want,
	// as "line:column"; empty to skip.
	at string
}{
	{name: "empty file", src: "", want: lang.Schema},
	{name: "only a comment", src: "# nothing\n", want: lang.Schema},
	{name: "NUL bytes", src: "\x7fELF\x02\x01\x01\x00\x00\x00", want: lang.Syntax, at: "1:8"},
	{name: "NUL after text", src: header + "kpi \"x\" {}\x00\n", want: lang.Syntax, at: "4:11"},
	{name: "invalid UTF-8", src: header + "kpi \"caf\xe9\" {\n  value = 1\n}\n", want: lang.Syntax, at: "4:9"},
	{name: "invalid UTF-8 before a NUL", src: "plan { title = \"\xff\" }\x00", want: lang.Syntax, at: "1:17"},
	{name: "truncated UTF-8", src: header + "kpi \"x\" { title = \"\xe5\x84\" }", want: lang.Syntax, at: "4:20"},
	{name: "UTF-16 with BOM", src: "\xff\xfep\x00l\x00a\x00n\x00", want: lang.Syntax, at: "1:1"},
	{name: "UTF-8 BOM", src: "\xef\xbb\xbf" + formula("kpi.a * 2")},
	{name: "CRLF line endings", src: strings.ReplaceAll(formula("kpi.a * 2"), "\n", "\r\n")},
	{name: "100,000 nested parentheses", src: formula(nested(100000, "(", "kpi.a", ")")), want: lang.Syntax, at: "9:1012"},
	{name: "100,000 unclosed parentheses", src: formula(strings.Repeat("(", 100000)), want: lang.Syntax},
	{name: "100,000 closing parentheses", src: formula("kpi.a" + strings.Repeat(")", 100000)), want: lang.Syntax},
	{name: "100,000 nested brackets", src: formula(nested(100000, "[", "1", "]")), want: lang.Syntax},
	{name: "100,000 nested objects", src: formula(nested(100000, "{a = ", "1", "}")), want: lang.Syntax},
	{name: "100,000 nested calls", src: formula(nested(100000, "max(", "kpi.a", ")")), want: lang.Syntax},
	{name: "100,000 nested templates", src: formula(nested(100000, "\"${", "1", "}\"")), want: lang.Syntax},
	{name: "100,000 nested blocks", src: header + nested(100000, "b {\n", "", "}\n"), want: lang.Syntax},
	{name: "1,000,000 unary minus", src: formula(strings.Repeat("-", 1000000) + "kpi.a"), want: lang.Syntax},
	{name: "1,000,000 negations", src: formula(strings.Repeat("!", 1000000) + "true"), want: lang.Syntax},
	{name: "100,000 chained conditionals", src: formula(strings.Repeat("true ? 1 : ", 100000) + "kpi.a"), want: lang.Syntax},
	// A flat chain is one level of nesting however long (it used to be
	// one per operator, and 202 terms were "too deep").
	{name: "100,000 additions", src: formula(strings.Repeat("kpi.a + ", 100000) + "kpi.a")},
	// Solving the first term of a long sum backward used to look for it in
	// the rest of the chain at every term: O(n²), minutes.
	{name: "100,000 additions solved backward", src: header + "kpi \"x\" {\n  unit = \"leads\"\n}\nkpi \"a\" {\n  unit  = \"leads\"\n  value = 1\n}\nkpi \"b\" {\n  target  = 100000\n  formula = kpi.x" + strings.Repeat(" + kpi.a", 99999) + "\n}\n"},
	{name: "100,000 multiplications", src: formula(strings.Repeat("kpi.a * ", 100000) + "kpi.a")},
	{name: "nesting the compiler allows", src: formula(nested(100, "(", "kpi.a", ")"))},
	{name: "nesting the compiler rejects", src: formula(nested(500, "(", "kpi.a", ")")), want: lang.Schema},
	{name: "Markdown with 2,000 bullets and parentheses", src: header + "kpi \"a\" {\n  value = 1\n  description = <<EOT\n" + strings.Repeat("- (see [note\n", 2000) + "EOT\n  title = \"((((\"\n}\n"},
	{name: "150 subtractions over lines", src: formula("(kpi.a" + strings.Repeat(" -\n    1", 150) + ")")},
	{name: "100,000 digit number", src: formula(strings.Repeat("9", 100000)), want: lang.BadQuantity, at: "9:13"},
	{name: "100,000 digit quantity", src: formula(`"` + strings.Repeat("9", 100000) + ` leads"`), want: lang.BadQuantity, at: "9:14"},
	{name: "huge exponent literal", src: formula("1e999999999"), want: lang.BadQuantity, at: "9:13"},
	{name: "huge exponent quantity", src: formula(`"1e999999999 leads"`), want: lang.BadQuantity, at: "9:15"},
	{name: "tiny exponent quantity", src: formula(`"1e-999999999"`), want: lang.BadQuantity},
	{name: "1 MB title", src: "plan {\n  title = \"" + strings.Repeat("計", 1<<18) + "\"\n}\n"},
	// Text attributes are literal: a template there is a schema error, not
	// evaluated (nested %{for} loops over ranges hung every command).
	{name: "template loops in a title", src: "plan {\n  title = \"" + strings.Repeat("%{for a in range(9999999)}%{for b in range(9999999)}", 3) + "x" + strings.Repeat("%{endfor}", 6) + "\"\n}\n", want: lang.Schema, at: "2:11"},
	{name: "interpolation in a title", src: "plan {\n  title = \"${upper(\"x\")}\"\n}\n", want: lang.Schema, at: "2:11"},
	{name: "20,000 blocks", src: header + strings.Repeat("kpi \"x\" {\n  value = 1\n}\n", 20000), want: lang.DuplicateName},
	// Every budget of a deep hierarchy is over its cap: naming each one's
	// place in it must not walk the whole chain per budget.
	{name: "20,000 budgets in a chain, each over its cap", src: header + budgetChain(20000, false), want: lang.OverBudget},
	{name: "20,000 budgets in a cycle of parents", src: header + budgetChain(20000, true), want: lang.Cycle},
}

// budgetChain is n budgets, each the parent of the next and each with an
// item of ¥1 and a cap of ¥0; with loop, the first's parent is the last.
func budgetChain(n int, loop bool) string {
	var b strings.Builder
	for i := range n {
		parent := ""
		if i > 0 || loop {
			parent = fmt.Sprintf("  parent = budget.b%d\n", (i+n-1)%n)
		}
		fmt.Fprintf(&b, "budget \"b%d\" {\n%s  cap = 0\n  item \"i\" {\n    amount = 1\n  }\n}\n", i, parent)
	}
	return b.String()
}

func TestParseAbsurd(t *testing.T) {
	for _, tc := range absurd {
		t.Run(tc.name, func(t *testing.T) {
			const name = "absurd.plan.hcl"
			srcs := []lang.Source{{Name: name, Bytes: []byte(tc.src)}}
			start := time.Now()
			plan, diags := lang.Parse(srcs)
			if plan == nil {
				t.Fatal("Parse returned no plan")
			}
			diags = compiler.Compile(plan, diags).Diags
			if d := time.Since(start); d > slow {
				t.Errorf("took %v", d)
			}
			checkDiags(t, name, tc.src, diags, tc.want, tc.at)
		})
	}
}

// TestRunAbsurd runs the deepest inputs through the whole pipeline from
// disk, as planc check does.
func TestRunAbsurd(t *testing.T) {
	for _, tc := range absurd {
		if !strings.HasPrefix(tc.name, "100,000 nested") && !strings.HasPrefix(tc.name, "1,000,000") {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "main.plan.hcl")
			writeFile(t, name, tc.src)
			start := time.Now()
			diags := compiler.Run(dir).Diags
			if d := time.Since(start); d > slow {
				t.Errorf("took %v", d)
			}
			checkDiags(t, name, tc.src, diags, tc.want, tc.at)
		})
	}
}

// TestParseBrokenFileKeepsOthers: one broken file does not hide the
// findings of the others.
func TestParseBrokenFileKeepsOthers(t *testing.T) {
	srcs := []lang.Source{
		{Name: "a.plan.hcl", Bytes: []byte(header + "kpi \"a\" {\n  value = \"30%%\"\n}\n")},
		{Name: "b.plan.hcl", Bytes: []byte("kpi \"b\" {\n  value = (\n")},
		{Name: "c.plan.hcl", Bytes: []byte(nested(100000, "(", "", ")"))},
		{Name: "d.plan.hcl", Bytes: []byte("\x00")},
	}
	plan, diags := lang.Parse(srcs)
	diags = compiler.Compile(plan, diags).Diags
	for _, want := range []struct {
		file string
		code lang.Code
	}{{"a.plan.hcl", lang.BadQuantity}, {"b.plan.hcl", lang.Syntax}, {"c.plan.hcl", lang.Syntax}, {"d.plan.hcl", lang.Syntax}} {
		found := false
		for _, d := range diags {
			found = found || d.Subject != nil && d.Subject.Filename == want.file && lang.CodeOf(d) == want.code
		}
		if !found {
			t.Errorf("no %s diagnostic in %s; got:\n%s", want.code, want.file, describe(diags))
		}
	}
}

// checkDiags requires that every diagnostic has a code and a range inside
// src, the file name, and that a diagnostic with code want exists,
// starting at "line:column" at when at is given. An empty want requires
// that there are no errors.
func checkDiags(t *testing.T, name, src string, diags hcl.Diagnostics, want lang.Code, at string) {
	t.Helper()
	checkRanges(t, diags, name, []byte(src))
	if want == "" {
		if diags.HasErrors() {
			t.Errorf("unexpected errors:\n%s", describe(diags))
		}
		return
	}
	for _, d := range diags {
		if lang.CodeOf(d) != want {
			continue
		}
		if at != "" && d.Subject != nil {
			if got := posString(d.Subject.Start); got != at {
				t.Errorf("%s diagnostic at %s, want %s: %s", want, got, at, d.Summary)
			}
		}
		return
	}
	t.Errorf("no %s diagnostic; got:\n%s", want, describe(diags))
}

func posString(p hcl.Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// describe lists diagnostics briefly, at most 10.
func describe(diags hcl.Diagnostics) string {
	var b strings.Builder
	for i, d := range diags {
		if i == 10 {
			b.WriteString("  ...\n")
			break
		}
		r := "(no subject)"
		if d.Subject != nil {
			r = d.Subject.Filename + ":" + posString(d.Subject.Start)
		}
		msg := d.Summary + ": " + d.Detail
		if len(msg) > 200 {
			msg = msg[:200] + "..."
		}
		b.WriteString("  " + r + " [" + string(lang.CodeOf(d)) + "] " + msg + "\n")
	}
	if len(diags) == 0 {
		b.WriteString("  (none)\n")
	}
	return b.String()
}

func writeFile(t *testing.T, name, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}
