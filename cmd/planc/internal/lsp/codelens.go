package lsp

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// codeLenses puts each block's solved headline values above its header,
// for editors that show code lenses but not inlay hints: a kgi's or kpi's
// value, a stage's volume, a funnel's revenue, a channel's leads and
// cost, a budget's spend against its cap. The lenses are titles only; they
// run no command.
func codeLenses(s *Server, r *request, _ CodeLensParams) (any, error) {
	snap, f, err := r.snapshot(s)
	if f == nil || err != nil || snap.res == nil {
		return nil, err
	}
	out := []CodeLens{}
	for _, node := range allBlocks(blocksIn(snap.plan, f.name)) {
		title := lensTitle(snap.res, node)
		if title == "" {
			continue
		}
		out = append(out, CodeLens{Range: f.text.lspRange(node.Header().DefRange, s.enc), Command: &Command{Title: title}})
	}
	return out, nil
}

// lensTitle is the line shown above a block, "" for a block without a
// solved headline value.
func lensTitle(r *compiler.Result, node lang.Node) string {
	o := r.Info.Of(node)
	if o == nil {
		return ""
	}
	if o.Kind == "budget" {
		return budgetLens(r, o)
	}
	var parts []string
	for _, v := range hintVars(r, node) {
		parts = append(parts, lensValue(r, v))
	}
	return strings.Join(parts, " · ")
}

// lensValue is a value with what it is when its block has several
// ("cost ¥160,000,000").
func lensValue(r *compiler.Result, v *compiler.Var) string {
	switch v.Name {
	case "", "volume", "leads":
		return valueText(r, v)
	}
	return strings.ReplaceAll(v.Name, "_", " ") + " " + valueText(r, v)
}

// budgetLens is a budget's spend and, when it has one, its cap and the
// share of it spent: "spend ¥160,000,000 of ¥300,000,000 cap (53.3%)".
func budgetLens(r *compiler.Result, o *compiler.Object) string {
	spend := o.Value("spend")
	sv, ok := value(r, spend)
	if !ok {
		return ""
	}
	out := "spend " + valueText(r, spend)
	limit := o.Value("cap")
	cv, ok := value(r, limit)
	if !ok {
		return out
	}
	out += " of " + valueText(r, limit) + " cap"
	if cv.Sign() > 0 {
		out += fmt.Sprintf(" (%s)", quantity.Format(new(big.Rat).Quo(sv, cv), quantity.Ratio))
	}
	return out
}

// value returns v's solved value, ok false when v is nil or unsolved.
func value(r *compiler.Result, v *compiler.Var) (*big.Rat, bool) {
	if v == nil {
		return nil, false
	}
	x, ok := r.Value(v)
	if !ok || x.Nom == nil {
		return nil, false
	}
	return x.Nom, true
}
