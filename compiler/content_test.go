package compiler_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// contentCases pin the diagnostics of the plan-content archives
// (testdata/diag/content_*.txtar) as codeCases pin the others: by code,
// place and words, so that a careless -update of the want sections still
// fails.
var contentCases = []codeCase{
	{"content_journey", lang.UnknownReference, hcl.DiagError, "journey.plan.hcl", 5, 20, []string{`There is no persona "it_manger"`, `Did you mean "persona.it_manager"?`}},
	{"content_journey", lang.UnknownReference, hcl.DiagError, "journey.plan.hcl", 6, 20, []string{`There is no channel "webinr"`, `Did you mean "channel.webinar"?`}},
	{"content_journey", lang.Schema, hcl.DiagError, "journey.plan.hcl", 12, 17, []string{"without quotes"}},
	{"content_journey", lang.DuplicateName, hcl.DiagError, "journey.plan.hcl", 15, 9, []string{`Duplicate phase "awareness"`, "journey.plan.hcl:4:3"}},
	{"content_analysis", lang.Schema, hcl.DiagError, "plan.plan.hcl", 8, 53, []string{"Not a string", "strengths"}},
	{"content_analysis", lang.Schema, hcl.DiagError, "plan.plan.hcl", 10, 3, []string{"customer is a section of 3C", "not of SWOT", "strengths, weaknesses, opportunities and threats"}},
	{"content_analysis", lang.Schema, hcl.DiagError, "plan.plan.hcl", 11, 3, []string{`"threatss"`, `Did you mean "threats"?`}},
	{"content_analysis", lang.Schema, hcl.DiagError, "plan.plan.hcl", 15, 15, []string{`framework is "3cs"`, `Did you mean "3c"?`}},
	{"content_persona", lang.Schema, hcl.DiagError, "plan.plan.hcl", 7, 40, []string{"Not a string", "goals"}},
	{"content_persona", lang.Schema, hcl.DiagError, "plan.plan.hcl", 8, 11, []string{"pains must be a list of strings"}},
	{"content_persona", lang.DuplicateName, hcl.DiagError, "plan.plan.hcl", 11, 9, []string{`Duplicate persona "it_manager"`}},
	{"content_persona", lang.Schema, hcl.DiagError, "plan.plan.hcl", 15, 1, []string{"no phase block"}},
}

var contentCount = map[string]int{"content_journey": 4, "content_analysis": 4, "content_persona": 4, "content_clean": 0}

func TestContentDiagnostics(t *testing.T) {
	results := map[string]result{}
	for name := range contentCount {
		results[name] = loadArchive(t, name)
	}
	for _, c := range contentCases {
		res := results[c.archive]
		d := findDiag(res.res.Diags, c.code, c.file, c.line)
		if d == nil {
			t.Errorf("%s: no %s diagnostic at %s:%d; got:\n%s", c.archive, c.code, c.file, c.line, res.diagText)
			continue
		}
		if d.Severity != c.severity || d.Subject.Start.Column != c.col {
			t.Errorf("%s: %s at line %d: severity %v column %d, want %v and %d", c.archive, c.code, c.line, d.Severity, d.Subject.Start.Column, c.severity, c.col)
		}
		msg := d.Summary + "\n" + d.Detail
		for _, w := range c.words {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %s message does not contain %q:\n%s", c.archive, c.code, w, msg)
			}
		}
	}
	for name, n := range contentCount {
		if got := len(results[name].res.Diags); got != n {
			t.Errorf("%s: %d diagnostics, want %d:\n%s", name, got, n, results[name].diagText)
		}
	}
}

// TestContentResolved: the clean archive's journey names its persona and
// channel, resolved to the plan's blocks, so the site can link them.
func TestContentResolved(t *testing.T) {
	res := loadArchive(t, "content_clean")
	plan := res.res.Plan
	if len(plan.Journeys) != 1 || len(plan.Analyses) != len(lang.Frameworks) || len(plan.Personas) != 1 {
		t.Fatalf("got %d journeys, %d analyses, %d personas", len(plan.Journeys), len(plan.Analyses), len(plan.Personas))
	}
	info := res.res.Info
	first := info.Of(plan.Journeys[0].Phases[0])
	ps, cs := first.Refs("personas"), first.Refs("channels")
	if len(ps) != 1 || ps[0] != info.Of(plan.Personas[0]) || len(cs) != 1 || cs[0] != info.Of(plan.Channels[0]) {
		t.Errorf("phase %q: personas %v, channels %v", first.Path, ps, cs)
	}
}
