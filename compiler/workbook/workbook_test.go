package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/xuri/excelize/v2"
	"golang.org/x/tools/txtar"
)

// The workbook is checked the way a reader would use it: every formula
// is recalculated by a spreadsheet engine (excelize's own, and
// LibreOffice's where it is installed) and every cell compared with the
// value planc solves; then an input is changed in the workbook, and the
// recalculated cells compared with what planc solves for the same
// change.
//
// examples/minimal by hand: 50 deals (¥50,000,000 / ¥1,000,000) at a
// won rate of 1/4 need 50 / (1/4) = 200 opportunities, and at 1/10,
// 200 / (1/10) = 2,000 leads. The webinar's share 3/5 of them is
// 3/5 x 2,000 = 1,200 exactly (remainder 0), and ads fill the rest,
// 2,000 - 1,200 = 800, so nothing is left over to give. Costs: 1,200 x
// ¥10,000 = ¥12,000,000 and 800 x ¥15,000 = ¥12,000,000; spend
// ¥24,000,000. TestMinimalByHand checks exactly these cells.

// examples are the bundled example plans; each must give a workbook that
// recalculates to planc's values.
var examples = []string{"minimal", "saas-demand", "it-solutions", "the-model", "fy2027-ja"}

// change is inputs changed in a workbook, and the same change to the
// plan (planc solve --set).
type change []compiler.Override

// changes are, by example, the changes a test makes one at a time:
// stage rates, a CPA, a share, the goal.
var changes = map[string][]change{
	"minimal": {
		{{Path: "funnel.demand.won.rate", Value: "30%"}},
		{{Path: "channel.webinar.cpa", Value: "12,000 JPY"}},
		{{Path: "channel.webinar.share", Value: "55.55%"}},
		{{Path: "kgi.revenue", Value: "4321万円"}},
	},
	"saas-demand": {
		// kpi.mqls has a target, which a won rate of 30% misses: planc
		// reports it unless the target moves too.
		{{Path: "funnel.demand.won.rate", Value: "30%"}, {Path: "kpi.mqls", Value: "1906"}},
		{{Path: "funnel.demand.mql.rate", Value: "33%"}},
		{{Path: "channel.webinar.cpa", Value: "13,000 JPY"}},
	},
	"it-solutions": {
		{{Path: "funnel.pipeline.won.rate", Value: "30%"}},
		{{Path: "funnel.pipeline.demo.rate", Value: "33%"}},
	},
	"the-model": {
		{{Path: "funnel.new_business.won.rate", Value: "30%"}},
		{{Path: "funnel.new_business.mql.rate", Value: "22%"}},
	},
	// compiler/workbook/testdata: the ranks of the remainders change.
	"apportion_ties": {
		{{Path: "kpi.leads", Value: "1003"}},
		{{Path: "channel.a.share", Value: "24.9%"}},
		{{Path: "channel.fixed.leads", Value: "13"}},
	},
	"fy2027-ja": {
		{{Path: "funnel.new_business.won.rate", Value: "30%"}},
		{{Path: "channel.exhibition.stage.sql.rate", Value: "60%"}},
		{{Path: "channel.webinar.share", Value: "33%"}},
		{{Path: "channel.seo.cpa", Value: "9,000円"}},
	},
}

func TestExamples(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex, func(t *testing.T) {
			r := compileDir(t, filepath.Join("..", "..", "examples", ex))
			f, b := buildOK(t, r)
			n := checkCells(t, f, b, values(r))
			t.Logf("%s: %d cells recalculated, %d formulas, %d inputs", ex, n, count(b, solved), count(b, input))
			if n, grey := checkTimeline(t, engine(t, f), b, r); n > 0 {
				t.Logf("%s: %d months and totals recalculated on the Timeline sheet", ex, n)
				if grey != "" {
					t.Errorf("the months without a formula are those of %s, want none", grey)
				}
			}
			noFixed(t, b)
			for _, ch := range changes[ex] {
				checkChange(t, r, ch)
			}
		})
	}
}

// TestSolveTestdata checks the compiler's solve tests whose plans have
// no errors: forward solving, budgets that buy leads, a channel filling
// the rest, cohorts, 290 / 29% that is 1,000 and not 1,001.
func TestSolveTestdata(t *testing.T) {
	archives, _ := filepath.Glob(filepath.Join("..", "testdata", "solve", "*.txtar"))
	own, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, a := range append(archives, own...) {
		name := strings.TrimSuffix(filepath.Base(a), ".txtar")
		t.Run(name, func(t *testing.T) {
			r := compileArchive(t, a)
			if r.Diags.HasErrors() && strings.HasPrefix(a, "testdata") {
				t.Fatalf("the plan has errors: %v", r.Diags.Errs())
			}
			if r.Diags.HasErrors() {
				if _, _, err := build(r); err != ErrPlanErrors {
					t.Fatalf("a plan with errors gives %v, want ErrPlanErrors", err)
				}
				return
			}
			f, b := buildOK(t, r)
			n := checkCells(t, f, b, values(r))
			t.Logf("%d cells recalculated", n)
			noFixed(t, b)
			for _, ch := range changes[name] {
				checkChange(t, r, ch)
			}
		})
	}
}

// TestUnsolved checks a value planc leaves unsolved without an error (a
// CAC of no won deals): an empty cell with a note, which no formula uses.
func TestUnsolved(t *testing.T) {
	r := compileArchive(t, filepath.Join("testdata", "apportion_ties.txtar"))
	f, b := buildOK(t, r)
	for _, path := range []string{"channel.paused.cac", "channel.paused.roas"} {
		c := b.cells[r.Lookup(path)]
		if c.kind != unsolved || c.formula != nil || !strings.Contains(c.note, "could not solve") {
			t.Errorf("%s is %s with the note %q, want no value and a note", c, c.kind, c.note)
		}
		if s, _ := f.GetCellValue(c.sheet.name, c.address(false)); s != "" {
			t.Errorf("%s holds %q, want nothing", c, s)
		}
		comments, _ := f.GetComments(c.sheet.name)
		if !slices.ContainsFunc(comments, func(x excelize.Comment) bool { return x.Cell == c.address(false) }) {
			t.Errorf("%s has no note", c)
		}
	}
}

// TestPlansByMonth checks a plan by month (testdata/phasing, with the
// edits that make it sound, as compiler/timeline_test.go makes them):
// its Timeline sheet recalculates to planc's months, and KPIs that use a
// value in a period are formulas over the sheet's months, before and
// after a change of the inputs.
//
// The worked example of ../shared/design/time-phasing.md by hand: the
// profile's weights are 1 for April to December and 2 for January to
// March, 15 in all, so the won deals' shape is 1/15 a month, then 2/15.
// 1.2億円 at 100万円 a deal is 120 won deals, which at a won rate of 25%
// need 480 SQLs. An SQL is won 2 months after it is created (the won
// stage's lag), so the SQLs' shape is the won shape moved back two
// months: 1/15 for April to October, 2/15 for November to January, 1/15
// for February and March. By October's end that is 7/15 of the year,
// 480 x 7/15 = 224; by November's, 9/15 (3/5), 288: November has
// ROUNDUP(480 x 3/5) - ROUNDUP(480 x 7/15) = 288 - 224 = 64 SQLs. So the
// months are 32 (480 x 1/15) from April to October, 64 in November,
// December and January, 32 in February and March: 480 in all, and the
// third quarter (October to December) 32 + 64 + 64 = 160.
func TestPlansByMonth(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "phasing", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for _, e := range [][2]string{
		{"headcount = 5", "headcount = 7"},
		{"  opening   = { sql = 60 }\n", ""},
		{"team \"field_sales\" {", "kpi \"june_sqls\" {\n  formula = funnel.demand.sql.volume[\"2027-06\"]\n}\n" +
			"kpi \"june_twice\" {\n  formula = kpi.june_sqls * 2\n}\n" +
			"kpi \"q3_sqls\" {\n  formula = funnel.demand.sql.volume[\"Q3\"]\n}\nteam \"field_sales\" {"},
	} {
		if !strings.Contains(text, e[0]) {
			t.Fatalf("the plan has no %q", e[0])
		}
		text = strings.Replace(text, e[0], e[1], 1)
	}
	r := compiler.Compile(lang.Parse([]lang.Source{{Name: "p/plan.plan.hcl", Bytes: []byte(text)}}))
	if r.Diags.HasErrors() {
		t.Fatalf("the plan has errors: %v", r.Diags.Errs())
	}
	f, b := checkAllFormulas(t, r)
	for path, want := range map[string]float64{"kpi.june_sqls": 32, "kpi.june_twice": 64, "kpi.q3_sqls": 160} {
		if got := calc(t, f, b.cells[r.Lookup(path)]); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	sql := b.tl.byVar[r.Lookup("funnel.demand.sql.volume")]
	var got []float64
	for _, c := range append(sql.months, sql.total) {
		got = append(got, calc(t, f, c))
	}
	if want := []float64{32, 32, 32, 32, 32, 32, 32, 64, 64, 64, 32, 32, 480}; !slices.Equal(got, want) {
		t.Errorf("the SQLs by month and in all are %v, want %v", got, want)
	}
	nov := sql.months[7]
	cum := func(m int) string { return b.tl.shares[shapeKey(r.Timeline.Shape(sql.v))].cum[m].address(false) }
	want := "ROUNDUP(funnel_demand_sql_volume*" + cum(7) + "-0.000001,0)-ROUNDUP(funnel_demand_sql_volume*" + cum(6) + "-0.000001,0)"
	if got := formula(nov.formula, nov.sheet); got != want {
		t.Errorf("November's SQLs are %s, want %s", got, want)
	}
	for m, want := range map[int]string{6: "7/15", 7: "0.6", 11: "1"} {
		c := b.tl.shares[shapeKey(r.Timeline.Shape(sql.v))].cum[m]
		if got := formula(c.formula, c.sheet); got != want {
			t.Errorf("the SQLs' share of the year by the end of month %d is %s, want %s", m, got, want)
		}
	}
	for _, ch := range []change{
		{{Path: "funnel.demand.won.rate", Value: "30%"}},
		{{Path: "funnel.demand.sql.rate", Value: "45%"}},
	} {
		checkChange(t, r, ch)
	}
}

// TestActuals checks testdata/actuals, a plan by month with lags of a
// month and actuals for its first quarter, which do not change the plan's
// months: its Timeline sheet, as exported and with a changed rate.
func TestActuals(t *testing.T) {
	r := compileDir(t, filepath.Join("..", "..", "testdata", "actuals"))
	if r.Diags.HasErrors() || r.Timeline == nil {
		t.Fatalf("want a plan by month without errors: %v", r.Diags.Errs())
	}
	checkAllFormulas(t, r)
	checkChange(t, r, change{{Path: "funnel.demand.mql.rate", Value: "35%"}})
}

// TestTimelineGrey checks the months the workbook has no formula for:
// when the won deals' months are planc's values (grey, with a note), so
// are the months computed from them (what the channels win, the cost
// per deal), and no formula uses them; the rest still recalculate.
func TestTimelineGrey(t *testing.T) {
	r := compileDir(t, filepath.Join("..", "..", "examples", "saas-demand"))
	b := newBuilder(r)
	b.layout()
	b.timeline()
	b.tl.fix(b.tl.byVar[r.Lookup("funnel.demand.won.volume")], "a test says so")
	b.tl.propagate()
	b.define()
	f, err := b.write()
	if err != nil {
		t.Fatal(err)
	}
	f = reopen(t, f)
	_, grey := checkTimeline(t, engine(t, f), b, r)
	for _, path := range []string{"funnel.demand.won.volume", "funnel.demand.planned_revenue", "kpi.cost_per_deal", "channel.webinar.won", "channel.webinar.stage.won.volume"} {
		row := b.tl.byVar[r.Lookup(path)]
		if !slices.Contains(strings.Fields(grey), path) || !strings.Contains(row.months[0].note, "planc's values") {
			t.Errorf("%s is not grey with a note (grey: %s)", path, grey)
		}
	}
	for _, path := range []string{"funnel.demand.sql.volume", "channel.webinar.leads", "budget.marketing.spend"} {
		if slices.Contains(strings.Fields(grey), path) {
			t.Errorf("%s is grey", path)
		}
	}
}

func TestMinimalByHand(t *testing.T) {
	r := compileDir(t, filepath.Join("..", "..", "examples", "minimal"))
	f, b := buildOK(t, r)
	for path, want := range map[string]float64{
		"funnel.demand.won.volume":         50,
		"funnel.demand.opportunity.volume": 200,
		"funnel.demand.lead.volume":        2000,
		"channel.webinar.leads":            1200,
		"channel.ads.leads":                800,
		"channel.webinar.cost":             12000000,
		"channel.ads.cost":                 12000000,
		"budget.marketing.spend":           24000000,
	} {
		c := b.cells[r.Lookup(path)]
		if got := calc(t, f, c); got != want {
			t.Errorf("%s = %v, want %v", c, got, want)
		}
	}
	c := b.cells[r.Lookup("funnel.demand.opportunity.volume")]
	got, _ := f.GetCellFormula(c.sheet.name, c.address(false))
	if want := "ROUNDUP(funnel_demand_won_volume/funnel_demand_won_rate-0.000001,0)"; got != want {
		t.Errorf("the opportunities' formula is %s, want %s", got, want)
	}
}

// TestDeterministic checks that the same plan gives the same bytes: the
// parts of the file in one order, none with a timestamp, and the
// workbook's own dates fixed.
func TestDeterministic(t *testing.T) {
	r := compileDir(t, filepath.Join("..", "..", "examples", "fy2027-ja"))
	var first []byte
	for i := 0; i < 3; i++ {
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Fatal("two workbooks of one plan differ")
		}
	}
	z, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("%s is dated %v", f.Name, f.Modified)
		}
		if f.Name != "docProps/core.xml" {
			continue
		}
		rc, _ := f.Open()
		core, _ := io.ReadAll(rc)
		rc.Close()
		if n := strings.Count(string(core), created); n != 2 {
			t.Errorf("docProps/core.xml has the fixed date %d times, want 2 (created, modified):\n%s", n, core)
		}
	}
}

// checkChange changes one input in the workbook and in the plan, and
// compares the recalculated workbook with the plan solved again.
func checkChange(t *testing.T, r *compiler.Result, ch change) {
	t.Helper()
	r2, err := compiler.CompileWith(context.Background(), r.Plan, nil, compiler.Options{Set: ch})
	if err != nil {
		t.Fatal(err)
	}
	if r2.Diags.HasErrors() {
		t.Fatalf("%v: the plan has errors: %v", ch, r2.Diags.Errs())
	}
	f, b := buildOK(t, r)
	for _, o := range ch {
		set(t, f, b, r, r2, o.Path)
	}
	n := checkCells(t, f, b, values(r2))
	m, _ := checkTimeline(t, engine(t, f), b, r2)
	t.Logf("%v: %d cells and %d months recalculated", ch, n, m)
}

// set gives the input at path in f the value r2 gives it. A target the
// inputs determine is a formula in the workbook, which checks no target:
// it is left as it is.
func set(t *testing.T, f *excelize.File, b *builder, r, r2 *compiler.Result, path string) {
	t.Helper()
	c := b.cells[r.Lookup(path)]
	switch {
	case c != nil && c.kind == solved && c.v.Given != nil:
		return
	case c == nil || c.kind != input:
		t.Fatalf("%s is not an input cell", path)
	}
	x, _ := r2.Lookup(path).Given.Value.Float64()
	if err := f.SetCellFloat(c.sheet.name, c.address(false), x, -1, 64); err != nil {
		t.Fatal(err)
	}
}

// values are planc's values by path, totals included; nil for unsolved.
func values(r *compiler.Result) map[string]*big.Rat {
	out := map[string]*big.Rat{}
	add := func(v *compiler.Var) {
		out[v.Path.String()] = nil
		if val, ok := r.Value(v); ok {
			out[v.Path.String()] = val.Nom
		}
	}
	for _, v := range r.Info.Vars {
		add(v)
	}
	for _, eq := range r.Eqs {
		if eq.V.Kind == compiler.KindTotal {
			add(eq.V)
		}
	}
	return out
}

// checkCells recalculates every value's cell of f and compares it with
// want; it returns the number of cells compared.
func checkCells(t *testing.T, f *excelize.File, b *builder, want map[string]*big.Rat) int {
	t.Helper()
	n := 0
	for _, c := range b.order {
		w, ok := want[c.v.Path.String()]
		switch {
		case !ok:
			t.Errorf("%s: planc has no such value", c)
			continue
		case c.kind == fixed:
			continue // planc's value, which does not follow the inputs (noFixed)
		case w == nil:
			if c.kind != unsolved {
				t.Errorf("%s: planc has no value, the workbook has %s", c, c.kind)
			}
			continue
		}
		n++
		if got := calc(t, f, c); !same(c.v, got, w) {
			t.Errorf("%s = %v, want %s (%s); formula %s", c, got, w.FloatString(6), w.RatString(), formula(c.formula, c.sheet))
		}
	}
	return n
}

// checkTimeline compares the months and totals of b's Timeline sheet
// (of a plan by month), as calc recalculates them, with want's timeline:
// each month with planc's month, each total with the year. It returns
// the number of cells compared and the paths of the grey rows, planc's
// values, which it does not compare.
func checkTimeline(t *testing.T, calc func(*cell) float64, b *builder, want *compiler.Result) (int, string) {
	t.Helper()
	if (b.tl == nil) != (want.Timeline == nil) {
		t.Fatalf("the workbook has a Timeline sheet: %v; the plan has a timeline: %v", b.tl != nil, want.Timeline != nil)
	}
	if b.tl == nil {
		return 0, ""
	}
	n := 0
	var grey []string
	for _, row := range b.tl.rows {
		path := row.v.Path.String()
		v := want.Lookup(path)
		months, year := want.Timeline.Series(v), (*big.Rat)(nil)
		if val, ok := want.Value(v); ok {
			year = val.Nom
		}
		if row.target {
			months, year = want.Timeline.Target(v), v.Given.Value
		}
		if row.months[0].kind == fixed {
			grey = append(grey, path)
			continue
		}
		for m, c := range row.months {
			n++
			if got := calc(c); !same(v, got, months[m]) {
				t.Errorf("%s %s = %v, want %s (%s); formula %s", c, path, got, months[m].FloatString(6), months[m].RatString(), formula(c.formula, c.sheet))
			}
		}
		n++
		if got := calc(row.total); !same(v, got, year) {
			t.Errorf("%s %s, the total = %v, want the year %s; formula %s", row.total, path, got, year.FloatString(6), formula(row.total.formula, row.total.sheet))
		}
	}
	return n, strings.Join(grey, " ")
}

// engine recalculates cells of f with excelize's engine.
func engine(t *testing.T, f *excelize.File) func(*cell) float64 {
	return func(c *cell) float64 { return calc(t, f, c) }
}

// calc recalculates c with excelize's engine.
func calc(t *testing.T, f *excelize.File, c *cell) float64 {
	t.Helper()
	s, err := f.CalcCellValue(c.sheet.name, c.address(false), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Errorf("%s: %v (%s)", c, err, s)
		return math.NaN()
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Errorf("%s: %q is not a number", c, s)
		return math.NaN()
	}
	return x
}

// same compares a spreadsheet's number with planc's exact value: whole
// counts exactly, the rest to nine significant digits (money to well
// within a yen, ratios to 1e-9).
func same(v *compiler.Var, got float64, want *big.Rat) bool {
	w, _ := want.Float64()
	if v.Whole && want.IsInt() {
		return got == w
	}
	return math.Abs(got-w) <= 1e-9*math.Max(1, math.Abs(w))
}

// noFixed checks that every value planc solved is a formula.
// checkAllFormulas exports r, a plan by month, and checks that every cell
// and every month recalculates to planc's value, each a formula.
func checkAllFormulas(t *testing.T, r *compiler.Result) (*excelize.File, *builder) {
	t.Helper()
	f, b := buildOK(t, r)
	n := checkCells(t, f, b, values(r))
	m, grey := checkTimeline(t, engine(t, f), b, r)
	t.Logf("%d cells and %d months recalculated", n, m)
	noFixed(t, b)
	if grey != "" {
		t.Errorf("the months without a formula are those of %s, want none", grey)
	}
	return f, b
}

func noFixed(t *testing.T, b *builder) {
	t.Helper()
	for _, c := range b.order {
		if c.kind == fixed {
			t.Errorf("%s has no formula: %s", c, c.note)
		}
	}
}

func count(b *builder, k kind) int {
	n := 0
	for _, c := range b.order {
		if c.kind == k {
			n++
		}
	}
	return n
}

// buildOK builds r's workbook, and reads it back from the bytes of the
// file, which is what a spreadsheet opens.
func buildOK(t *testing.T, r *compiler.Result) (*excelize.File, *builder) {
	t.Helper()
	f, b, err := build(r)
	if err != nil {
		t.Fatal(err)
	}
	return reopen(t, f), b
}

// reopen reads f back from the bytes of its file, which is what a
// spreadsheet opens, and closes f.
func reopen(t *testing.T, f *excelize.File) *excelize.File {
	t.Helper()
	buf, err := f.WriteToBuffer()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if f, err = excelize.OpenReader(buf); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func compileDir(t *testing.T, dir string) *compiler.Result {
	t.Helper()
	r := compiler.Run(dir)
	if r.Diags.HasErrors() && !strings.Contains(dir, "testdata") {
		t.Fatalf("%s has errors: %v", dir, r.Diags.Errs())
	}
	return r
}

// compileArchive compiles the plan in a txtar archive's files.
func compileArchive(t *testing.T, archive string) *compiler.Result {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return compiler.Run(dir)
}

func (k kind) String() string {
	return [...]string{"an input", "a formula", "a fixed value", "no value", "a helper"}[k]
}
