package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log"
	"strings"
	"testing"
)

func frame(body string) string {
	return "Content-Length: " + itoa(len(body)) + "\r\n\r\n" + body
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestReadMessage(t *testing.T) {
	tests := []struct {
		name    string
		stream  string
		method  string
		wantErr func(error) bool
	}{
		{"request", frame(`{"jsonrpc":"2.0","id":1,"method":"shutdown"}`), "shutdown", nil},
		{"content type and spacing",
			"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  41\r\n\r\n" + `{"jsonrpc":"2.0","method":"initialized"}` + " ",
			"initialized", nil},
		{"no content length", "Content-Type: x\r\n\r\n{}", "", isFraming},
		{"bad content length", "Content-Length: ten\r\n\r\n", "", isFraming},
		{"huge content length", "Content-Length: 999999999999\r\n\r\n", "", isFraming},
		{"header without colon", "hello\r\n\r\n", "", isFraming},
		{"not JSON", frame(`{"jsonrpc":`), "", isCode(CodeParseError)},
		{"batch", frame(`[{"jsonrpc":"2.0","id":1,"method":"x"}]`), "", isCode(CodeInvalidRequest)},
		{"wrong version", frame(`{"jsonrpc":"1.0","id":1,"method":"x"}`), "", isCode(CodeInvalidRequest)},
		{"object id", frame(`{"jsonrpc":"2.0","id":{},"method":"x"}`), "", isCode(CodeInvalidRequest)},
		{"neither method nor id", frame(`{"jsonrpc":"2.0"}`), "", isCode(CodeInvalidRequest)},
		{"end of stream", "", "", func(err error) bool { return err == io.EOF }},
		{"cut short", "Content-Length: 10\r\n\r\n{}", "", func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadMessage(bufio.NewReader(strings.NewReader(tt.stream)))
			if tt.wantErr != nil {
				if err == nil || !tt.wantErr(err) {
					t.Fatalf("err = %v (message %+v)", err, m)
				}
				return
			}
			if err != nil || m.Method != tt.method {
				t.Fatalf("ReadMessage = %+v, %v; want method %q", m, err, tt.method)
			}
		})
	}
}

func isFraming(err error) bool { return errors.Is(err, errFraming) }

func isCode(code int) func(error) bool {
	return func(err error) bool {
		var re *ResponseError
		return errors.As(err, &re) && re.Code == code
	}
}

func TestWriteMessage(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMessage(&b, &Message{ID: json.RawMessage(`7`)}); err != nil {
		t.Fatal(err)
	}
	want := frame(`{"jsonrpc":"2.0","id":7,"result":null}`)
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	// Read back what was written, with a multi-byte body: the length
	// counts bytes.
	b.Reset()
	WriteMessage(&b, &Message{Method: "x", Params: json.RawMessage(`"新規😀"`)})
	m, err := ReadMessage(bufio.NewReader(&b))
	if err != nil || string(m.Params) != `"新規😀"` {
		t.Errorf("round trip = %+v, %v", m, err)
	}
}

// TestConnRecovers checks that a bad header and a bad body are answered
// with errors (id null) and that the next message is still read.
func TestConnRecovers(t *testing.T) {
	in := "Content-Length: x\r\n\r\n" + frame(`{"jsonrpc":`) + frame(`{"jsonrpc":"2.0","id":"a","method":"m"}`)
	var out bytes.Buffer
	c := NewConn(strings.NewReader(in), &out, log.New(io.Discard, "", 0))
	var got []string
	err := c.Run(func(m *Message) bool {
		got = append(got, m.Method)
		return true
	})
	if err != io.EOF || len(got) != 1 || got[0] != "m" {
		t.Fatalf("Run = %v, dispatched %v", err, got)
	}
	r := bufio.NewReader(&out)
	for _, code := range []int{CodeParseError, CodeParseError} {
		m, err := ReadMessage(r)
		if err != nil || m.Error == nil || m.Error.Code != code || string(m.ID) != "null" {
			t.Errorf("reply = %+v, %v; want error %d with id null", m, err, code)
		}
	}
}

// TestConnRecoversFromWrongLength: a Content-Length too long used to
// swallow the messages after it, shutdown and exit among them, and one
// too short left the rest of its body where the next header should be.
// Either is answered with a parse error, and the next message is read.
func TestConnRecoversFromWrongLength(t *testing.T) {
	next := frame(`{"jsonrpc":"2.0","id":"a","method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`)
	body := `{"jsonrpc":"2.0","id":1,"method":"hover"}`
	for name, in := range map[string]string{
		"too long":  "Content-Length: 5000\r\n\r\n" + body + next,
		"too short": "Content-Length: 20\r\n\r\n" + body + next,
		"garbage":   "xyz" + next,
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			c := NewConn(strings.NewReader(in), &out, log.New(io.Discard, "", 0))
			var got []string
			err := c.Run(func(m *Message) bool {
				got = append(got, m.Method)
				return m.Method != "exit"
			})
			if err != nil || strings.Join(got, " ") != "shutdown exit" {
				t.Fatalf("Run = %v, dispatched %v; want shutdown, exit", err, got)
			}
		})
	}
}

// TestReaderSplitHeader: the next message's header found inside a body
// even when it arrives split across reads.
func TestReaderSplitHeader(t *testing.T) {
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}Content-Le"))
		pw.Write([]byte("ngth: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"))
		pw.Close()
	}()
	r := NewReader(pr)
	if _, err := r.Read(); !isCode(CodeParseError)(err) {
		t.Fatalf("first = %v, want a parse error", err)
	}
	m, err := r.Read()
	if err != nil || m.Method != "exit" {
		t.Fatalf("second = %+v, %v; want exit", m, err)
	}
}

// FuzzReader: any byte stream is read message by message without a panic
// or a hang, each message a valid one or an error, until the stream ends.
func FuzzReader(f *testing.F) {
	f.Add([]byte(frame(`{"jsonrpc":"2.0","id":1,"method":"x"}`)))
	f.Add([]byte("Content-Length: 50\r\n\r\n{}" + frame(`{"jsonrpc":"2.0","method":"exit"}`)))
	f.Add([]byte("Content-Length: 2\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("\xc4\xb0Content-Length: 2\r\n\r\n{}"))
	f.Fuzz(func(t *testing.T, in []byte) {
		r := NewReader(bytes.NewReader(in))
		for range len(in) + 1 { // each message consumes at least one byte
			m, err := r.Read()
			var re *ResponseError
			switch {
			case err == nil && m == nil:
				t.Fatal("no message and no error")
			case err == nil, errors.As(err, &re), errors.Is(err, errFraming):
			default:
				return // the end of the stream
			}
		}
		t.Fatalf("more messages than bytes in %q", in)
	})
}
