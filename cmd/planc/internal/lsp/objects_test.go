package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// journeyPlan has a journey whose phase names a channel and a persona, and
// a partner channel that enters its funnel below the top, so that a stage
// has an inflow.
const journeyPlan = `plan {
  title = "Journeys"
}

funnel "demand" {
  deal_size = "1M JPY"
  stage "lead" {}
  stage "sql" {
    rate = "10%"
  }
}

channel "ads" {
  funnel = funnel.demand
  cpa    = "10,000 JPY"
  leads  = 1000
}

channel "partners" {
  funnel = funnel.demand
  stage  = "sql"
  source = "partner"
  cpa    = "30,000 JPY"
  leads  = 20
}

persona "cto" {
  role = "CTO"
}

journey "buyer" {
  phase "aware" {
    personas = [persona.cto]
    channels = [channel.ads]
  }
}
`

func openJourneys(t *testing.T) (*session, string) { return openPlan(t, journeyPlan) }

// TestDefinitionInJourney: definition and references work on the
// references of a journey phase, as on any other (they used to do
// nothing: journeys were resolved apart from the editor's index).
func TestDefinitionInJourney(t *testing.T) {
	s, uri := openJourneys(t)
	channels := lineOf(t, journeyPlan, "channels = [channel.ads]")
	personas := lineOf(t, journeyPlan, "personas = [persona.cto]")
	for _, tt := range []struct {
		name string
		at   lsp.Position
		want lsp.Range
	}{
		{"channel in a phase", lsp.Position{Line: channels, Character: len("    channels = [channel.a")}, line(lineOf(t, journeyPlan, `channel "ads"`), 0, 13)},
		{"persona in a phase", lsp.Position{Line: personas, Character: len("    personas = [persona.c")}, line(lineOf(t, journeyPlan, `persona "cto"`), 0, 13)},
		{"root segment", lsp.Position{Line: personas, Character: len("    personas = [pers")}, line(lineOf(t, journeyPlan, `persona "cto"`), 0, 13)},
	} {
		var locs []lsp.Location
		s.call("textDocument/definition", lsp.TextDocumentPositionParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}, Position: tt.at}, &locs)
		if len(locs) != 1 || locs[0].Range != tt.want {
			t.Errorf("%s: definition = %+v, want %+v", tt.name, locs, tt.want)
		}
	}
	var locs []lsp.Location
	params := lsp.ReferenceParams{TextDocumentPositionParams: pos(uri, lineOf(t, journeyPlan, `persona "cto"`), 10)}
	s.call("textDocument/references", params, &locs)
	if want := line(personas, 16, 27); len(locs) != 1 || locs[0].Range != want {
		t.Errorf("references of persona.cto = %+v, want %+v", locs, want)
	}
}

// TestHoverShowsInflow: a stage's hover lists every value the stage owns,
// its inflow included, as the site shows it.
func TestHoverShowsInflow(t *testing.T) {
	s, uri := openJourneys(t)
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, lineOf(t, journeyPlan, `stage "sql"`), 10), &h)
	// 1,000 leads x 10% + 20 partner leads = 120 SQLs.
	for _, want := range []string{"| `funnel.demand.sql.volume` | 120 | solved |", "| `funnel.demand.sql.inflow` | 20 leads | solved |"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("stage hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
}
