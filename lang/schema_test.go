package lang_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/planc-dev/planc/lang"
)

// TestSchemaDocumented: the language reference has a section for every
// block kind of the schema table, which names each of its attributes and
// says which are required; and every attribute it names in a block's
// table is in the schema.
func TestSchemaDocumented(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, spec := range lang.Blocks {
		sec := section(doc, spec.Kind)
		if sec == "" {
			t.Errorf("README.md has no ### `%s` section", spec.Kind)
			continue
		}
		for _, a := range spec.Attrs {
			if !strings.Contains(sec, "`"+a.Name+"`") {
				t.Errorf("### `%s` does not document its attribute `%s`", spec.Kind, a.Name)
			}
			if a.Required && !regexp.MustCompile("(?m)^\\| `"+a.Name+"` \\| \\*\\*required").MatchString(sec) {
				t.Errorf("### `%s` does not say that `%s` is required", spec.Kind, a.Name)
			}
		}
		for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+)`").FindAllStringSubmatch(sec, -1) {
			if spec.Attr(m[1]) == nil && !nested(spec, m[1]) && lang.FrameworkOf(m[1]) == nil {
				t.Errorf("### `%s` documents `%s`, which the schema does not have", spec.Kind, m[1])
			}
		}
	}
}

// section returns the text of the "### `kind`" section of the reference.
func section(doc, kind string) string {
	i := strings.Index(doc, "\n### `"+kind+"`")
	if i < 0 {
		return ""
	}
	rest := doc[i+1:]
	if j := strings.Index(rest[4:], "\n### "); j >= 0 {
		rest = rest[:j+4]
	}
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

func nested(spec *lang.BlockSpec, name string) bool {
	for _, n := range spec.Nested() {
		if n.Kind == name {
			return true
		}
	}
	return false
}
