// Package plandiff compares the solved values of two compiled plans, such
// as a plan before and after a pull request, and renders what moved for
// people (text, GitHub-flavoured Markdown) and tools (JSON). It is what
// `planc diff` prints.
//
// It comes after package compiler: Compare reads two compiler.Results (with
// the diagnostics compiling them gave) and returns a Diff; Text, Markdown
// and JSON render one. Values are matched by reference path
// (funnel.demand.mql.volume). A value that exists on both sides, is solved
// on both and has one dimension on both has moved when its exact value
// differs; the change is computed exactly, with big.Rat, and shown in the
// value's unit ("+234", "+¥12,340,000", "+1.0 pt" for a rate) with its
// relative size to one decimal ("+10.2%"). Everything else that differs is
// reported on its own: values only one plan has (added, removed), values
// only one plan could solve, and values whose dimension changed.
//
// The headline values come first, because a reviewer asks "what happens to
// the goal, the funnel and the money" before "which input changed": the
// KGIs, each funnel's revenue and stage volumes, each channel's leads and
// cost, and each budget's spend and cap. The inputs and KPIs that moved
// follow. Within each group values keep the plan's order, so that output is
// stable and reads like `planc solve`.
package plandiff
