package lsp

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// apply applies edits to old, checking that they are in order, do not
// overlap and cut old only at character boundaries, never inside \r\n.
func apply(t *testing.T, old string, edits []byteEdit) string {
	t.Helper()
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.start < at || e.end < e.start || e.end > len(old) {
			t.Fatalf("edit %+v out of order or range (at %d) in %q", e, at, old)
		}
		for _, off := range []int{e.start, e.end} {
			if off < len(old) && !utf8.RuneStart(old[off]) || off > 0 && off < len(old) && old[off-1] == '\r' && old[off] == '\n' {
				t.Fatalf("edit %+v cuts %q at %d", e, old, off)
			}
		}
		b.WriteString(old[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(old[at:])
	return b.String()
}

func TestDiffEdits(t *testing.T) {
	for _, tt := range []struct {
		old, new string
		want     []byteEdit
	}{
		{"a\nb\nc\n", "a\nb\nc\n", nil},
		// Spaces before a comment after 売上🎯: two bytes deleted.
		{"x {\n  title = \"売上🎯\"   # 目標\n}\n", "x {\n  title = \"売上🎯\" # 目標\n}\n", []byteEdit{{27, 29, ""}}},
		// Alignment: spaces added in one line, none elsewhere.
		{"a = 1\nbb = 2\n", "a  = 1\nbb = 2\n", []byteEdit{{2, 2, " "}}},
		// Lines removed and added.
		{"a\n\n\n\nb\n", "a\n\nb\n", []byteEdit{{3, 5, ""}}},
		{"a\nb", "a\nb\n", []byteEdit{{3, 3, "\n"}}},
		// A line break changed alone.
		{"a\r\nb\r\n", "a\nb\r\n", []byteEdit{{1, 3, "\n"}}},
	} {
		got := diffEdits([]byte(tt.old), []byte(tt.new))
		if apply(t, tt.old, got) != tt.new {
			t.Errorf("%q -> %q: edits %+v do not make it", tt.old, tt.new, got)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q -> %q: edits %+v, want %+v", tt.old, tt.new, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q -> %q: edits %+v, want %+v", tt.old, tt.new, got, tt.want)
			}
		}
	}
}

// TestDiffEditsRandom: edits between random texts of lines with Japanese
// text, emoji and line breaks of every kind turn one into the other.
func TestDiffEditsRandom(t *testing.T) {
	pieces := []string{"a", "b", " ", "  ", "=", "売上", "🎯", "\n", "\r\n", "\r", "kpi", "\"", "😀\n"}
	r := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 3000 {
		old := text()
		new := old
		if r.IntN(4) > 0 { // mostly a variation of old
			var b strings.Builder
			for _, l := range strings.SplitAfter(old, "\n") {
				switch r.IntN(5) {
				case 0:
					b.WriteString(text())
				case 1:
				default:
					b.WriteString(l)
				}
			}
			new = b.String()
		} else {
			new = text()
		}
		if got := apply(t, old, diffEdits([]byte(old), []byte(new))); got != new {
			t.Fatalf("%q -> %q: got %q", old, new, got)
		}
	}
}

// TestMyersShortest: the script is a shortest one.
func TestMyersShortest(t *testing.T) {
	a, b := []rune("ABCABBA"), []rune("CBABAC")
	hs, ok := myers(a, b, 100)
	n := 0
	for _, h := range hs {
		n += h.i1 - h.i0 + h.j1 - h.j0
	}
	if !ok || n != 5 {
		t.Errorf("hunks %+v: %d edits, want 5", hs, n)
	}
	if _, ok := myers(a, b, 4); ok {
		t.Error("found a script of 5 within 4")
	}
}
