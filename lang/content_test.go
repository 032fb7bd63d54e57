package lang_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// contentBase is a second file of personas, after the journeys in
// file-name order: decoding keeps every file's blocks.
const contentBase = `plan {
  title = "Content"
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
