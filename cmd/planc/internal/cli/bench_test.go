package cli_test

// The speed and memory benchmarks of planc's commands, on generated plans
// of 1,000, 10,000 and 100,000 metrics (compilertest.Generate: 11 files, a
// funnel with channels and ten KPIs per ten metrics, budgets and teams).
// Each command runs in-process as `planc` runs it, and each benchmark
// reports, besides ns/op:
//
//	x-parse  the time against bare HCL parsing of the same files (reading
//	         them and hclsyntax.ParseConfig): the floor no command can beat
//	MB-peak  the most heap in use while the command ran, sampled
//
// Run them with
//
//	go test ./cmd/planc/internal/cli -run '^$' -bench . -benchtime 3x
//
// (add -bench 'Check/10k' for one). The README's performance section
// states the targets and the figures measured.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/cmd/planc/internal/cli"
	"github.com/planc-dev/planc/compiler/compilertest"
)

var benchSizes = []struct {
	name string
	n    int
}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}}

// planDirs holds the generated plans, written once per test binary.
var planDirs sync.Map

func planDir(b *testing.B, n int) string {
	if dir, ok := planDirs.Load(n); ok {
		return dir.(string)
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("planc-bench-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	for _, src := range compilertest.Generate(n) {
		if err := os.WriteFile(filepath.Join(dir, src.Name), src.Bytes, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	planDirs.Store(n, dir)
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	planDirs.Range(func(_, dir any) bool {
		os.RemoveAll(dir.(string))
		return true
	})
	os.Exit(code)
}

// parseFloor reads and parses the plan's files with HCL alone, once.
func parseFloor(b *testing.B, names []string) time.Duration {
	t0 := time.Now()
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		if _, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
	return time.Since(t0)
}

func median(ds []time.Duration) time.Duration {
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if ds[j] < ds[i] {
				ds[i], ds[j] = ds[j], ds[i]
			}
		}
	}
	return ds[len(ds)/2]
}

// benchCommand runs planc with args (the plan's directory appended, and
// OUT replaced by a fresh directory) and reports its time against the
// parse floor and its peak heap. Each iteration times the floor and the
// command one after the other, from a collected heap, and the ratio is of
// their medians: a machine that slows down for a while slows both.
func benchCommand(b *testing.B, args ...string) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			dir := planDir(b, size.n)
			names, _ := filepath.Glob(filepath.Join(dir, "*.plan.hcl"))
			peak := newPeak()
			var times, floors []time.Duration
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				floors = append(floors, parseFloor(b, names))
				run := append(withOut(b, args), dir)
				runtime.GC()
				b.StartTimer()
				peak.start()
				t0 := time.Now()
				if code := cli.Main(run, io.Discard, io.Discard); code != 0 {
					b.Fatalf("planc %v exited %d", run, code)
				}
				times = append(times, time.Since(t0))
				peak.stop()
			}
			b.ReportMetric(float64(median(times))/float64(median(floors)), "x-parse")
			b.ReportMetric(float64(peak.max)/(1<<20), "MB-peak")
		})
	}
}

func withOut(b *testing.B, args []string) []string {
	out := append([]string(nil), args...)
	for i, a := range out {
		if a == "OUT" {
			dir, err := os.MkdirTemp(siteRoot(), "planc-bench-site-")
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { os.RemoveAll(dir) })
			out[i] = filepath.Join(dir, "site")
		}
	}
	return out
}

// siteRoot is where BenchmarkBuild writes sites: $PLANC_BENCH_OUT, else
// /dev/shm where the machine has it, else the temporary directory. A
// build writes a file per block, and the benchmark measures planc, not
// the disk: on a virtual disk creating a file can take 0.6 ms, which at
// 10,000 pages is more than all of planc's work.
func siteRoot() string {
	if dir := os.Getenv("PLANC_BENCH_OUT"); dir != "" {
		return dir
	}
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		return "/dev/shm"
	}
	return os.TempDir()
}

func BenchmarkCheck(b *testing.B)     { benchCommand(b, "check") }
func BenchmarkSolveJSON(b *testing.B) { benchCommand(b, "solve", "--format", "json") }
func BenchmarkBuild(b *testing.B)     { benchCommand(b, "build", "-o", "OUT") }
func BenchmarkFmtCheck(b *testing.B)  { benchCommand(b, "fmt", "--check") }

// peak samples the heap in use while a command runs.
type peak struct {
	max  uint64
	done chan struct{}
	wg   sync.WaitGroup
}

func newPeak() *peak { return &peak{} }

func (p *peak) start() {
	p.done = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			p.max = max(p.max, s[0].Value.Uint64()+s[1].Value.Uint64())
			select {
			case <-p.done:
				return
			case <-tick.C:
			}
		}
	}()
}

func (p *peak) stop() {
	close(p.done)
	p.wg.Wait()
}
