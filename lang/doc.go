// Package lang is planc's front end: it loads the *.plan.hcl files of a
// plan, decodes them against the v1 schema into an AST (ast.go) that keeps
// an exact source range for every block, label and attribute, and defines
// the diagnostic codes (codes.go) that every later stage reports with.
//
// Formulas stay unevaluated hcl.Expression values; package compiler lowers
// them to its equation graph. Quantity strings are parsed by the
// lang/quantity grammar, and QuantityAt maps its errors back into the file.
//
// The pipeline is lang.Load -> compiler.Compile -> an emitter (text, JSON,
// site).
package lang
