package compiler

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// sink is where every phase reports: one collection of diagnostics for the
// whole compile, so that a new check never has to guess where its findings
// go. The plan's rules (which checks are off, which severity each has)
// apply to what it holds when the compile ends.
type sink struct {
	diags hcl.Diagnostics
	// discard drops everything: the sink of a trial solve.
	discard bool
}

func (s *sink) add(ds ...*hcl.Diagnostic) {
	if s.discard {
		return
	}
	for _, d := range ds {
		if d != nil {
			s.diags = append(s.diags, d)
		}
	}
}

// fail reports an error with a code at r.
func (s *sink) fail(code lang.Code, r hcl.Range, summary, detail string) {
	s.add(lang.Diag(code, r, summary, detail))
}

// warn reports a warning with a code at r.
func (s *sink) warn(code lang.Code, r hcl.Range, summary, detail string) {
	s.add(lang.Warning(code, r, summary, detail))
}

func (s *sink) hasErrors() bool { return s.diags.HasErrors() }

// result returns the diagnostics with the rules applied, sorted by
// position without exact repeats.
func (s *sink) result(r *rules) hcl.Diagnostics {
	return sortDiags(r.apply(s.diags))
}

// sortDiags orders diagnostics by position and drops exact repeats.
func sortDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := subject(diags[i]), subject(diags[j])
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Start.Byte != b.Start.Byte {
			return a.Start.Byte < b.Start.Byte
		}
		if ca, cb := lang.CodeOf(diags[i]), lang.CodeOf(diags[j]); ca != cb {
			return ca < cb
		}
		return diags[i].Detail < diags[j].Detail
	})
	var out hcl.Diagnostics
	for i, d := range diags {
		if i > 0 && same(diags[i-1], d) {
			continue
		}
		out = append(out, d)
	}
	return out
}

func subject(d *hcl.Diagnostic) hcl.Range {
	if d.Subject == nil {
		return hcl.Range{}
	}
	return *d.Subject
}

func same(a, b *hcl.Diagnostic) bool {
	return subject(a) == subject(b) && a.Summary == b.Summary && a.Detail == b.Detail
}
