package lsp

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// Minimal edits between two texts, so that formatting leaves alone the
// lines it does not change and an editor keeps the cursor where it was:
// a line diff (Myers' algorithm), then, within a changed line paired with
// its new self, a diff of its characters.

// byteEdit replaces the bytes [start, end) of the old text with text.
type byteEdit struct {
	start, end int
	text       string
}

// Bounds on the diffs: past maxLineEdits lines (or maxCharEdits
// characters in a line) of difference, a diff takes more time and memory
// than its few edits are worth, and the changed span is replaced whole;
// a line whose characters differ in more than maxLineHunks places is
// replaced whole too, as one edit reads better than many.
const (
	maxLineEdits = 2000
	maxCharEdits = 200
	maxLineHunks = 4
)

// diffEdits returns edits that turn old into new, in order, none
// overlapping another. Their offsets fall on character boundaries, never
// inside a UTF-8 sequence or between the \r and \n of a line break.
func diffEdits(old, new []byte) []byteEdit {
	a, b := splitLines(old), splitLines(new)
	offsets := make([]int, len(a)+1)
	for i, l := range a {
		offsets[i+1] = offsets[i] + len(l)
	}
	hunks, ok := myers(a, b, maxLineEdits)
	if !ok {
		pre, suf := commonEnds(a, b)
		hunks = []hunk{{pre, len(a) - suf, pre, len(b) - suf}}
	}
	var out []byteEdit
	for _, h := range hunks {
		if h.i1-h.i0 == h.j1-h.j0 {
			for k := range h.i1 - h.i0 {
				out = append(out, lineEdits(a[h.i0+k], b[h.j0+k], offsets[h.i0+k])...)
			}
			continue
		}
		if e, ok := trimmed(strings.Join(a[h.i0:h.i1], ""), strings.Join(b[h.j0:h.j1], ""), offsets[h.i0]); ok {
			out = append(out, e)
		}
	}
	return out
}

// splitLines splits text after each \n, keeping the line breaks.
func splitLines(src []byte) []string {
	var out []string
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n') + 1
		if i == 0 {
			i = len(src)
		}
		out = append(out, string(src[:i]))
		src = src[i:]
	}
	return out
}

// lineEdits turns line ol, at offset off, into nl: its content by a diff
// of characters and its line break, when it differs, by an edit of its
// own.
func lineEdits(ol, nl string, off int) []byteEdit {
	oc, ob := cutBreak(ol)
	nc, nb := cutBreak(nl)
	var out []byteEdit
	ra, rb := []rune(oc), []rune(nc)
	hunks, ok := myers(ra, rb, maxCharEdits)
	if ok && len(hunks) <= maxLineHunks && utf8.ValidString(oc) && utf8.ValidString(nc) {
		at := runeOffsets(ra)
		for _, h := range hunks {
			out = append(out, byteEdit{off + at[h.i0], off + at[h.i1], string(rb[h.j0:h.j1])})
		}
	} else if e, ok := trimmed(oc, nc, off); ok {
		out = append(out, e)
	}
	if ob != nb {
		out = append(out, byteEdit{off + len(oc), off + len(ol), nb})
	}
	return out
}

// cutBreak splits a line into its content and its line break.
func cutBreak(l string) (string, string) {
	switch {
	case strings.HasSuffix(l, "\r\n"):
		return l[:len(l)-2], "\r\n"
	case strings.HasSuffix(l, "\n"):
		return l[:len(l)-1], "\n"
	}
	return l, ""
}

// runeOffsets returns the byte offset of each rune of rs in its UTF-8
// encoding, and the length after the last.
func runeOffsets(rs []rune) []int {
	out := make([]int, len(rs)+1)
	for i, r := range rs {
		out[i+1] = out[i] + utf8.RuneLen(r)
	}
	return out
}

// trimmed is one edit turning o, at offset off, into n, without their
// common start and end; false when they are equal. The cut never falls
// inside a character or, in o, between \r and \n.
func trimmed(o, n string, off int) (byteEdit, bool) {
	if o == n {
		return byteEdit{}, false
	}
	pre := 0
	for pre < len(o) && pre < len(n) && o[pre] == n[pre] {
		pre++
	}
	for pre > 0 && (!boundary(o, pre) || !boundary(n, pre)) {
		pre--
	}
	suf := 0
	for suf < len(o)-pre && suf < len(n)-pre && o[len(o)-1-suf] == n[len(n)-1-suf] {
		suf++
	}
	for suf > 0 && (!boundary(o, len(o)-suf) || !boundary(n, len(n)-suf)) {
		suf--
	}
	return byteEdit{off + pre, off + len(o) - suf, n[pre : len(n)-suf]}, true
}

// boundary reports whether offset i of s starts a character (or is its
// end) and is not between \r and \n.
func boundary(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	return utf8.RuneStart(s[i]) && !(s[i-1] == '\r' && s[i] == '\n')
}

// hunk replaces a[i0:i1] with b[j0:j1].
type hunk struct{ i0, i1, j0, j1 int }

// commonEnds returns how many elements a and b have in common at their
// start and, after that, at their end.
func commonEnds[T comparable](a, b []T) (int, int) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}

// myers returns the hunks of a shortest edit script from a to b (Myers,
// "An O(ND) Difference Algorithm and Its Variations", 1986), in order;
// false when it takes more than maxD insertions and deletions. Memory is
// O(D²) for D edits, after the common start and end are set aside.
func myers[T comparable](a, b []T, maxD int) ([]hunk, bool) {
	pre, suf := commonEnds(a, b)
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(a), len(b)
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] holds v[k] for k in [-d, d] after round d, at index k+d.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				trace = append(trace, slices.Clone(v[off-d:off+d+1]))
				return shift(backtrack(trace, n, m), pre), true
			}
		}
		trace = append(trace, slices.Clone(v[off-d:off+d+1]))
	}
	return nil, false
}

// backtrack walks the rounds of myers back from (n, m) and returns the
// hunks in order.
func backtrack(trace [][]int, n, m int) []hunk {
	type op struct {
		del  bool
		x, y int
	}
	var ops []op
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		prev := trace[d-1]
		at := func(k int) int { return prev[k+d-1] }
		k := x - y
		pk := k - 1
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		}
		px := at(pk)
		py := px - pk
		// Back along the diagonal, to the point the edit led to.
		ex, ey := px, py
		if pk == k+1 {
			ey++ // an insertion of b[py]
		} else {
			ex++ // a deletion of a[px]
		}
		for x > ex && y > ey {
			x, y = x-1, y-1
		}
		ops = append(ops, op{del: pk != k+1, x: px, y: py})
		x, y = px, py
	}
	slices.Reverse(ops)
	var out []hunk
	for _, o := range ops {
		last := len(out) - 1
		cont := last >= 0 && out[last].i1 == o.x && out[last].j1 == o.y
		switch {
		case o.del && cont:
			out[last].i1++
		case o.del:
			out = append(out, hunk{o.x, o.x + 1, o.y, o.y})
		case cont:
			out[last].j1++
		default:
			out = append(out, hunk{o.x, o.x, o.y, o.y + 1})
		}
	}
	return out
}

// shift moves hunks found after n common elements back to their place.
func shift(hs []hunk, n int) []hunk {
	for i := range hs {
		hs[i].i0 += n
		hs[i].i1 += n
		hs[i].j0 += n
		hs[i].j1 += n
	}
	return hs
}
