package lsp

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/codedoc"
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
		code := lang.CodeOf(d)
		out[f.name] = append(out[f.name], Diagnostic{
			Range:              f.shown().lspRange(rng, enc),
			Severity:           severity(d),
			Code:               string(code),
			CodeDescription:    describe(code),
			Source:             "planc",
			Message:            message(d),
			RelatedInformation: s.related(d, enc),
		})
	}
	return out
}

// ReferenceURL is the language reference on the project's repository:
// each diagnostic code is documented under a heading of its name, the
// text `planc explain CODE` prints.
const ReferenceURL = "https://github.com/planc-dev/planc/blob/HEAD/lang/README.md"

// describe links a documented code to its documentation; nil for a code
// without any (an internal error).
func describe(code lang.Code) *CodeDescription {
	if _, ok := codedoc.Doc(code); !ok {
		return nil
	}
	return &CodeDescription{Href: ReferenceURL + "#" + string(code)}
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
