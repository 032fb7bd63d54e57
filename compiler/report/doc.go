// Package report renders the results of compiling a plan for people and
// tools: diagnostics as text with a source snippet and caret (text.go), as
// GitHub Actions workflow commands and compact lines (lines.go), as a
// SARIF 2.1.0 log (sarif.go); and the solved values as an aligned table or
// one JSON object (values.go).
//
// It comes after package compiler and reads only its Result; numbers and
// snippets are shown as package display shows them.
package report
