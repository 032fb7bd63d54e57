package compiler

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// before orders ranges by file name, then position.
func before(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}

// exprRange is the range of an attribute's value, or fallback when absent.
func exprRange(a *lang.Attr, fallback hcl.Range) hcl.Range {
	if a == nil {
		return fallback
	}
	return a.Expr.Range()
}
