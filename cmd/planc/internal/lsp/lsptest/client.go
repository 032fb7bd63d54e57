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
	// changed is closed and replaced on every notification.
	changed chan struct{}
	done    chan struct{}
	err     error
}

// New starts a client that reads the server's messages from r and writes
// to w. It reads until r ends; Done is closed then.
func New(r io.Reader, w io.Writer) *Client {
	c := &Client{w: w, pending: map[string]chan *lsp.Message{}, published: map[string][]lsp.PublishDiagnosticsParams{},
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
	if m.Method == "textDocument/publishDiagnostics" {
		var p lsp.PublishDiagnosticsParams
		if json.Unmarshal(m.Params, &p) == nil {
			c.published[p.URI] = append(c.published[p.URI], p)
		}
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

// Forget drops the diagnostics received so far, so that a long benchmark
// does not keep them all.
func (c *Client) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.published = map[string][]lsp.PublishDiagnosticsParams{}
}
