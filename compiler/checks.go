package compiler

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// The built-in checks run on the solved plan.

func (s *solver) checkRates() {
	one := big.NewRat(1, 1)
	for _, v := range s.g.vars {
		val, ok := s.val[v]
		if (v.Kind != KindRate && v.Kind != KindShare) || !ok {
			continue
		}
		if val.Nom.Sign() > 0 && val.Nom.Cmp(one) <= 0 {
			continue
		}
		s.report(s.rateDiag(v, val.Nom))
	}
}

func (s *solver) rateDiag(v *Var, x *big.Rat) *hcl.Diagnostic {
	what := "rate"
	if v.Kind == KindShare {
		what = "share"
	}
	detail := fmt.Sprintf("%s is %s; a %s must be above 0%% and at most 100%%.", v.Path, quantity.Format(x, quantity.Ratio), what)
	r := v.Decl
	if v.Given != nil {
		r = v.Given.Range
		if x.Cmp(big.NewRat(1, 1)) > 0 && x.IsInt() {
			detail += fmt.Sprintf(" A bare number is a fraction, so %s means %s; write %s = \"%s%%\".",
				x.RatString(), quantity.Format(x, quantity.Ratio), what, x.RatString())
		}
	} else if eq := s.by[v]; eq != nil {
		r = eq.Range
		detail += " It was solved from " + eq.What + "; check the values that determine it."
	}
	summary := "Rate out of range"
	if v.Kind == KindShare {
		summary = "Share out of range"
	}
	return lang.Diag(lang.RateOutOfRange, r, summary, detail)
}

func (s *solver) checkBudgets() {
	for _, b := range s.g.plan.Budgets {
		bv := s.g.budgetVars[b]
		spend, ok1 := s.val[bv.spend]
		limit, ok2 := s.val[bv.cap]
		if !ok1 || !ok2 || spend.Nom.Cmp(limit.Nom) <= 0 {
			continue
		}
		u := bv.spend.Unit
		excess := new(big.Rat).Sub(spend.Nom, limit.Nom)
		detail := fmt.Sprintf("budget %q spends %s on its channels, above its cap of %s by %s. Raise the cap, lower CPAs or shift share to cheaper channels, or lower the target.",
			b.Name, quantity.Format(spend.Nom, u), quantity.Format(limit.Nom, u), quantity.Format(excess, u))
		s.report(lang.Diag(lang.OverBudget, exprRange(b.Cap, b.DefRange), "Over budget", detail))
	}
}

func (s *solver) checkKGIs() {
	for _, m := range s.g.plan.KGIs {
		v := s.g.metricVar[m]
		if v == nil || !v.UnitKnown || v.Unit.IsMoney() {
			continue
		}
		s.report(lang.Warning(lang.KGINotRevenue, m.DefRange, "KGI is not revenue",
			fmt.Sprintf("kgi %q is %s. A KGI should be the revenue the plan must reach for its period, not a count of orders; make it money (for example target = \"4.8億円\") and keep counts as KPIs.", m.Name, v.Unit.Dimension())))
	}
}

func (s *solver) checkHandoffs() {
	for _, f := range s.g.plan.Funnels {
		for i := 1; i < len(f.Stages); i++ {
			prev, cur := f.Stages[i-1], f.Stages[i]
			from, to := s.g.stageOwner(prev), s.g.stageOwner(cur)
			if from == "" || to == "" || from == to || cur.Definition.Value != "" {
				continue
			}
			s.report(lang.Warning(lang.HandoffWithoutDefinition, cur.DefRange, "Handoff without a definition",
				fmt.Sprintf("stage %q passes from %s to %s, but has no definition. Write the criteria both teams agreed on, such as definition = \"Score 50+, company of 100+ employees\".",
					cur.Name, from, to)))
		}
	}
}
