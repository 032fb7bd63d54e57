package quantity

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// A Japanese IME types full-width forms: "８０％", "１，２００", "１．５万円",
// and the ideographic space. Before parsing, such characters are folded
// to what they mean ("80%", "1,200", "1.5万円", " ") with NFKC, the
// Unicode normalisation that maps width variants to their plain forms.
//
// Only the Halfwidth and Fullwidth Forms block (U+FF00-U+FFEF) and the
// ideographic space are folded; every other character is parsed as
// written. NFKC also turns "²" into "2", "①" into "1" and "½" into "1⁄2",
// so folding them would read "5²" as 52: they stay errors.

// folded is a string ready to parse and the way back to the string the
// user wrote, so that errors point at the characters they typed.
type folded struct {
	text string
	// spans are the parts of text that differ from the original, in
	// order; none when nothing was folded.
	spans []span
}

// span is one folded part: text[at:end] replaces orig[origAt:origEnd].
type span struct {
	at, end, origAt, origEnd int
}

// fold folds the width variants of s. A string without them (nearly
// every quantity) is returned as it is, without copying.
func fold(s string) folded {
	if !strings.ContainsFunc(s, isWidthVariant) {
		return folded{text: s}
	}
	var b strings.Builder
	var spans []span
	var it norm.Iter
	it.InitString(norm.NFKC, s)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		orig := s[start:it.Pos()]
		// A segment is a character with its combining marks ("ｶﾞ" is
		// one), so a width variant folds together with its marks.
		if !strings.ContainsFunc(orig, isWidthVariant) || string(seg) == orig {
			b.WriteString(orig)
			continue
		}
		spans = append(spans, span{b.Len(), b.Len() + len(seg), start, start + len(orig)})
		b.Write(seg)
	}
	return folded{text: b.String(), spans: spans}
}

// Fold returns s with its full-width and half-width forms folded as
// Parse folds them ("２０２７年４月～９月" is "2027年4月~9月"), for other
// readers of what a Japanese IME types, such as a plan's period.
func Fold(s string) string { return fold(s).text }

// isWidthVariant reports whether r is a full-width or half-width form or
// the ideographic space.
func isWidthVariant(r rune) bool {
	return r == '\u3000' || r >= '\uFF00' && r <= '\uFFEF'
}

// err maps an error about f.text back to the string the user wrote. A
// position inside a folded part widens to the whole part: an error about
// "0" in "８０" points at "０".
func (f folded) err(e *Error) *Error {
	if e == nil || f.spans == nil {
		return e
	}
	return &Error{Start: f.orig(e.Start, false), End: f.orig(e.End, true), Msg: e.Msg}
}

// orig returns the original offset of offset p of f.text; end says
// whether p ends a range (a position inside a folded part then goes to
// the part's end, not its start).
func (f folded) orig(p int, end bool) int {
	shift := 0
	for _, sp := range f.spans {
		switch {
		case p < sp.at:
			return p + shift
		case p == sp.at:
			return sp.origAt
		case p < sp.end && end:
			return sp.origEnd
		case p < sp.end:
			return sp.origAt
		}
		shift = sp.origEnd - sp.end
	}
	return p + shift
}
