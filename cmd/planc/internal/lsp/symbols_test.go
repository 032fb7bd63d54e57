package lsp

import (
	"testing"

	"github.com/planc-dev/planc/lang"
)

// TestEveryKindHasASymbolKind: a block kind without an outline icon would
// be sent as kind 0, which LSP does not define.
func TestEveryKindHasASymbolKind(t *testing.T) {
	for _, spec := range lang.Blocks {
		if symbolKinds[spec.Kind] == 0 {
			t.Errorf("block kind %s has no symbol kind", spec.Kind)
		}
	}
}
