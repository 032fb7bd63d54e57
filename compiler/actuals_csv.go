package compiler

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Reading an actuals CSV in the tidy form: a header with month, path and
// value (and an optional note), then one row per value and month. Every
// error points at the CSV's line and column.

// maxActualsBytes bounds an actuals file: a year of a large plan's values
// by month is a few megabytes.
const maxActualsBytes = 64 << 20

// actualRow is one value of a month, read from the CSV.
type actualRow struct {
	v     *Var
	month int // from the period's first
	value *big.Rat
	at    hcl.Range
}

// readActuals reads the CSV of block a; it reports what is wrong and
// returns the rows that are right.
func (t *tracker) readActuals(a *lang.Actuals) []actualRow {
	if !filepath.IsLocal(a.File.Value) {
		// A plan is published: it may not read what is outside it into its
		// diagnostics and site.
		t.sink.fail(lang.ActualsFile, a.File.Range, "Actuals outside the plan",
			fmt.Sprintf("actuals %q: file is a path inside the plan's directory, relative to %s, such as \"actuals/fy2027.csv\"; %q is not.", a.Name, filepath.Base(a.DefRange.Filename), a.File.Value))
		return nil
	}
	name := filepath.Join(filepath.Dir(a.DefRange.Filename), a.File.Value)
	data, err := readLimited(name)
	if err != nil {
		t.sink.fail(lang.ActualsFile, a.File.Range, "Cannot read actuals",
			fmt.Sprintf("actuals %q: %s. The file is relative to %s.", a.Name, err, filepath.Base(a.DefRange.Filename)))
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM, as spreadsheets write
	at := func(line, col int) hcl.Range {
		p := hcl.Pos{Line: line, Column: col}
		return hcl.Range{Filename: name, Start: p, End: hcl.Pos{Line: line, Column: col + 1}}
	}
	if !utf8.Valid(data) {
		line := bytes.Count(data[:firstInvalid(data)], []byte("\n")) + 1
		t.sink.fail(lang.ActualsCSV, at(line, 1), "Actuals not UTF-8",
			"The file is not UTF-8 text. Save it from the spreadsheet as CSV UTF-8.")
		return nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		t.csvError(err, at)
		return nil
	}
	if isRecordForm(a) {
		form, ok := t.readForm(a, t.info.byNode[a])
		if !ok {
			return nil
		}
		return t.readRecords(form, r, header, at)
	}
	cols, ok := t.columns(header, at)
	if !ok {
		return nil
	}
	var rows []actualRow
	seen := map[[2]any]int{}
	t.eachRow(r, at, func(rec []string, line int, field func(int) hcl.Range) {
		if blank(rec) {
			return
		}
		row, ok := t.row(rec, cols, field)
		if !ok {
			return
		}
		key := [2]any{row.v, row.month}
		if prev, dup := seen[key]; dup {
			t.sink.fail(lang.ActualsRow, row.at, "Duplicate actual",
				fmt.Sprintf("%s in %s is given on line %d already; give each value once a month.", row.v.Path, t.monthName(row.month), prev))
			return
		}
		seen[key] = line
		rows = append(rows, row)
	})
	return rows
}

// eachRow calls fn with each row of r after the header, its line and the
// place of each of its fields; a row the CSV reader cannot read is
// reported and skipped.
func (t *tracker) eachRow(r *csv.Reader, at func(line, col int) hcl.Range, fn func(rec []string, line int, field func(int) hcl.Range)) {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.csvError(err, at)
			continue
		}
		line, _ := r.FieldPos(0)
		fn(rec, line, func(i int) hcl.Range { l, c := r.FieldPos(i); return at(l, c) })
	}
}

func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, errors.Unwrap(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxActualsBytes+1))
	if err == nil && len(data) > maxActualsBytes {
		err = fmt.Errorf("it is larger than %d MB", maxActualsBytes>>20)
	}
	return data, err
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvError reports a row the CSV reader could not read, at its place.
func (t *tracker) csvError(err error, at func(line, col int) hcl.Range) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		what := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			what = "this row has a different number of fields from the header"
		}
		t.sink.fail(lang.ActualsCSV, at(pe.Line, max(pe.Column, 1)), "Unreadable actuals row",
			fmt.Sprintf("%s. Each row is month,path,value, as the header says; quote a value that holds a comma (\"4,515,000 JPY\").", what))
		return
	}
	t.sink.fail(lang.ActualsCSV, at(1, 1), "Unreadable actuals", err.Error())
}

// actualsColumns are the places of the columns in a row.
type actualsColumns struct{ month, path, value int }

func (t *tracker) columns(header []string, at func(line, col int) hcl.Range) (actualsColumns, bool) {
	c := actualsColumns{-1, -1, -1}
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "month":
			c.month = i
		case "path":
			c.path = i
		case "value":
			c.value = i
		}
	}
	if c.month < 0 || c.path < 0 || c.value < 0 {
		t.sink.fail(lang.ActualsCSV, at(1, 1), "Actuals without a header",
			fmt.Sprintf("The first row is the header, with the columns month, path and value (and an optional note); it is %q.", strings.Join(header, ",")))
		return c, false
	}
	return c, true
}

var monthForm = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})$`)

// row reads one row; at gives the place of a field.
func (t *tracker) row(rec []string, c actualsColumns, at func(int) hcl.Range) (actualRow, bool) {
	m, ok := t.month(strings.TrimSpace(rec[c.month]), at(c.month))
	if !ok {
		return actualRow{}, false
	}
	v, ok := t.path(strings.TrimSpace(rec[c.path]), at(c.path))
	if !ok {
		return actualRow{}, false
	}
	x, ok := t.value(v, strings.TrimSpace(rec[c.value]), at(c.value))
	return actualRow{v: v, month: m, value: x, at: at(c.month)}, ok
}

// month reads a month of the period up to as_of: "2027-04".
func (t *tracker) month(s string, r hcl.Range) (int, bool) {
	m := monthForm.FindStringSubmatch(s)
	if m == nil {
		t.sink.fail(lang.ActualsRow, r, "Bad month", fmt.Sprintf("%q is not a month; write it as %q.", s, t.monthName(0)))
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	i := y*12 + mo - 1 - t.tl.First
	switch {
	case mo < 1 || mo > 12:
		t.sink.fail(lang.ActualsRow, r, "Bad month", fmt.Sprintf("%q is not a month: months are 1 to 12.", s))
	case i < 0 || i >= t.tl.Months:
		t.sink.fail(lang.ActualsRow, r, "Month outside the period",
			fmt.Sprintf("%s is not in the plan's period, %s to %s.", s, t.monthName(0), t.monthName(t.tl.Months-1)))
	case i > t.asOfMonth && t.lookBack:
		return 0, false // track --as-of looks at an earlier day: later rows wait
	case i > t.asOfMonth:
		t.sink.fail(lang.ActualsRow, r, "Month after as_of",
			fmt.Sprintf("%s is after as_of (%s): actuals are what has happened. Move as_of forward, or remove the row.", s, t.asOf.Format(time.DateOnly)))
	default:
		return i, true
	}
	return 0, false
}

// path reads the value a row is of: a value the plan places in months.
func (t *tracker) path(s string, r hcl.Range) (*Var, bool) {
	trav, diags := hclsyntax.ParseTraversalAbs([]byte(s), r.Filename, r.Start)
	if diags.HasErrors() || s == "" {
		t.sink.fail(lang.ActualsRow, r, "Bad path", fmt.Sprintf("%q is not a path such as funnel.demand.mql.volume.", s))
		return nil, false
	}
	steps, d := t.info.root.walk(trav) // not info.resolve: a CSV is no use of a value for editors
	if d != nil {
		t.sink.fail(lang.ActualsRow, r, "Unknown path", d.Detail)
		return nil, false
	}
	var v *Var
	if len(steps) > 0 {
		v = steps[len(steps)-1].val
	}
	if v == nil || t.tl.months(v) == nil {
		t.sink.fail(lang.ActualsRow, r, "Not a value by month",
			fmt.Sprintf("%s is not a value the plan places in months; actuals are entries into stages (funnel.F.S.volume), channels' leads and cost, revenue and spend.", s))
		return nil, false
	}
	return v, true
}

// value reads a row's value, in v's unit: a number, or a quantity.
func (t *tracker) value(v *Var, s string, r hcl.Range) (*big.Rat, bool) {
	q, err := quantity.Parse(s)
	if err != nil {
		t.sink.fail(lang.ActualsRow, r, "Bad value", fmt.Sprintf("%q: %s.", s, err.Error()))
		return nil, false
	}
	x, ok := inUnit(q, v.Unit)
	if !ok {
		t.sink.fail(lang.ActualsRow, r, "Wrong unit",
			fmt.Sprintf("%s is %s, but %q is %s.", v.Path, v.Unit.Dimension(), s, q.Unit.Dimension()))
	}
	return x, ok
}
