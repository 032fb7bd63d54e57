package codedoc

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// codeConstants returns the values of the lang.Code constants declared in
// codes.go, read from the source so that a new constant is seen without
// being listed anywhere else.
func codeConstants(t *testing.T) []lang.Code {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var codes []lang.Code
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
				continue
			}
			for _, v := range vs.Values {
				tv, err := types.Eval(fset, nil, token.NoPos, types.ExprString(v))
				if err != nil {
					t.Fatalf("%s: %v", types.ExprString(v), err)
				}
				codes = append(codes, lang.Code(constant.StringVal(tv.Value)))
			}
		}
	}
	if len(codes) < 18 {
		t.Fatalf("found %d lang.Code constants in codes.go, want at least 18", len(codes))
	}
	return codes
}

// TestCodesDocumented fails when a code is added to codes.go without a row
// in the reference's table and a "### code" subsection, or documented
// without being a code.
func TestCodesDocumented(t *testing.T) {
	consts := codeConstants(t)
	documented := Codes()
	for _, c := range consts {
		if !slices.Contains(documented, c) {
			t.Errorf("code %q has no documentation: add a row to the table and a \"### %s\" subsection, with an example, to the Diagnostics section of lang/README.md", c, c)
		}
	}
	for _, c := range documented {
		if !slices.Contains(consts, c) {
			t.Errorf("lang/README.md documents %q, which is not a lang.Code constant in codes.go", c)
		}
	}
	for _, c := range docs().sections {
		if _, ok := Doc(c); !ok {
			t.Errorf("subsection \"### %s\" has no row in the table of codes", c)
		}
	}
}

// Every documented code has a summary, prose and at least one example, and
// an example marked for the examples test is marked with its own code.
func TestCodeDocsComplete(t *testing.T) {
	for _, c := range Codes() {
		d, _ := Doc(c)
		if d.When == "" || d.Description == "" || d.Severity == "" {
			t.Errorf("%s: incomplete documentation %+v", c, d)
		}
		if !strings.Contains(d.Markdown, "```") {
			t.Errorf("%s: no example", c)
		}
		if strings.Contains(d.Markdown, "<!--") {
			t.Errorf("%s: Markdown keeps an HTML comment", c)
		}
	}
	for _, m := range diagMarker.FindAllStringSubmatch(strings.Join(diagnosticsSection(lang.Reference), "\n"), -1) {
		if _, ok := Doc(lang.Code(m[1])); !ok {
			t.Errorf("example marked <!-- diag: %s --> is not a documented code", m[1])
		}
	}
}

func TestDocFields(t *testing.T) {
	d, ok := Doc(lang.OverBudget)
	if !ok {
		t.Fatal("over-budget is not documented")
	}
	if d.Severity != "error" || d.Default != hcl.DiagError || d.When != "a budget's spend above its cap" {
		t.Errorf("over-budget: %+v", d)
	}
	want := "A budget's solved spend is above its cap. The message gives the spend, the cap and the excess. This is the finding planc exists for: the budget cannot pay for the leads the goal needs.\n" +
		"In a hierarchy of budgets every level is checked against its own cap, and the message names the budget's place in it (`budget \"programs\" (in \"marketing\")`, `the top-level budget \"marketing\"`) and, for a budget with items or child budgets, what each part spends (`¥6,875,000 on its items, ¥70,806,510 in budget \"programs\"`)."
	if d.Description != want {
		t.Errorf("Description:\n got %q\nwant %q", d.Description, want)
	}
	if w, _ := Doc(lang.KGINotRevenue); w.Default != hcl.DiagWarning || w.Severity != "warning" {
		t.Errorf("kgi-not-revenue: %+v", w)
	}
	// "as declared": a check is an error unless it says otherwise.
	if c, _ := Doc(lang.CheckFailed); c.Default != hcl.DiagError || c.Severity != "as declared" ||
		c.Description != "A `check` block's condition is false on the solved plan. The message is the check's `message`." {
		t.Errorf("check-failed: %+v", c)
	}
	if r, _ := Doc(lang.ReadError); r.Severity != "error, exit 2" || r.When != "a path that cannot be read" {
		t.Errorf("read-error: %+v", r)
	}
	// A link to another part of the reference keeps its text.
	if s, _ := Doc(lang.Schema); !strings.HasSuffix(s.Description, "(see Formulas).") ||
		!strings.Contains(s.Markdown, "does not support\n(see Formulas).\n") {
		t.Errorf("schema: %q\n%s", s.Description, s.Markdown)
	}
}

func TestExplain(t *testing.T) {
	got, ok := Explain(lang.NoPlanFiles)
	if !ok {
		t.Fatal("no-plan-files is not documented")
	}
	want := "no-plan-files: a directory without `*.plan.hcl` files\n" +
		"\n" +
		"error; planc exits 2. A directory given to planc (or the current\n" +
		"directory) has no `*.plan.hcl` file directly in it.\n" +
		"\n" +
		"Output:\n" +
		"\n" +
		"    $ planc check empty-dir\n" +
		"    error[no-plan-files]: No plan files\n"
	if got != want {
		t.Errorf("Explain(no-plan-files):\n got %q\nwant %q", got, want)
	}

	got, _ = Explain(lang.Cycle)
	for _, w := range []string{
		"cycle: formulas that depend on themselves\n\nerror. Values are defined",
		"\nExample:\n\n    plan { title = \"Demo\" }\n\n    kpi \"a\" {\n      formula = kpi.b * 2\n    }\n",
		"\nOutput:\n\n    error[cycle]: Circular definition\n",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("Explain(cycle) lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "```") || strings.Contains(got, "<!--") || strings.Contains(got, "**") {
		t.Errorf("Explain(cycle) keeps Markdown markup:\n%s", got)
	}

	if _, ok := Explain("no-such-code"); ok {
		t.Error("Explain of an unknown code succeeded")
	}
}

// The parser finds subsections only outside code blocks, and a table row
// only with a subsection.
func TestParseDocs(t *testing.T) {
	md := "# T\n\n## Diagnostics\n\n| code | severity | when |\n|---|---|---|\n" +
		"| [`a`](#a) | warning | the a case |\n| [`b`](#b) | error | no section |\n\n" +
		"### a\n\n**warning.** About [a](#x), [b](https://b.example).\n\n```hcl\n### not a heading [c](#c)\n```\n\n" +
		"### c\n\nNo row.\n\n## Next\n\n### d\n"
	d := parseDocs(md)
	if !slices.Equal(d.order, []lang.Code{"a"}) || !slices.Equal(d.sections, []lang.Code{"a", "c"}) {
		t.Fatalf("order %v, sections %v", d.order, d.sections)
	}
	a := d.byCode["a"]
	if a.Default != hcl.DiagWarning || a.Description != "About a, b." || a.When != "the a case" ||
		a.Markdown != "**warning.** About a, [b](https://b.example).\n\n```hcl\n### not a heading [c](#c)\n```\n" {
		t.Errorf("a: %+v", a)
	}
}

var diagMarker = regexp.MustCompile(`<!-- diag: ([a-z-]+) -->`)

// FuzzParseDocs checks that reading code documentation out of any Markdown
// never panics, whatever a future edit of the reference looks like.
func FuzzParseDocs(f *testing.F) {
	f.Add(lang.Reference)
	f.Add("## Diagnostics\n\n| code | severity | when |\n|---|---|---|\n| [`x`](#x) | error | y |\n\n### x\n\n```hcl\n")
	f.Fuzz(func(t *testing.T, md string) {
		d := parseDocs(md)
		for _, c := range d.order {
			_ = terminalText(d.byCode[c].Markdown)
		}
	})
}
