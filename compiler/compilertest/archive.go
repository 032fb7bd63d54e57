package compilertest

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Plan returns the text of the one plan file (*.hcl) of a txtar archive
// such as compiler/testdata/solve/NAME.txtar, so that a test of another
// emitter (hover, diff) can use a plan whose values were computed by hand.
func Plan(t testing.TB, archive string) string {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	var plans []string
	for _, f := range a.Files {
		if strings.HasSuffix(f.Name, ".hcl") {
			plans = append(plans, string(f.Data))
		}
	}
	if len(plans) != 1 {
		t.Fatalf("%s has %d plan files, want one", archive, len(plans))
	}
	return plans[0]
}
