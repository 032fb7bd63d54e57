package workbook

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/planc-dev/planc/compiler"
	"github.com/xuri/excelize/v2"
)

// TestLibreOffice has LibreOffice recalculate the workbooks, where it is
// installed: soffice converts each to .xlsx, which stores the values it
// computed, and every value's cell is compared with planc's. Each
// example and plan of testdata goes as exported, and with each of its
// changes made in the workbook, against planc's solve of the same
// change.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not on PATH")
	}
	if testing.Short() {
		t.Skip("starting LibreOffice takes seconds")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	type job struct {
		name string
		b    *builder
		// r is the plan whose values the workbook must recalculate to.
		r *compiler.Result
	}
	var jobs []job
	save := func(name string, f *excelize.File, b *builder, r *compiler.Result) {
		if err := f.SaveAs(filepath.Join(in, name+".xlsx")); err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{name, b, r})
	}
	plans := map[string]*compiler.Result{}
	var names []string
	for _, ex := range examples {
		plans[ex] = compileDir(t, filepath.Join("..", "..", "examples", ex))
		names = append(names, ex)
	}
	own, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, a := range own {
		name := strings.TrimSuffix(filepath.Base(a), ".txtar")
		plans[name] = compileArchive(t, a)
		names = append(names, name)
	}
	for _, name := range names {
		r := plans[name]
		f, b := buildOK(t, r)
		save(name, f, b, r)
		for i, ch := range changes[name] {
			r2, err := compiler.CompileWith(context.Background(), r.Plan, nil, compiler.Options{Set: ch})
			if err != nil || r2.Diags.HasErrors() {
				t.Fatalf("%s %v: %v %v", name, ch, err, r2.Diags.Errs())
			}
			f2, b2 := buildOK(t, r)
			for _, o := range ch {
				set(t, f2, b2, r, r2, o.Path)
			}
			save(fmt.Sprintf("%s-change%d", name, i+1), f2, b2, r2)
		}
	}
	convert(t, soffice, dir, in, out)
	for _, j := range jobs {
		f, err := excelize.OpenFile(filepath.Join(out, j.name+".xlsx"))
		if err != nil {
			t.Fatalf("%s: LibreOffice wrote no workbook: %v", j.name, err)
		}
		n := compareCached(t, j.name, f, j.b, values(j.r))
		m, _ := checkTimeline(t, func(c *cell) float64 { return cached(t, j.name, f, c) }, j.b, j.r)
		f.Close()
		t.Logf("%s: %d cells and %d months recalculated by LibreOffice", j.name, n, m)
	}
}

// convert has soffice convert every workbook in in to .xlsx in out, with
// a profile of its own in dir so that it neither needs nor touches the
// user's.
func convert(t *testing.T, soffice, dir, in, out string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(in, "*.xlsx"))
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out}, files...)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if msg, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
}

// compareCached compares the values LibreOffice stored in f's cells with
// want, as checkCells does with excelize's engine.
func compareCached(t *testing.T, name string, f *excelize.File, b *builder, want map[string]*big.Rat) int {
	t.Helper()
	n := 0
	for _, c := range b.order {
		w := want[c.v.Path.String()]
		if c.kind == fixed || c.kind == unsolved || w == nil {
			continue
		}
		n++
		if got := cached(t, name, f, c); !same(c.v, got, w) {
			t.Errorf("%s: %s is %v in LibreOffice, want %s (%s)", name, c, got, w.FloatString(6), w.RatString())
		}
	}
	return n
}

// cached is the value LibreOffice stored in c; NaN, reported, when it is
// no number.
func cached(t *testing.T, name string, f *excelize.File, c *cell) float64 {
	t.Helper()
	s, err := f.GetCellValue(c.sheet.name, c.address(false), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Errorf("%s: %s is %q in LibreOffice, not a number", name, c, s)
		return math.NaN()
	}
	return x
}
