package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"strings"
	"testing"
	"time"
)

// peer is the other end of a Conn: it reads what the Conn writes and
// writes what the Conn reads.
type peer struct {
	r *bufio.Reader
	w io.Writer
}

// connPair runs a Conn over pipes, dispatching to dispatch, and returns
// it with its peer and a channel that receives Run's error.
func connPair(t *testing.T, dispatch func(*Message) bool) (*Conn, *peer, chan error) {
	t.Helper()
	connIn, peerOut := io.Pipe()
	peerIn, connOut := io.Pipe()
	var logged strings.Builder
	c := NewConn(connIn, connOut, log.New(&logged, "", 0))
	ran := make(chan error, 1)
	go func() {
		err := c.Run(dispatch)
		connOut.Close()
		ran <- err
	}()
	t.Cleanup(func() { peerOut.Close(); peerIn.Close() })
	return c, &peer{r: bufio.NewReader(peerIn), w: peerOut}, ran
}

func (p *peer) read(t *testing.T) *Message {
	t.Helper()
	m, err := ReadMessage(p.r)
	if err != nil {
		t.Fatalf("peer read: %v", err)
	}
	return m
}

func (p *peer) write(t *testing.T, m *Message) {
	t.Helper()
	if err := WriteMessage(p.w, m); err != nil {
		t.Fatalf("peer write: %v", err)
	}
}

type callResult struct {
	value string
	err   error
}

func goCall(c *Conn, ctx context.Context, method string) chan callResult {
	out := make(chan callResult, 1)
	go func() {
		var v string
		err := c.Call(ctx, method, map[string]int{"n": 1}, &v)
		out <- callResult{v, err}
	}()
	return out
}

// TestConnCall: a request to the peer is answered with a result or an
// error, matched by id even when answered out of order, and requests
// from the peer are dispatched meanwhile.
func TestConnCall(t *testing.T) {
	dispatched := make(chan string, 10)
	c, p, _ := connPair(t, func(m *Message) bool { dispatched <- m.Method; return true })
	ctx := context.Background()
	first, second := goCall(c, ctx, "a"), (chan callResult)(nil)
	ma := p.read(t)
	second = goCall(c, ctx, "b")
	mb := p.read(t)
	if ma.Method != "a" || mb.Method != "b" || string(ma.ID) == string(mb.ID) || string(ma.Params) != `{"n":1}` {
		t.Fatalf("requests = %+v, %+v", ma, mb)
	}
	p.write(t, &Message{Method: "textDocument/hover", ID: json.RawMessage(`"x"`)})
	p.write(t, &Message{ID: mb.ID, Error: Errorf(CodeMethodNotFound, "no b")})
	p.write(t, &Message{ID: ma.ID, Result: json.RawMessage(`"売上🎯"`)})
	if r := <-first; r.err != nil || r.value != "売上🎯" {
		t.Errorf("a = %+v", r)
	}
	var re *ResponseError
	if r := <-second; !errors.As(r.err, &re) || re.Code != CodeMethodNotFound {
		t.Errorf("b = %+v", r)
	}
	if m := <-dispatched; m != "textDocument/hover" {
		t.Errorf("dispatched %q", m)
	}
}

// TestConnCallTimeout: a call the peer does not answer in time returns
// the context's error and is cancelled with $/cancelRequest; its late
// answer is dropped.
func TestConnCallTimeout(t *testing.T) {
	c, p, _ := connPair(t, func(*Message) bool { return true })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	res := goCall(c, ctx, "slow")
	req := p.read(t)
	cancelled := p.read(t) // the pipe holds nothing: read before the call returns
	if r := <-res; !errors.Is(r.err, context.DeadlineExceeded) {
		t.Fatalf("call = %+v, want a deadline error", r)
	}
	var params CancelParams
	json.Unmarshal(cancelled.Params, &params)
	if cancelled.Method != "$/cancelRequest" || string(params.ID) != string(req.ID) {
		t.Errorf("after the timeout: %+v, want $/cancelRequest of %s", cancelled, req.ID)
	}
	p.write(t, &Message{ID: req.ID, Result: json.RawMessage(`"late"`)})
	// The connection goes on: the next call is answered.
	next := goCall(c, context.Background(), "next")
	p.write(t, &Message{ID: p.read(t).ID, Result: json.RawMessage(`"ok"`)})
	if r := <-next; r.err != nil || r.value != "ok" {
		t.Errorf("next = %+v", r)
	}
	c.cmu.Lock()
	defer c.cmu.Unlock()
	if len(c.calls) != 0 {
		t.Errorf("calls still waiting: %v", c.calls)
	}
}

// TestConnCallsClosed: the calls waiting when the stream ends fail with
// ErrConnClosed, and after CloseCalls nothing more is sent.
func TestConnCallsClosed(t *testing.T) {
	c, p, ran := connPair(t, func(*Message) bool { return true })
	res := goCall(c, context.Background(), "waits")
	p.read(t)
	p.w.(*io.PipeWriter).Close() // the peer goes away
	if r := <-res; !errors.Is(r.err, ErrConnClosed) {
		t.Errorf("waiting call = %+v, want ErrConnClosed", r)
	}
	if err := <-ran; err != io.EOF {
		t.Errorf("Run = %v", err)
	}

	c, p, _ = connPair(t, func(*Message) bool { return true })
	waiting := goCall(c, context.Background(), "waits")
	p.read(t)
	stop := errors.New("shutting down")
	c.CloseCalls(stop)
	if r := <-waiting; !errors.Is(r.err, stop) {
		t.Errorf("waiting call = %+v, want %v", r, stop)
	}
	if r := <-goCall(c, context.Background(), "after"); !errors.Is(r.err, stop) {
		t.Errorf("call after CloseCalls = %+v", r)
	}
	// Nothing was written for the second call: the next message the peer
	// reads is a notification sent after it.
	go c.Notify("marker", nil)
	if m := p.read(t); m.Method != "marker" {
		t.Errorf("after CloseCalls the peer read %+v", m)
	}
}
