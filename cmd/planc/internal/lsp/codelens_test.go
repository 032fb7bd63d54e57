package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// TestCodeLenses: above each block with a solved headline value, that
// value, as the inlay hints show it (demoPlan's values, by hand), a
// budget's spend against its cap; no lens for a block without one.
func TestCodeLenses(t *testing.T) {
	s, uri := openDemo(t)
	var lenses []lsp.CodeLens
	s.call("textDocument/codeLens", lsp.CodeLensParams{TextDocument: doc(uri)}, &lenses)
	var got []string
	for _, l := range lenses {
		if l.Command == nil || l.Command.Command != "" {
			t.Errorf("lens %+v, want a title only", l)
			continue
		}
		header := strings.Split(demoPlan, "\n")[l.Range.Start.Line]
		got = append(got, strings.TrimSpace(strings.TrimSuffix(header, "{"))+": "+l.Command.Title)
	}
	want := []string{
		`kgi "revenue": ¥480,000,000`,
		`funnel "demand": revenue ¥480,000,000`,
		`stage "toiawase": 8,000`,
		`stage "shodan": 2,000`,
		`stage "juchu": 200`,
		`kpi "cost_per_deal": ¥800,000`,
		`kpi "budget_per_deal": ¥810,000`,
		`channel "ads": 8,000 leads · cost ¥160,000,000`,
		`budget "marketing": spend ¥160,000,000 of ¥300,000,000 cap (53.33%)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lenses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCodeLensRange: a lens covers its block's header, in UTF-16 units
// after a Japanese label (kpi "見込売上" is 10 units).
func TestCodeLensRange(t *testing.T) {
	s, uri, _ := openEditPlan(t, false)
	var lenses []lsp.CodeLens
	s.call("textDocument/codeLens", lsp.CodeLensParams{TextDocument: doc(uri)}, &lenses)
	ja := jaLine(t)
	for _, l := range lenses {
		if l.Range.Start.Line == ja {
			// cpa: 5M JPY / (200 won (1,000 leads x 20%) x 20%) = ¥125,000.
			if l.Range != line(ja, 0, 10) || l.Command.Title != "¥125,000" {
				t.Errorf("lens of 見込売上 = %+v %+v", l.Range, l.Command)
			}
			return
		}
	}
	t.Errorf("no lens on 見込売上's line: %+v", lenses)
}
