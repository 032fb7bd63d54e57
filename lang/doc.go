// Package lang is planc's front end: it parses the *.plan.hcl files of a
// plan, which package lang/source collects, and decodes them against the
// v1 schema into an AST (ast.go) that keeps an exact source range for
// every block, label and attribute, and defines the diagnostic codes
// (codes.go) that every later stage reports with, documented in README.md,
// which is embedded for `planc explain` (explain.go). It also formats plan
// files (format.go).
//
// Formulas stay unevaluated hcl.Expression values; package compiler lowers
// them to its equation graph. Quantity strings are parsed by the
// lang/quantity grammar, and SubRange maps its errors back into the file.
//
// The pipeline is source.Read -> lang.Parse -> compiler.Compile -> an
// emitter (text, JSON, site). lang does no I/O of its own: it neither
// chooses nor reads files.
package lang
