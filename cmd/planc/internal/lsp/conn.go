package lsp

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"sync"
)

// Conn is one JSON-RPC connection: a reader of framed messages and a writer
// that any goroutine may use (writes are serialized).
type Conn struct {
	r   *Reader
	wmu sync.Mutex
	w   io.Writer
	log *log.Logger
}

// NewConn makes a connection reading from r and writing to w; logger
// receives what cannot be sent to the client.
func NewConn(r io.Reader, w io.Writer, logger *log.Logger) *Conn {
	return &Conn{r: NewReader(r), w: w, log: logger}
}

// Run reads messages and passes each to dispatch, in order, on the calling
// goroutine, until dispatch returns false (Run returns nil) or the stream
// ends (Run returns its error: io.EOF when the client closed it). A message
// that is not valid JSON-RPC is answered with an error response and
// skipped.
func (c *Conn) Run(dispatch func(*Message) bool) error {
	for {
		m, err := c.r.Read()
		var rpcErr *ResponseError
		switch {
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
