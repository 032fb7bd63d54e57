package stdlib

import (
	_ "embed"

	"github.com/planc-dev/planc/lang"
)

//go:embed rules.plan.hcl
var defaultRules []byte

// DefaultRules is the file of planc's defaults for the standard checks,
// in the plan language's own rule blocks, so that users can read them.
func DefaultRules() lang.Source {
	return lang.Source{Name: "stdlib/rules.plan.hcl", Bytes: defaultRules}
}
