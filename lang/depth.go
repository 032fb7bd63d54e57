package lang

import "bytes"

// depthBound returns an upper bound of the nesting that tooDeep measures
// on src's tokens, by a scan of its bytes that allocates next to nothing,
// so that a well-formed file is not lexed a second time. The scan follows
// what HCL's lexer follows: strings with their escapes, heredocs, template
// interpolations and directives, comments; every minus, ! and ? counts as
// a level until the end of its item, as in tooDeep (a binary minus too, so
// the bound may be a little high). ok is false when the file has anything
// the scan does not model exactly (an escaped ${, a string over a line
// end, a bracket that closes another kind, an unterminated string, heredoc
// or comment, brackets left open): the caller then lexes the file.
func depthBound(src []byte) (bound int, ok bool) {
	d := depthScan{src: src, stack: make([]frame, 1, 64)}
	for d.i < len(src) && !d.unsure {
		d.step()
	}
	return d.max, !d.unsure && len(d.stack) == 1
}

// frame is one level of nesting: what opened it, the unary operators
// counted in it, and a heredoc's closing marker.
type frame struct {
	open   byte // 0 for the file's body, '(' '[' '{' '"', 'h' a heredoc, '$' an interpolation
	ops    int
	marker []byte
}

type depthScan struct {
	src        []byte
	i          int
	stack      []frame
	depth, max int
	// unsure is set at what the scan does not model exactly.
	unsure bool
}

func (d *depthScan) top() *frame { return &d.stack[len(d.stack)-1] }

func (d *depthScan) push(f frame) {
	d.stack = append(d.stack, f)
	d.depth++
	d.max = max(d.max, d.depth)
}

// pop closes the innermost frame, which must be of the kind open.
func (d *depthScan) pop(open ...byte) {
	if len(d.stack) == 1 || !bytes.Contains(open, []byte{d.top().open}) {
		d.unsure = true
		return
	}
	d.depth -= 1 + d.top().ops
	d.stack = d.stack[:len(d.stack)-1]
}

// step reads one byte (or a few that go together) in the mode of the
// innermost frame.
func (d *depthScan) step() {
	switch d.top().open {
	case '"':
		d.quoted()
	case 'h':
		d.heredoc()
	default:
		d.expr()
	}
}

// quoted reads inside a quoted string: escapes, interpolations and the
// closing quote. A line end in one is not HCL.
func (d *depthScan) quoted() {
	c := d.src[d.i]
	switch {
	case c == '\\':
		d.i += 2
		return
	case c == '"':
		d.pop('"')
	case c == '\n':
		d.unsure = true
	case d.interp():
		return
	}
	d.i++
}

// heredoc reads a heredoc's lines until the one that is its marker.
func (d *depthScan) heredoc() {
	if d.i == 0 || d.src[d.i-1] == '\n' {
		end := bytes.IndexByte(d.src[d.i:], '\n')
		if end < 0 {
			end = len(d.src) - d.i
		}
		// HCL takes the marker with spaces around it, in both forms.
		if bytes.Equal(bytes.TrimSpace(d.src[d.i:d.i+end]), d.top().marker) {
			d.pop('h')
			d.i += end
			return
		}
	}
	if !d.interp() {
		d.i++
	}
}

// interp opens an interpolation or directive (${ or %{) at the current
// byte and reports whether it did. Their escapes ($${ and %%{) are left to
// the lexer.
func (d *depthScan) interp() bool {
	c, s := d.src[d.i], d.src[d.i:]
	if (c != '$' && c != '%') || len(s) < 2 {
		return false
	}
	if s[1] == c {
		d.unsure = true
		return false
	}
	if s[1] != '{' {
		return false
	}
	d.push(frame{open: '$'})
	d.i += 2
	return true
}

// expr reads outside strings: brackets, strings and heredocs that open,
// comments, operators and the ends of items.
func (d *depthScan) expr() {
	c, s := d.src[d.i], d.src[d.i:]
	switch {
	case c == '#' || bytes.HasPrefix(s, []byte("//")):
		d.skipTo([]byte("\n"), 1) // HCL's comment token takes the line end
		return
	case bytes.HasPrefix(s, []byte("/*")):
		d.skipTo([]byte("*/"), 2)
		return
	case c == '(' || c == '[' || c == '{' || c == '"':
		d.push(frame{open: c})
	case c == ')':
		d.pop('(')
	case c == ']':
		d.pop('[')
	case c == '}':
		d.pop('{', '$')
	case c == '-' || c == '!' || c == '?':
		d.top().ops++
		d.depth++
		d.max = max(d.max, d.depth)
	case c == ',' || c == '\n' && (d.top().open == 0 || d.top().open == '{'):
		d.depth -= d.top().ops
		d.top().ops = 0
	case bytes.HasPrefix(s, []byte("<<")):
		d.unsure = !d.openHeredoc()
		return
	}
	d.i++
}

// skipTo moves past the next sep. A block comment without its end is not
// modelled.
func (d *depthScan) skipTo(sep []byte, past int) {
	j := bytes.Index(d.src[d.i:], sep)
	if j < 0 {
		d.unsure = d.unsure || len(sep) > 1
		d.i = len(d.src)
		return
	}
	d.i += j + past
}

// openHeredoc opens a heredoc at <<ID or <<-ID followed by a newline.
func (d *depthScan) openHeredoc() bool {
	s := d.src[d.i:]
	j := 2
	if j < len(s) && s[j] == '-' {
		j++
	}
	k := j
	for k < len(s) && (s[k] == '_' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
		k++
	}
	nl := k
	if nl < len(s) && s[nl] == '\r' {
		nl++
	}
	letter := k > j && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z')
	if !letter || nl >= len(s) || s[nl] != '\n' {
		return false // not a heredoc HCL would take, or one the scan does not model
	}
	d.push(frame{open: 'h', marker: s[j:k]})
	d.i += nl + 1
	return true
}
