package site

import (
	"fmt"
	"html/template"
	"math/big"
	"slices"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang/quantity"
)

// The confidence band: where the plan writes rates or amounts as ranges
// (or asks for a confidence), each funnel page shows what reaches the
// target with the plan's confidence (80% unless it names one), from the
// same seeded Monte Carlo as planc solve --confidence.

// defaultConfidence is the site's confidence when the plan writes ranges
// but names none.
var defaultConfidence = big.NewRat(4, 5)

// confidenceView is a funnel's band.
type confidenceView struct {
	Level, Worlds string
	Seed          uint64
	// Ranges lists the values written as ranges, "won rate 20% to 30%".
	Ranges []string
	// Sentence says what the table shows, and how it was found.
	Sentence template.HTML
	Rows     []bandView
	Cost     bandView
}

type bandView struct {
	Label, Href, Plan, At, Factor string
}

// runConfidence runs the Monte Carlo when the plan has ranges or a
// confidence; nil otherwise.
func (g *gen) runConfidence() map[*compiler.Object]compiler.FunnelBands {
	c := g.r.Confidence()
	if c == nil && len(g.r.Info.Spreads) == 0 || g.errors > 0 {
		return nil
	}
	if c == nil {
		c = defaultConfidence
	}
	g.bandOpts = compiler.UncertaintyOptions{Confidence: c, Seed: 1, Worlds: compiler.DefaultWorlds}
	out := map[*compiler.Object]compiler.FunnelBands{}
	for _, fb := range compiler.Uncertain(g.r, g.bandOpts) {
		out[fb.Funnel] = fb
	}
	return out
}

// confidence is funnel f's band, nil when it has none.
func (g *gen) confidence(f *compiler.Object) *confidenceView {
	fb, ok := g.bands[f]
	if !ok {
		return nil
	}
	o := g.bandOpts
	cv := &confidenceView{Level: g.num(o.Confidence, quantity.Ratio), Seed: o.Seed,
		Worlds: g.num(big.NewRat(int64(o.Worlds), 1), quantity.Count)}
	var ranged []*compiler.Var
	for v := range g.r.Info.Spreads {
		if v.Object == f || v.Object != nil && (v.Object.Parent == f || v.Object.Ref("funnel") == f) {
			ranged = append(ranged, v)
		}
	}
	// The map's order is random: the plan's order is the paths'.
	slices.SortFunc(ranged, func(a, b *compiler.Var) int { return strings.Compare(a.Path.String(), b.Path.String()) })
	for _, v := range ranged {
		sp := g.r.Info.Spreads[v]
		cv.Ranges = append(cv.Ranges, g.S("{value} {low} to {high}", "value", g.valueLabel(v), "low", g.num(sp.Lo, v.Unit), "high", g.num(sp.Hi, v.Unit)))
	}
	how := g.T("every lead converts on its own")
	if len(cv.Ranges) > 0 {
		how = g.T("the values written as ranges vary within them")
	}
	cv.Sentence = g.N("What reaches the target with {level} probability, when {how} and each lead converts on its own: a Monte Carlo of {worlds} worlds (seed {seed}), the safety factor against the plan.",
		"level", cv.Level, "how", how, "worlds", cv.Worlds, "seed", fmt.Sprint(o.Seed))
	if len(cv.Ranges) > 0 {
		cv.Sentence += g.N(" Ranges: {ranges}.", "ranges", strings.Join(cv.Ranges, g.T("; ")))
	}
	for _, b := range append(append([]compiler.Band{}, fb.Stages...), fb.Channels...) {
		cv.Rows = append(cv.Rows, g.bandView(g.label(b.Var.Object), g.names.page(b.Var.Object), b, b.Var.Unit))
	}
	cv.Cost = g.bandView(g.T("Channels’ cost"), "", fb.Cost, quantity.Money(g.r.Info.Currency))
	return cv
}

func (g *gen) bandView(label, href string, b compiler.Band, u quantity.Unit) bandView {
	out := bandView{Label: label, Href: href, Plan: "?", At: "?", Factor: "?"}
	if b.Plan != nil {
		out.Plan = g.num(b.Plan, u)
	}
	if b.At != nil {
		out.At = g.num(b.At, u)
	}
	if f := b.Factor(); f != nil {
		out.Factor = quantity.Decimal(f, 2, false) + "×"
	}
	return out
}
