package lsp_test

import (
	"context"
	"errors"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/cmd/planc/internal/lsp/lsptest"
)

// session is a server in this process, driven over pipes by a client.
type session struct {
	t      testing.TB
	c      *lsptest.Client
	ctx    context.Context
	served chan error
	toSrv  *io.PipeWriter
	logW   testWriter
}

// start runs a server with debounce and initializes it with the given
// position encodings (none means LSP's default, UTF-16).
func start(t testing.TB, debounce time.Duration, encodings ...string) *session {
	t.Helper()
	s := serve(t, debounce)
	caps := map[string]any{"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": false}}}}
	if len(encodings) > 0 {
		caps["general"] = map[string]any{"positionEncodings": encodings}
	}
	var res lsp.InitializeResult
	s.call("initialize", map[string]any{"processId": nil, "capabilities": caps}, &res)
	s.notify("initialized", map[string]any{})
	return s
}

// serve runs a server that is not initialized yet.
func serve(t testing.TB, debounce time.Duration) *session {
	t.Helper()
	return serveWith(t, lsp.Options{Debounce: debounce})
}

// serveWith runs a server with options (their Log is the test's) that is
// not initialized yet.
func serveWith(t testing.TB, opts lsp.Options) *session {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	srvIn, toSrv := io.Pipe()
	fromSrv, srvOut := io.Pipe()
	s := &session{t: t, ctx: ctx, served: make(chan error, 1), toSrv: toSrv,
		logW: testWriter{t: t, mu: &sync.Mutex{}, log: &strings.Builder{}}}
	logger := log.New(s.logW, "server: ", 0)
	go func() {
		opts.Log = logger
		err := lsp.Serve(context.Background(), srvIn, srvOut, opts)
		// As a process's pipes close when it exits: the client's writes
		// fail instead of blocking, and its reader sees the end.
		srvIn.Close()
		srvOut.Close()
		s.served <- err
	}()
	s.c = lsptest.New(fromSrv, toSrv)
	t.Cleanup(s.stop)
	return s
}

// stop shuts the server down cleanly unless the test already ended it.
func (s *session) stop() {
	select {
	case <-s.c.Done():
	default:
		s.c.Call(s.ctx, "shutdown", nil, nil)
		s.c.Notify("exit", nil)
	}
	select {
	case err := <-s.served:
		if err != nil && !errors.Is(err, lsp.ErrNoShutdown) {
			s.t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		s.t.Error("the server did not stop")
	}
	s.toSrv.Close()
}

// testWriter sends the server's log to the test's, and keeps it.
type testWriter struct {
	t   testing.TB
	mu  *sync.Mutex
	log *strings.Builder
}

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSuffix(string(p), "\n"))
	w.mu.Lock()
	defer w.mu.Unlock()
	w.log.Write(p)
	return len(p), nil
}

// serverLog returns what the server has logged so far.
func (s *session) serverLog() string {
	s.logW.mu.Lock()
	defer s.logW.mu.Unlock()
	return s.logW.log.String()
}

func (s *session) call(method string, params, result any) {
	s.t.Helper()
	if err := s.c.Call(s.ctx, method, params, result); err != nil {
		s.t.Fatalf("%s: %v", method, err)
	}
}

func (s *session) notify(method string, params any) {
	s.t.Helper()
	if err := s.c.Notify(method, params); err != nil {
		s.t.Fatalf("%s: %v", method, err)
	}
}

// open opens a document and waits for its diagnostics.
func (s *session) open(uri, text string) []lsp.Diagnostic {
	s.t.Helper()
	s.notify("textDocument/didOpen", lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
		URI: uri, LanguageID: "hcl", Version: 1, Text: text}})
	return s.diagnostics(uri, 1)
}

// change replaces a document's text and waits for its diagnostics.
func (s *session) change(uri string, version int, text string) []lsp.Diagnostic {
	s.t.Helper()
	s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{URI: uri, Version: version},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: text}}})
	return s.diagnostics(uri, version)
}

func (s *session) diagnostics(uri string, version int) []lsp.Diagnostic {
	s.t.Helper()
	p, err := s.c.Diagnostics(s.ctx, uri, version)
	if err != nil {
		s.t.Fatal(err)
	}
	return p.Diagnostics
}

func pos(uri string, line, char int) lsp.TextDocumentPositionParams {
	return lsp.TextDocumentPositionParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}, Position: lsp.Position{Line: line, Character: char}}
}

func rng(l1, c1, l2, c2 int) lsp.Range {
	return lsp.Range{Start: lsp.Position{Line: l1, Character: c1}, End: lsp.Position{Line: l2, Character: c2}}
}

// writePlan writes files into a new directory and returns it.
func writePlan(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func fileURI(dir, name string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, name))}).String()
}

// lineOf returns the 0-based line of the first line of text containing
// sub, so that tests do not hard-code line numbers of the plan.
func lineOf(t testing.TB, text, sub string) int {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the plan", sub)
	}
	return strings.Count(text[:i], "\n")
}

// openPlan writes text as the one file of a plan, opens it in a new
// session and fails on an error diagnostic.
func openPlan(t *testing.T, text string, encodings ...string) (*session, string) {
	t.Helper()
	dir := writePlan(t, map[string]string{"main.plan.hcl": text})
	s := start(t, 0, encodings...)
	uri := fileURI(dir, "main.plan.hcl")
	for _, d := range s.open(uri, text) {
		if d.Severity == lsp.SeverityError {
			t.Fatalf("the plan has an error: %+v", d)
		}
	}
	return s, uri
}
