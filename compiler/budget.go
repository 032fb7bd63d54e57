package compiler

import "github.com/planc-dev/planc/lang"

// budget lowers a budget: its cap, and its spend as the sum of the cost of
// the channels it pays for (the resolver's "channels" of the budget).
func (l *lowerer) budget(b *Object) {
	bu := b.Node.(*lang.Budget)
	l.input(b.Value("cap"), bu.Cap)
	var costs []*Var
	for _, c := range b.Refs("channels") {
		costs = append(costs, c.Value("cost"))
	}
	spend := b.Value("spend")
	l.add(&Eq{V: spend, E: sum(costs, bu.DefRange, spend.Unit), Role: RoleSpend, Range: bu.DefRange})
}
