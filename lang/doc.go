// Package lang is planc's front end: it loads the *.plan.hcl files of a
// plan from disk (package lang/source reads them at a git revision too),
// decodes them against the v1 schema into an AST (ast.go) that keeps an
// exact source range for every block, label and attribute, and defines the
// diagnostic codes (codes.go) that every later stage reports with,
// documented in README.md, which is embedded for `planc explain`
// (explain.go). It also formats plan files (format.go).
//
// Formulas stay unevaluated hcl.Expression values; package compiler lowers
// them to its equation graph. Quantity strings are parsed by the
// lang/quantity grammar, and SubRange maps its errors back into the file.
//
// The pipeline is lang.Load -> compiler.Compile -> an emitter (text, JSON,
// site).
package lang
