package lsp_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/compiler/compilertest"
)

// demoPlan's stages are named in romaji (問い合わせ, 商談, 受注) so that no
// benchmark of the pack applies to them. It solves, by hand: 4.8億円 / ¥2.4M = 200 won; 200 / 10% = 2,000
// MQLs; 2,000 / 25% = 8,000 inquiries, all from ads (the only channel):
// 8,000 leads x ¥20,000 = ¥160,000,000; cost per deal ¥160,000,000 / 200
// = ¥800,000; budget per deal 1万円 + ¥800,000 = ¥810,000.
const demoPlan = `plan {
  title = "Demo"
}

kgi "revenue" {
  title   = "売上目標 🎯"
  target  = "4.8億円"
  formula = funnel.demand.revenue
}

funnel "demand" {
  deal_size = "2.4M JPY"
  stage "toiawase" {
    title = "問い合わせ"
  }
  stage "shodan" {
    title = "新規商談"
    rate  = "25%"
  }
  stage "juchu" {
    rate = "10%"
  }
}

kpi "cost_per_deal" {
  title       = "受注単価 😀"
  description = "Marketing spend per **won** deal."
  formula     = channel.ads.cost / funnel.demand.juchu.volume
}

kpi "budget_per_deal" {
  formula = "1万円" + /* 😀 */ kpi.cost_per_deal
}

channel "ads" {
  funnel = funnel.demand
  cpa    = "20,000 JPY"
}

budget "marketing" {
  cap      = "3億円"
  channels = [channel.ads]
}
`

// budgetLine is the line of `formula = "1万円" + /* 😀 */ kpi.cost_per_deal`.
// In UTF-16 units kpi starts at 29 (万, 円 one unit each, 😀 two) and
// cost_per_deal spans 33-46; in UTF-8 bytes they are 6 further (万, 円
// three bytes each, 😀 four): 35 and 39-52.
func budgetLine(t *testing.T) int { return lineOf(t, demoPlan, `"1万円" +`) }

func openDemo(t *testing.T, encodings ...string) (*session, string) {
	return openPlan(t, demoPlan, encodings...)
}

func TestHoverAfterJapaneseAndEmoji(t *testing.T) {
	for _, tt := range []struct {
		encodings []string
		char      int
		want      lsp.Range
	}{
		{nil, 35, rng(0, 33, 0, 46)},
		{[]string{"utf-16"}, 35, rng(0, 33, 0, 46)},
		{[]string{"utf-8", "utf-16"}, 41, rng(0, 39, 0, 52)},
	} {
		s, uri := openDemo(t, tt.encodings...)
		line := budgetLine(t)
		var h lsp.Hover
		s.call("textDocument/hover", pos(uri, line, tt.char), &h)
		tt.want.Start.Line, tt.want.End.Line = line, line
		if h.Range == nil || *h.Range != tt.want {
			t.Errorf("%v: hover range = %+v, want %+v", tt.encodings, h.Range, tt.want)
		}
		for _, want := range []string{"**受注単価 😀** · `kpi.cost_per_deal`", "**¥800,000** (solved)",
			"formula     = channel.ads.cost / funnel.demand.juchu.volume", "Marketing spend per **won** deal."} {
			if !strings.Contains(h.Contents.Value, want) {
				t.Errorf("%v: hover lacks %q:\n%s", tt.encodings, want, h.Contents.Value)
			}
		}
		if h.Contents.Kind != "markdown" {
			t.Errorf("hover kind = %q", h.Contents.Kind)
		}
	}
}

func TestHoverBlockAndGivenValue(t *testing.T) {
	s, uri := openDemo(t)
	var h lsp.Hover
	// The stage header: its volume and rate.
	s.call("textDocument/hover", pos(uri, lineOf(t, demoPlan, `stage "shodan"`), 10), &h)
	for _, want := range []string{"**新規商談** · `stage shodan`", "| `funnel.demand.shodan.volume` | 2,000 | solved |", "| `funnel.demand.shodan.rate` | 25% | input |"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("stage hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	// The name of a rate attribute: the rate as written.
	s.call("textDocument/hover", pos(uri, lineOf(t, demoPlan, `rate  = "25%"`), 5), &h)
	for _, want := range []string{"`funnel.demand.shodan.rate`", "**25%** (input)", "rate  = \"25%\""} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("rate hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	// Nothing under the cursor: a null hover.
	var none *lsp.Hover
	s.call("textDocument/hover", pos(uri, 0, 0), &none)
	if none != nil {
		t.Errorf("hover on `plan` = %+v, want null", none)
	}
}

func TestDefinition(t *testing.T) {
	s, uri := openDemo(t)
	formula := lineOf(t, demoPlan, "formula     = channel.ads.cost")
	tests := []struct {
		name string
		at   lsp.Position
		want lsp.Range
	}{
		{"kpi reference after 万円 and 😀", lsp.Position{Line: budgetLine(t), Character: 35},
			line(lineOf(t, demoPlan, `kpi "cost_per_deal"`), 0, 19)},
		{"root segment of a reference", lsp.Position{Line: budgetLine(t), Character: 30},
			line(lineOf(t, demoPlan, `kpi "cost_per_deal"`), 0, 19)},
		{"stage segment", lsp.Position{Line: formula, Character: len("  formula     = channel.ads.cost / funnel.demand.j")},
			line(lineOf(t, demoPlan, `stage "juchu"`), 2, 15)},
		{"funnel segment", lsp.Position{Line: formula, Character: len("  formula     = channel.ads.cost / funnel.dem")},
			line(lineOf(t, demoPlan, `funnel "demand"`), 0, 15)},
		{"channel value declared by its block", lsp.Position{Line: formula, Character: len("  formula     = channel.ads.co")},
			line(lineOf(t, demoPlan, `channel "ads"`), 0, 13)},
		{"block reference in a list", lsp.Position{Line: lineOf(t, demoPlan, "channels = [channel.ads]"), Character: 23},
			line(lineOf(t, demoPlan, `channel "ads"`), 0, 13)},
	}
	for _, tt := range tests {
		var locs []lsp.Location
		s.call("textDocument/definition", lsp.TextDocumentPositionParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}, Position: tt.at}, &locs)
		if len(locs) != 1 || locs[0].URI != uri || locs[0].Range != tt.want {
			t.Errorf("%s: definition = %+v, want %+v", tt.name, locs, tt.want)
		}
	}
}

func line(l, c1, c2 int) lsp.Range { return rng(l, c1, l, c2) }

func TestReferencesAcrossFiles(t *testing.T) {
	other := "kpi \"double\" {\n  formula = kpi.cost_per_deal * 2\n}\n"
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan, "other.plan.hcl": other})
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, demoPlan)
	decl := lineOf(t, demoPlan, `kpi "cost_per_deal"`)
	var locs []lsp.Location
	params := lsp.ReferenceParams{TextDocumentPositionParams: pos(uri, decl, 8)}
	params.Context.IncludeDeclaration = true
	s.call("textDocument/references", params, &locs)
	want := []lsp.Location{
		{URI: uri, Range: line(decl, 0, 19)},
		{URI: uri, Range: line(budgetLine(t), 29, 46)},
		{URI: fileURI(dir, "other.plan.hcl"), Range: line(1, 12, 29)},
	}
	if !equalLocations(locs, want) {
		t.Errorf("references = %+v\nwant %+v", locs, want)
	}
	// From a reference, without the declaration.
	params = lsp.ReferenceParams{TextDocumentPositionParams: pos(uri, budgetLine(t), 40)}
	s.call("textDocument/references", params, &locs)
	if !equalLocations(locs, want[1:]) {
		t.Errorf("references without declaration = %+v\nwant %+v", locs, want[1:])
	}
}

func equalLocations(a, b []lsp.Location) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDocumentSymbols(t *testing.T) {
	s, uri := openDemo(t)
	var syms []lsp.DocumentSymbol
	s.call("textDocument/documentSymbol", lsp.DocumentSymbolParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}}, &syms)
	var got []string
	for _, sym := range syms {
		entry := sym.Name + ":" + sym.Detail
		for _, c := range sym.Children {
			entry += " [" + c.Name + ":" + c.Detail + "]"
		}
		got = append(got, entry)
	}
	want := []string{
		"plan:Demo",
		"revenue:売上目標 🎯 · ¥480,000,000",
		"demand:¥480,000,000 [toiawase:問い合わせ · 8,000] [shodan:新規商談 · 2,000] [juchu:200]",
		"cost_per_deal:受注単価 😀 · ¥800,000",
		"budget_per_deal:¥810,000",
		"ads:8,000 leads",
		"marketing:¥160,000,000",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("symbols:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(syms) > 2 && (syms[2].Kind != lsp.SymbolClass || syms[2].Children[0].Kind != lsp.SymbolField) {
		t.Errorf("funnel kinds = %d, %d", syms[2].Kind, syms[2].Children[0].Kind)
	}
}

func TestInlayHints(t *testing.T) {
	s, uri := openDemo(t)
	funnel := lineOf(t, demoPlan, `funnel "demand" {`)
	won := lineOf(t, demoPlan, `stage "juchu" {`)
	var hints []lsp.InlayHint
	s.call("textDocument/inlayHint", lsp.InlayHintParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri},
		Range: rng(funnel, 0, won+1, 0)}, &hints)
	var got []string
	for _, h := range hints {
		got = append(got, strings.Join([]string{strconv.Itoa(h.Position.Line - funnel), strconv.Itoa(h.Position.Character), h.Label}, " "))
	}
	// After each `{` that ends its line, within the funnel block only.
	want := []string{"0 17 = ¥480,000,000", "2 20 = 8,000", "5 18 = 2,000", "9 17 = 200"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("hints (line from funnel, character, label):\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	s.call("textDocument/inlayHint", lsp.InlayHintParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri},
		Range: rng(0, 0, 100, 0)}, &hints)
	var channel string
	for _, h := range hints {
		if h.Position.Line == lineOf(t, demoPlan, `channel "ads"`) {
			channel = h.Label
		}
	}
	if channel != "= 8,000 leads · ¥160,000,000" {
		t.Errorf("channel hint = %q", channel)
	}
}

func TestFormatting(t *testing.T) {
	dir := writePlan(t, nil)
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	messy := "plan {\ntitle=\"Demo\"\n}\n\n\n\nkpi \"a\" {\nvalue=3\n}"
	s.open(uri, messy)
	var edits []lsp.TextEdit
	s.call("textDocument/formatting", map[string]any{"textDocument": map[string]string{"uri": uri}, "options": map[string]any{"tabSize": 4}}, &edits)
	want := "plan {\n  title = \"Demo\"\n}\n\nkpi \"a\" {\n  value = 3\n}\n"
	if got := applyUTF16(t, messy, edits); got != want {
		t.Errorf("edits %+v make %q, want %q", edits, got, want)
	}
	// Formatted text needs no edit; text that does not parse is an error
	// (TestFormattingSyntaxError).
	s.change(uri, 2, want)
	s.call("textDocument/formatting", map[string]any{"textDocument": map[string]string{"uri": uri}}, &edits)
	if len(edits) != 0 {
		t.Errorf("formatting %q = %+v, want no edits", want, edits)
	}
	s.change(uri, 3, "kpi \"a\" {\n  value = \n")
	if code := callCode(t, s, "textDocument/formatting", map[string]any{"textDocument": map[string]string{"uri": uri}}); code != lsp.CodeRequestFailed {
		t.Errorf("formatting a file that does not parse: code %d", code)
	}
}

// TestSymbolsOfTeamsAndContent: the outline holds teams with their
// required people, and journeys with their phases.
func TestSymbolsOfTeamsAndContent(t *testing.T) {
	plan := `plan {
  title  = "Teams"
  period = "2027-04 .. 2028-03"
}

funnel "demand" {
  deal_size = "1M JPY"
  stage "sal" {
    team = team.inside_sales
  }
  stage "won" {
    rate = "10%"
  }
}

kpi "sals" {
  target  = 1200
  formula = funnel.demand.sal.volume
}

team "inside_sales" {
  headcount = 2
  capacity  = 100
}

persona "cto" {
  role = "CTO"
}

journey "buyer" {
  phase "awareness" {
    personas = [persona.cto]
  }
  phase "purchase" {}
}
`
	dir := writePlan(t, map[string]string{"main.plan.hcl": plan})
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, plan)
	var syms []lsp.DocumentSymbol
	s.call("textDocument/documentSymbol", lsp.DocumentSymbolParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}}, &syms)
	var got []string
	for _, sym := range syms {
		entry := sym.Name
		for _, c := range sym.Children {
			entry += " [" + c.Name + "]"
		}
		got = append(got, entry)
	}
	// 1,200 SALs over 12 months = 100 a month, at 100 a person: 1 person.
	want := "plan\ndemand [sal] [won]\nsals\ninside_sales\ncto\nbuyer [awareness] [purchase]"
	if strings.Join(got, "\n") != want {
		t.Errorf("symbols:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, 8, 17), &h)
	if !strings.Contains(h.Contents.Value, "team.inside_sales") {
		t.Errorf("hover on team.inside_sales: %q", h.Contents.Value)
	}
}

// TestHoverKeepsCountLabel: a capacity written with a count label (件)
// shows it in hover, for the capacity and for the team's load, though
// the stage the team works counts 商談 (compiler's
// testdata/solve/japanese_input.txtar: 50 商談 over the six months of
// 2027年上期 are 25/3 a month).
func TestHoverKeepsCountLabel(t *testing.T) {
	plan := compilertest.Plan(t, "../../../../compiler/testdata/solve/japanese_input.txtar")
	s, uri := openPlan(t, plan)
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, lineOf(t, plan, `capacity  = "40件/人月"`), 4), &h)
	if !strings.Contains(h.Contents.Value, "**40 件/month** (input)") {
		t.Errorf("capacity hover lacks 40 件/month:\n%s", h.Contents.Value)
	}
	s.call("textDocument/hover", pos(uri, lineOf(t, plan, `team "inside_sales"`), 2), &h)
	if !strings.Contains(h.Contents.Value, "| `team.inside_sales.load` | 8.33 件/month | solved |") {
		t.Errorf("team hover lacks the load in 件:\n%s", h.Contents.Value)
	}
}

// TestHoverByMonth: in a plan by month, hovering a phased value shows its
// months, and a stage what it needs before the period; inlay hints stay
// yearly.
func TestHoverByMonth(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "phasing", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "headcount = 5", "headcount = 7", 1) // no error
	s, uri := openPlan(t, text)
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, lineOf(t, text, `stage "sql"`), 10), &h)
	if !strings.Contains(h.Contents.Value, "`stage sql`") {
		t.Fatalf("not the stage's hover:\n%s", h.Contents.Value)
	}
	s.call("textDocument/hover", pos(uri, lineOf(t, text, `formula = funnel.demand.revenue`), 30), &h)
	for _, want := range []string{"| 2027-04 | ¥8,000,000 |", "| 2028-01 | ¥16,000,000 |"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("revenue hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
}

// TestReferencesWhatIf: a sensitivity's outputs and inputs are references
// too, and find references lists them.
func TestReferencesWhatIf(t *testing.T) {
	whatif := "sensitivity \"cpa\" {\n  outputs = [kpi.cost_per_deal]\n  vary {\n    input = channel.ads.cpa\n    range = \"1.5万円 .. 2.5万円\"\n  }\n}\n"
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan, "whatif.plan.hcl": whatif})
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, demoPlan)
	var locs []lsp.Location
	params := lsp.ReferenceParams{TextDocumentPositionParams: pos(uri, lineOf(t, demoPlan, `kpi "cost_per_deal"`), 8)}
	s.call("textDocument/references", params, &locs)
	want := []lsp.Location{
		{URI: uri, Range: line(budgetLine(t), 29, 46)},
		{URI: fileURI(dir, "whatif.plan.hcl"), Range: line(1, 13, 30)},
	}
	if !equalLocations(locs, want) {
		t.Errorf("references of kpi.cost_per_deal = %+v\nwant %+v", locs, want)
	}
}
