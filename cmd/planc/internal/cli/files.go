package cli

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
)

func filesOf(m *compiler.Model) map[string]*hcl.File {
	if m == nil {
		return nil
	}
	return m.Plan.Files
}
