// Package compiler checks and solves a plan. It comes after package lang,
// which parses the plan's files into an AST, and before the emitters
// (report, site, plandiff) and the language server, which all read the
// one *Result that Compile returns.
//
// Compile runs these phases, in this order; each reports to one
// diagnostics sink (sink.go), and the order is written once, in Compile:
//
//  1. resolve (resolve.go) needs the AST. It declares an Object for every
//     block (one duplicate policy: the first block of a name wins), the
//     values each kind of object owns (values.go), and the lead sources
//     derived from channels (sources.go); it resolves every attribute that
//     names blocks (a channel's funnel, a budget's channels and parent, a
//     journey phase's personas), and breaks cycles of budget parents
//     (budget.go). It gives Info: objects, values, and Uses, every
//     reference with what it names.
//  2. lower (metric.go, funnel.go, channel.go, budget.go, sources.go,
//     teams.go, lower.go) needs Info. It turns every attribute that gives
//     or relates values into a given value or an equation (Eq: a role and
//     an expression), resolving the references in formulas through Info.
//  3. units (units.go) needs the equations. It infers every value's unit
//     in both directions, then gives deferred bare numbers theirs.
//  4. rules (rules.go) read planc's default rules and the plan's: which
//     standard checks run, how severe they are, their thresholds.
//  5. benchmarks (standard.go) resolve the benchmark keys, against the
//     inferred units; units are then checked in every equation.
//  6. cycles (cycle.go) report formulas that depend on themselves and
//     leave their equations out.
//  7. solve (solve.go) needs the values and the remaining equations. It
//     propagates exact values both ways and gives the Solution.
//  8. checks (checks.go, standard.go, teams.go, userchecks.go) need the
//     Solution: a table of built-in checks, each with its code; values
//     that nothing determines are reported last, when no error explains
//     them.
//
// The sink then applies the rules' severities and sorts the diagnostics
// by position.
package compiler
