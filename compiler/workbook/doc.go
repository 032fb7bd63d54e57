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
// A plan by month (one with a phasing, a lag or an opening pipeline) has
// a Timeline sheet last: a row for each value planc places in the
// months (stage volumes and inflows, won deals, revenue, channels' leads
// and cost, their cohorts, budgets' spend, teams' loads, KGIs and KPIs,
// and each KGI's or KPI's target by its phasing), a column for each
// month as planc names it (2027-04), and the Total: the sum of the
// months, which is the yearly value (for a metric's formula, the formula
// on the Totals; for a team's load, the monthly average).
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
// workbook cannot write is planc's value, grey, with a note that says
// why.
//
// On the Timeline sheet every month is a formula over the yearly cells,
// by the timeline's rules (compiler/timeline.go): a value spread by a
// shape is the year x its share of the month, whole counts rounded up on
// the cumulative months so that they add up to the year,
//
//	=ROUNDUP(funnel_demand_sql_volume*K74-0.000001,0)-ROUNDUP(funnel_demand_sql_volume*J74-0.000001,0)
//
// where the shares are exact constants in rows after the values (=7/15):
// they come from the plan's phasing and the stages' lags, which the
// workbook does not recalculate. A channel's leads are its part of the
// leads into its stage so far, by the largest remainder at each month's
// end (a table after the shares), less the month before's; a cohort is
// its part of its stage's month (or its year in its stage's shape, in a
// funnel with cohorts of its own); a channel's cost, a budget's spend and
// a metric's formula are their equations on the month's values. A yearly
// formula that uses a value in a period (kpi.june = funnel.demand.sql.
// volume["2027-06"]) refers to its month's cell, or to the sum of its
// months in a quarter or half. Months the workbook has no formula for,
// and those computed from them, are planc's values, grey, with a note.
//
// # Determinism
//
// The same plan gives the same bytes: the workbook says it was created
// at a fixed time, and excelize writes the parts of the file in a fixed
// order with no timestamps.
package workbook
