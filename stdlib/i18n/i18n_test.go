package i18n

import (
	"strings"
	"testing"
)

// Every translation keeps its format verbs, in order: F would otherwise
// print a value in the wrong place, or %!v(MISSING).
func TestVerbsKept(t *testing.T) {
	verbs := func(s string) string {
		var out []string
		for i := 0; i < len(s)-1; i++ {
			if s[i] == '%' {
				out = append(out, s[i:i+2])
				i++
			}
		}
		return strings.Join(out, " ")
	}
	for _, en := range Keys() {
		if v, w := verbs(en), verbs(Ja.T(en)); v != w {
			t.Errorf("%q has verbs %q, its translation %q has %q", en, v, Ja.T(en), w)
		}
	}
}

func TestT(t *testing.T) {
	register(map[string]string{"test: Overview": "概要"})
	if En.T("test: Overview") != "test: Overview" || Ja.T("test: Overview") != "概要" || Ja.T("test: missing") != "test: missing" {
		t.Error("T")
	}
	if Ja.Code() != "ja" || En.Code() != "en" {
		t.Error("Code")
	}
}
