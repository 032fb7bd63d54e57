package site

import (
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/rivo/uniseg"
)

// Chart geometry shared by the waterfall and the budget chart, in SVG user
// units (pixels at full size). Labels sit in a column left of the bars and
// values in a column right of them, so that no text is drawn over a bar
// or clipped at the edge, whatever the values are.
const (
	chartW      = 800
	labelX      = 0
	barX        = 200
	barMax      = 400
	valueX      = barX + barMax + 12
	labelCols   = 26 // display columns that fit in the label column at 14px
	chartTopPad = 10
)

// float returns v's solved value as a float for drawing, and whether it
// is solved.
func (g *gen) float(v *compiler.Var) (float64, bool) {
	if v == nil {
		return 0, false
	}
	val, ok := g.r.Value(v)
	if !ok {
		return 0, false
	}
	f, _ := val.Nom.Float64()
	return f, true
}

// exact returns v's solved value, or nil.
func (g *gen) exact(v *compiler.Var) *big.Rat {
	if v == nil {
		return nil
	}
	val, ok := g.r.Value(v)
	if !ok {
		return nil
	}
	return val.Nom
}

// barWidth scales x against max into [0, barMax]; a positive value gets at
// least a sliver so that it does not look like zero.
func barWidth(x, max float64) int {
	if max <= 0 || x <= 0 {
		return 0
	}
	w := int(x/max*barMax + 0.5)
	if w < 2 {
		w = 2
	}
	if w > barMax {
		w = barMax
	}
	return w
}

// truncate shortens s to at most cols display columns (a Japanese
// character is two) with an ellipsis; the full text goes in a <title>.
func truncate(s string, cols int) string {
	if uniseg.StringWidth(s) <= cols {
		return s
	}
	out := ""
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := uniseg.StringWidth(g.Str())
		if w+cw > cols-1 {
			break
		}
		out += g.Str()
		w += cw
	}
	return out + "…"
}
