package quantity

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
)

// Range is a ranged quantity: "20% to 30%", "3万円 .. 5万円", "3〜5万円".
// Lo and Hi are in the same unit (Unit.Same, and both bare or neither),
// and Lo is not above Hi. Their values must not be changed, as with
// Parse.
type Range struct{ Lo, Hi Quantity }

// Mid returns (Lo+Hi)/2, exact, as a new value.
func (r Range) Mid() *big.Rat {
	m := new(big.Rat).Add(r.Lo.Value, r.Hi.Value)
	return m.Quo(m, big.NewRat(2, 1))
}

// ParseRange reads s as a range: two quantities with one separator
// between them. The separators are the word "to" between spaces (in any
// case: "20% to 30%", "20% TO 30%"), two dots ("20%..30%"), and the
// tildes a Japanese plan writes: the wave dash "〜", the full-width
// tilde "～" and "~". Spaces around a separator do not matter. A hyphen
// is no separator: "-5%" is minus five percent.
//
// Each end is read as Parse reads a quantity, full-width forms and all.
// A low end without a unit borrows the high end's, the way a Japanese
// (and an English) plan writes a range once: "3〜5万円" is ¥30,000 to
// ¥50,000, "20〜30%" is 20% to 30%, "3 to $5k" is $3k to $5k. The low
// end takes everything of the high end but its digits and sign: the
// time word and symbol before the number, and the unit after it; and
// when the low end has no scale of its own, the high end's scale too
// ("3〜5万円", but "20万〜30万円" and "8000〜1万2000円", where a mixed
// numeral lends no scale). Both ends without a unit ("20 to 30") stay
// bare.
//
// ok is false, and err nil, when s has no separator at all: the caller
// then reads s with Parse. Otherwise err says why s is no range: an end
// is missing or no quantity, the ends are in different units, the low
// end is above the high end, or there is more than one separator. Its
// span is relative to s, as Parse's.
func ParseRange(s string) (r Range, ok bool, err *Error) {
	if !mayBeRange(s) {
		return Range{}, false, nil // most quantities: no lookup, no lock
	}
	if m, hit := parsedRanges.get(s); hit {
		return m.r, m.ok, m.err
	}
	r, ok, err = parseRange(s)
	parsedRanges.put(s, rangeResult{r, ok, err})
	return r, ok, err
}

// mayBeRange reports whether s has anything that could be a separator,
// before folding: two dots (full-width too), a tilde or wave dash, or the
// letters of "to" in any case and width.
func mayBeRange(s string) bool {
	if strings.Contains(s, "..") || strings.ContainsAny(s, "~〜～．ｔＴｏＯ") {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i]|0x20 == 't' && s[i+1]|0x20 == 'o' {
			return true
		}
	}
	return false
}

type rangeResult struct {
	r   Range
	ok  bool
	err *Error
}

// parsedRanges remembers what ParseRange read, for the same reason and
// within the same bound as parsed.
var parsedRanges = &memo[rangeResult]{}

// parseRange folds s and reads it, mapping an error back to the
// characters the user typed. Everything below works on the folded text,
// so that "～" is "~" and "．．" is "..", and maps back only once here.
func parseRange(s string) (Range, bool, *Error) {
	f := fold(s)
	r, ok, err := parseRangeFolded(f.text)
	return r, ok, f.err(err)
}

// rangeSeparator finds the separators, and runs of dots so that "1...5"
// is refused rather than read as "1" and ".5". "to" is a word: it may
// begin or end the string, so that "20% to" is a range without its high
// end rather than 20 of something called "to".
var rangeSeparator = regexp.MustCompile(`(?i)(?:^|[ \t])to(?:[ \t]|$)|\.\.+|[〜~]`)

func parseRangeFolded(s string) (Range, bool, *Error) {
	seps := rangeSeparator.FindAllStringIndex(s, -1)
	if len(seps) == 0 {
		return Range{}, false, nil
	}
	if err := checkSeparators(s, seps); err != nil {
		return Range{}, true, err
	}
	if err := decimalTypo(s, seps[0]); err != nil {
		return Range{}, true, err
	}
	lo, hi := rangeEnd{s[:seps[0][0]], 0}, rangeEnd{s[seps[0][1]:], seps[0][1]}
	if err := checkEnds(s, seps[0], lo, hi); err != nil {
		return Range{}, true, err
	}
	r, err := readEnds(s, seps[0], lo, hi)
	return r, true, err
}

// sepCore is the separator of match m without the spaces around "to".
func sepCore(s string, m []int) (int, int) {
	start, stop := m[0], m[1]
	for start < stop && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	for stop > start && (s[stop-1] == ' ' || s[stop-1] == '\t') {
		stop--
	}
	return start, stop
}

// checkSeparators refuses a second separator ("20% to 30% to 40%") and
// dots that are not two: a range has two ends and one separator.
func checkSeparators(s string, seps [][]int) *Error {
	for _, m := range seps {
		if a, b := sepCore(s, m); s[a] == '.' && b-a != 2 {
			return &Error{a, b, fmt.Sprintf("%q is no range separator; write two dots, as in \"20%%..30%%\"", s[a:b])}
		}
	}
	if len(seps) > 1 {
		a, b := sepCore(s, seps[1])
		return &Error{a, b, fmt.Sprintf("%q is a second separator; a range has two ends and one separator between them, as in \"20%% to 30%%\"", s[a:b])}
	}
	return nil
}

// decimalTypo refuses two dots between digits after a bare number
// ("4..8億円"): far more often a mistyped decimal point than a range, and
// read as a range it would move a target silently (to its midpoint, 6億円).
// A range whose low end has a unit, or spaces around the dots, is read.
func decimalTypo(s string, m []int) *Error {
	a, b := m[0], m[1]
	if s[a] != '.' || a == 0 || b >= len(s) || !isDigit(s[a-1]) || !isDigit(s[b]) {
		return nil
	}
	if strings.TrimLeft(strings.TrimSpace(s[:a]), "0123456789,_") != "" {
		return nil // the low end has a unit or a scale of its own
	}
	return &Error{a, b, fmt.Sprintf("two dots between digits: for a decimal point write one (%q); for a range, spaces around the dots and a unit on both ends (%q)",
		s[:a]+"."+s[b:], s[:a]+unitWords2(s[b:])+" .. "+s[b:])}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// unitWords2 is what follows the number at the start of s: "億円" of "8億円".
func unitWords2(s string) string {
	return strings.TrimLeft(s, "0123456789.,_")
}

// rangeEnd is one end of a range: its text, spaces included, and its offset
// in the (folded) range string.
type rangeEnd struct {
	text string
	off  int
}

// blank reports whether the end has nothing but spaces.
func (e rangeEnd) blank() bool { return strings.Trim(e.text, " \t") == "" }

// span is the end without its spaces, in the range string.
func (e rangeEnd) span() (int, int) {
	lead := len(e.text) - len(strings.TrimLeft(e.text, " \t"))
	return e.off + lead, e.off + len(strings.TrimRight(e.text, " \t"))
}

// parse reads the end with Parse, its error moved to the range string.
func (e rangeEnd) parse() (Quantity, *Error) {
	q, err := Parse(e.text)
	if err != nil {
		return Quantity{}, &Error{err.Start + e.off, err.End + e.off, err.Msg}
	}
	return q, nil
}

// checkEnds refuses a range with an end missing (" .. 30%", "20% to "),
// pointing at the separator that has nothing on one side.
func checkEnds(s string, sep []int, lo, hi rangeEnd) *Error {
	a, b := sepCore(s, sep)
	switch {
	case lo.blank():
		return &Error{a, b, fmt.Sprintf("there is no low end before %q; write both ends, as in \"20%% to 30%%\"", s[a:b])}
	case hi.blank():
		return &Error{a, b, fmt.Sprintf("there is no high end after %q; write both ends, as in \"20%% to 30%%\"", s[a:b])}
	}
	return nil
}

// readEnds parses both ends, lends the high end's unit to a low end
// without one, and checks that the two make a range.
func readEnds(s string, sep []int, lo, hi rangeEnd) (Range, *Error) {
	l, err := lo.parse()
	if err != nil {
		return Range{}, err
	}
	h, err := hi.parse()
	if err != nil {
		return Range{}, err
	}
	l, borrowed, err := borrowUnit(lo, hi, l, h)
	if err != nil {
		return Range{}, err
	}
	if !l.Unit.Same(h.Unit) || l.Bare != h.Bare {
		return Range{}, &Error{0, len(s), fmt.Sprintf("the low end is %s and the high end is %s; write both ends in one unit, as in \"20%% to 30%%\" or \"3万円 to 5万円\"", unitWords(l), unitWords(h))}
	}
	if l.Value.Cmp(h.Value) > 0 {
		return Range{}, &Error{0, len(s), reversed(s, sep, lo, hi, borrowed)}
	}
	return Range{l, h}, nil
}

// unitWords names the unit of q for a message. A bare number's unit
// prints as "%", which would read as a percentage.
func unitWords(q Quantity) string {
	if q.Bare {
		return "a number without a unit"
	}
	return fmt.Sprintf("in %q", q.Unit.String())
}

// reversed says how to write a range whose low end is above its high
// end: the ends swapped ("30% to 20%" is "20% to 30%"), or, when the low
// end borrowed a scale that made it so ("500〜1万円" is 500万円 to 1万円),
// what it read as.
func reversed(s string, sep []int, lo, hi rangeEnd, borrowed string) string {
	if borrowed != "" {
		a, b := lo.span()
		return fmt.Sprintf("the low end comes first: %q reads as %q here, taking the high end's scale and unit; write both ends in full, as in \"20%% to 30%%\"", s[a:b], borrowed)
	}
	la, lb := lo.span()
	ha, hb := hi.span()
	return fmt.Sprintf("the low end comes first: write %q", s[ha:hb]+s[sep[0]:sep[1]]+s[la:lb])
}

// borrowUnit reads a low end without a unit (l) with the high end's
// (h): see ParseRange. It returns the low end and the text it read it
// as, "" when it borrowed nothing.
func borrowUnit(lo, hi rangeEnd, l, h Quantity) (Quantity, string, *Error) {
	if !l.Bare {
		return l, "", nil
	}
	// Both ends parsed, so the grammar reads them again without error.
	la, err1 := quantityParser.ParseString("", lo.text)
	ha, err2 := quantityParser.ParseString("", hi.text)
	if err1 != nil || err2 != nil {
		return l, "", nil
	}
	text := lend(lo.text, la, hi.text, ha)
	if text == "" {
		return l, "", nil
	}
	q, err := Parse(text)
	if err != nil {
		// The high end's words read after its own number; they should
		// after the low end's too, but point at the low end if not.
		a, b := lo.span()
		return Quantity{}, "", &Error{a, b, fmt.Sprintf("the low end reads as %q, taking the high end's unit, and %s", text, err.Msg)}
	}
	return q, text, nil
}

// lend writes the low end (lt, a bare number) with what the high end
// (ht) has around its number: the time word and symbol before it, the
// scale and unit after it. It returns "" when the high end has nothing
// to lend ("20 to 30").
func lend(lt string, la *quantityAST, ht string, ha *quantityAST) string {
	var every, symbol string
	if ha.Every != nil {
		every = ha.Every.Word
	}
	if ha.Symbol != nil {
		symbol = ha.Symbol.Value
	}
	parts := ha.Number.Parts
	last := parts[len(parts)-1]
	after := ht[last.Pos.Offset+len(last.Text):]
	// A mixed numeral ("1万2000") has no one scale to lend, and a low
	// end with a scale of its own ("20万") keeps it.
	if digits, scale := splitScale(last.Text); len(parts) == 1 && scale != nil && !la.Number.scaled() {
		after = last.Text[len(digits):] + after
	}
	if every == "" && symbol == "" && strings.Trim(after, " \t") == "" {
		return ""
	}
	lp := la.Number.Parts
	start := lp[0].Pos.Offset
	stop := lp[len(lp)-1].Pos.Offset + len(lp[len(lp)-1].Text)
	// The low end keeps its sign, after the time word as the grammar
	// has it: "-10 to -5%" is -10% to -5%, "-3 to 月5件" 月-3件.
	return every + lt[:start] + symbol + lt[start:stop] + after
}
