// Package stdlib is planc's standard library: the functions that formulas
// may call. Each function declares its parameters, how its result unit
// follows from its arguments' units, and how to evaluate it exactly, so
// that the compiler can type-check and solve calls like any other formula.
//
// The compiler (package compiler) looks functions up by name; the language
// reference is generated from the same declarations (Doc), so the two
// cannot drift apart.
package stdlib
