// Package lsptest is a small LSP client for tests and benchmarks of planc's
// language server: it speaks Content-Length framed JSON-RPC over a pair of
// streams (a pipe to a server in the same process, or the stdin and stdout
// of a `planc lsp` subprocess) as an editor does, and lets a test wait for
// the diagnostics published for a document's version deterministically.
package lsptest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// Client is one end of an LSP connection.
type Client struct {
	wmu sync.Mutex
	w   io.Writer

	mu      sync.Mutex
	nextID  int
	pending map[string]chan *lsp.Message
	// published holds every publishDiagnostics received, by URI.
	published map[string][]lsp.PublishDiagnosticsParams
	// received holds the other notifications and the requests the server
	// sent, by method; answers says how to answer its requests.
	received map[string][]*lsp.Message
	answers  map[string]func(params json.RawMessage) (any, *lsp.ResponseError)
	// all holds every request and notification from the server, in the
	// order received.
	all []*lsp.Message
	// changed is closed and replaced on every notification.
	changed chan struct{}
	done    chan struct{}
	err     error
}

// New starts a client that reads the server's messages from r and writes
// to w. It reads until r ends; Done is closed then.
func New(r io.Reader, w io.Writer) *Client {
	c := &Client{w: w, pending: map[string]chan *lsp.Message{}, published: map[string][]lsp.PublishDiagnosticsParams{},
		received: map[string][]*lsp.Message{}, answers: map[string]func(json.RawMessage) (any, *lsp.ResponseError){},
		changed: make(chan struct{}), done: make(chan struct{})}
	go c.read(bufio.NewReader(r))
	return c
}

func (c *Client) read(r *bufio.Reader) {
	defer close(c.done)
	for {
		m, err := lsp.ReadMessage(r)
		if err != nil {
			c.mu.Lock()
			c.err = err
			c.mu.Unlock()
			return
		}
		c.receive(m)
	}
}

func (c *Client) receive(m *lsp.Message) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m.IsResponse() {
		if ch := c.pending[string(m.ID)]; ch != nil {
			delete(c.pending, string(m.ID))
			ch <- m
		}
		return
	}
	c.all = append(c.all, m)
	if m.Method == "textDocument/publishDiagnostics" {
		var p lsp.PublishDiagnosticsParams
		if json.Unmarshal(m.Params, &p) == nil {
			c.published[p.URI] = append(c.published[p.URI], p)
		}
	} else {
		c.received[m.Method] = append(c.received[m.Method], m)
	}
	if m.IsRequest() {
		// Answered off the reading goroutine, as an editor does: the
		// server may be writing to the client meanwhile.
		answer := c.answers[m.Method]
		go func() {
			var result any
			var rpcErr *lsp.ResponseError
			if answer != nil {
				result, rpcErr = answer(m.Params)
			}
			reply := &lsp.Message{ID: m.ID, Error: rpcErr}
			if rpcErr == nil {
				reply.Result, _ = json.Marshal(result)
			}
			c.Send(reply)
		}()
	}
	close(c.changed)
	c.changed = make(chan struct{})
}

// Done is closed when the server has closed its end.
func (c *Client) Done() <-chan struct{} { return c.done }

// Call sends a request and decodes its result into result (which may be
// nil). An error response is returned as a *lsp.ResponseError.
func (c *Client) Call(ctx context.Context, method string, params, result any) error {
	m, err := c.CallRaw(ctx, method, params)
	if err != nil {
		return err
	}
	if m.Error != nil {
		return m.Error
	}
	if result == nil {
		return nil
	}
	return json.Unmarshal(m.Result, result)
}

// CallRaw sends a request and returns the response message as it came.
func (c *Client) CallRaw(ctx context.Context, method string, params any) (*lsp.Message, error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	ch := make(chan *lsp.Message, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	if err := c.Send(&lsp.Message{ID: json.RawMessage(id), Method: method, Params: raw}); err != nil {
		return nil, err
	}
	select {
	case m := <-ch:
		return m, nil
	case <-c.done:
		return nil, fmt.Errorf("%s: the server closed the connection", method)
	case <-ctx.Done():
		return nil, fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.Send(&lsp.Message{Method: method, Params: raw})
}

// Send writes one message as it is.
func (c *Client) Send(m *lsp.Message) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return lsp.WriteMessage(c.w, m)
}

// WriteRaw writes bytes to the server as they are, for tests of bad input.
func (c *Client) WriteRaw(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err := c.w.Write(b)
	return err
}

// Diagnostics waits for the diagnostics of uri computed from version of
// the open document and returns them.
func (c *Client) Diagnostics(ctx context.Context, uri string, version int) (lsp.PublishDiagnosticsParams, error) {
	return c.WaitPublished(ctx, uri, func(p lsp.PublishDiagnosticsParams) bool {
		return p.Version != nil && *p.Version == version
	})
}

// WaitPublished waits until a publishDiagnostics for uri satisfies ok (one
// received before the call counts) and returns the latest such one.
func (c *Client) WaitPublished(ctx context.Context, uri string, ok func(lsp.PublishDiagnosticsParams) bool) (lsp.PublishDiagnosticsParams, error) {
	for {
		p, found, changed := c.latest(uri, ok)
		if found {
			return p, nil
		}
		select {
		case <-changed:
		case <-c.done:
			return lsp.PublishDiagnosticsParams{}, fmt.Errorf("waiting for diagnostics of %s: the server closed the connection", uri)
		case <-ctx.Done():
			return lsp.PublishDiagnosticsParams{}, fmt.Errorf("waiting for diagnostics of %s: %w", uri, ctx.Err())
		}
	}
}

// latest returns the newest publishDiagnostics for uri that satisfies ok,
// and the channel that is closed when more arrive.
func (c *Client) latest(uri string, ok func(lsp.PublishDiagnosticsParams) bool) (lsp.PublishDiagnosticsParams, bool, chan struct{}) {
	c.mu.Lock()
	defer c.mu.Unlock()
	list := c.published[uri]
	for i := len(list) - 1; i >= 0; i-- {
		if ok(list[i]) {
			return list[i], true, nil
		}
	}
	return lsp.PublishDiagnosticsParams{}, false, c.changed
}

// Forget drops the diagnostics and other messages received so far, so
// that a long benchmark does not keep them all.
func (c *Client) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.published = map[string][]lsp.PublishDiagnosticsParams{}
	c.received = map[string][]*lsp.Message{}
	c.all = nil
}

// Mark returns how many requests and notifications the server has sent
// so far, for WaitMessage to look at what comes after.
func (c *Client) Mark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.all)
}

// WaitMessage waits for a request or notification from the server,
// received at index from (a Mark) or later, that satisfies ok, and
// returns it with its index.
func (c *Client) WaitMessage(ctx context.Context, from int, ok func(*lsp.Message) bool) (int, *lsp.Message, error) {
	for {
		c.mu.Lock()
		all, changed := c.all, c.changed
		c.mu.Unlock()
		for i := from; i < len(all); i++ {
			if ok(all[i]) {
				return i, all[i], nil
			}
		}
		from = max(from, len(all))
		select {
		case <-changed:
		case <-c.done:
			return 0, nil, fmt.Errorf("waiting for a message: the server closed the connection")
		case <-ctx.Done():
			return 0, nil, fmt.Errorf("waiting for a message: %w", ctx.Err())
		}
	}
}

// Answer sets how the client answers the server's requests of method: with
// f's result, or its error when that is not nil. Requests of a method
// without an answer get a null result.
func (c *Client) Answer(method string, f func(params json.RawMessage) (any, *lsp.ResponseError)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.answers[method] = f
}

// Received returns the requests and notifications (other than
// publishDiagnostics) of method that the server has sent so far, in order.
func (c *Client) Received(method string) []*lsp.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*lsp.Message(nil), c.received[method]...)
}

// WaitReceived waits until the server has sent n requests or
// notifications of method and returns them all.
func (c *Client) WaitReceived(ctx context.Context, method string, n int) ([]*lsp.Message, error) {
	for {
		c.mu.Lock()
		list, changed := c.received[method], c.changed
		c.mu.Unlock()
		if len(list) >= n {
			return append([]*lsp.Message(nil), list...), nil
		}
		select {
		case <-changed:
		case <-c.done:
			return nil, fmt.Errorf("waiting for %d %s: the server closed the connection", n, method)
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %d %s (got %d): %w", n, method, len(list), ctx.Err())
		}
	}
}

// WaitPublishedCount waits until n publishDiagnostics for uri have been
// received and returns the n-th (counting from 1).
func (c *Client) WaitPublishedCount(ctx context.Context, uri string, n int) (lsp.PublishDiagnosticsParams, error) {
	for {
		c.mu.Lock()
		list, changed := c.published[uri], c.changed
		c.mu.Unlock()
		if len(list) >= n {
			return list[n-1], nil
		}
		select {
		case <-changed:
		case <-c.done:
			return lsp.PublishDiagnosticsParams{}, fmt.Errorf("waiting for diagnostics of %s: the server closed the connection", uri)
		case <-ctx.Done():
			return lsp.PublishDiagnosticsParams{}, fmt.Errorf("waiting for diagnostics %d of %s (got %d): %w", n, uri, len(list), ctx.Err())
		}
	}
}
