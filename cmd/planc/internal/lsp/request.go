package lsp

import (
	"context"
	"encoding/json"
	"errors"
)

// handler answers one request.
type handler func(s *Server, r *request) (any, error)

// notificationHandler handles one notification; its error is only logged.
type notificationHandler func(s *Server, params json.RawMessage) error

var requests = map[string]handler{
	"textDocument/hover":          typed(hover),
	"textDocument/definition":     typed(definition),
	"textDocument/references":     typed(references),
	"textDocument/documentSymbol": typed(documentSymbols),
	"textDocument/completion":     typed(completion),
	"textDocument/formatting":     typed(formatting),
	"textDocument/inlayHint":      typed(inlayHints),

	// Editing: quick fixes, rename, semantic tokens, signatures, lenses,
	// workspace symbols, folding and highlights.
	"textDocument/codeAction":                typed(codeActions),
	"textDocument/prepareRename":             typed(prepareRename),
	"textDocument/rename":                    typed(rename),
	"textDocument/semanticTokens/full":       typed(semanticTokensFull),
	"textDocument/semanticTokens/full/delta": typed(semanticTokensDelta),
	"textDocument/signatureHelp":             typed(signatureHelp),
	"textDocument/codeLens":                  typed(codeLenses),
	"workspace/symbol":                       typed(workspaceSymbols),
	"textDocument/foldingRange":              typed(foldingRanges),
	"textDocument/documentHighlight":         typed(documentHighlights),
}

// typed makes a handler of f, which takes the request's params decoded.
func typed[P any](f func(*Server, *request, P) (any, error)) handler {
	return func(s *Server, r *request) (any, error) {
		p, err := decode[P](r.params)
		if err != nil {
			return nil, err
		}
		return f(s, r, p)
	}
}

var notifications = map[string]notificationHandler{
	"initialized":                     initialized,
	"textDocument/didOpen":            didOpen,
	"textDocument/didChange":          didChange,
	"textDocument/didClose":           didClose,
	"textDocument/didSave":            didSave,
	"workspace/didChangeWatchedFiles": didChangeWatchedFiles,
	"$/cancelRequest":                 cancelRequest,
}

// request is a request with what it needs from the moment it arrived: the
// plan's generation, so that it sees every change sent before it, and a
// copy of its document.
type request struct {
	ctx    context.Context
	cancel context.CancelFunc
	params json.RawMessage
	// uri is the params' textDocument.uri, "" when there is none.
	uri string
	key planKey
	// want is the plan's generation on arrival; tracked is false when no
	// open document belongs to the plan.
	want    uint64
	tracked bool
	// doc is the open document as it was on arrival, nil if not open.
	doc *document
}

func (s *Server) newRequest(m *Message) *request {
	ctx, cancel := context.WithCancel(s.ctx)
	r := &request{ctx: ctx, cancel: cancel, params: m.Params}
	var p struct {
		TextDocument TextDocumentIdentifier `json:"textDocument"`
	}
	if json.Unmarshal(m.Params, &p) != nil || p.TextDocument.URI == "" {
		return r
	}
	r.uri = p.TextDocument.URI
	r.key, _ = keyOf(r.uri)
	s.mu.Lock()
	defer s.mu.Unlock()
	if ps := s.plans[r.key]; ps != nil {
		r.want, r.tracked = ps.gen, true
	}
	if d := s.docs[r.uri]; d != nil {
		c := *d
		r.doc = &c
	}
	return r
}

// snapshot waits for the compiled plan that includes every change made
// before the request, and returns it with the request's file in it. It
// returns nils when the document belongs to no open plan.
func (r *request) snapshot(s *Server) (*snapshot, *file, error) {
	if !r.tracked {
		return nil, nil, nil
	}
	snap, err := s.waitSnapshot(r.ctx, r.key, r.want)
	if errors.Is(err, errClosed) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return snap, snap.fileByURI(r.uri), nil
}
