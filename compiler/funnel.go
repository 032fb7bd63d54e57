package compiler

import (
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// funnel lowers a funnel: its deal size, each stage's volume from the
// stage before, and its revenue from the last stage.
func (l *lowerer) funnel(f *Object) {
	fn := f.Node.(*lang.Funnel)
	dealSize, revenue := f.Value("deal_size"), f.Value("revenue")
	dealSize.setUnit(l.money())
	revenue.setUnit(l.money())
	l.assign(dealSize, fn.DealSize, Input, slotOf(l.money()))
	var prev *Var
	for _, so := range f.Kids {
		s := so.Node.(*lang.Stage)
		vol := so.Value("volume")
		vol.setUnit(quantity.CountOf(s.Unit.Value))
		vol.Whole = true
		if in := so.Value("inflow"); in != nil {
			in.setUnit(quantity.CountOf("leads"))
			in.Whole = true
		}
		if r := so.Value("rate"); r != nil && prev != nil {
			r.setUnit(quantity.Ratio)
			l.assign(r, s.Rate, Input, slotOf(quantity.Ratio))
			e := mul(prev, r, s.DefRange)
			if in := so.Value("inflow"); in != nil {
				e = &Bin{Op: '+', A: e, B: ref(in, s.DefRange), R: s.DefRange}
			}
			l.eqs = append(l.eqs, &Eq{V: vol, E: e, Role: RoleStep, Range: attrRange(s.Rate, s.DefRange)})
		}
		prev = vol
	}
	if prev != nil {
		l.eqs = append(l.eqs, &Eq{V: revenue, E: mul(prev, dealSize, fn.DefRange), Role: RoleRevenue, Range: fn.DefRange})
	}
}

func (l *lowerer) money() quantity.Unit { return quantity.Money(l.info.Currency) }

func mul(a, b *Var, r hcl.Range) Expr {
	return &Bin{Op: '*', A: &Ref{Var: a, R: r}, B: &Ref{Var: b, R: r}, R: r}
}

func ref(v *Var, r hcl.Range) Expr { return &Ref{Var: v, R: r} }

func div(a, b Expr, r hcl.Range) Expr { return &Bin{Op: '/', A: a, B: b, R: r} }

// sum returns the expression v1 + v2 + ... (zero, in unit zero, for no
// values).
func sum(vs []*Var, r hcl.Range, zero quantity.Unit) Expr {
	if len(vs) == 0 {
		return &Const{V: new(big.Rat), Unit: zero, R: r}
	}
	var e Expr
	for _, v := range vs {
		if e == nil {
			e = ref(v, r)
		} else {
			e = &Bin{Op: '+', A: e, B: ref(v, r), R: r}
		}
	}
	return e
}

func attrRange(a *lang.Attr, fallback hcl.Range) hcl.Range {
	if a == nil {
		return fallback
	}
	return a.Range
}

// stageLabel names what a stage counts: its unit, or else its name.
func stageLabel(s *lang.Stage) string {
	if s.Unit.Value != "" {
		return s.Unit.Value
	}
	return s.Name
}
