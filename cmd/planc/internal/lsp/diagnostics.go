package lsp

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// publish sends the diagnostics of every file of the plan, an empty list
// for a clean file, so that fixed findings disappear; and an empty list
// for a file published before that is no longer part of the plan.
func (s *Server) publish(ps *planState, snap *snapshot) {
	ps.publishing.Lock()
	defer ps.publishing.Unlock()
	s.mu.Lock()
	dropped := ps.dropped
	s.mu.Unlock()
	if dropped || snap.gen < ps.pubGen {
		return // a newer compile already published, or the plan was closed
	}
	ps.pubGen = snap.gen
	byName := snap.lspDiagnostics(s.enc)
	now := map[string]bool{}
	for _, name := range snap.names {
		f := snap.files[name]
		now[f.uri] = true
		s.conn.Notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{
			URI: f.uri, Version: f.version, Diagnostics: byName[name]})
	}
	for _, uri := range sortedKeys(ps.published) {
		if !now[uri] {
			s.conn.Notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
		}
	}
	ps.published = now
}

// clear empties the diagnostics of a plan that was closed.
func (s *Server) clear(ps *planState) {
	ps.publishing.Lock()
	defer ps.publishing.Unlock()
	for _, uri := range sortedKeys(ps.published) {
		s.conn.Notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
	ps.published = map[string]bool{}
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lspDiagnostics converts the snapshot's diagnostics by file name, with a
// non-nil (so JSON []) list for every file. A diagnostic without a
// location, or in a file not of the plan, goes at the start of the first
// file, where the user will see it.
func (s *snapshot) lspDiagnostics(enc encoding) map[string][]Diagnostic {
	out := map[string][]Diagnostic{}
	for _, name := range s.names {
		out[name] = []Diagnostic{}
	}
	if len(s.names) == 0 {
		return out
	}
	for _, d := range s.diags {
		f, rng := s.locate(d.Subject)
		out[f.name] = append(out[f.name], Diagnostic{
			Range:              f.text.lspRange(rng, enc),
			Severity:           severity(d),
			Code:               string(lang.CodeOf(d)),
			Source:             "planc",
			Message:            message(d),
			RelatedInformation: s.related(d, enc),
		})
	}
	return out
}

// related converts a diagnostic's notes in the plan's files.
func (s *snapshot) related(d *hcl.Diagnostic, enc encoding) []DiagnosticRelatedInformation {
	var out []DiagnosticRelatedInformation
	for _, n := range lang.NotesOf(d) {
		if f := s.files[n.Range.Filename]; f != nil {
			out = append(out, DiagnosticRelatedInformation{Message: n.Message,
				Location: Location{URI: f.uri, Range: f.text.lspRange(n.Range, enc)}})
		}
	}
	return out
}

func (s *snapshot) locate(subject *hcl.Range) (*file, hcl.Range) {
	if subject != nil {
		if f := s.files[subject.Filename]; f != nil {
			return f, *subject
		}
	}
	return s.files[s.names[0]], hcl.Range{}
}

func severity(d *hcl.Diagnostic) int {
	if d.Severity == hcl.DiagWarning {
		return SeverityWarning
	}
	return SeverityError
}

// message is the summary and the detail, as planc's JSON output has it.
func message(d *hcl.Diagnostic) string {
	if d.Detail == "" {
		return d.Summary
	}
	return d.Summary + ": " + d.Detail
}
