package compiler_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// The resolver's tests: every reference of the plan, content blocks
// included, resolves through one resolver with one duplicate policy. The
// table also holds the mistakes in content blocks that lang reports as it
// decodes them, each of which must come out of a compile alone.

// refBase declares what the plans below refer to. It is a file of its
// own, after theirs in file-name order, so that the tests also show
// references resolved across files.
const refBase = `plan {
  title = "Content"
}

funnel "demand" {
  deal_size = "1M JPY"
  stage "lead" {}
}

channel "exhibition" {
  funnel = funnel.demand
  cpa    = "20,000 JPY"
  share  = "50%"
}

channel "webinar" {
  funnel = funnel.demand
  cpa    = "10,000 JPY"
}

persona "it_manager" {
  title = "情報システム部長"
  role  = "IT manager"
}

persona "cfo" {
  role = "CFO"
}
`

// compileWithBase compiles src as a.plan.hcl with refBase as z.plan.hcl.
func compileWithBase(src string) *compiler.Result {
	plan, diags := lang.Parse([]lang.Source{
		{Name: "a.plan.hcl", Bytes: []byte(src)},
		{Name: "z.plan.hcl", Bytes: []byte(refBase)},
	})
	r, _ := compiler.CompileWith(context.Background(), plan, diags, compiler.Options{Uses: true})
	return r
}

// journeyWith is a journey whose one phase has the attribute line, on
// line 3.
func journeyWith(line string) string {
	return "journey \"j\" {\n  phase \"p\" {\n    " + line + "\n  }\n}\n"
}

// refDiag is a reference mistake and the one diagnostic it must give.
type refDiag struct {
	name, src string
	code      lang.Code
	at        string // line:column of the subject's start in a.plan.hcl
	words     []string
}

var refDiags = []refDiag{
	{"touchpoint not a string", journeyWith(`touchpoints = ["Booth", 3]`), lang.Schema, "3:29",
		[]string{"Not a string", "touchpoints"}},
	{"goals not a list", `persona "p" {
  goals = "one"
}
`, lang.Schema, "2:11", []string{"goals must be a list of strings", `["..."]`}},
	{"pain with a reference", `persona "p" {
  pains = ["ok", "${kpi.x}"]
}
`, lang.Schema, "2:18", []string{"Not a string", "pains"}},
	{"journey without phases", `journey "j" {
  title = "Empty"
}
`, lang.Schema, "1:1", []string{"no phase block"}},
	{"section of another framework", `analysis "a" {
  framework = "swot"
  strengths = ["x"]
  customer  = ["y"]
}
`, lang.Schema, "4:3", []string{"customer is a section of 3C", "not of SWOT", "strengths, weaknesses, opportunities and threats"}},
	{"4P section in SAVE", `analysis "a" {
  framework = "save"
  value     = ["z"]
  price     = ["x"]
}
`, lang.Schema, "4:3", []string{`price is a section of 4P (framework = "4p"), not of SAVE`, "solution, access, value and education"}},
	{"misspelt section", `analysis "a" {
  framework = "swot"
  strenghts = ["x"]
  threats   = ["y"]
}
`, lang.Schema, "3:3", []string{`no attribute "strenghts"`, `Did you mean "strengths"?`, "strengths, weaknesses, opportunities and threats"}},
	{"unknown framework", `analysis "a" {
  framework = "swat"
  strengths = ["x"]
}
`, lang.Schema, "2:15", []string{`framework is "swat"`, `Did you mean "swot"?`, "five_forces"}},
	{"missing framework", `analysis "a" {
  rivalry = ["x"]
}
`, lang.Schema, "1:1", []string{`write framework = "five_forces"`}},
	{"no section", `analysis "a" {
  framework = "pest"
}
`, lang.Schema, "1:1", []string{"political, economic, social and technological"}},
	{"section item not a string", `analysis "a" {
  framework = "3c"
  customer  = ["x", true]
}
`, lang.Schema, "3:21", []string{"Not a string", "customer"}},
	{"nested block in an analysis", `analysis "a" {
  framework = "3c"
  customer  = ["x"]
  company {}
}
`, lang.Schema, "4:3", []string{"company"}},
	{"unknown channel", journeyWith(`channels = [channel.webinr]`), lang.UnknownReference, "3:17",
		[]string{`There is no channel "webinr"`, `Did you mean "channel.webinar"?`}},
	{"unknown persona", journeyWith(`personas = [persona.it_manger]`), lang.UnknownReference, "3:17",
		[]string{`There is no persona "it_manger"`, `Did you mean "persona.it_manager"?`}},
	{"unknown persona, nothing close", journeyWith(`personas = [persona.sales_rep]`), lang.UnknownReference, "3:17",
		[]string{`There is no persona "sales_rep"`, "Known personas: cfo, it_manager."}},
	{"quoted reference", journeyWith(`channels = ["webinar"]`), lang.Schema, "3:17",
		[]string{"channels must be a reference such as channel.webinar, without quotes"}},
	{"reference to a value", journeyWith(`channels = [channel.webinar.cost]`), lang.UnknownReference, "3:17",
		[]string{"must name a channel block"}},
	{"reference to another kind", journeyWith(`personas = [channel.webinar]`), lang.UnknownReference, "3:17",
		[]string{"must name a persona block"}},
	{"reference list not a list", journeyWith(`channels = channel.webinar`), lang.Schema, "3:16",
		[]string{"channels must be a list", "channels = [channel.webinar]"}},
	{"duplicate phase", `journey "j" {
  phase "a" {}
  phase "a" {}
}
`, lang.DuplicateName, "3:9", []string{`Duplicate phase "a"`, "a.plan.hcl:2:3"}},
	{"duplicate journey", `journey "j" {
  phase "a" {}
}
journey "j" {
  phase "a" {}
}
`, lang.DuplicateName, "4:9", []string{`Duplicate journey "j"`}},
	{"duplicate channel", `channel "ads" {
  funnel = funnel.demand
  cpa    = "1 JPY"
}
channel "ads" {
  funnel = funnel.demand
  cpa    = "2 JPY"
}
`, lang.DuplicateName, "5:9", []string{`Duplicate channel "ads"`, "a.plan.hcl:1:1"}},
	{"duplicate budget", `budget "b" {}
budget "b" {}
`, lang.DuplicateName, "2:8", []string{`Duplicate budget "b"`}},
	{"unknown namespace", `kpi "x" {
  formula = tean.a
}
`, lang.UnknownReference, "2:13", []string{`There is nothing named "tean"`,
		"A reference starts with kgi, kpi, funnel, channel, budget, team or source.", `Did you mean "team"?`}},
	{"unknown funnel of a channel", `channel "c" {
  funnel = funnel.demnd
  cpa    = "1 JPY"
}
`, lang.UnknownReference, "2:12", []string{`There is no funnel "demnd"`, `Did you mean "funnel.demand"?`}},
	{"budget parent not a budget", `budget "b" {
  parent = channel.webinar
}
`, lang.UnknownReference, "2:12", []string{"A budget's parent must name a budget block, such as budget.marketing."}},
	{"unknown budget parent", `budget "b" {
  parent = budget.markting
}
budget "marketing" {}
`, lang.UnknownReference, "2:12", []string{`There is no budget "markting"`, `Did you mean "budget.marketing"?`}},
	{"budget parent quoted", `budget "b" {
  parent = "marketing"
}
`, lang.Schema, "2:12", []string{"must be a reference to a budget block, without quotes"}},
	{"duplicate item", `budget "b" {
  item "tool" {
    amount = 1
  }
  item "tool" {
    amount = 2
  }
}
`, lang.DuplicateName, "5:8", []string{`An item named "tool" is already declared at a.plan.hcl:2:3`}},
	{"reference to the items of a budget", `budget "b" {
  item "tool" {
    amount = 1
  }
}
kpi "k" {
  formula = budget.b.item
}
`, lang.UnknownReference, "7:13", []string{`the items of budget "b"`, "budget.b.item.tool.amount"}},
	{"item below zero", `budget "b" {
  item "tool" {
    amount = "-1万円"
  }
}
`, lang.ValueOutOfRange, "3:14", []string{"budget.b.item.tool.amount is -¥10,000"}},
	{"channel paid by a budget and its parent, the child first", `budget "child" {
  parent   = budget.top
  channels = [channel.webinar]
}
budget "top" {
  channels = [channel.exhibition, channel.webinar]
}
`, lang.BudgetOverlap, "6:35", []string{`by budget "child" and by budget "top", which "child" is part of`, `spend of budget "top"`}},
	{"budget channels not a reference", `budget "b" {
  channels = ["webinar"]
}
`, lang.Schema, "2:15", []string{"Each item of channels must be a reference such as channel.webinar, without quotes."}},
}

func TestResolveDiagnostics(t *testing.T) {
	for _, tc := range refDiags {
		t.Run(tc.name, func(t *testing.T) {
			diags := compileWithBase(tc.src).Diags
			var errs hcl.Diagnostics
			for _, d := range diags {
				if d.Severity == hcl.DiagError {
					errs = append(errs, d)
				}
			}
			if len(errs) != 1 {
				t.Fatalf("%d errors, want 1: %v", len(errs), errs)
			}
			d := errs[0]
			if lang.CodeOf(d) != tc.code {
				t.Errorf("code %s, want %s: %v", lang.CodeOf(d), tc.code, d)
			}
			if at := fmt.Sprintf("%d:%d", d.Subject.Start.Line, d.Subject.Start.Column); d.Subject.Filename != "a.plan.hcl" || at != tc.at {
				t.Errorf("at %s:%s, want a.plan.hcl:%s", d.Subject.Filename, at, tc.at)
			}
			for _, w := range tc.words {
				if !strings.Contains(d.Summary+" "+d.Detail, w) {
					t.Errorf("message does not contain %q: %s: %s", w, d.Summary, d.Detail)
				}
			}
		})
	}
}

// TestResolvePartial: a phase keeps the references that resolve when
// another in its list does not.
func TestResolvePartial(t *testing.T) {
	r := compileWithBase(journeyWith(`channels = [channel.nope, channel.webinar]`))
	if n, _ := countErrors(r.Diags); n != 1 {
		t.Fatalf("diagnostics: %v", r.Diags)
	}
	ph := r.Info.Of(r.Plan.Journeys[0].Phases[0])
	if cs := ph.Refs("channels"); len(cs) != 1 || cs[0].Path.String() != "channel.webinar" {
		t.Errorf("channels %v", cs)
	}
}

// TestDuplicateValuesOnce: of two blocks with one name, only the first has
// values, so that solve prints each path once; a block without a usable
// name has none.
func TestDuplicateValuesOnce(t *testing.T) {
	r := compileWithBase(`channel "exhibition" {
  funnel = funnel.demand
  cpa    = "1 JPY"
}
channel "" {
  funnel = funnel.demand
  cpa    = "1 JPY"
}
`)
	seen := map[string]int{}
	for _, v := range r.Info.Vars {
		seen[v.Path.String()]++
		if strings.Contains(v.Path.String(), "..") {
			t.Errorf("value with an empty name in its path: %s", v.Path)
		}
	}
	for p, n := range seen {
		if n > 1 {
			t.Errorf("%s declared %d times", p, n)
		}
	}
	if seen["channel.exhibition.leads"] != 1 {
		t.Errorf("channel.exhibition.leads declared %d times, want once", seen["channel.exhibition.leads"])
	}
}

// TestUsesCoverContent: references in journey phases, a channel's funnel,
// a budget's channels and formulas are all in Info.Uses, each name of a
// reference linked to what it names.
func TestUsesCoverContent(t *testing.T) {
	r := compileWithBase(journeyWith(`personas = [persona.cfo]
    channels = [channel.webinar]`) + `
budget "b" {
  channels = [channel.exhibition]
}
kpi "x" {
  formula = funnel.demand.lead.volume
}
`)
	src := []byte(journeyWith(`personas = [persona.cfo]
    channels = [channel.webinar]`) + `
budget "b" {
  channels = [channel.exhibition]
}
kpi "x" {
  formula = funnel.demand.lead.volume
}
`)
	got := map[string]string{}
	for _, u := range r.Info.Uses {
		if u.At.Filename != "a.plan.hcl" {
			continue
		}
		name := string(u.At.SliceBytes(src))
		switch x := u.Target.(type) {
		case *compiler.Object:
			got[name] = x.Path.String()
		case *compiler.Var:
			got[name] = x.Path.String()
		}
	}
	want := map[string]string{
		"cfo": "persona.cfo", "persona": "persona.cfo", "webinar": "channel.webinar",
		"exhibition": "channel.exhibition", "demand": "funnel.demand", "lead": "funnel.demand.lead",
		"volume": "funnel.demand.lead.volume", "funnel": "funnel.demand.lead.volume",
	}
	for name, path := range want {
		if got[name] != path {
			t.Errorf("%s names %q, want %q", name, got[name], path)
		}
	}
}

func countErrors(diags hcl.Diagnostics) (int, int) {
	e := 0
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			e++
		}
	}
	return e, len(diags) - e
}
