// Package lang is planc's front end: it parses the *.plan.hcl files of a
// plan, which package lang/source collects, and decodes them into an AST
// (ast.go) that keeps an exact source range for every block, label and
// attribute. The schema is one table (schema.go: block kinds, labels and
// attributes with their roles) that the decoder, the compiler's resolver,
// the language server and the reference's tests all read. Reference paths
// (kpi.cvr, funnel.demand.mql.volume) are built and read by one type,
// Path. lang also defines the diagnostic codes (codes.go) that every later
// stage reports with, documented in README.md (embedded as Reference; the
// documentation of each code is read by package lang/codedoc), and formats
// plan files (format.go).
//
// Formulas stay unevaluated hcl.Expression values; package compiler
// resolves their names and lowers them to its equations. Quantity strings
// are parsed by the lang/quantity grammar, and SubRange maps its errors
// back into the file.
//
// The pipeline is source.Read -> lang.Parse -> compiler.Compile -> an
// emitter (text, JSON, site). lang does no I/O of its own: it neither
// chooses nor reads files.
package lang
