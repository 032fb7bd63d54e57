package lsp_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// edited returns the edits of a WorkspaceEdit by URI, from changes or
// documentChanges, each as "line:start-end=new".
func edited(t *testing.T, e lsp.WorkspaceEdit) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	add := func(uri string, edits []lsp.TextEdit) {
		for _, x := range edits {
			if x.Range.Start.Line != x.Range.End.Line {
				t.Errorf("edit %+v spans lines", x)
			}
			out[uri] = append(out[uri], strings.Join([]string{itoa(x.Range.Start.Line) + ":" + itoa(x.Range.Start.Character) +
				"-" + itoa(x.Range.End.Character), x.NewText}, "="))
		}
	}
	for uri, edits := range e.Changes {
		add(uri, edits)
	}
	for _, dc := range e.DocumentChanges {
		add(dc.TextDocument.URI, dc.Edits)
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func renameParams(uri string, l, c int, name string) lsp.RenameParams {
	return lsp.RenameParams{TextDocumentPositionParams: pos(uri, l, c), NewName: name}
}

// TestRenameKPI: renaming kpi "cvr" from its header renames its label and
// every reference to it in both files of the plan, the one on the line
// with 売上🎯 at UTF-16 columns; from a reference, the same. A client that
// takes documentChanges gets the open document's version, and null for
// the file read from disk.
func TestRenameKPI(t *testing.T) {
	for _, docChanges := range []bool{false, true} {
		s, uri, other := openEditPlan(t, docChanges)
		ja := jaLine(t)
		if u16(t, editPlan, "cvr) }") != 62 {
			t.Fatalf("kpi.cvr's segment on the Japanese line is not at UTF-16 column 62")
		}
		want := map[string][]string{
			uri: {"4:5-8=conversion", itoa(lineOf(t, editPlan, "kpi.leads * kpi.cvr")) + ":28-31=conversion",
				itoa(ja) + ":62-65=conversion"},
			other: {"1:16-19=conversion"},
		}
		for _, at := range []lsp.Position{{Line: 4, Character: 1}, {Line: ja, Character: 63}} {
			var e lsp.WorkspaceEdit
			s.call("textDocument/rename", renameParams(uri, at.Line, at.Character, "conversion"), &e)
			got := edited(t, e)
			if !equalEdits(got, want) {
				t.Errorf("documentChanges=%v, rename at %+v:\n%v\nwant\n%v", docChanges, at, got, want)
			}
			if docChanges != (len(e.DocumentChanges) > 0) || docChanges == (e.Changes != nil) {
				t.Errorf("documentChanges=%v: edit %+v", docChanges, e)
			}
			for _, dc := range e.DocumentChanges {
				switch {
				case dc.TextDocument.URI == uri && (dc.TextDocument.Version == nil || *dc.TextDocument.Version != 1):
					t.Errorf("the open document's version = %v, want 1", dc.TextDocument.Version)
				case dc.TextDocument.URI == other && dc.TextDocument.Version != nil:
					t.Errorf("the file on disk has version %d, want null", *dc.TextDocument.Version)
				}
			}
		}
	}
}

func equalEdits(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if strings.Join(a[k], " ") != strings.Join(b[k], " ") {
			return false
		}
	}
	return true
}

// TestPrepareRename: on a block's header, the label without its quotes;
// on a reference, the segment that names the block; on a value's name
// (volume), an error; where there is no name, null.
func TestPrepareRename(t *testing.T) {
	s, uri, _ := openEditPlan(t, false)
	ja := jaLine(t)
	var res lsp.PrepareRenameResult
	s.call("textDocument/prepareRename", pos(uri, ja, 2), &res)
	if res.Range != line(ja, 5, 9) || res.Placeholder != "見込売上" {
		t.Errorf("on 見込売上's header: %+v", res)
	}
	s.call("textDocument/prepareRename", pos(uri, ja, 43), &res)
	if res.Range != line(ja, 42, 46) || res.Placeholder != "cost" {
		t.Errorf("on kpi.cost after 売上🎯: %+v", res)
	}
	if raw := s.rawResult("textDocument/prepareRename", pos(uri, 3, 0)); string(raw) != "null" {
		t.Errorf("on an empty line: %s, want null", raw)
	}
	sd, suri := openPlan(t, demoPlan)
	formula := lineOf(t, demoPlan, "formula     = channel.ads.cost")
	e := sd.callErr("textDocument/prepareRename", pos(suri, formula, len("  formula     = channel.ads.co")))
	if !strings.Contains(e.Message, "only a block's name") {
		t.Errorf("on a value's name: %v", e)
	}
}

// TestRenameRefused: a name that is not an identifier, one a block of the
// kind already has, a stage name its funnel reserves, and the same name
// are refused with a message; so are the plan block, which has no name,
// and a rule, whose label is the code of the check it configures.
func TestRenameRefused(t *testing.T) {
	s, uri, _ := openEditPlan(t, false)
	for name, want := range map[string]string{
		"1cvr":     "not a valid name",
		"con rate": "not a valid name",
		"leads":    `kpi "leads" already exists at main.plan.hcl:10`,
		"cvr":      "already named",
	} {
		e := s.callErr("textDocument/rename", renameParams(uri, 4, 6, name))
		if !strings.Contains(e.Message, want) {
			t.Errorf("rename to %q: %q, want it to say %q", name, e.Message, want)
		}
	}
	e := s.callErr("textDocument/prepareRename", pos(uri, 0, 1))
	if !strings.Contains(e.Message, "a plan block has no name") {
		t.Errorf("rename the plan block: %v", e)
	}
	sr, ruri := openPlan(t, "plan {\n  title = \"Rules\"\n}\n\nrule \"payback-too-long\" {\n  max = \"24 months\"\n}\n")
	e = sr.callErr("textDocument/rename", renameParams(ruri, 4, 8, "payback"))
	if !strings.Contains(e.Message, "the code of what it configures") {
		t.Errorf("rename a rule: %v", e)
	}
	sd, suri := openPlan(t, demoPlan)
	e = sd.callErr("textDocument/rename", renameParams(suri, lineOf(t, demoPlan, `stage "shodan"`), 10, "revenue"))
	if !strings.Contains(e.Message, "reserved") {
		t.Errorf("rename a stage to revenue: %v", e)
	}
	e = sd.callErr("textDocument/rename", renameParams(suri, lineOf(t, demoPlan, `stage "shodan"`), 10, "juchu"))
	if !strings.Contains(e.Message, `stage "juchu" already exists`) {
		t.Errorf("rename a stage to its neighbour's name: %v", e)
	}
}

// stagePlan and stageScenario name the stage "sql" in every way a plan
// can: the label, references through the funnel and through a channel's
// cohort (after 商談🎯), the funnel's opening, a channel's rates and entry
// stage, a scenario's change and a sensitivity's input.
const stagePlan = `plan {
  title  = "Stages"
  period = "2027-04 .. 2028-03"
}

kgi "revenue" {
  target  = "1億円"
  formula = funnel.demand.revenue
}

funnel "demand" {
  deal_size = "100万円"
  opening   = { sql = 10 }
  stage "lead" {}
  stage "sql" {
    rate = "20%"
  }
  stage "won" {
    rate = "25%"
  }
}

channel "ads" {
  funnel = funnel.demand
  cpa    = "1万円"
  share  = "60%"
  rates  = { sql = "30%" }
}

channel "partner" {
  funnel = funnel.demand
  stage  = "sql"
  leads  = 40
  cpa    = "5万円"
}

channel "web" {
  funnel = funnel.demand
  cpa    = "1万円"
}

kpi "sqls" { formula = /* 商談🎯 */ funnel.demand.sql.volume + channel.ads.stage.sql.volume }
`

const stageScenario = `scenario "better" {
  funnel "demand" {
    stage "sql" {
      rate = "25%"
    }
  }
}

sensitivity "sql_rate" {
  outputs = [kgi.revenue]
  vary {
    input = funnel.demand.sql.rate
    range = "15% .. 25%"
  }
}
`

// TestRenameStage renames a stage everywhere the plan names it, and the
// renamed plan compiles without a diagnostic.
func TestRenameStage(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": stagePlan, "scenarios.plan.hcl": stageScenario})
	s := start(t, 0)
	uri, scen := fileURI(dir, "main.plan.hcl"), fileURI(dir, "scenarios.plan.hcl")
	s.open(scen, stageScenario)
	for _, d := range s.open(uri, stagePlan) {
		t.Fatalf("stagePlan has a diagnostic: %+v", d)
	}
	kpi := lineOf(t, stagePlan, `kpi "sqls"`)
	var e lsp.WorkspaceEdit
	// From the reference through the channel's cohort, after 商談🎯.
	s.call("textDocument/rename", renameParams(uri, kpi, 80, "opportunity"), &e)
	at := func(sub string, col int) string {
		return itoa(lineOf(t, stagePlan, sub)) + ":" + itoa(col) + "-" + itoa(col+3) + "=opportunity"
	}
	want := map[string][]string{
		uri: {at("opening", 16), at(`stage "sql"`, 9), at("rates", 13), at(`stage  = "sql"`, 12),
			at(`kpi "sqls"`, 48), at(`kpi "sqls"`, 79)},
		scen: {"2:11-14=opportunity", "11:26-29=opportunity"},
	}
	if got := edited(t, e); !equalEdits(got, want) {
		t.Fatalf("rename stage sql:\n%v\nwant\n%v", got, want)
	}
	// Applied to both files, the plan compiles without a diagnostic.
	s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: applyUTF16(t, stagePlan, e.Changes[uri])}}})
	if d := s.change(scen, 2, applyUTF16(t, stageScenario, e.Changes[scen])); len(d) != 0 {
		t.Errorf("the renamed scenario has diagnostics: %+v", d)
	}
	if d := s.diagnostics(uri, 2); len(d) != 0 {
		t.Errorf("the renamed plan has diagnostics: %+v", d)
	}
}
