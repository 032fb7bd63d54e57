package lsp_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

// startClient runs a server with opts, initializes it with the client
// capabilities caps and returns the session with the server's
// capabilities as JSON.
func startClient(t testing.TB, opts lsp.Options, caps map[string]any) (*session, map[string]json.RawMessage) {
	t.Helper()
	s := serveWith(t, opts)
	var res struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
	}
	s.call("initialize", map[string]any{"processId": nil, "capabilities": caps}, &res)
	s.notify("initialized", map[string]any{})
	return s, res.Capabilities
}

// col16 is the UTF-16 column of sub in line, as an editor counts it.
func col16(t testing.TB, line, sub string) int {
	t.Helper()
	i := strings.Index(line, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, line)
	}
	return len(utf16.Encode([]rune(line[:i])))
}

// waitFor waits for a message from the server after mark that ok accepts,
// failing the test after a few seconds: a message that is not sent at all
// fails fast.
func (s *session) waitFor(mark int, what string, ok func(*lsp.Message) bool) (int, *lsp.Message) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
	defer cancel()
	i, m, err := s.c.WaitMessage(ctx, mark, ok)
	if err != nil {
		s.t.Fatalf("%s: %v", what, err)
	}
	return i, m
}

func isMethod(method string) func(*lsp.Message) bool {
	return func(m *lsp.Message) bool { return m.Method == method }
}

// isPublished accepts the diagnostics of uri computed from version.
func isPublished(uri string, version int) func(*lsp.Message) bool {
	return func(m *lsp.Message) bool {
		var p lsp.PublishDiagnosticsParams
		return m.Method == "textDocument/publishDiagnostics" && json.Unmarshal(m.Params, &p) == nil &&
			p.URI == uri && p.Version != nil && *p.Version == version
	}
}

// refreshPlan is a plan of two files: main.plan.hcl, the demo, and
// other.plan.hcl, whose KPI depends on main's and whose header has
// Japanese text and an emoji before it.
const refreshOther = "/* 売上🎯 */ kpi \"double\" {\n  formula = kpi.cost_per_deal * 2\n}\n"

func hintsOf(t *testing.T, s *session, uri string) []lsp.InlayHint {
	t.Helper()
	var hints []lsp.InlayHint
	s.call("textDocument/inlayHint", lsp.InlayHintParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}, Range: rng(0, 0, 100, 0)}, &hints)
	return hints
}

// TestInlayHintsRefreshedInOtherFiles: an edit in one file changes the
// values another open file shows; the server asks the editor to refresh
// its inlay hints after publishing, and the other file's hints, asked
// again, have the new value (after 売上🎯, UTF-16 column 25).
func TestInlayHintsRefreshedInOtherFiles(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan, "other.plan.hcl": refreshOther})
	s, _ := startClient(t, lsp.Options{}, map[string]any{"workspace": map[string]any{"inlayHint": map[string]any{"refreshSupport": true}}})
	uri, other := fileURI(dir, "main.plan.hcl"), fileURI(dir, "other.plan.hcl")
	s.open(uri, demoPlan)
	s.open(other, refreshOther)
	at := lsp.Position{Line: 0, Character: col16(t, refreshOther, "{") + 1}
	if h := hintsOf(t, s, other); len(h) != 1 || h[0].Position != at || h[0].Label != "= ¥1,600,000" {
		t.Fatalf("hints before = %+v", h)
	}
	// The channel's cost per lead from ¥20,000 to ¥30,000: ¥1,200,000 per
	// deal, doubled.
	mark := s.c.Mark()
	s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: strings.Replace(demoPlan, `"20,000 JPY"`, `"30,000 JPY"`, 1)}}})
	published, _ := s.waitFor(mark, "the change's diagnostics", isPublished(uri, 2))
	_, refresh := s.waitFor(published+1, "an inlay hint refresh after the change", isMethod("workspace/inlayHint/refresh"))
	if refresh.Params != nil || !refresh.IsRequest() {
		t.Errorf("refresh = %+v, want a request without params", refresh)
	}
	if h := hintsOf(t, s, other); len(h) != 1 || h[0].Position != at || h[0].Label != "= ¥2,400,000" {
		t.Errorf("hints after the refresh = %+v", h)
	}
}

// TestRefreshOnlyWhatIsOffered: code lens and semantic token refreshes
// are asked for when the client takes them and the server offers the
// feature; a client that takes no refresh is sent none.
func TestRefreshOnlyWhatIsOffered(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	uri := fileURI(dir, "main.plan.hcl")
	all := map[string]any{"workspace": map[string]any{
		"inlayHint": map[string]any{"refreshSupport": true}, "codeLens": map[string]any{"refreshSupport": true},
		"semanticTokens": map[string]any{"refreshSupport": true}}}
	s, caps := startClient(t, lsp.Options{}, all)
	mark := s.c.Mark()
	s.open(uri, demoPlan)
	for method, provider := range map[string]string{
		"workspace/inlayHint/refresh":      "inlayHintProvider",
		"workspace/codeLens/refresh":       "codeLensProvider",
		"workspace/semanticTokens/refresh": "semanticTokensProvider",
	} {
		if caps[provider] == nil {
			continue // not offered (yet)
		}
		s.waitFor(mark, method, isMethod(method))
	}

	none, _ := startClient(t, lsp.Options{}, map[string]any{})
	none.open(uri, demoPlan)
	none.change(uri, 2, demoPlan+"\n")
	none.call("textDocument/hover", pos(uri, 0, 0), nil) // a round trip after the publish
	for _, m := range []string{"workspace/inlayHint/refresh", "workspace/codeLens/refresh", "workspace/semanticTokens/refresh"} {
		if got := none.c.Received(m); len(got) != 0 {
			t.Errorf("a client without refreshSupport was sent %s", m)
		}
	}
}

// TestWatchedFiles: a client with dynamic registration is asked to watch
// the plan files; files that are not open, created, changed and deleted
// on disk, are recompiled and their diagnostics (and the open file's)
// published again, at UTF-16 positions after Japanese text and an emoji.
func TestWatchedFiles(t *testing.T) {
	other := "kpi \"other\" {\n  formula = \"1万円\" + /* 😀 */ kpi.nope\n}\n"
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan, "other.plan.hcl": other})
	s, _ := startClient(t, lsp.Options{}, map[string]any{"workspace": map[string]any{
		"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	_, reg := s.waitFor(0, "the watcher's registration", isMethod("client/registerCapability"))
	var p lsp.RegistrationParams
	json.Unmarshal(reg.Params, &p)
	if len(p.Registrations) != 1 || p.Registrations[0].Method != "workspace/didChangeWatchedFiles" ||
		!strings.Contains(string(mustJSON(t, p.Registrations[0].RegisterOptions)), `"watchers":[{"globPattern":"**/*.plan.hcl"}]`) {
		t.Errorf("registration = %s", reg.Params)
	}

	uri, otherURI, newURI := fileURI(dir, "main.plan.hcl"), fileURI(dir, "other.plan.hcl"), fileURI(dir, "new.plan.hcl")
	s.open(uri, demoPlan)
	published := func(u string, n int) lsp.PublishDiagnosticsParams {
		t.Helper()
		p, err := s.c.WaitPublishedCount(s.ctx, u, n)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	ref := lineOf(t, other, "kpi.nope")
	if d := published(otherURI, 1).Diagnostics; len(d) != 1 || d[0].Code != "unknown-reference" ||
		d[0].Range != line(ref, col16(t, strings.Split(other, "\n")[ref], "kpi.nope"), 37) {
		t.Fatalf("other file: %+v", d)
	}
	event := func(u string, typ int) {
		s.notify("workspace/didChangeWatchedFiles", lsp.DidChangeWatchedFilesParams{Changes: []lsp.FileEvent{{URI: u, Type: typ}}})
	}

	// Changed: fixed on disk.
	write(t, dir, "other.plan.hcl", "kpi \"other\" {\n  formula = kpi.cost_per_deal\n}\n")
	event(otherURI, lsp.FileChanged)
	if d := published(otherURI, 2).Diagnostics; len(d) != 0 {
		t.Errorf("other file fixed on disk: %+v", d)
	}

	// Created: a file that refers to nothing after 売上🎯.
	created := "kpi \"fresh\" {\n  formula = /* 売上🎯 */ kpi.nope\n}\n"
	write(t, dir, "new.plan.hcl", created)
	event(newURI, lsp.FileCreated)
	d := published(newURI, 1).Diagnostics
	refLine := strings.Split(created, "\n")[1]
	if len(d) != 1 || d[0].Code != "unknown-reference" || d[0].Range != line(1, col16(t, refLine, "kpi.nope"), col16(t, refLine, "kpi.nope")+8) {
		t.Errorf("created file: %+v", d)
	}
	if p := published(uri, 3); len(p.Diagnostics) != 0 || p.Version == nil || *p.Version != 1 {
		t.Errorf("open file after the creation: %+v", p)
	}

	// Deleted: its diagnostics are cleared.
	if err := os.Remove(filepath.Join(dir, "new.plan.hcl")); err != nil {
		t.Fatal(err)
	}
	event(newURI, lsp.FileDeleted)
	if p := published(newURI, 2); !empty(p) || p.Version != nil {
		t.Errorf("deleted file: %+v", p)
	}
	if d := published(uri, 4).Diagnostics; len(d) != 0 {
		t.Errorf("open file after the deletion: %+v", d)
	}

	// A change on disk to a file open in the editor: the buffer wins.
	write(t, dir, "main.plan.hcl", "kpi \"broken\" {\n")
	event(uri, lsp.FileChanged)
	s.change(uri, 2, demoPlan+"\n")
	if d := published(otherURI, 5).Diagnostics; len(d) != 0 {
		t.Errorf("other file after the open file changed on disk: %+v", d)
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestProgress: a client that shows work done progress is shown a
// compile's: a token created, then begin and end with the count of
// findings. A compile shorter than ProgressAfter shows none, and a token
// the client refuses none either.
func TestProgress(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	uri := fileURI(dir, "main.plan.hcl")
	caps := map[string]any{"window": map[string]any{"workDoneProgress": true}}
	s, _ := startClient(t, lsp.Options{ProgressAfter: -1}, caps)
	mark := s.c.Mark()
	s.open(uri, strings.Replace(demoPlan, `"25%"`, `"125%"`, 1))
	i, create := s.waitFor(mark, "window/workDoneProgress/create", isMethod("window/workDoneProgress/create"))
	var token lsp.WorkDoneProgressCreateParams
	json.Unmarshal(create.Params, &token)
	var kinds []string
	for range 2 {
		var m *lsp.Message
		i, m = s.waitFor(i+1, "$/progress", isMethod("$/progress"))
		var p lsp.ProgressParams
		json.Unmarshal(m.Params, &p)
		if p.Token != token.Token || token.Token == "" {
			t.Errorf("progress token %q, created %q", p.Token, token.Token)
		}
		kinds = append(kinds, p.Value.Kind+": "+p.Value.Message)
	}
	dirName := filepath.Base(dir)
	if got := strings.Join(kinds, "; "); got != "begin: checking "+dirName+"; end: 1 error, 0 warnings" {
		t.Errorf("progress = %s", got)
	}

	// Refused: no $/progress.
	refused, _ := startClient(t, lsp.Options{ProgressAfter: -1}, caps)
	refused.c.Answer("window/workDoneProgress/create", func(json.RawMessage) (any, *lsp.ResponseError) {
		return nil, &lsp.ResponseError{Code: lsp.CodeRequestFailed, Message: "no"}
	})
	refused.open(uri, demoPlan)
	refused.waitFor(0, "window/workDoneProgress/create", isMethod("window/workDoneProgress/create"))
	refused.call("textDocument/hover", pos(uri, 0, 0), nil)
	// Fast: none at all.
	fast, _ := startClient(t, lsp.Options{ProgressAfter: time.Hour}, caps)
	fast.open(uri, demoPlan)
	fast.call("textDocument/hover", pos(uri, 0, 0), nil)
	time.Sleep(50 * time.Millisecond)
	if got := refused.c.Received("$/progress"); len(got) != 0 {
		t.Errorf("progress after a refused token: %d messages", len(got))
	}
	if got := fast.c.Received("window/workDoneProgress/create"); len(got) != 0 {
		t.Errorf("a fast compile created %d tokens", len(got))
	}
}

// TestShutdownWithUnansweredRequest: a client that never answers the
// server's refresh does not keep the server from shutting down and
// exiting.
func TestShutdownWithUnansweredRequest(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	uri := fileURI(dir, "main.plan.hcl")
	s, _ := startClient(t, lsp.Options{}, map[string]any{"workspace": map[string]any{"inlayHint": map[string]any{"refreshSupport": true}}})
	never := make(chan struct{})
	defer close(never)
	s.c.Answer("workspace/inlayHint/refresh", func(json.RawMessage) (any, *lsp.ResponseError) {
		<-never
		return nil, nil
	})
	s.open(uri, demoPlan)
	s.waitFor(0, "a refresh", isMethod("workspace/inlayHint/refresh"))
	start := time.Now()
	s.call("shutdown", nil, nil)
	s.notify("exit", nil)
	select {
	case err := <-s.served:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
		s.served <- err // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("shutting down took %v", d)
	}
}
