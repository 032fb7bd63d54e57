package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// ValuesText writes every value of the plan as an aligned table in the
// plan's order: path, value and where it came from.
func ValuesText(w io.Writer, r *compiler.Result) {
	if meta := r.Plan.Meta; meta != nil {
		head := meta.Title.Value + " (" + r.Info.Currency
		if meta.Period.Value != "" {
			head += ", " + meta.Period.Value
		}
		head += ")"
		if sc := r.Plan.Scenario; sc != nil {
			head += fmt.Sprintf(", scenario %q", sc.Name)
			if sc.Title.Value != "" {
				head += ": " + sc.Title.Value
			}
		}
		fmt.Fprintf(w, "%s\n\n", display.Printable(head))
	}
	rows := make([][3]string, 0, len(r.Info.Vars))
	wPath, wVal := 0, 0
	for _, v := range r.Info.Vars {
		row := [3]string{v.Path.String(), display.Value(r, v), string(r.Origin(v))}
		if sp := r.Info.Spreads[v]; sp != nil { // the plan takes a range's midpoint
			row[2] += fmt.Sprintf(" (%s to %s)", quantity.Format(sp.Lo, v.Unit), quantity.Format(sp.Hi, v.Unit))
		}
		wPath, wVal = max(wPath, width(row[0])), max(wVal, width(row[1]))
		rows = append(rows, row)
	}
	for _, row := range rows {
		fmt.Fprintf(w, "%s%s  %s%s  %s\n", row[0], strings.Repeat(" ", wPath-width(row[0])),
			strings.Repeat(" ", wVal-width(row[1])), row[1], row[2])
	}
}

// Document is the JSON form of `planc solve`: tools may rely on
// format_version, values and diagnostics.
type Document struct {
	FormatVersion string    `json:"format_version"`
	Valid         bool      `json:"valid"`
	ErrorCount    int       `json:"error_count"`
	WarningCount  int       `json:"warning_count"`
	Plan          *PlanInfo `json:"plan,omitempty"`
	// Scenario names the scenario whose values these are (planc solve
	// --scenario); "" for the plan's own.
	Scenario    string                       `json:"scenario,omitempty"`
	Values      map[string]display.JSONValue `json:"values"`
	Scenarios   map[string]ScenarioJSON      `json:"scenarios,omitempty"`
	Sensitivity map[string][]TornadoJSON     `json:"sensitivity,omitempty"`
	Uncertainty *UncertaintyJSON             `json:"uncertainty,omitempty"`
	Diagnostics []DiagnosticJSON             `json:"diagnostics"`
}

// ScenarioJSON is one scenario compiled: its values shaped as the plan's,
// and the count of its own diagnostics (they are among the document's,
// each naming the scenario).
type ScenarioJSON struct {
	Title        string                       `json:"title"`
	Probability  *json.Number                 `json:"probability"`
	ErrorCount   int                          `json:"error_count"`
	WarningCount int                          `json:"warning_count"`
	Values       map[string]display.JSONValue `json:"values"`
}

// PlanInfo is the plan block.
type PlanInfo struct {
	Title    string `json:"title"`
	Currency string `json:"currency"`
	Period   string `json:"period,omitempty"`
	Owner    string `json:"owner,omitempty"`
}

// DiagnosticJSON is one diagnostic. Message is the summary and detail
// together; Range has end positions and byte offsets for editors.
type DiagnosticJSON struct {
	Severity string     `json:"severity"`
	Code     string     `json:"code"`
	Message  string     `json:"message"`
	Summary  string     `json:"summary"`
	Detail   string     `json:"detail,omitempty"`
	File     string     `json:"file"`
	Line     int        `json:"line"`
	Column   int        `json:"column"`
	Range    *RangeJSON `json:"range,omitempty"`
	// Related are the places that explain the diagnostic: the inputs
	// that determine a value that misses its target.
	Related []RelatedJSON `json:"related,omitempty"`
}

// RelatedJSON is a place related to a diagnostic and what it shows there.
type RelatedJSON struct {
	Message string    `json:"message"`
	File    string    `json:"file"`
	Range   RangeJSON `json:"range"`
}

// RangeJSON is a source range; End is exclusive.
type RangeJSON struct {
	Start PosJSON `json:"start"`
	End   PosJSON `json:"end"`
}

// PosJSON is a position: 1-based line and column (in characters), 0-based
// byte offset.
type PosJSON struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

// JSON writes the compiled plan and its diagnostics as one JSON object.
func JSON(w io.Writer, r *compiler.Result) error {
	return Encode(w, NewDocument(r))
}

// Encode writes doc as indented JSON, without escaping HTML characters
// (plan titles are written as they are).
func Encode(w io.Writer, doc any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// NewDocument is the JSON form of the compiled plan.
func NewDocument(r *compiler.Result) *Document {
	doc := &Document{FormatVersion: "1.0", Diagnostics: Diagnostics(r.Diags)}
	doc.ErrorCount, doc.WarningCount = display.Count(r.Diags)
	doc.Valid = doc.ErrorCount == 0
	if meta := r.Plan.Meta; meta != nil {
		doc.Plan = &PlanInfo{Title: meta.Title.Value, Currency: r.Info.Currency, Period: meta.Period.Value, Owner: meta.Owner.Value}
	}
	doc.Values = valuesJSON(r)
	if sc := r.Plan.Scenario; sc != nil {
		doc.Scenario = sc.Name
	}
	for _, s := range r.Scenarios {
		if doc.Scenarios == nil {
			doc.Scenarios = map[string]ScenarioJSON{}
		}
		sj := ScenarioJSON{Title: s.Title(), Probability: display.Number(s.Probability), Values: valuesJSON(s.Result)}
		sj.ErrorCount, sj.WarningCount = display.Count(s.Diags)
		doc.Scenarios[s.Name] = sj
	}
	doc.Sensitivity = TornadoesJSON(r.Tornadoes())
	return doc
}

// valuesJSON is every value of r by path.
func valuesJSON(r *compiler.Result) map[string]display.JSONValue {
	out := make(map[string]display.JSONValue, len(r.Info.Vars))
	for _, v := range r.Info.Vars {
		out[v.Path.String()] = display.JSONOf(r, v)
	}
	return out
}

// Diagnostics converts diagnostics to their JSON form.
func Diagnostics(diags hcl.Diagnostics) []DiagnosticJSON {
	out := []DiagnosticJSON{}
	for _, d := range diags {
		j := DiagnosticJSON{Severity: display.Severity(d), Code: string(lang.CodeOf(d)), Summary: d.Summary, Detail: d.Detail,
			Message: d.Summary}
		if d.Detail != "" {
			j.Message += ": " + d.Detail
		}
		if d.Subject != nil {
			r := *d.Subject
			j.File, j.Line, j.Column = r.Filename, r.Start.Line, r.Start.Column
			if r.Start.Line > 0 {
				j.Range = &RangeJSON{Start: pos(r.Start), End: pos(r.End)}
			}
		}
		for _, n := range lang.NotesOf(d) {
			j.Related = append(j.Related, RelatedJSON{Message: n.Message, File: n.Range.Filename,
				Range: RangeJSON{Start: pos(n.Range.Start), End: pos(n.Range.End)}})
		}
		out = append(out, j)
	}
	return out
}

func pos(p hcl.Pos) PosJSON { return PosJSON{Line: p.Line, Column: p.Column, Byte: p.Byte} }
