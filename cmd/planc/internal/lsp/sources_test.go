package lsp_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/compiler/compilertest"
)

// sourcesPlan is the compiler's lead sources plan (marketing from
// webinar and ads, partner from referrals, sales from outbound), with a
// KPI that refers to two sources after 売上🎯.
func sourcesPlan(t *testing.T) (string, string) {
	text := compilertest.Plan(t, "../../../../compiler/testdata/diag/sources.txtar")
	ref := "  formula = /* 売上🎯 */ source.marketing.revenue + funnel.demand.source.partner.revenue"
	return text + "\nkpi \"sourced\" {\n" + ref + "\n}\n", ref
}

// TestSourceHoverAndDefinition: a lead source in a formula, plan-wide
// (source.marketing) or of a funnel (funnel.demand.source.partner), on
// its name or on the `source` between, shows the source's values and
// channels, and goes to the channels that bring its leads: their
// `source` attribute where they write one, else their header.
func TestSourceHoverAndDefinition(t *testing.T) {
	text, ref := sourcesPlan(t)
	s, uri := openPlan(t, text)
	l := lineOf(t, text, ref)
	mkt := col16(t, ref, "source.marketing")
	partner := col16(t, ref, "funnel.demand.source.partner")

	hover := func(char int) lsp.Hover {
		t.Helper()
		var h *lsp.Hover
		s.call("textDocument/hover", pos(uri, l, char), &h)
		if h == nil {
			t.Fatalf("no hover at %d:%d", l, char)
		}
		return *h
	}
	h := hover(mkt + len("source.ma"))
	for _, want := range []string{"`source marketing`", "| `source.marketing.revenue` | ¥75,000,000 | solved |",
		"Channels: `channel.webinar`, `channel.ads`"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on marketing lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	if h.Range == nil || *h.Range != line(l, mkt+len("source."), mkt+len("source.marketing")) {
		t.Errorf("hover range on marketing = %+v", h.Range)
	}
	// On `source` in funnel.demand.source.partner: the partner source.
	h = hover(partner + len("funnel.demand.sou"))
	for _, want := range []string{"| `funnel.demand.source.partner.revenue` | ¥15,000,000 | solved |", "Channels: `channel.referrals`"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on source lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	if h.Range == nil || *h.Range != line(l, partner, partner+len("funnel.demand.source.partner")) {
		t.Errorf("hover range on source = %+v", h.Range)
	}

	header := func(name string) lsp.Range {
		return line(lineOf(t, text, `channel "`+name+`"`), 0, len(`channel ""`)+len(name))
	}
	referrals := lineOf(t, text, `source = "partner"`)
	for _, tt := range []struct {
		what string
		char int
		want []lsp.Range
	}{
		{"marketing", mkt + len("source.mar"), []lsp.Range{header("webinar"), header("ads")}},
		{"marketing's revenue", mkt + len("source.marketing.rev"), []lsp.Range{header("webinar"), header("ads")}},
		{"partner", partner + len("funnel.demand.source.par"), []lsp.Range{line(referrals, 11, 20)}},
		{"source of partner", partner + len("funnel.demand.sour"), []lsp.Range{line(referrals, 11, 20)}},
	} {
		var locs []lsp.Location
		s.call("textDocument/definition", pos(uri, l, tt.char), &locs)
		var got []lsp.Range
		for _, loc := range locs {
			if loc.URI != uri {
				t.Errorf("%s: definition in %s", tt.what, loc.URI)
			}
			got = append(got, loc.Range)
		}
		if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] || len(got) > 1 && got[1] != tt.want[1] {
			t.Errorf("%s: definition = %+v, want %+v", tt.what, got, tt.want)
		}
	}
}
