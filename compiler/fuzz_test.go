package compiler_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/plandiff"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/compiler/site"
	"github.com/planc-dev/planc/lang"
	"golang.org/x/tools/txtar"
)

// fuzzSeeds returns plan sources to start fuzzing from: every *.plan.hcl
// of the examples and of the test data (files of one plan directory also
// joined into one, since file order does not matter), every plan file
// inside the compiler's txtar test archives, and a few small plans.
func fuzzSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	var globs []string
	for _, pattern := range []string{
		"../examples/*/*.plan.hcl",
		"../testdata/*/*.plan.hcl",
		"testdata/*/*.plan.hcl",
		"testdata/*/*/*.plan.hcl",
	} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		globs = append(globs, m...)
	}
	sort.Strings(globs)
	byDir := map[string][]byte{}
	var dirs []string
	for _, name := range globs {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
		dir := filepath.Dir(name)
		if _, ok := byDir[dir]; !ok {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(append(byDir[dir], b...), '\n')
	}
	for _, dir := range dirs {
		seeds = append(seeds, byDir[dir])
	}
	archives, _ := filepath.Glob("testdata/*/*.txtar")
	for _, name := range archives {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			continue
		}
		var all []byte
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, lang.Ext) {
				seeds = append(seeds, f.Data)
				all = append(append(all, f.Data...), '\n')
			}
		}
		seeds = append(seeds, all)
	}
	for _, s := range []string{
		"",
		"plan {}",
		`plan { title = "x" }`,
		"plan { title = \"x\" }\nkpi \"a\" { value = \"30%\" }\nkpi \"b\" { formula = kpi.a * (kpi.a + 1) / 0 }\n",
		"plan { title = \"x\" }\nkpi \"a\" { formula = kpi.b }\nkpi \"b\" { formula = kpi.a }\n",
		"plan { title = \"x\" }\nkgi \"r\" { target = \"1e999999999\" }\n",
		"plan { title = \"x\" }\nfunnel \"f\" {\n  deal_size = \"1M JPY\"\n  stage \"a\" {}\n  stage \"b\" { rate = 30 }\n}\nchannel \"c\" {\n  funnel = funnel.f\n  share = \"95%\"\n  cpa = \"1万円\"\n}\n",
		"plan { title = \"x\" }\ncheck \"c\" {\n  condition = max(1, 2) > sum(3) && !true || ceil(0.5) == floor(1.5)\n  message = \"${1}\"\n}\n",
		"plan { title = \"x\" }\nkpi \"a\" { value = (((((((((1))))))))) }\n",
		"plan {\n  title = \"x\"\n  period = \"2027-04 .. 2028-03\"\n}\nkgi \"r\" {\n  target = \"1億円\"\n  formula = funnel.f.revenue\n}\nfunnel \"f\" {\n  deal_size = \"1M JPY\"\n  opening = { a = 9 }\n  stage \"a\" {}\n  stage \"b\" {\n    rate = \"30%\"\n    lag = \"45 days\"\n  }\n}\nkpi \"j\" { formula = funnel.f.a.volume[\"2027-06\"] + funnel.f.a.open[\"Q2\"] / kgi.r[\"H1\"] }\ncheck \"c\" {\n  condition = kpi.j < funnel.f.b.volume[\"2027-07\"]\n  message = \"m\"\n}\n",
		"\x00\xff",
		"plan { title = \"x\" }\nkgi \"r\" {\n  target = \"1億円\"\n  formula = funnel.f.revenue\n}\nfunnel \"f\" {\n  deal_size = \"1M JPY\"\n  stage \"a\" {}\n  stage \"b\" { rate = \"30%\" }\n}\nchannel \"c\" {\n  funnel = funnel.f\n  share = \"60%\"\n  cpa = \"1万円\"\n}\nchannel \"d\" {\n  funnel = funnel.f\n  cpa = \"2万円\"\n}\nbudget \"m\" { cap = \"1億円\" }\nscenario \"off\" {\n  probability = \"30%\"\n  channel \"c\" { share = \"0%\" }\n  funnel \"f\" {\n    stage \"b\" { rate = \"20%\" }\n    stage \"z\" {}\n  }\n}\nscenario \"seek\" {\n  probability = \"80%\"\n  budget \"m\" { spend = \"5000万円\" }\n  channel \"d\" { funnel = funnel.f }\n  solve_for = [kgi.r, funnel.f.a.volume, kpi.x]\n}\n",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

func TestFuzzSeeds(t *testing.T) {
	seeds := fuzzSeeds(t)
	if len(seeds) < 10 {
		t.Errorf("only %d fuzz seeds", len(seeds))
	}
	for _, b := range seeds {
		compileFuzz(t, b)
	}
}

func FuzzCompile(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		compileFuzz(t, b)
	})
}

// emitAll runs every other emitter on the result, so that no output of
// planc panics on a plan that compiles, however badly: the CI formats, the
// site (with errors allowed, as --allow-errors builds it) and a diff of
// the plan against itself.
func emitAll(t *testing.T, r *compiler.Result) {
	diags, files := r.Diags, r.Plan.Files
	for name, emit := range map[string]func(io.Writer) error{
		"GitHub":  func(w io.Writer) error { return report.GitHub(w, diags) },
		"SARIF":   func(w io.Writer) error { return report.SARIF(w, diags, files, "fuzz") },
		"Compact": func(w io.Writer) error { return report.Compact(w, diags) },
	} {
		if err := emit(io.Discard); err != nil {
			t.Errorf("report.%s: %v", name, err)
		}
	}
	if _, err := site.Generate(r, site.Options{AllowErrors: true}); err != nil {
		t.Errorf("site.Generate: %v", err)
	}
	side := plandiff.Side{Name: "f", Result: r}
	if err := plandiff.Text(io.Discard, plandiff.Compare(side, side)); err != nil {
		t.Errorf("plandiff.Text: %v", err)
	}
}

// fuzzTimeout bounds compiling one fuzz input; real plans take
// milliseconds.
const fuzzTimeout = 10 * time.Second

// compileFuzz compiles b as one plan file and renders the result, and
// fails when that panics, does not finish in time, or gives a diagnostic
// without a code or a range inside the file.
func compileFuzz(t *testing.T, b []byte) {
	t.Helper()
	const name = "f.plan.hcl"
	var diags hcl.Diagnostics
	done := make(chan struct{})
	go func() {
		defer close(done)
		// A panic on this goroutine would kill the fuzz worker, and the
		// fuzzer would report only that it died: report it as a failure,
		// so that the input is kept and minimised.
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("panic: %v\n%s", p, debug.Stack())
			}
		}()
		r := compiler.Compile(lang.Parse([]lang.Source{{Name: name, Bytes: b}}))
		diags = r.Diags
		report.Text(io.Discard, diags, r.Plan.Files)
		report.Summary(io.Discard, diags)
		report.ValuesText(io.Discard, r)
		var js bytes.Buffer
		if err := report.JSON(&js, r); err != nil {
			t.Errorf("report.JSON: %v", err)
		}
		emitAll(t, r)
	}()
	select {
	case <-done:
	case <-time.After(fuzzTimeout):
		t.Fatalf("compiling %q did not finish within %v", b, fuzzTimeout)
	}
	checkRanges(t, diags, name, b)
}

// checkRanges requires that every diagnostic has a code and a range inside
// src, the file name.
func checkRanges(t *testing.T, diags hcl.Diagnostics, name string, src []byte) {
	t.Helper()
	for _, d := range diags {
		if _, ok := hcl.DiagnosticExtra[lang.Code](d); !ok {
			t.Errorf("diagnostic without a code: %s", d.Error())
		}
		if d.Subject == nil {
			t.Errorf("diagnostic without a subject range: %s", d.Error())
			continue
		}
		s, e := d.Subject.Start, d.Subject.End
		if d.Subject.Filename != name || s.Byte < 0 || s.Byte > e.Byte || e.Byte > len(src) || s.Line < 1 || s.Column < 1 {
			t.Errorf("diagnostic with a bad range %+v in %d bytes: %s", *d.Subject, len(src), d.Error())
		}
	}
}
