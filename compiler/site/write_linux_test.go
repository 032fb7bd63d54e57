//go:build linux

package site

import (
	"path/filepath"
	"testing"
)

// TestExchange: on Linux the new site and the old trade places in one
// step, so that no moment leaves the site's directory missing.
func TestExchange(t *testing.T) {
	parent := t.TempDir()
	a, b := filepath.Join(parent, "a"), filepath.Join(parent, "b")
	for dir, text := range map[string]string{a: "A", b: "B"} {
		if err := Write(dir, map[string][]byte{"index.html": []byte(text)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := exchange(a, b); err != nil {
		t.Fatal(err)
	}
	if got := readDir(t, a); string(got["index.html"]) != "B" {
		t.Errorf("a holds %q after the exchange", got["index.html"])
	}
	if got := readDir(t, b); string(got["index.html"]) != "A" {
		t.Errorf("b holds %q after the exchange", got["index.html"])
	}
}
