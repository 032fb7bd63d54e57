package main

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/planc-dev/planc/cmd/planc/internal/lsp/lsptest"
	"github.com/planc-dev/planc/lang"
)

// lspPlan solves, by hand: 4.8億円 / ¥2.4M = 200 deals (juchu); 200 /
// 12.5% = 1,600 proposals (teian); 1,600 / 70% = 2,285.7, rounded up to
// 2,286 meetings (shodan), which kpi.mql_target equals. The stages are named
// in romaji so that no benchmark of the pack applies to them.
const lspPlan = `plan {
  title = "新規事業 FY2027"
}

kgi "revenue" {
  target  = "4.8億円"
  formula = funnel.demand.revenue
}

funnel "demand" {
  deal_size = "2.4M JPY"
  stage "toiawase" {}
  stage "shodan" {
    rate = "30%"
  }
  stage "teian" {
    rate = "70%"
  }
  stage "juchu" {
    rate = "12.5%"
  }
}

kpi "mql_target" {
  title   = "新規商談😀"
  formula = /* 新規😀 */ funnel.demand.shodan.volume
}
`

// TestLSP starts `planc lsp` as a subprocess and drives it over its stdin
// and stdout as an editor does. The planc on $PATH is this test binary,
// installed there by testscript.Main in TestMain.
func TestLSP(t *testing.T) {
	if out, diags := lang.Format("main.plan.hcl", []byte(lspPlan)); diags.HasErrors() || string(out) != lspPlan {
		t.Fatalf("the test plan is not canonical:\n%s", out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, cmd, stderr := startLSP(t, ctx)

	dir := t.TempDir()
	path := filepath.Join(dir, "main.plan.hcl")
	broken := strings.Replace(lspPlan, `rate = "30%"`, `rate = 30`, 1)
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()

	var init lsp.InitializeResult
	call(t, ctx, c, "initialize", map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{}}, &init)
	if !init.Capabilities.HoverProvider || init.ServerInfo.Name != "planc" {
		t.Fatalf("initialize = %+v", init)
	}
	c.Notify("initialized", map[string]any{})

	// An error, then its fix.
	c.Notify("textDocument/didOpen", lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{URI: uri, LanguageID: "hcl", Version: 1, Text: broken}})
	mql := lineAt(broken, "rate = 30")
	diags := waitDiags(t, ctx, c, uri, 1)
	if !hasDiag(diags, "rate-out-of-range", span(mql, 11, 13)) {
		t.Fatalf("diagnostics of the broken plan: %+v", diags)
	}
	c.Notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Range: &lsp.Range{Start: lsp.Position{Line: mql, Character: 11},
			End: lsp.Position{Line: mql, Character: 13}}, Text: `"30%"`}}})
	if diags := waitDiags(t, ctx, c, uri, 2); diags == nil || len(diags) != 0 {
		t.Fatalf("diagnostics after the fix: %+v (want an empty list)", diags)
	}

	// Hover and definition on funnel.demand.shodan.volume, after 新規😀 in
	// a comment: in UTF-16 units shodan is at 37-43 and volume at 44-50.
	ref := lineAt(lspPlan, "/* 新規😀 */")
	var h lsp.Hover
	call(t, ctx, c, "textDocument/hover", position(uri, ref, 46), &h)
	if h.Range == nil || *h.Range != span(ref, 44, 50) || !strings.Contains(h.Contents.Value, "**2,286** (solved)") {
		t.Errorf("hover = %+v", h)
	}
	var locs []lsp.Location
	call(t, ctx, c, "textDocument/definition", position(uri, ref, 38), &locs)
	if len(locs) != 1 || locs[0].URI != uri || locs[0].Range != span(lineAt(lspPlan, `stage "shodan"`), 2, 16) {
		t.Errorf("definition = %+v", locs)
	}

	// Completion after `kpi.`: the KPIs but the one being written.
	withX := lspPlan + "kpi \"x\" {\n  formula = kpi."
	c.Notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 3},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: withX}}})
	var list lsp.CompletionList
	call(t, ctx, c, "textDocument/completion", position(uri, strings.Count(withX, "\n"), 16), &list)
	if len(list.Items) != 1 || list.Items[0].Label != "mql_target" || list.Items[0].Detail != "新規商談😀 · 2,286" {
		t.Errorf("completion after kpi. = %+v", list)
	}

	// Formatting puts the indentation back, line by line.
	messy := strings.ReplaceAll(lspPlan, "\n  ", "\n")
	c.Notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 4},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: messy}}})
	var edits []lsp.TextEdit
	call(t, ctx, c, "textDocument/formatting", map[string]any{"textDocument": map[string]string{"uri": uri}, "options": map[string]any{"tabSize": 2, "insertSpaces": true}}, &edits)
	if got, err := lsptest.ApplyEdits(messy, edits); err != nil || got != lspPlan || len(edits) < 2 {
		t.Errorf("formatting edits = %+v (error %v) make:\n%s", edits, err, got)
	}

	// Shutdown and exit: the process ends with status 0.
	call(t, ctx, c, "shutdown", nil, nil)
	c.Notify("exit", nil)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("planc lsp exited with %v; stderr:\n%s", err, stderr)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("planc lsp did not exit; stderr:\n%s", stderr)
	}
}

// startLSP starts `planc lsp --stdio` and a client on its pipes.
func startLSP(t *testing.T, ctx context.Context) (*lsptest.Client, *exec.Cmd, *bytes.Buffer) {
	t.Helper()
	planc, err := exec.LookPath("planc")
	if err != nil {
		t.Fatalf("planc is not on $PATH (TestMain puts it there): %v", err)
	}
	cmd := exec.CommandContext(ctx, planc, "lsp", "--stdio")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return lsptest.New(stdout, stdin), cmd, &stderr
}

func call(t *testing.T, ctx context.Context, c *lsptest.Client, method string, params, result any) {
	t.Helper()
	if err := c.Call(ctx, method, params, result); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func waitDiags(t *testing.T, ctx context.Context, c *lsptest.Client, uri string, version int) []lsp.Diagnostic {
	t.Helper()
	p, err := c.Diagnostics(ctx, uri, version)
	if err != nil {
		t.Fatal(err)
	}
	return p.Diagnostics
}

func hasDiag(diags []lsp.Diagnostic, code string, r lsp.Range) bool {
	for _, d := range diags {
		if d.Code == code && d.Range == r && d.Source == "planc" && d.Severity == lsp.SeverityError {
			return true
		}
	}
	return false
}

func position(uri string, line, char int) lsp.TextDocumentPositionParams {
	return lsp.TextDocumentPositionParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}, Position: lsp.Position{Line: line, Character: char}}
}

// span is a range within one line.
func span(line, c1, c2 int) lsp.Range {
	return lsp.Range{Start: lsp.Position{Line: line, Character: c1}, End: lsp.Position{Line: line, Character: c2}}
}

// lineAt is the 0-based line of the first occurrence of sub in text.
func lineAt(text, sub string) int { return strings.Count(text[:strings.Index(text, sub)], "\n") }
