package lang_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// contentBase declares what the content blocks below refer to. It is a
// file of its own, after the journeys in file-name order, so that the
// tests also show references resolved across files.
const contentBase = `plan {
  title = "Content"
}

funnel "demand" {
  deal_size = "1M JPY"
  stage "lead" {}
}

channel "exhibition" {
  funnel = funnel.demand
  cpa    = "20,000 JPY"
}

channel "webinar" {
  funnel = funnel.demand
  cpa    = "10,000 JPY"
}

persona "it_manager" {
  title   = "情報システム部長"
  role    = "IT manager"
  company = "Manufacturing, 300-1,000 employees"
  goals   = ["Cut **time** on audits", "Fewer tools"]
  pains   = ["Spreadsheets"]
}

persona "cfo" {
  role = "CFO"
}
`

// contentSrc holds the sources parseContent parsed last, by file name.
var contentSrc map[string][]byte

func parseContent(t *testing.T, src string) (*lang.Plan, hcl.Diagnostics) {
	t.Helper()
	contentSrc = map[string][]byte{"a.plan.hcl": []byte(src), "z.plan.hcl": []byte(contentBase)}
	plan, diags := lang.Parse([]lang.Source{
		{Name: "a.plan.hcl", Bytes: []byte(src)},
		{Name: "z.plan.hcl", Bytes: []byte(contentBase)},
	})
	if plan == nil {
		t.Fatalf("no plan: %v", diags)
	}
	return plan, diags
}

// contentTree prints the plan content compactly, one block a line.
func contentTree(p *lang.Plan) string {
	var b strings.Builder
	for _, x := range p.Personas {
		fmt.Fprintf(&b, "(Persona %s role=%q company=%q goals=%s pains=%s)\n", x.Name, x.Role.Value, x.Company.Value, texts(x.Goals), texts(x.Pains))
	}
	for _, j := range p.Journeys {
		fmt.Fprintf(&b, "(Journey %s", j.Name)
		for _, ph := range j.Phases {
			fmt.Fprintf(&b, " (Phase %s personas=%s channels=%s touchpoints=%s)", ph.Name, written(ph.PersonaList), written(ph.ChannelList), texts(ph.Touchpoints))
		}
		b.WriteString(")\n")
	}
	for _, a := range p.Analyses {
		fw := "<nil>"
		if a.Framework != nil {
			fw = a.Framework.Key
		}
		fmt.Fprintf(&b, "(Analysis %s framework=%s", a.Name, fw)
		for _, s := range a.Sections {
			fmt.Fprintf(&b, " %s=%s", s.Name, texts(s.Items))
		}
		b.WriteString(")\n")
	}
	return b.String()
}

// written is an attribute's expression as written, "-" when absent.
func written(a *lang.Attr) string {
	if a == nil {
		return "-"
	}
	r := a.Expr.Range()
	return string(r.SliceBytes(contentSrc[r.Filename]))
}

func texts(ts []lang.Text) string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprintf("%q", t.Value))
	}
	return "[" + strings.Join(out, " ") + "]"
}

func TestContentDecode(t *testing.T) {
	src := `journey "buyer" {
  title = "From first contact to renewal"
  phase "awareness" {
    personas    = [persona.it_manager]
    channels    = [channel.exhibition, channel.webinar]
    touchpoints = ["Booth visit", "Article in 日経xTECH"]
  }
  phase "purchase" {
    personas = [persona.cfo, persona.it_manager]
  }
}

analysis "swot" {
  framework = "SWOT" # any case
  threats   = ["Price war"]
  strengths = ["Install base", "Support"]
}
`
	plan, diags := parseContent(t, src)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := `(Persona it_manager role="IT manager" company="Manufacturing, 300-1,000 employees" goals=["Cut **time** on audits" "Fewer tools"] pains=["Spreadsheets"])
(Persona cfo role="CFO" company="" goals=[] pains=[])
(Journey buyer (Phase awareness personas=[persona.it_manager] channels=[channel.exhibition, channel.webinar] touchpoints=["Booth visit" "Article in 日経xTECH"]) (Phase purchase personas=[persona.cfo, persona.it_manager] channels=- touchpoints=[]))
(Analysis swot framework=swot strengths=["Install base" "Support"] threats=["Price war"])
`
	if got := contentTree(plan); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	ph := plan.Journeys[0].Phases[0]
	if ph.Journey != plan.Journeys[0] || ph.ChannelList == nil || ph.PersonaList == nil {
		t.Errorf("phase not linked to its journey and lists: %+v", ph)
	}
	if s := plan.Analyses[0].Section("threats"); s == nil || s.NameRange.Start.Line != 15 {
		t.Errorf("Section(threats) = %+v, want the attribute on line 15", s)
	}
}

// contentDiag is a plan-content mistake and the diagnostic it must give.
type contentDiag struct {
	name, src string
	code      lang.Code
	at        string // line:column of the subject's start
	words     []string
}

var contentDiags = []contentDiag{
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
}

// journeyWith is a journey whose one phase has the attribute line, on
// line 3.
func journeyWith(line string) string {
	return "journey \"j\" {\n  phase \"p\" {\n    " + line + "\n  }\n}\n"
}

func TestContentDiagnostics(t *testing.T) {
	for _, tc := range contentDiags {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := parseContent(t, tc.src)
			if len(diags) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(diags), diags)
			}
			d := diags[0]
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

// TestFrameworks: every section name belongs to one framework only (so a
// misplaced section names its framework), and every one is in the
// analysis block's schema.
func TestFrameworks(t *testing.T) {
	owner := map[string]string{}
	for _, f := range lang.Frameworks {
		if lang.FrameworkOf(strings.ToUpper(f.Key)) != f {
			t.Errorf("FrameworkOf(%q) is not %s", strings.ToUpper(f.Key), f.Key)
		}
		for _, s := range f.Sections {
			if prev, dup := owner[s.Name]; dup {
				t.Errorf("section %s is in %s and %s", s.Name, prev, f.Key)
			}
			owner[s.Name] = f.Key
			if s.Title == "" || s.Hint == "" {
				t.Errorf("%s.%s has no title or hint", f.Key, s.Name)
			}
		}
	}
	names := strings.Join(lang.AttributeNames("analysis"), " ")
	for s := range owner {
		if !strings.Contains(" "+names+" ", " "+s+" ") {
			t.Errorf("the analysis schema lacks %s", s)
		}
	}
	if lang.FrameworkOf("swat") != nil {
		t.Error("FrameworkOf accepts an unknown key")
	}
}
