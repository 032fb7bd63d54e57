package workbook

import (
	"errors"
	"fmt"
	"io"

	"github.com/planc-dev/planc/compiler"
	"github.com/xuri/excelize/v2"
)

// ErrPlanErrors is returned for a plan with errors, whose values are no
// plan to recalculate.
var ErrPlanErrors = errors.New("the plan has errors; fix them (planc check) to export it")

// created is the time the workbook says it was created and modified: a
// fixed one, so that the same plan always gives the same bytes.
const created = "2000-01-01T00:00:00Z"

// Write writes the workbook of r, a plan without errors, to w as an
// .xlsx file.
func Write(w io.Writer, r *compiler.Result) error {
	f, _, err := build(r)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteTo(w)
	return err
}

// build makes r's workbook, and the builder that knows each value's cell.
func build(r *compiler.Result) (*excelize.File, *builder, error) {
	if r.Diags.HasErrors() {
		return nil, nil, ErrPlanErrors
	}
	b := newBuilder(r)
	b.layout()
	b.timeline() // before the yearly formulas, which may use a month's cell
	b.define()
	f, err := b.write()
	return f, b, err
}

// write puts the laid-out sheets in a new workbook.
func (b *builder) write() (*excelize.File, error) {
	f := excelize.NewFile()
	w := &writer{f: f, styles: map[styleKey]int{}}
	for i, s := range b.sheets {
		if i == 0 {
			w.check(f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			w.check(err)
		}
	}
	for _, s := range b.sheets {
		b.writeSheet(w, s)
	}
	for _, c := range b.order {
		w.check(f.SetDefinedName(&excelize.DefinedName{Name: c.name,
			RefersTo: quoteSheet(c.sheet.name) + "!" + c.address(true)}))
	}
	full := true
	w.check(f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}))
	w.check(f.SetDocProps(&excelize.DocProperties{Title: b.planTitle(), Creator: "planc",
		LastModifiedBy: "planc", Created: created, Modified: created}))
	if w.err != nil {
		f.Close()
		return nil, w.err
	}
	return f, nil
}

// writer writes cells, keeping the first error.
type writer struct {
	f      *excelize.File
	styles map[styleKey]int
	err    error
}

func (w *writer) check(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

// writeSheet writes a sheet's words and cells.
func (b *builder) writeSheet(w *writer, s *sheet) {
	widths := s.widths
	if widths == nil {
		widths = []float64{44, 40, 18, 14, 12, 80}
	}
	for i, width := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.check(w.f.SetColWidth(s.name, col, col, width))
	}
	// Printed landscape, all columns on a page's width.
	landscape, one, any, fit := "landscape", 1, 0, true
	w.check(w.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}))
	w.check(w.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	for _, t := range s.texts {
		at, _ := excelize.CoordinatesToCellName(t.col, t.row)
		w.check(w.f.SetCellStr(s.name, at, t.s))
		if id := w.style(styleKey{text: t.style, kind: t.kind}); id != 0 {
			w.check(w.f.SetCellStyle(s.name, at, at, id))
		}
	}
	for _, c := range s.cells {
		b.writeCell(w, c)
	}
}

// writeCell writes a value's or helper's cell, and for a value the
// columns that say where it comes from.
func (b *builder) writeCell(w *writer, c *cell) {
	s, at := c.sheet.name, c.address(false)
	switch {
	case c.formula != nil:
		w.check(w.f.SetCellFormula(s, at, formula(c.formula, c.sheet)))
	case c.value != nil && c.kind != unsolved:
		x, _ := c.value.Float64()
		w.check(w.f.SetCellFloat(s, at, x, -1, 64))
	}
	w.check(w.f.SetCellStyle(s, at, at, w.style(styleKey{format: c.format, kind: c.kind, value: true})))
	if c.note != "" {
		w.check(w.f.AddComment(s, excelize.Comment{Cell: at, Author: "planc", Text: c.note}))
	}
	if c.v == nil {
		return
	}
	from, _ := excelize.CoordinatesToCellName(colFrom, c.row)
	how, _ := excelize.CoordinatesToCellName(colHow, c.row)
	w.check(w.f.SetCellStr(s, from, origin(c)))
	w.check(w.f.SetCellStr(s, how, b.how[c]))
}

// origin is what the From column says of a value.
func origin(c *cell) string {
	switch c.kind {
	case input:
		return string(c.v.Given.Origin)
	case fixed:
		return "solved (value)"
	case unsolved:
		return "not solved"
	}
	return "solved"
}

// styleKey is what a cell's style depends on.
type styleKey struct {
	format string
	kind   kind
	text   textStyle
	// value marks a cell of numbers; the others hold words.
	value bool
}

// Colours: inputs are light yellow with dark blue figures, as
// spreadsheets conventionally mark what the reader may change; planc's
// values that are no formula are grey.
const (
	inputFill = "FFF2CC"
	inputFont = "1F3864"
	fixedFill = "E7E6E6"
	// unsolvedFill is light red: a value the plan is missing.
	unsolvedFill = "FCE4D6"
	helpFont     = "7F7F7F"
)

// style returns the id of the style for k, made once.
func (w *writer) style(k styleKey) int {
	if !k.value && k.text == plain {
		return 0
	}
	if id, ok := w.styles[k]; ok {
		return id
	}
	st := &excelize.Style{}
	switch k.text {
	case title:
		st.Font = &excelize.Font{Bold: true, Size: 14}
	case header:
		st.Font = &excelize.Font{Bold: true}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
		st.Border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
	case section:
		st.Font = &excelize.Font{Bold: true}
	case unitStyle:
		st.Alignment = &excelize.Alignment{Indent: 1}
	}
	if k.value || k.text == sample {
		kindStyle(st, k.kind)
	}
	if k.format != "" {
		format := k.format
		st.CustomNumFmt = &format
	}
	id, err := w.f.NewStyle(st)
	w.check(err)
	w.styles[k] = id
	return id
}

// kindStyle marks a cell as its kind.
func kindStyle(st *excelize.Style, k kind) {
	switch k {
	case input:
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{inputFill}}
		st.Font = &excelize.Font{Color: inputFont}
	case fixed:
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fixedFill}}
		st.Font = &excelize.Font{Italic: true}
	case unsolved:
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{unsolvedFill}}
	case helper:
		st.Font = &excelize.Font{Color: helpFont}
		st.Alignment = &excelize.Alignment{Horizontal: "left"}
	}
}

// String describes a cell for test failures.
func (c *cell) String() string {
	if c.v != nil {
		return fmt.Sprintf("%s!%s (%s)", c.sheet.name, c.address(false), c.v.Path)
	}
	return fmt.Sprintf("%s!%s", c.sheet.name, c.address(false))
}
