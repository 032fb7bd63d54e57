package compiler

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Budgets. A budget pays for channels (their cost) and for fixed costs
// of its own, its items (a tool, content production, an agency's fee),
// and it may be part of a larger budget, its parent:
//
//	spend = its channels' cost + fixed + the spend of each child budget
//	fixed = the sum of its items' amounts
//
// So a parent's spend is everything spent under it, and over-budget is
// checked at every level. The parents form trees: the resolver breaks a
// cycle of parents (budgetParents) before anything adds spends up.

// budgetParents reports each cycle of budget parents once, at the parent
// attribute that closes it, and drops that link, so that every chain of
// parents ends at a budget without one. It follows each chain once:
// linear in the number of budgets, however long the chains.
func (r *resolver) budgetParents() {
	const (
		onWalk = 1 + iota
		done
	)
	state := map[*Object]int{}
	for _, b := range r.info.Kind("budget") {
		var walk []*Object
		x := b
		for x != nil && state[x] == 0 {
			state[x] = onWalk
			walk = append(walk, x)
			x = x.Ref("parent")
		}
		if x != nil && state[x] == onWalk { // the chain came back to x
			at := len(walk) - 1
			for walk[at] != x {
				at--
			}
			r.parentCycle(walk[at:])
			walk[len(walk)-1].unlink("parent", x)
		}
		for _, w := range walk {
			state[w] = done
		}
	}
}

// budgetOverlaps reports each channel that one hierarchy of budgets pays
// for twice, at the later of the two in the plan's order, and drops that
// link: the channel's cost then counts once in the spend above them, and
// no over-budget follows from the mistake.
func (r *resolver) budgetOverlaps() {
	var places map[*Object]placeAt
	for _, c := range r.info.Kind("channel") {
		payers := c.Refs("budgets")
		if len(payers) < 2 {
			continue
		}
		if places == nil {
			places = budgetPlaces(r.info)
		}
		first := map[*Object]*Object{} // the top of a hierarchy: its first budget paying for c
		nth := map[*Object]int{}       // how often each budget lists c
		for _, b := range slices.Clone(payers) {
			nth[b]++
			top := places[b].Top
			prev := first[top]
			if prev == nil {
				first[top] = b
				continue
			}
			r.sink.add(lang.Diag(lang.BudgetOverlap, listItem(b, "channels", c, nth[b]), "Channel paid for twice",
				overlapDetail(c, prev, b, places)))
			b.unlink("channels", c)
		}
	}
}

// overlapDetail says how budgets a and b, a first in the plan, both pay
// for channel c within one hierarchy, and how to fix it.
func overlapDetail(c, a, b *Object, places map[*Object]placeAt) string {
	pa, pb := places[a], places[b]
	var how, above string
	switch {
	case a == b:
		return fmt.Sprintf("budget %q lists %s twice in its channels, so its cost would count twice in the budget's spend. Remove one of them.", b.Name(), c.Path)
	case pa.holds(pb):
		how, above = fmt.Sprintf("budget %q and by budget %q, which is part of %q", a.Name(), b.Name(), a.Name()), a.Name()
	case pb.holds(pa):
		how, above = fmt.Sprintf("budget %q and by budget %q, which %q is part of", a.Name(), b.Name(), a.Name()), b.Name()
	default:
		how, above = fmt.Sprintf("budget %q and by budget %q, both under budget %q", a.Name(), b.Name(), pa.Top.Name()), pa.Top.Name()
	}
	return fmt.Sprintf("%s is paid for by %s, so its cost would count twice in the spend of budget %q. A channel is paid for by one budget of a hierarchy: remove it from the channels of one of them.", c.Path, how, above)
}

// listItem is the range of the nth reference to block to in the list
// attribute attr of o, or the attribute's when none is found.
func listItem(o *Object, attr string, to *Object, nth int) hcl.Range {
	a := lang.AttrOf(o.Node, attr)
	if a == nil {
		return o.DefRange()
	}
	exprs, _ := hcl.ExprList(a.Expr)
	for _, e := range exprs {
		t, d := hcl.AbsTraversalForExpr(e)
		if p, ok := lang.TraversalPath(t); ok && !d.HasErrors() && p == to.Path {
			if nth--; nth == 0 {
				return e.Range()
			}
		}
	}
	return a.Expr.Range()
}

// parentCycle reports the budgets of cycle, each the parent of the one
// before it and the first the parent of the last, at the last's parent.
func (r *resolver) parentCycle(cycle []*Object) {
	last := cycle[len(cycle)-1]
	at := exprRange(last.Node.(*lang.Budget).Parent, last.DefRange())
	if len(cycle) == 1 {
		r.sink.add(lang.Diag(lang.Cycle, at, "Budget is its own parent",
			fmt.Sprintf("budget %q names itself as its parent; a budget cannot be part of itself. Remove parent, or name the budget it is part of.", last.Name())))
		return
	}
	chain := []string{last.Path.String()}
	for _, b := range cycle {
		chain = append(chain, b.Path.String())
	}
	r.sink.add(lang.Diag(lang.Cycle, at, "Circular budget parents",
		fmt.Sprintf("These budgets are parts of each other: %s (each arrow leads to a budget's parent), so none of them can add up the others' spend. Remove the parent of one of them, or make it a budget above them all.",
			strings.Join(summarise(chain), " -> "))))
}

// budget lowers a budget: its cap, its fixed costs (budgetItems), and
// its spend as the sum of the cost of the channels it pays for (the
// resolver's "channels" of the budget), its fixed costs and the spend of
// its child budgets.
func (l *lowerer) budget(b *Object) {
	bu := b.Node.(*lang.Budget)
	l.input(b.Value("cap"), bu.Cap)
	var parts []*Var
	for _, c := range b.Refs("channels") {
		parts = append(parts, c.Value("cost"))
	}
	if fixed := b.Value("fixed"); fixed != nil {
		l.budgetItems(b, fixed)
		parts = append(parts, fixed)
	}
	for _, kid := range b.Refs("budgets") {
		parts = append(parts, kid.Value("spend"))
	}
	spend := b.Value("spend")
	l.add(&Eq{V: spend, E: sum(parts, bu.DefRange, spend.Unit), Role: RoleSpend, Range: bu.DefRange})
}

// budgetItems gives each item of budget b its amount, and fixed the sum
// of them.
func (l *lowerer) budgetItems(b *Object, fixed *Var) {
	var amounts []*Var
	for _, it := range b.Kids {
		v := it.Value("amount")
		l.input(v, it.Node.(*lang.Item).Amount) // nil when missing: a schema error
		amounts = append(amounts, v)
	}
	r := b.Node.Header().DefRange
	l.add(&Eq{V: fixed, E: sum(amounts, r, fixed.Unit), Role: RoleFixed, Range: r})
}

// budgets reports each budget whose spend is above its cap, at its cap:
// at every level of a hierarchy, each message naming the budget's place
// in it and, for a budget with items or child budgets, what each part
// spends.
func (c *checker) budgets() {
	var places map[*Object]placeAt
	for _, b := range c.info.Kind("budget") {
		spend, ok1 := c.sol.Value(b.Value("spend"))
		limit, ok2 := c.sol.Value(b.Value("cap"))
		if !ok1 || !ok2 || spend.Nom.Cmp(limit.Nom) <= 0 {
			continue
		}
		if places == nil {
			places = budgetPlaces(c.info)
		}
		u := b.Value("spend").Unit
		excess := new(big.Rat).Sub(spend.Nom, limit.Nom)
		detail := fmt.Sprintf("%s spends %s%s, above its cap of %s by %s. %s",
			budgetLevel(b, places[b].BudgetPlace), quantity.Format(spend.Nom, u), c.spentOn(b), quantity.Format(limit.Nom, u), quantity.Format(excess, u), overBudgetFix(b))
		bu := b.Node.(*lang.Budget)
		c.sink.fail(lang.OverBudget, exprRange(bu.Cap, bu.DefRange), "Over budget", detail)
	}
	c.periodCaps()
}

// BudgetPlace is a budget's place in its hierarchy.
type BudgetPlace struct {
	Budget *Object
	// Top is the budget at the top of the hierarchy, Budget itself for a
	// budget without a parent; Depth is the number of parents between
	// them, 0 at the top.
	Top   *Object
	Depth int
	// end is the place in BudgetTree's list after Budget's last
	// descendant: its descendants are the budgets between.
	end int
}

// BudgetTree lists the plan's budgets as a reader of their hierarchies
// expects them: each budget without a parent in the plan's order, each
// followed by its child budgets and theirs, depth first, in the plan's
// order. It walks each hierarchy once, without recursion, however deep;
// the resolver has broken every cycle of parents, so every budget is in
// the list once.
func BudgetTree(in *Info) []BudgetPlace {
	var out []BudgetPlace
	type frame struct {
		at   int // the budget's place in out
		next int // its next child to visit
	}
	for _, top := range in.Kind("budget") {
		if top.Ref("parent") != nil {
			continue
		}
		out = append(out, BudgetPlace{Budget: top, Top: top})
		stack := []frame{{at: len(out) - 1}}
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			kids := out[f.at].Budget.Refs("budgets")
			if f.next == len(kids) {
				out[f.at].end = len(out)
				stack = stack[:len(stack)-1]
				continue
			}
			f.next++
			out = append(out, BudgetPlace{Budget: kids[f.next-1], Top: top, Depth: len(stack)})
			stack = append(stack, frame{at: len(out) - 1})
		}
	}
	return out
}

// budgetPlaces is BudgetTree by budget, with each budget's place in the
// list: a budget at i contains the one at j when i < j < end.
func budgetPlaces(in *Info) map[*Object]placeAt {
	tree := BudgetTree(in)
	out := make(map[*Object]placeAt, len(tree))
	for i, p := range tree {
		out[p.Budget] = placeAt{BudgetPlace: p, i: i}
	}
	return out
}

// placeAt is a budget's place and its index in BudgetTree's list.
type placeAt struct {
	BudgetPlace
	i int
}

// holds reports whether budget a is b or one of b's parents, their
// parents and so on.
func (a placeAt) holds(b placeAt) bool { return a.i <= b.i && b.i < a.end }

// maxLevelNames bounds the parents a message names between a budget and
// the top of its hierarchy.
const maxLevelNames = 3

// budgetLevel names budget b with its place in its hierarchy: `budget
// "programs" (in "marketing")`, `budget "events" (in "marketing" >
// "programs")`, or `the top-level budget "marketing"` for one with child
// budgets; a budget outside any hierarchy is just itself.
func budgetLevel(b *Object, at BudgetPlace) string {
	if at.Depth == 0 {
		if len(b.Refs("budgets")) > 0 {
			return fmt.Sprintf("the top-level budget %q", b.Name())
		}
		return fmt.Sprintf("budget %q", b.Name())
	}
	var above []string // nearest first
	p := b.Ref("parent")
	for ; p != at.Top && len(above) < maxLevelNames; p = p.Ref("parent") {
		above = append(above, fmt.Sprintf("%q", p.Name()))
	}
	if p != at.Top {
		above = append(above, "...")
	}
	above = append(above, fmt.Sprintf("%q", at.Top.Name()))
	slices.Reverse(above)
	return fmt.Sprintf("budget %q (in %s)", b.Name(), strings.Join(above, " > "))
}

// maxSpendParts bounds the child budgets an over-budget message lists one
// by one; the others are added up in one part.
const maxSpendParts = 5

// spentOn says what budget b's spend is made of: " on its channels" for a
// budget with neither items nor child budgets, as it always was, else
// each part with its amount. It says nothing when a part is unknown: the
// parts shown must add up to the spend.
func (c *checker) spentOn(b *Object) string {
	fixed, kids := b.Value("fixed"), b.Refs("budgets")
	if fixed == nil && len(kids) == 0 {
		return " on its channels"
	}
	u := b.Value("spend").Unit
	var parts []string
	var costs []*Var
	for _, ch := range b.Refs("channels") {
		costs = append(costs, ch.Value("cost"))
	}
	if len(costs) > 0 {
		x, ok := c.sum(costs)
		if !ok {
			return ""
		}
		parts = append(parts, quantity.Format(x, u)+" on its channels")
	}
	if fixed != nil {
		x, ok := c.sol.Value(fixed)
		if !ok {
			return ""
		}
		parts = append(parts, quantity.Format(x.Nom, u)+" on its items")
	}
	more, ok := c.kidsSpend(kids, u)
	if !ok {
		return ""
	}
	return " (" + strings.Join(append(parts, more...), ", ") + ")"
}

// kidsSpend lists what each child budget spends, the first maxSpendParts
// by name and the others together; ok is false when one is unknown.
func (c *checker) kidsSpend(kids []*Object, u quantity.Unit) (parts []string, ok bool) {
	for i, k := range kids {
		if i == maxSpendParts {
			var rest []*Var
			for _, k := range kids[i:] {
				rest = append(rest, k.Value("spend"))
			}
			x, ok := c.sum(rest)
			if !ok {
				return nil, false
			}
			return append(parts, fmt.Sprintf("%s in %d other budgets", quantity.Format(x, u), len(rest))), true
		}
		x, ok := c.sol.Value(k.Value("spend"))
		if !ok {
			return nil, false
		}
		parts = append(parts, fmt.Sprintf("%s in budget %q", quantity.Format(x.Nom, u), k.Name()))
	}
	return parts, true
}

// sum adds up solved values; ok is false when one is unknown.
func (c *checker) sum(vs []*Var) (*big.Rat, bool) {
	total := new(big.Rat)
	for _, v := range vs {
		x, ok := c.sol.Value(v)
		if !ok {
			return nil, false
		}
		total.Add(total, x.Nom)
	}
	return total, true
}

// overBudgetFix says what brings budget b under its cap: the cap, its
// items, and what drives the cost of the channels under it.
func overBudgetFix(b *Object) string {
	items := b.Value("fixed") != nil
	leads := len(b.Refs("channels")) > 0 || len(b.Refs("budgets")) > 0
	switch {
	case items && !leads:
		return "Raise the cap or cut its items."
	case items:
		return "Raise the cap, cut its items, lower CPAs or shift share to cheaper channels, or lower the target."
	}
	return "Raise the cap, lower CPAs or shift share to cheaper channels, or lower the target."
}
