package lsp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
)

func TestDiagnosticsPublishedAndCleared(t *testing.T) {
	broken := strings.Replace(demoPlan, `rate  = "25%"`, `rate  = 30`, 1)
	other := "kpi \"other\" {\n  formula = \"1万円\" + /* 😀 */ kpi.nope\n}\n"
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan, "other.plan.hcl": other})
	s := start(t, 0)
	uri, otherURI := fileURI(dir, "main.plan.hcl"), fileURI(dir, "other.plan.hcl")

	// The open buffer's error, at the 30 (after `    rate  = `).
	diags := s.open(uri, broken)
	rate := lineOf(t, broken, "rate  = 30")
	d := withCode(diags, "rate-out-of-range")
	if d == nil || d.Range != line(rate, 12, 14) || d.Severity != lsp.SeverityError || d.Source != "planc" ||
		!strings.HasPrefix(d.Message, "Rate out of range: ") {
		t.Fatalf("diagnostics = %+v", diags)
	}
	// The file on disk, not open: unknown-reference at kpi.nope, after
	// 万円 and 😀 (UTF-16 29-37), with no version.
	p, err := s.c.WaitPublished(s.ctx, otherURI, func(lsp.PublishDiagnosticsParams) bool { return true })
	if err != nil || p.Version != nil || len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "unknown-reference" ||
		p.Diagnostics[0].Range != line(1, 29, 37) {
		t.Fatalf("other file: %+v, %v", p, err)
	}

	// Fixing the buffer clears its diagnostics.
	if diags := s.change(uri, 2, demoPlan); len(diags) != 0 {
		t.Errorf("after the fix: %+v", diags)
	}
	// Fixing the other file on disk, announced by the client, clears it.
	if err := os.WriteFile(filepath.Join(dir, "other.plan.hcl"), []byte("kpi \"other\" {\n  formula = kpi.cost_per_deal\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.notify("workspace/didChangeWatchedFiles", lsp.DidChangeWatchedFilesParams{Changes: []lsp.FileEvent{{URI: otherURI, Type: 2}}})
	if _, err := s.c.WaitPublished(s.ctx, otherURI, empty); err != nil {
		t.Error(err)
	}
}

func empty(p lsp.PublishDiagnosticsParams) bool {
	return p.Diagnostics != nil && len(p.Diagnostics) == 0
}

// TestUnsavedFileJoinsThePlan opens a file that is not on disk: it belongs
// to its directory's plan, and closing it takes its findings away.
func TestUnsavedFileJoinsThePlan(t *testing.T) {
	dir := writePlan(t, map[string]string{"main.plan.hcl": demoPlan})
	s := start(t, 0)
	uri, newURI := fileURI(dir, "main.plan.hcl"), fileURI(dir, "new.plan.hcl")
	s.open(uri, demoPlan)
	// A duplicate KPI in the new file is an error in both.
	s.notify("textDocument/didOpen", lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
		URI: newURI, Version: 1, Text: "kpi \"cost_per_deal\" {\n  value = 1\n}\n"}})
	diags := s.diagnostics(newURI, 1)
	if len(diags) != 1 || diags[0].Code != "duplicate-name" {
		t.Fatalf("new file: %+v", diags)
	}
	s.notify("textDocument/didClose", lsp.DidCloseTextDocumentParams{TextDocument: lsp.TextDocumentIdentifier{URI: newURI}})
	if _, err := s.c.WaitPublished(s.ctx, newURI, func(p lsp.PublishDiagnosticsParams) bool { return p.Version == nil && empty(p) }); err != nil {
		t.Error(err)
	}
	// Closing the last document clears the plan's diagnostics.
	s.change(uri, 2, strings.Replace(demoPlan, `"10%"`, `"x%"`, 1))
	s.notify("textDocument/didClose", lsp.DidCloseTextDocumentParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}})
	if _, err := s.c.WaitPublished(s.ctx, uri, func(p lsp.PublishDiagnosticsParams) bool { return p.Version == nil && empty(p) }); err != nil {
		t.Error(err)
	}
}

// TestBurstCompilesOnce sends ten changes faster than the debounce and
// checks that only the last is compiled and published.
func TestBurstCompilesOnce(t *testing.T) {
	dir := writePlan(t, nil)
	s := start(t, 300*time.Millisecond)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, demoPlan)
	for v := 2; v <= 11; v++ {
		s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
			TextDocument:   lsp.VersionedTextDocumentIdentifier{URI: uri, Version: v},
			ContentChanges: []lsp.TextDocumentContentChangeEvent{{Text: strings.Repeat("\n", v) + demoPlan}}})
	}
	s.diagnostics(uri, 11)
	var versions []int
	s.c.WaitPublished(s.ctx, uri, func(p lsp.PublishDiagnosticsParams) bool {
		versions = append(versions, *p.Version)
		return len(versions) == 2
	})
	if len(versions) != 2 || versions[0] != 11 || versions[1] != 1 {
		t.Errorf("published versions, newest first = %v, want [11 1]", versions)
	}
}

// TestIncrementalChanges edits with ranges in UTF-16 units after
// Japanese text and an emoji.
func TestIncrementalChanges(t *testing.T) {
	dir := writePlan(t, nil)
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	s.open(uri, demoPlan)
	l := budgetLine(t)
	// Rename kpi.cost_per_deal (UTF-16 33-46) to kpi.cost_per_dea: an
	// unknown reference, at 29-45.
	s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{{Range: &lsp.Range{Start: lsp.Position{Line: l, Character: 45}, End: lsp.Position{Line: l, Character: 46}}, Text: ""}}})
	diags := s.diagnostics(uri, 2)
	if len(diags) != 1 || diags[0].Code != "unknown-reference" || diags[0].Range != line(l, 29, 45) {
		t.Fatalf("after deleting a character: %+v", diags)
	}
	// Put it back, and replace 😀 by 新規 in the same change list.
	s.notify("textDocument/didChange", lsp.DidChangeTextDocumentParams{
		TextDocument: lsp.VersionedTextDocumentIdentifier{URI: uri, Version: 3},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{
			{Range: &lsp.Range{Start: lsp.Position{Line: l, Character: 45}, End: lsp.Position{Line: l, Character: 45}}, Text: "l"},
			{Range: &lsp.Range{Start: lsp.Position{Line: l, Character: 23}, End: lsp.Position{Line: l, Character: 25}}, Text: "新規"},
		}})
	if diags := s.diagnostics(uri, 3); len(diags) != 0 {
		t.Fatalf("after restoring: %+v", diags)
	}
	var h lsp.Hover
	s.call("textDocument/hover", pos(uri, l, 40), &h)
	if h.Range == nil || *h.Range != line(l, 33, 46) || !strings.Contains(h.Contents.Value, "¥800,000") {
		t.Errorf("hover after the edits = %+v", h)
	}
}

func withCode(diags []lsp.Diagnostic, code string) *lsp.Diagnostic {
	for i := range diags {
		if diags[i].Code == code {
			return &diags[i]
		}
	}
	return nil
}

// TestRelatedInformation: a target the plan's inputs miss is reported at
// the target, with the inputs that determine it as related information.
func TestRelatedInformation(t *testing.T) {
	src := "plan { title = \"Gap\" }\nkgi \"revenue\" {\n  target  = \"4.8億円\"\n  formula = kpi.deals * \"2M JPY\"\n}\nkpi \"deals\" {\n  value = 200\n}\n"
	dir := writePlan(t, map[string]string{"main.plan.hcl": src})
	s := start(t, 0)
	uri := fileURI(dir, "main.plan.hcl")
	d := withCode(s.open(uri, src), "conflict")
	if d == nil || d.Range.Start.Line != 2 || len(d.RelatedInformation) != 1 {
		t.Fatalf("diagnostic = %+v", d)
	}
	rel := d.RelatedInformation[0]
	if rel.Message != "kpi.deals is 200 here" || rel.Location.URI != uri || rel.Location.Range != line(6, 10, 13) {
		t.Errorf("related = %+v", rel)
	}
}
