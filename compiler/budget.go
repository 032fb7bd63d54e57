package compiler

import "github.com/planc-dev/planc/lang"

// budget lowers a budget: its cap, and its spend as the sum of the cost of
// the channels it pays for (the resolver's "channels" of the budget).
func (l *lowerer) budget(b *Object) {
	bu := b.Node.(*lang.Budget)
	spend, limit := b.Value("spend"), b.Value("cap")
	spend.setUnit(l.money())
	limit.setUnit(l.money())
	l.assign(limit, bu.Cap, Input, slotOf(l.money()))
	var costs []*Var
	for _, c := range b.Refs("channels") {
		costs = append(costs, c.Value("cost"))
	}
	l.eqs = append(l.eqs, &Eq{V: spend, E: sum(costs, bu.DefRange, l.money()), Role: RoleSpend, Range: bu.DefRange})
}
