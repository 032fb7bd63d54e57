package plandiff

import (
	"encoding/json"
	"io"

	"github.com/planc-dev/planc/compiler/display"
)

// FormatVersion is the version of the JSON form. Tools may rely on the
// fields of Document; a change that removes or changes one raises the
// major version.
const FormatVersion = "1.0"

// Document is the JSON form of a diff.
type Document struct {
	FormatVersion string `json:"format_version"`
	// Changed is whether any value differs (what --exit-code reports).
	Changed bool        `json:"changed"`
	Old     PlanJSON    `json:"old"`
	New     PlanJSON    `json:"new"`
	Summary SummaryJSON `json:"summary"`
	// Moved lists the headline values first, then the others.
	Moved       []ChangeJSON `json:"moved"`
	Added       []ChangeJSON `json:"added"`
	Removed     []ChangeJSON `json:"removed"`
	Unsolved    []ChangeJSON `json:"unsolved"`
	UnitChanged []ChangeJSON `json:"unit_changed"`
}

// PlanJSON describes one side.
type PlanJSON struct {
	Name         string   `json:"name"`
	Title        string   `json:"title"`
	Currency     string   `json:"currency"`
	Period       string   `json:"period,omitempty"`
	Values       int      `json:"values"`
	ErrorCount   int      `json:"error_count"`
	WarningCount int      `json:"warning_count"`
	ErrorCodes   []string `json:"error_codes"`
}

// SummaryJSON counts each kind of difference.
type SummaryJSON struct {
	Moved       int `json:"moved"`
	Added       int `json:"added"`
	Removed     int `json:"removed"`
	Unsolved    int `json:"unsolved"`
	UnitChanged int `json:"unit_changed"`
	Unchanged   int `json:"unchanged"`
}

// ChangeJSON is one value that differs. Old or New is null where that side
// does not have the value; Change and Relative are null when there is no
// change to compute (Relative's value is null when the old value is 0).
type ChangeJSON struct {
	Path     string             `json:"path"`
	Title    string             `json:"title,omitempty"`
	Headline bool               `json:"headline"`
	Old      *display.JSONValue `json:"old"`
	New      *display.JSONValue `json:"new"`
	Change   *NumberJSON        `json:"change"`
	Relative *NumberJSON        `json:"relative"`
}

// NumberJSON is a change: the number (a fraction for a relative change or
// a change of a ratio), its exact rational, and how planc shows it.
type NumberJSON struct {
	Value   *json.Number `json:"value"`
	Exact   string       `json:"exact,omitempty"`
	Display string       `json:"display"`
}

// JSON writes the diff as one indented JSON object.
func JSON(w io.Writer, d *Diff) error {
	doc := Document{
		FormatVersion: FormatVersion, Changed: d.Changed(), Old: planJSON(d.Old), New: planJSON(d.New),
		Summary: SummaryJSON{len(d.Moved), len(d.Added), len(d.Removed), len(d.Unsolved), len(d.UnitChanged), d.Unchanged},
		Moved:   changesJSON(d.Moved), Added: changesJSON(d.Added), Removed: changesJSON(d.Removed),
		Unsolved: changesJSON(d.Unsolved), UnitChanged: changesJSON(d.UnitChanged),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func planJSON(p Plan) PlanJSON {
	codes := append([]string{}, p.ErrorCodes...) // [] rather than null
	return PlanJSON{Name: p.Name, Title: p.Title, Currency: p.Currency, Period: p.Period, Values: p.Values,
		ErrorCount: p.Errors, WarningCount: p.Warnings, ErrorCodes: codes}
}

func changesJSON(cs []Change) []ChangeJSON {
	out := []ChangeJSON{}
	for _, c := range cs {
		j := ChangeJSON{Path: c.Path, Title: c.Title, Headline: c.Headline, Old: valueJSON(c.Old), New: valueJSON(c.New)}
		if c.Delta != nil {
			j.Change = &NumberJSON{Value: display.Number(c.Delta), Exact: c.Delta.RatString(), Display: c.DeltaText()}
			j.Relative = &NumberJSON{Value: display.Number(c.Relative), Display: c.RelativeText()}
			if c.Relative != nil {
				j.Relative.Exact = c.Relative.RatString()
			}
		}
		out = append(out, j)
	}
	return out
}

func valueJSON(v *Value) *display.JSONValue {
	if v == nil {
		return nil
	}
	out := display.NewJSONValue(v.Rat, v.Unit, v.UnitKnown, v.Display, v.Origin)
	return &out
}
