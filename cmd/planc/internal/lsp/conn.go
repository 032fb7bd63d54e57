package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"strconv"
	"sync"
)

// Conn is one JSON-RPC connection: a reader of framed messages, a writer
// that any goroutine may use (writes are serialized), and the requests
// sent to the other side that wait for its response.
type Conn struct {
	r   *Reader
	wmu sync.Mutex
	w   io.Writer
	log *log.Logger

	cmu sync.Mutex
	// lastID numbers the requests Call sends; calls holds the channel of
	// each one that waits for its response, by canonical id (idKey).
	lastID int64
	calls  map[string]chan *Message
	// closed is why Call sends no more requests, nil while it does.
	closed error
}

// ErrConnClosed fails the calls still waiting when the stream from the
// other side ends.
var ErrConnClosed = errors.New("the connection is closed")

// NewConn makes a connection reading from r and writing to w; logger
// receives what cannot be sent to the client.
func NewConn(r io.Reader, w io.Writer, logger *log.Logger) *Conn {
	return &Conn{r: NewReader(r), w: w, log: logger, calls: map[string]chan *Message{}}
}

// Run reads messages and passes each request and notification to
// dispatch, in order, on the calling goroutine, until dispatch returns
// false (Run returns nil) or the stream ends (Run returns its error:
// io.EOF when the client closed it). A response goes to the Call that
// waits for it. A message that is not valid JSON-RPC is answered with an
// error response and skipped. When Run returns, the calls still waiting
// fail with ErrConnClosed.
func (c *Conn) Run(dispatch func(*Message) bool) error {
	defer c.CloseCalls(ErrConnClosed)
	for {
		m, err := c.r.Read()
		var rpcErr *ResponseError
		switch {
		case err == nil && m.IsResponse():
			c.deliver(m)
		case err == nil:
			if !dispatch(m) {
				return nil
			}
		case errors.As(err, &rpcErr):
			c.send(&Message{ID: json.RawMessage("null"), Error: rpcErr})
		case errors.Is(err, errFraming):
			// The header was consumed; answer and try the next message.
			c.send(&Message{ID: json.RawMessage("null"), Error: Errorf(CodeParseError, "%v", err)})
		default:
			return err
		}
	}
}

// Call sends a request to the other side and waits for its response,
// decoding its result into result (which may be nil). An error response
// is returned as a *ResponseError. When ctx ends first (a timeout), the
// request is cancelled with $/cancelRequest and Call returns ctx's error;
// a late response is then dropped. After CloseCalls, Call sends nothing
// and returns CloseCalls' error. Call must not run on the goroutine that
// runs Run, which reads the response. Nil params are left out, as a
// request without parameters (workspace/inlayHint/refresh) has them.
func (c *Conn) Call(ctx context.Context, method string, params, result any) error {
	var raw json.RawMessage
	if params != nil {
		var err error
		if raw, err = json.Marshal(params); err != nil {
			return err
		}
	}
	c.cmu.Lock()
	if c.closed != nil {
		err := c.closed
		c.cmu.Unlock()
		return err
	}
	c.lastID++
	id := json.RawMessage(strconv.FormatInt(c.lastID, 10))
	ch := make(chan *Message, 1)
	c.calls[idKey(id)] = ch
	c.cmu.Unlock()
	if err := c.send(&Message{ID: id, Method: method, Params: raw}); err != nil {
		c.forget(id)
		return err
	}
	select {
	case m, ok := <-ch:
		if !ok {
			c.cmu.Lock()
			defer c.cmu.Unlock()
			return c.closed
		}
		if m.Error != nil {
			return m.Error
		}
		if result != nil && len(m.Result) > 0 {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		if c.forget(id) {
			c.Notify("$/cancelRequest", CancelParams{ID: id})
		}
		return ctx.Err()
	}
}

// forget drops a call that no longer waits; false when it was answered
// (or failed) meanwhile.
func (c *Conn) forget(id json.RawMessage) bool {
	c.cmu.Lock()
	defer c.cmu.Unlock()
	_, ok := c.calls[idKey(id)]
	delete(c.calls, idKey(id))
	return ok
}

// deliver hands a response to the call that waits for it. A response to
// no waiting call (one that timed out, or an id never sent) is logged.
func (c *Conn) deliver(m *Message) {
	key := idKey(m.ID)
	c.cmu.Lock()
	ch := c.calls[key]
	delete(c.calls, key)
	c.cmu.Unlock()
	if ch == nil {
		c.log.Printf("dropped a response to no waiting request: id %s", m.ID)
		return
	}
	ch <- m
}

// CloseCalls fails the calls still waiting with err, and every later
// Call. The first error given stays.
func (c *Conn) CloseCalls(err error) {
	c.cmu.Lock()
	defer c.cmu.Unlock()
	if c.closed == nil {
		c.closed = err
	}
	for key, ch := range c.calls {
		close(ch)
		delete(c.calls, key)
	}
}

// Notify sends a notification.
func (c *Conn) Notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.send(&Message{Method: method, Params: raw})
}

// Reply answers request id with result, or with err when it is not nil. An
// error that is not a *ResponseError becomes CodeRequestFailed.
func (c *Conn) Reply(id json.RawMessage, result any, err error) error {
	m := &Message{ID: id}
	if err != nil {
		var rpcErr *ResponseError
		if !errors.As(err, &rpcErr) {
			rpcErr = Errorf(CodeRequestFailed, "%v", err)
		}
		m.Error = rpcErr
		return c.send(m)
	}
	raw, merr := json.Marshal(result)
	if merr != nil {
		m.Error = Errorf(CodeInternalError, "cannot encode result: %v", merr)
		return c.send(m)
	}
	m.Result = raw
	return c.send(m)
}

func (c *Conn) send(m *Message) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	err := WriteMessage(c.w, m)
	if err != nil {
		c.log.Printf("cannot write to the client: %v", err)
	}
	return err
}
