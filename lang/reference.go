package lang

import _ "embed"

// Reference is the language reference (lang/README.md), for tools that
// show parts of it, such as the documentation of each diagnostic code
// (package codedoc).
//
//go:embed README.md
var Reference string
