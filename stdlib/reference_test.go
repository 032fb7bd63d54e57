package stdlib

import (
	"os"
	"strings"
	"testing"
)

// TestReferenceDocumentsLibrary keeps the language reference in step with
// the library: every function by its signature, and every benchmark key.
func TestReferenceDocumentsLibrary(t *testing.T) {
	b, err := os.ReadFile("../lang/README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, name := range Names() {
		if sig := "`" + Lookup(name).Signature() + "`"; !strings.Contains(doc, sig) {
			t.Errorf("lang/README.md does not document %s", sig)
		}
	}
	for _, key := range Benchmarks().Keys() {
		if !strings.Contains(doc, "`"+key+"`") {
			t.Errorf("lang/README.md does not list benchmark key %q", key)
		}
	}
}
