package lsp_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// callCode makes a request and returns the code of its error response, 0
// for a result.
func callCode(t *testing.T, s *session, method string, params any) int {
	t.Helper()
	m, err := s.c.CallRaw(s.ctx, method, params)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	if m.Error == nil {
		return 0
	}
	return m.Error.Code
}

func TestLifecycleErrors(t *testing.T) {
	s := serve(t, 0)
	hover := pos("file:///x/main.plan.hcl", 0, 0)
	if got := callCode(t, s, "textDocument/hover", hover); got != lsp.CodeServerNotInitialized {
		t.Errorf("before initialize: %d", got)
	}
	var res lsp.InitializeResult
	s.call("initialize", map[string]any{"capabilities": map[string]any{}}, &res)
	if c := res.Capabilities; c.TextDocumentSync.Change != lsp.SyncIncremental || !c.HoverProvider || !c.InlayHintProvider ||
		c.PositionEncoding != "" || len(c.CompletionProvider.TriggerCharacters) != 1 {
		t.Errorf("capabilities = %+v", c)
	}
	for _, tt := range []struct {
		method string
		params any
		want   int
	}{
		{"initialize", map[string]any{}, lsp.CodeInvalidRequest},
		{"textDocument/typeDefinition", hover, lsp.CodeMethodNotFound},
		{"textDocument/hover", map[string]any{"textDocument": 5}, lsp.CodeInvalidParams},
		{"textDocument/hover", nil, lsp.CodeInvalidParams},
		{"textDocument/hover", hover, 0}, // a document not open: null
		{"shutdown", nil, 0},
		{"textDocument/hover", hover, lsp.CodeInvalidRequest},
	} {
		if got := callCode(t, s, tt.method, tt.params); got != tt.want {
			t.Errorf("%s %v: code %d, want %d", tt.method, tt.params, got, tt.want)
		}
	}
	s.notify("exit", nil)
	select {
	case err := <-s.served:
		if err != nil {
			t.Errorf("Serve after shutdown and exit = %v, want nil", err)
		}
		s.served <- err // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	s := start(t, 0)
	s.notify("exit", nil)
	err := <-s.served
	if !errors.Is(err, lsp.ErrNoShutdown) {
		t.Errorf("Serve = %v, want ErrNoShutdown", err)
	}
	s.served <- nil
}

// TestBadInput sends bytes that are not LSP, then checks that the server
// still answers.
func TestBadInput(t *testing.T) {
	s := start(t, 0)
	for _, raw := range []string{
		"Content-Length: 5\r\n\r\nhello",
		"Content-Length: 2\r\n\r\n[]",
		"garbage\r\n\r\n",
		"Content-Length: 13\r\n\r\n{\"jsonrpc\":1}",
	} {
		if err := s.c.WriteRaw([]byte(raw)); err != nil {
			t.Fatal(err)
		}
	}
	// A notification with bad params is logged, not fatal.
	s.c.Send(&lsp.Message{Method: "textDocument/didOpen", Params: json.RawMessage(`{"textDocument":[]}`)})
	s.c.Send(&lsp.Message{Method: "textDocument/didChange", Params: json.RawMessage(`{"textDocument":{"uri":"file:///nope.plan.hcl"}}`)})
	var syms []lsp.DocumentSymbol
	s.call("textDocument/documentSymbol", lsp.DocumentSymbolParams{TextDocument: lsp.TextDocumentIdentifier{URI: "file:///nope.plan.hcl"}}, &syms)
	if syms != nil {
		t.Errorf("symbols of a document not open = %+v", syms)
	}
}

// waitingHover starts a server whose plan has a change held back by a
// debounce of an hour (the first change after a quiet spell compiles at
// once, the one right after it waits), and sends a hover that waits for
// it. The channel receives the hover's error code, 0 for none.
func waitingHover(t *testing.T) (*session, chan int) {
	dir := writePlan(t, nil)
	s := start(t, time.Hour)
	uri := fileURI(dir, "main.plan.hcl")
	s.notify("textDocument/didOpen", lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{URI: uri, Version: 1, Text: demoPlan}})
	s.diagnostics(uri, 1)
	s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: demoPlan + "\n"}}})
	code := make(chan int, 1)
	go func() {
		m, err := s.c.CallRaw(s.ctx, "textDocument/hover", pos(uri, 0, 0))
		if err != nil || m.Error == nil {
			code <- 0
			return
		}
		code <- m.Error.Code
	}()
	return s, code
}

// TestCancel cancels a hover that waits for a compile held back by a long
// debounce.
func TestCancel(t *testing.T) {
	s, done := waitingHover(t)
	// Request ids count from 1: initialize was 1, so the hover is 2. Keep
	// cancelling until it is answered, as it may not have arrived yet.
	for {
		s.notify("$/cancelRequest", map[string]any{"id": 2})
		select {
		case code := <-done:
			if code != lsp.CodeRequestCancelled {
				t.Errorf("cancelled hover: code %d, want %d", code, lsp.CodeRequestCancelled)
			}
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestShutdownCancelsWaitingRequests: a hover that waits for a compile
// a long debounce holds back no longer keeps shutdown from being
// answered: after a grace period it is cancelled, and the server exits.
func TestShutdownCancelsWaitingRequests(t *testing.T) {
	s, hover := waitingHover(t)
	time.Sleep(50 * time.Millisecond) // the hover is waiting
	shut := make(chan error, 1)
	go func() { shut <- s.c.Call(s.ctx, "shutdown", nil, nil) }()
	select {
	case err := <-shut:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("shutdown was not answered")
	}
	if code := <-hover; code != lsp.CodeRequestCancelled {
		t.Errorf("waiting hover: code %d, want %d", code, lsp.CodeRequestCancelled)
	}
}

// TestTemplateTitleAnswered: a title with nested template loops, which
// froze the server for good when templates in text were evaluated, is a
// schema diagnostic, and the server goes on answering.
func TestTemplateTitleAnswered(t *testing.T) {
	dir := writePlan(t, nil)
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	loops := strings.Repeat("%{for a in range(9999999)}", 3) + "x" + strings.Repeat("%{endfor}", 3)
	diags := s.open(uri, "plan {\n  title = \""+loops+"\"\n}\n")
	if len(diags) == 0 || diags[0].Code != "schema" {
		t.Fatalf("diagnostics = %+v, want a schema error", diags)
	}
	var hover *lsp.Hover
	s.call("textDocument/hover", pos(uri, 0, 0), &hover)
}
