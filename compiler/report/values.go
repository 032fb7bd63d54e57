package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// ValuesText writes every value of the model as an aligned table in the
// plan's order: path, value and where it came from.
func ValuesText(w io.Writer, m *compiler.Model) {
	if m == nil {
		return
	}
	if meta := m.Plan.Meta; meta != nil {
		head := meta.Title.Value + " (" + m.Currency
		if meta.Period.Value != "" {
			head += ", " + meta.Period.Value
		}
		fmt.Fprintf(w, "%s)\n\n", head)
	}
	rows := make([][3]string, 0, len(m.Vars))
	wPath, wVal := 0, 0
	for _, v := range m.Vars {
		row := [3]string{v.Path, Display(m, v), m.Origin(v)}
		wPath, wVal = max(wPath, width(row[0])), max(wVal, width(row[1]))
		rows = append(rows, row)
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%s%s  %s%s  %s\n", r[0], strings.Repeat(" ", wPath-width(r[0])),
			strings.Repeat(" ", wVal-width(r[1])), r[1], r[2])
	}
}

// Display formats v's solved value for people, "?" when unsolved.
func Display(m *compiler.Model, v *compiler.Var) string {
	val, ok := m.Value(v)
	if !ok {
		return "?"
	}
	return quantity.Format(val.Nom, v.Unit)
}

// Document is the JSON form of `planc solve`: tools may rely on
// format_version, values and diagnostics.
type Document struct {
	FormatVersion string               `json:"format_version"`
	Valid         bool                 `json:"valid"`
	ErrorCount    int                  `json:"error_count"`
	WarningCount  int                  `json:"warning_count"`
	Plan          *PlanInfo            `json:"plan,omitempty"`
	Values        map[string]ValueJSON `json:"values"`
	Diagnostics   []DiagnosticJSON     `json:"diagnostics"`
}

// PlanInfo is the plan block.
type PlanInfo struct {
	Title    string `json:"title"`
	Currency string `json:"currency"`
	Period   string `json:"period,omitempty"`
	Owner    string `json:"owner,omitempty"`
}

// ValueJSON is one value. Value is null when it could not be solved.
// Ratios are fractions (0.3 for 30%), time is in months, money in the
// currency's major unit; Exact is the exact rational ("16000/7").
type ValueJSON struct {
	Value   *json.Number `json:"value"`
	Exact   string       `json:"exact,omitempty"`
	Unit    string       `json:"unit"`
	Display string       `json:"display"`
	Origin  string       `json:"origin"`
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

// JSON writes the model and diagnostics as one JSON object.
func JSON(w io.Writer, m *compiler.Model, diags hcl.Diagnostics) error {
	doc := Document{FormatVersion: "1.0", Values: map[string]ValueJSON{}, Diagnostics: Diagnostics(diags)}
	doc.ErrorCount, doc.WarningCount = Count(diags)
	doc.Valid = doc.ErrorCount == 0
	if m != nil {
		if meta := m.Plan.Meta; meta != nil {
			doc.Plan = &PlanInfo{Title: meta.Title.Value, Currency: m.Currency, Period: meta.Period.Value, Owner: meta.Owner.Value}
		}
		for _, v := range m.Vars {
			doc.Values[v.Path] = valueJSON(m, v)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func valueJSON(m *compiler.Model, v *compiler.Var) ValueJSON {
	var r *big.Rat
	if val, ok := m.Value(v); ok {
		r = val.Nom
	}
	return NewValueJSON(r, v.Unit, v.UnitKnown, Display(m, v), m.Origin(v))
}

// NewValueJSON is the JSON form of a value, for every command that prints
// values (solve, diff): r is nil when the value could not be solved.
func NewValueJSON(r *big.Rat, u quantity.Unit, unitKnown bool, display, origin string) ValueJSON {
	out := ValueJSON{Display: display, Origin: origin, Value: Number(r)}
	switch {
	case !unitKnown:
	case u.IsRatio():
		out.Unit = "ratio"
	default:
		out.Unit = u.String()
	}
	if r != nil {
		out.Exact = r.RatString()
	}
	return out
}

// Number renders r as a JSON number, exactly when its decimal expansion
// ends within 12 places and rounded to 12 places otherwise; nil for nil.
func Number(r *big.Rat) *json.Number {
	if r == nil {
		return nil
	}
	s := r.FloatString(12)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	n := json.Number(s)
	return &n
}

// Diagnostics converts diagnostics to their JSON form.
func Diagnostics(diags hcl.Diagnostics) []DiagnosticJSON {
	out := []DiagnosticJSON{}
	for _, d := range diags {
		j := DiagnosticJSON{Severity: severity(d), Code: string(lang.CodeOf(d)), Summary: d.Summary, Detail: d.Detail,
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
		out = append(out, j)
	}
	return out
}

func pos(p hcl.Pos) PosJSON { return PosJSON{Line: p.Line, Column: p.Column, Byte: p.Byte} }
