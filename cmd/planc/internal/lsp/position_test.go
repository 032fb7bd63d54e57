package lsp

import (
	"testing"
	"unicode/utf8"
)

// posSrc mixes three-byte Japanese (one UTF-16 unit each), a four-byte
// emoji (two UTF-16 units) and \r\n line ends. Line starts, by hand:
// line 0 at 0 (`kpi "a" {` and \n: 10 bytes); line 1 at 10 (`  title = "`
// 11 bytes, 新規商談 12, `"` and \n: 25 bytes); line 2 at 35 (`  x = "` 7,
// 😀 4, `" + kpi.b` 9, \r\n 2: 22 bytes); line 3 at 57 (`}` \r\n); line 4
// at 60 (`last`, to 64).
const posSrc = "kpi \"a\" {\n  title = \"新規商談\"\n  x = \"😀\" + kpi.b\r\n}\r\nlast"

func TestPosition(t *testing.T) {
	tx := newText([]byte(posSrc))
	tests := []struct {
		name      string
		off       int
		u16, u8   Position
		roundTrip bool
	}{
		{"start", 0, Position{0, 0}, Position{0, 0}, true},
		{"商 after two kanji", 27, Position{1, 13}, Position{1, 17}, true},
		{"emoji", 42, Position{2, 7}, Position{2, 7}, true},
		{"inside the emoji is its start", 44, Position{2, 7}, Position{2, 7}, false},
		{"+ after the emoji", 48, Position{2, 11}, Position{2, 13}, true},
		{"kpi after the emoji", 50, Position{2, 13}, Position{2, 15}, true},
		{"line end before \\r\\n", 55, Position{2, 18}, Position{2, 20}, true},
		{"the \\n of \\r\\n is the line end", 56, Position{2, 18}, Position{2, 20}, false},
		{"line after \\r\\n", 60, Position{4, 0}, Position{4, 0}, true},
		{"end", 64, Position{4, 4}, Position{4, 4}, true},
		{"past the end", 100, Position{4, 4}, Position{4, 4}, false},
		{"negative", -3, Position{0, 0}, Position{0, 0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tx.position(tt.off, utf16); got != tt.u16 {
				t.Errorf("utf-16 position(%d) = %v, want %v", tt.off, got, tt.u16)
			}
			if got := tx.position(tt.off, utf8Bytes); got != tt.u8 {
				t.Errorf("utf-8 position(%d) = %v, want %v", tt.off, got, tt.u8)
			}
			if !tt.roundTrip {
				return
			}
			if got := tx.offset(tt.u16, utf16); got != tt.off {
				t.Errorf("utf-16 offset(%v) = %d, want %d", tt.u16, got, tt.off)
			}
			if got := tx.offset(tt.u8, utf8Bytes); got != tt.off {
				t.Errorf("utf-8 offset(%v) = %d, want %d", tt.u8, got, tt.off)
			}
		})
	}
}

func TestOffsetClamps(t *testing.T) {
	tx := newText([]byte(posSrc))
	tests := []struct {
		name string
		pos  Position
		enc  encoding
		want int
	}{
		{"inside a surrogate pair is the emoji's start", Position{2, 8}, utf16, 42},
		{"inside a UTF-8 sequence is the character's start", Position{1, 12}, utf8Bytes, 21},
		{"past the line's end is its end", Position{2, 100}, utf16, 55},
		{"past the last line is the end", Position{10, 0}, utf16, 64},
		{"negative line is the start", Position{-1, 5}, utf16, 0},
	}
	for _, tt := range tests {
		if got := tx.offset(tt.pos, tt.enc); got != tt.want {
			t.Errorf("%s: offset(%v, %v) = %d, want %d", tt.name, tt.pos, tt.enc, got, tt.want)
		}
	}
}

// TestLoneCR checks that a lone \r ends a line, as LSP counts lines.
func TestLoneCR(t *testing.T) {
	tx := newText([]byte("a\rb\n\nc"))
	for off, want := range map[int]Position{2: {1, 0}, 4: {2, 0}, 5: {3, 0}} {
		if got := tx.position(off, utf16); got != want {
			t.Errorf("position(%d) = %v, want %v", off, got, want)
		}
	}
}

// TestPositionRoundTrip converts every character boundary both ways.
func TestPositionRoundTrip(t *testing.T) {
	src := []byte("plan { title = \"新規 😀 商談\" }\r\n\tkpi \"é\" {}\n👍🏽x\r")
	tx := newText(src)
	for off := 0; off <= len(src); {
		for _, enc := range []encoding{utf16, utf8Bytes} {
			p := tx.position(off, enc)
			want := off
			if off < len(src) && (src[off] == '\n' && off > 0 && src[off-1] == '\r') {
				want = off - 1 // the \n of \r\n is not a position of its own
			}
			if got := tx.offset(p, enc); got != want {
				t.Errorf("%v: offset(position(%d) = %v) = %d", enc, off, p, got)
			}
		}
		if off == len(src) {
			break
		}
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
}
