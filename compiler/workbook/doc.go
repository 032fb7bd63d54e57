// Package workbook writes a compiled plan as a spreadsheet that computes
// it: a workbook (.xlsx) in which every value of the plan is a cell, the
// plan's inputs are constants the reader may change, and every value
// planc solved is the formula of the equation it solved it from, so that
// changing a rate in Excel or LibreOffice recalculates the plan as planc
// would solve it.
//
// # Sheets
//
// The Plan sheet comes first, with the legend and the values that belong
// to no funnel, channel or budget (goals, KPIs, lead sources, teams);
// then a sheet per funnel, the channels (with the apportionment tables),
// and the budgets. Each value has a row: its path, its title, the value,
// its unit, where it comes from and, in words, the equation planc solved
// it from. Every value's cell has a defined name made of its path
// (funnel.demand.won.volume is funnel_demand_won_volume), which the
// formulas use, so that they read like the plan:
//
//	=ROUNDUP(funnel_demand_won_volume/funnel_demand_won_rate-0.000001,0)
//
// Cells hold values in planc's canonical units: money in the plan's
// currency, ratios as fractions, durations in months.
//
// # Formulas
//
// A value solved forward is its equation's expression; a value solved
// backward is the expression inverted along the path to it, as the
// solver inverts it (+ - * / and the unit-economics functions, which are
// products). Whole counts are rounded as the solver rounds them: up when
// solved backward, down when solved forward (unless the equation says
// otherwise), with a tolerance for binary floating point (expr.go). A
// channel's leads are its part of the leads into its stage by the
// largest remainder, which a table of helper cells reproduces
// (apportion.go); a funnel whose channels convert at rates of their own
// has its top volume from the solver's linear step, which the workbook
// writes as the quotient it is (linear.go). A value whose formula the
// workbook cannot write (one that uses a value in a period of the plan
// by month) is planc's value, grey, with a note that says why.
//
// # Determinism
//
// The same plan gives the same bytes: the workbook says it was created
// at a fixed time, and excelize writes the parts of the file in a fixed
// order with no timestamps.
package workbook
