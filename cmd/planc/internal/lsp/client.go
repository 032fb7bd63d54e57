package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// Requests the server sends to the client: refreshes after a change,
// the registration of a file watcher, and progress of long compiles.
// Each is sent only when the client said at initialize that it takes it,
// never on the reading goroutine (which reads the response), and never
// after shutdown.

// clientTimeout bounds how long the server waits for the client to
// answer one of its requests.
const clientTimeout = 30 * time.Second

// DefaultProgressAfter is how long a compile runs before the editor is
// shown its progress (Options.ProgressAfter).
const DefaultProgressAfter = 200 * time.Millisecond

// clientFeatures are the client's capabilities that decide which
// requests the server sends it.
type clientFeatures struct {
	// refresh lists the refresh requests the client takes, of the
	// features the server offers.
	refresh []string
	// watch is true when the client lets the server register a file
	// watcher; progress when it shows work done progress.
	watch, progress bool
}

// clientCapabilities is the part of initialize's params that
// clientFeatures reads.
type clientCapabilities struct {
	Capabilities struct {
		Workspace struct {
			InlayHint             refreshCapability `json:"inlayHint"`
			CodeLens              refreshCapability `json:"codeLens"`
			SemanticTokens        refreshCapability `json:"semanticTokens"`
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
		Window struct {
			WorkDoneProgress bool `json:"workDoneProgress"`
		} `json:"window"`
	} `json:"capabilities"`
}

type refreshCapability struct {
	RefreshSupport bool `json:"refreshSupport"`
}

// features reads the client's capabilities from initialize's params. A
// refresh is asked for only of a feature the server has a handler for.
func features(raw json.RawMessage) clientFeatures {
	var p clientCapabilities
	json.Unmarshal(raw, &p) // initialize already decoded it
	ws := p.Capabilities.Workspace
	var f clientFeatures
	for _, r := range []struct {
		supported bool
		refresh   string
		handlers  []string
	}{
		{ws.InlayHint.RefreshSupport, "workspace/inlayHint/refresh", []string{"textDocument/inlayHint"}},
		{ws.CodeLens.RefreshSupport, "workspace/codeLens/refresh", []string{"textDocument/codeLens"}},
		{ws.SemanticTokens.RefreshSupport, "workspace/semanticTokens/refresh",
			[]string{"textDocument/semanticTokens/full", "textDocument/semanticTokens/range"}},
	} {
		for _, h := range r.handlers {
			if r.supported && requests[h] != nil {
				f.refresh = append(f.refresh, r.refresh)
				break
			}
		}
	}
	f.watch = ws.DidChangeWatchedFiles.DynamicRegistration
	f.progress = p.Capabilities.Window.WorkDoneProgress
	return f
}

// call sends a request to the client and waits at most clientTimeout for
// its answer. It runs off the reading goroutine.
func (s *Server) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(s.ctx, clientTimeout)
	defer cancel()
	err := s.conn.Call(ctx, method, params, result)
	if err != nil {
		s.log.Printf("%s: %v", method, err)
	}
	return err
}

// goCall runs f on its own goroutine, counted by s.wg. The caller runs on
// the reading goroutine or holds a count of s.wg itself, so the count
// never rises from zero while Serve waits.
func (s *Server) goCall(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

// A refresher sends one refresh request at a time: a refresh asked for
// while one is in flight is sent once more when it is answered, so that a
// burst of compiles makes the editor ask again at most twice.
type refresher struct {
	method string
	mu     sync.Mutex
	// busy is true while a request is in flight; again when another was
	// asked for meanwhile.
	busy, again bool
}

// refresh asks the editor to ask again for what a new snapshot changes in
// every open document, not only the one edited: inlay hints, code lenses
// and semantic tokens. The caller holds a count of s.wg.
func (s *Server) refresh() {
	for _, r := range s.refreshers {
		r.mu.Lock()
		if r.busy {
			r.again = true
			r.mu.Unlock()
			continue
		}
		r.busy = true
		r.mu.Unlock()
		s.goCall(func() {
			for {
				s.call(r.method, nil, nil)
				r.mu.Lock()
				if !r.again || s.ctx.Err() != nil {
					r.busy = false
					r.mu.Unlock()
					return
				}
				r.again = false
				r.mu.Unlock()
			}
		})
	}
}

// watchPattern is the glob of the files a plan is made of.
const watchPattern = "**/*.plan.hcl"

// initialized registers a watcher of plan files with a client that lets
// the server do so, so that files changed on disk (a git pull, another
// editor) are recompiled.
func initialized(s *Server, _ json.RawMessage) error {
	if !s.client.watch {
		return nil
	}
	s.goCall(func() {
		s.call("client/registerCapability", RegistrationParams{Registrations: []Registration{{
			ID: "planc-watch-plan-files", Method: "workspace/didChangeWatchedFiles",
			RegisterOptions: DidChangeWatchedFilesRegistrationOptions{Watchers: []FileSystemWatcher{{GlobPattern: watchPattern}}},
		}}}, nil)
	})
	return nil
}

// progress shows a compile's progress in an editor that shows work done
// progress, once it has run for Options.ProgressAfter: it creates a token,
// begins, and ends when the returned function is called with the
// compile's snapshot (nil when it was cancelled). A compile that ends
// sooner shows nothing. The caller holds a count of s.wg.
func (s *Server) progress(key planKey) func(*snapshot) {
	if !s.client.progress {
		return func(*snapshot) {}
	}
	done := make(chan *snapshot, 1)
	s.mu.Lock()
	s.progressID++
	token := fmt.Sprintf("planc-compile-%d", s.progressID)
	s.mu.Unlock()
	after := s.opts.ProgressAfter
	if after == 0 {
		after = DefaultProgressAfter
	}
	s.goCall(func() {
		if after > 0 {
			t := time.NewTimer(after)
			defer t.Stop()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
		if s.call("window/workDoneProgress/create", WorkDoneProgressCreateParams{Token: token}, nil) != nil {
			return
		}
		s.conn.Notify("$/progress", ProgressParams{Token: token, Value: WorkDoneProgress{
			Kind: "begin", Title: "planc", Message: "checking " + planName(key)}})
		var snap *snapshot
		select {
		case snap = <-done:
		case <-s.ctx.Done():
		}
		s.conn.Notify("$/progress", ProgressParams{Token: token, Value: WorkDoneProgress{Kind: "end", Message: summary(snap)}})
	})
	return func(snap *snapshot) { done <- snap }
}

// planName names a plan in a progress message: its directory.
func planName(key planKey) string {
	if key.dir == "" {
		return key.uri
	}
	return filepath.Base(key.dir)
}

// summary counts a snapshot's errors and warnings, as `planc check` does;
// "" for a compile that was cancelled.
func summary(snap *snapshot) string {
	if snap == nil {
		return ""
	}
	errs, warns := 0, 0
	for _, d := range snap.diags {
		if d.Severity == hcl.DiagError {
			errs++
		} else {
			warns++
		}
	}
	return counted(errs, "error") + ", " + counted(warns, "warning")
}

func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// CodeDescription links a diagnostic's code to its documentation.
type CodeDescription struct {
	Href string `json:"href"`
}

// RegistrationParams is client/registerCapability's.
type RegistrationParams struct {
	Registrations []Registration `json:"registrations"`
}

// Registration registers a capability; ID unregisters it.
type Registration struct {
	ID              string `json:"id"`
	Method          string `json:"method"`
	RegisterOptions any    `json:"registerOptions,omitempty"`
}

// DidChangeWatchedFilesRegistrationOptions are the files to watch.
type DidChangeWatchedFilesRegistrationOptions struct {
	Watchers []FileSystemWatcher `json:"watchers"`
}

// FileSystemWatcher watches the files matching a glob, for every kind of
// change (created, changed, deleted) when Kind is left out.
type FileSystemWatcher struct {
	GlobPattern string `json:"globPattern"`
	Kind        int    `json:"kind,omitempty"`
}

// File change types of FileEvent.
const (
	FileCreated = 1
	FileChanged = 2
	FileDeleted = 3
)

// WorkDoneProgressCreateParams is window/workDoneProgress/create's.
type WorkDoneProgressCreateParams struct {
	Token string `json:"token"`
}

// ProgressParams is $/progress's.
type ProgressParams struct {
	Token string           `json:"token"`
	Value WorkDoneProgress `json:"value"`
}

// WorkDoneProgress is a begin or end of work done progress.
type WorkDoneProgress struct {
	Kind    string `json:"kind"`
	Title   string `json:"title,omitempty"`
	Message string `json:"message,omitempty"`
}
