package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// JSON-RPC 2.0 error codes, and the ones LSP adds.
const (
	CodeParseError           = -32700
	CodeInvalidRequest       = -32600
	CodeMethodNotFound       = -32601
	CodeInvalidParams        = -32602
	CodeInternalError        = -32603
	CodeServerNotInitialized = -32002
	CodeRequestFailed        = -32803
	CodeRequestCancelled     = -32800
)

// maxMessage bounds one message's body, so that a corrupt Content-Length
// cannot make the server allocate gigabytes. A plan file of a few megabytes
// is already far larger than any real plan.
const maxMessage = 64 << 20

// Message is one JSON-RPC message: a request (ID and Method), a
// notification (Method, no ID) or a response (ID and Result or Error).
type Message struct {
	JSONRPC string `json:"jsonrpc"`
	// ID is the raw JSON id (a number or a string); nil for a
	// notification.
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	// Result is nil in an error response. A successful response with no
	// result carries the JSON null, which WriteMessage writes out.
	Result json.RawMessage `json:"result,omitempty"`
	Error  *ResponseError  `json:"error,omitempty"`
}

// IsRequest reports whether m expects a response.
func (m *Message) IsRequest() bool { return m.Method != "" && m.ID != nil }

// IsResponse reports whether m answers a request.
func (m *Message) IsResponse() bool { return m.Method == "" && m.ID != nil }

// ResponseError is the error member of a response.
type ResponseError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *ResponseError) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// Errorf makes a ResponseError; handlers return it to choose the code.
func Errorf(code int, format string, args ...any) *ResponseError {
	return &ResponseError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// errFraming is a header that cannot be read as LSP's; the reader has
// skipped past it, so the stream can go on.
var errFraming = errors.New("bad message header")

// ReadMessage reads one Content-Length framed message. A header without a
// valid Content-Length is errFraming (wrapped). A body that is not a
// JSON-RPC object is a *ResponseError with CodeParseError or
// CodeInvalidRequest, which the caller answers; any other error is the
// stream's (io.EOF when the client closed it). It trusts the
// Content-Length; a Reader finds the next message after a wrong one.
func ReadMessage(r *bufio.Reader) (*Message, error) {
	n, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return decodeMessage(body)
}

// A Reader reads messages as ReadMessage does, and finds its way back to
// the next message after a wrong Content-Length. One too long would
// swallow the messages after it (shutdown and exit among them) while the
// reader waits for bytes that never come; one too short leaves the rest
// of the body where a header should be. A JSON body can never hold a
// header (a line end in JSON is escaped), so a header inside a body marks
// where the next message starts, and a header line with text before it
// starts there.
type Reader struct {
	r *bufio.Reader
}

// NewReader reads messages from r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 64<<10)} }

// Read reads the next message; its errors are ReadMessage's.
func (fr *Reader) Read() (*Message, error) {
	n, err := readHeader(fr.r)
	if err != nil {
		return nil, err
	}
	body, err := fr.body(n)
	if err != nil {
		return nil, err
	}
	return decodeMessage(body)
}

// body reads up to n bytes as they arrive. When they hold the header of
// another message, the body ends before it, the header is read again as
// the next message's, and the body is a parse error.
func (fr *Reader) body(n int) ([]byte, error) {
	body := make([]byte, 0, min(n, 64<<10))
	for len(body) < n {
		if _, err := fr.r.Peek(1); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		k := min(n-len(body), fr.r.Buffered())
		chunk, _ := fr.r.Peek(k)
		from := max(0, len(body)-len(lengthHeader)-24) // a header split across chunks
		body = append(body, chunk...)
		fr.r.Discard(k)
		if i := headerAt(body[from:]); i >= 0 {
			fr.unread(body[from+i:])
			return nil, Errorf(CodeParseError, "message shorter than its Content-Length of %d bytes", n)
		}
	}
	return body, nil
}

// unread puts b back before what is left to read.
func (fr *Reader) unread(b []byte) {
	fr.r = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(b)), fr.r), 64<<10)
}

// lengthHeader is the header every message starts with, lower-cased.
const lengthHeader = "content-length:"

// headerAt returns where a Content-Length header (with its number and
// line end) starts in b, -1 when b holds none.
func headerAt(b []byte) int {
	lower := asciiLower(b)
	for off := 0; ; {
		i := bytes.Index(lower[off:], []byte(lengthHeader))
		if i < 0 {
			return -1
		}
		at := off + i
		rest := bytes.TrimLeft(b[at+len(lengthHeader):], " ")
		digits := len(rest) - len(bytes.TrimLeft(rest, "0123456789"))
		if digits > 0 && bytes.HasPrefix(rest[digits:], []byte("\r\n")) {
			return at
		}
		off = at + 1
	}
}

// asciiLower lower-cases only ASCII letters, so that offsets in the result
// are offsets in b: bytes.ToLower changes the length of some UTF-8 text
// (U+0130 has a 2-byte lower case of 3 bytes), which garbage in the stream
// may hold.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// readHeader reads header lines up to the empty line and returns the
// Content-Length. Other headers (Content-Type) are ignored, as LSP allows.
// A line with text before a Content-Length header (the end of a body
// whose Content-Length was too short) is read from the header.
func readHeader(r *bufio.Reader) (int, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			if err == io.EOF && line != "" {
				err = io.ErrUnexpectedEOF
			}
			return 0, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if i := bytes.Index(asciiLower([]byte(line)), []byte(lengthHeader)); i > 0 {
			line = line[i:]
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return 0, fmt.Errorf("%w: %q", errFraming, line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 || n > maxMessage {
				return 0, fmt.Errorf("%w: Content-Length %q", errFraming, value)
			}
			length = n
		}
	}
	if length < 0 {
		return 0, fmt.Errorf("%w: no Content-Length", errFraming)
	}
	return length, nil
}

func decodeMessage(body []byte) (*Message, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return nil, Errorf(CodeInvalidRequest, "batch requests are not supported")
	}
	var m Message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, Errorf(CodeParseError, "cannot parse message: %v", err)
	}
	if m.JSONRPC != "2.0" {
		return nil, Errorf(CodeInvalidRequest, "jsonrpc must be \"2.0\"")
	}
	if m.ID != nil && !validID(m.ID) {
		return nil, Errorf(CodeInvalidRequest, "id must be a number or a string")
	}
	if m.Method == "" && m.ID == nil {
		return nil, Errorf(CodeInvalidRequest, "a message needs a method or an id")
	}
	return &m, nil
}

// validID accepts what JSON-RPC allows as an id: a number, a string or
// null (which json.RawMessage keeps as the bytes "null").
func validID(id json.RawMessage) bool {
	var v any
	if err := json.Unmarshal(id, &v); err != nil {
		return false
	}
	switch v.(type) {
	case float64, string, nil:
		return true
	}
	return false
}

// WriteMessage frames m and writes it with a single Write, so that
// concurrent writers serialized by a mutex never interleave a header with
// another message's body.
func WriteMessage(w io.Writer, m *Message) error {
	m.JSONRPC = "2.0"
	if m.IsResponse() && m.Error == nil && m.Result == nil {
		m.Result = json.RawMessage("null")
	}
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	buf := make([]byte, 0, len(body)+32)
	buf = fmt.Appendf(buf, "Content-Length: %d\r\n\r\n", len(body))
	buf = append(buf, body...)
	_, err = w.Write(buf)
	return err
}
