// Package stdlib is planc's standard library, kept apart from the compiler
// so that users can read it:
//
//   - the functions formulas may call (math.go, economics.go). Each declares
//     its parameters, how its result unit follows from its arguments' units,
//     and how to evaluate it exactly, so that the compiler can type-check and
//     solve calls like any other formula;
//   - the benchmark pack (benchmarks/*.hcl, read by benchmarks.go);
//   - the standard checks' defaults, as plan-language rule blocks
//     (rules.plan.hcl);
//   - the starter plans of `planc init` (scaffold/) and the site's templates
//     (templates/).
//
// The language reference documents every function and benchmark key, and a
// test keeps it complete.
package stdlib
