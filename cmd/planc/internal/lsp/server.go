package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"os"
	"runtime/debug"
	"slices"
	"sync"
	"time"
)

// Options configure a server.
type Options struct {
	// Debounce is how long a plan must go without a change before it is
	// recompiled, so that a burst of edits compiles once. Zero compiles
	// at once; changes made while a compile runs are still coalesced
	// into one more compile.
	Debounce time.Duration
	// Log receives the server's own log: requests that failed, recovered
	// panics. Nil discards it. It must not be the protocol's stdout.
	Log *log.Logger
	// ProgressAfter is how long a compile runs before an editor that
	// shows work done progress is shown its progress; zero means
	// DefaultProgressAfter, a negative value every compile.
	ProgressAfter time.Duration
}

// DefaultDebounce is the debounce `planc lsp` uses: far shorter than the
// gap between two keystrokes, so typing waits for nothing noticeable, and
// long enough to merge the changes an editor sends back to back (an undo
// of several edits, a refactoring, a client that sends one change per
// cursor).
const DefaultDebounce = 10 * time.Millisecond

// ErrNoShutdown is returned by Serve when the client exits or closes the
// stream without asking the server to shut down first; LSP says the
// server then exits with status 1.
var ErrNoShutdown = errors.New("the client exited without a shutdown request")

// errShutdown fails the requests to the client still waiting at shutdown.
var errShutdown = errors.New("the server is shutting down")

// gcPercent is the garbage collector's target while a server runs, unless
// the GOGC environment variable sets one. A compile allocates much and
// keeps little (the snapshot), so that collecting half as often takes a
// sixth off the time from a change to its diagnostics (30 ms to 25 ms on
// 1,000 metrics, BenchmarkChangeToDiagnostics), for a peak heap of three
// times the live one instead of twice.
const gcPercent = 200

// Server is one language server session.
type Server struct {
	conn *Conn
	log  *log.Logger
	opts Options
	ctx  context.Context
	// wg counts request handlers and compiles, so that Serve returns only
	// after they have finished.
	wg sync.WaitGroup
	// pending counts request handlers only; shutdown waits for them, so
	// that a client that writes shutdown and exit right after its last
	// requests still gets their answers. Only the reading goroutine adds.
	pending sync.WaitGroup

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	// enc, snippets and docChanges (the client takes a WorkspaceEdit's
	// documentChanges) are negotiated by initialize and read-only after.
	enc        encoding
	snippets   bool
	docChanges bool
	// tokens keeps each document's last semantic tokens, for deltas.
	tokens tokenCache
	docs   map[string]*document
	plans  map[planKey]*planState
	// gen counts changes to any plan.
	gen uint64
	// cancels cancels in-flight requests by their raw JSON id.
	cancels map[string]context.CancelFunc
	// client is what the client takes of the requests the server sends
	// it, and refreshers send its refreshes; both are set by initialize
	// and read-only after. progressID numbers progress tokens.
	client     clientFeatures
	refreshers []*refresher
	progressID int
}

// Serve runs a server on in and out until the client sends exit or closes
// in. It returns nil after a shutdown request, ErrNoShutdown otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	if opts.Log == nil {
		opts.Log = log.New(io.Discard, "", 0)
	}
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &Server{conn: NewConn(in, out, opts.Log), log: opts.Log, opts: opts, ctx: ctx,
		docs: map[string]*document{}, plans: map[planKey]*planState{}, cancels: map[string]context.CancelFunc{}}
	err := s.conn.Run(s.dispatch)
	cancel()
	s.wg.Wait()
	if err != nil && !errors.Is(err, io.EOF) {
		s.log.Printf("reading from the client: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.shutdown {
		return ErrNoShutdown
	}
	return nil
}

// dispatch handles one message on the reading goroutine: notifications in
// order, requests on their own goroutines after taking what they need from
// the current state. It returns false on exit.
func (s *Server) dispatch(m *Message) bool {
	switch {
	case m.IsResponse():
		return true // Conn.Run hands responses to the calls waiting for them
	case m.Method == "exit":
		return false
	case m.IsRequest():
		s.request(m)
	default:
		s.notification(m)
	}
	return true
}

func (s *Server) request(m *Message) {
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		result, err := s.initialize(m.Params)
		s.conn.Reply(m.ID, result, err)
	case !initialized:
		s.conn.Reply(m.ID, nil, Errorf(CodeServerNotInitialized, "the server is not initialized"))
	case m.Method == "shutdown":
		s.drain()
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.conn.CloseCalls(errShutdown)
		s.conn.Reply(m.ID, nil, nil)
	case shutdown:
		s.conn.Reply(m.ID, nil, Errorf(CodeInvalidRequest, "the server is shutting down"))
	case requests[m.Method] == nil:
		s.conn.Reply(m.ID, nil, Errorf(CodeMethodNotFound, "method not supported: %s", m.Method))
	default:
		s.start(m, requests[m.Method])
	}
}

// shutdownGrace is how long shutdown lets in-flight requests finish, so
// that a client that sends shutdown right after its last requests still
// gets their answers; the ones still running then (waiting for a compile
// that a long debounce holds back) are cancelled, so that no request can
// keep the server from shutting down.
const shutdownGrace = time.Second

// drain waits for the in-flight requests to be answered, cancelling those
// still running after shutdownGrace.
func (s *Server) drain() {
	done := make(chan struct{})
	go func() {
		s.pending.Wait()
		close(done)
	}()
	t := time.NewTimer(shutdownGrace)
	defer t.Stop()
	select {
	case <-done:
		return
	case <-t.C:
	}
	s.mu.Lock()
	for _, cancel := range s.cancels {
		cancel()
	}
	s.mu.Unlock()
	<-done
}

// start runs a request handler on its own goroutine, cancellable by
// $/cancelRequest, and answers it. A panic is answered as an internal
// error and logged, never allowed to end the server.
func (s *Server) start(m *Message, h handler) {
	r := s.newRequest(m)
	id := idKey(m.ID)
	s.mu.Lock()
	s.cancels[id] = r.cancel
	s.mu.Unlock()
	s.wg.Add(1)
	s.pending.Add(1)
	go func() {
		defer s.wg.Done()
		defer s.pending.Done()
		result, err := s.run(m.Method, r, h)
		s.mu.Lock()
		delete(s.cancels, id)
		s.mu.Unlock()
		if r.ctx.Err() != nil && s.ctx.Err() == nil {
			result, err = nil, Errorf(CodeRequestCancelled, "request cancelled")
		}
		r.cancel()
		s.conn.Reply(m.ID, result, err)
	}()
}

func (s *Server) run(method string, r *request, h handler) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic in %s: %v\n%s", method, p, debug.Stack())
			result, err = nil, Errorf(CodeInternalError, "internal error in %s: %v", method, p)
		}
	}()
	return h(s, r)
}

func (s *Server) notification(m *Message) {
	s.mu.Lock()
	initialized := s.initialized
	s.mu.Unlock()
	h := notifications[m.Method]
	if !initialized || h == nil {
		return // dropped before initialize, as LSP says; unknown ones ignored
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic in %s: %v\n%s", m.Method, p, debug.Stack())
		}
	}()
	if err := h(s, m.Params); err != nil {
		s.log.Printf("%s: %v", m.Method, err)
	}
}

// initialize negotiates the position encoding and announces the features.
func (s *Server) initialize(raw json.RawMessage) (any, error) {
	params, err := decode[InitializeParams](raw)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.initialized {
		return nil, Errorf(CodeInvalidRequest, "initialize was already sent")
	}
	s.initialized = true
	if slices.Contains(params.Capabilities.General.PositionEncodings, "utf-8") {
		s.enc = utf8Bytes
	}
	s.snippets = params.Capabilities.TextDocument.Completion.CompletionItem.SnippetSupport
	s.client = features(raw)
	for _, method := range s.client.refresh {
		s.refreshers = append(s.refreshers, &refresher{method: method})
	}
	s.docChanges = documentChanges(raw)
	caps := ServerCapabilities{
		TextDocumentSync:           TextDocumentSyncOptions{OpenClose: true, Change: SyncIncremental, Save: SaveOptions{}},
		HoverProvider:              true,
		DefinitionProvider:         true,
		ReferencesProvider:         true,
		DocumentSymbolProvider:     true,
		CompletionProvider:         CompletionOptions{TriggerCharacters: []string{"."}},
		DocumentFormattingProvider: true,
		InlayHintProvider:          true,
		CodeActionProvider:         &CodeActionOptions{CodeActionKinds: []string{CodeActionQuickFix}},
		RenameProvider:             &RenameOptions{PrepareProvider: true},
		SemanticTokensProvider:     &SemanticTokensOptions{Legend: semanticLegend(), Full: SemanticTokensFull{Delta: true}},
		SignatureHelpProvider:      &SignatureHelpOptions{TriggerCharacters: []string{"(", ","}, RetriggerCharacters: []string{","}},
		CodeLensProvider:           &CodeLensOptions{},
		WorkspaceSymbolProvider:    true,
		FoldingRangeProvider:       true,
		DocumentHighlightProvider:  true,
	}
	if len(params.Capabilities.General.PositionEncodings) > 0 {
		caps.PositionEncoding = s.enc.String()
	}
	return InitializeResult{Capabilities: caps, ServerInfo: ServerInfo{Name: "planc"}}, nil
}

// decode reads a method's parameters; a mismatch is CodeInvalidParams.
func decode[T any](raw json.RawMessage) (T, error) {
	var v T
	if len(raw) == 0 || string(raw) == "null" {
		return v, Errorf(CodeInvalidParams, "missing params")
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, Errorf(CodeInvalidParams, "invalid params: %v", err)
	}
	return v, nil
}

// cancelRequest cancels an in-flight request; it is answered with
// CodeRequestCancelled unless it has already finished.
func cancelRequest(s *Server, raw json.RawMessage) error {
	p, err := decode[CancelParams](raw)
	if err != nil {
		return err
	}
	s.mu.Lock()
	cancel := s.cancels[idKey(p.ID)]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return nil
}

// idKey is a request id in a canonical form, so that a cancellation
// written with other spacing finds its request.
func idKey(id json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, id) != nil {
		return string(id)
	}
	return b.String()
}
