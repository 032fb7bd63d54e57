package stdlib

import (
	"fmt"
	"io/fs"
	"math/big"
	"path"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/planc-dev/planc/lang/quantity"
)

// The benchmark pack: published ranges for stage-to-stage conversion, win
// rates and sales cycles, kept as data in benchmarks/*.hcl, each range with
// its source. Sources disagree and define stages differently, so the pack
// keeps every source's own range and never averages them: a value is an
// outlier only when it is outside all of them.

// BenchmarkSource is one publication.
type BenchmarkSource struct {
	ID        string `hcl:"id,label"`
	Title     string `hcl:"title"`
	Publisher string `hcl:"publisher"`
	URL       string `hcl:"url"`
	Published string `hcl:"published"`
	Retrieved string `hcl:"retrieved"`
}

// Cite names the source for a message: "The Bridge Group, SaaS AE Metrics
// Report (2024-03)".
func (s *BenchmarkSource) Cite() string {
	return fmt.Sprintf("%s, %s (%s)", s.Publisher, s.Title, s.Published)
}

// BenchmarkRange is one source's range for one key.
type BenchmarkRange struct {
	Key    string
	Source *BenchmarkSource
	// Low and High bound the range in the canonical unit (a fraction for a
	// rate, months for a duration); Unit is that unit.
	Low, High *big.Rat
	Unit      quantity.Unit
	// Quote is the source's own words; Note says how it defines the stages.
	Quote, Note string
}

// IsPoint reports whether the source published a single value rather than
// a spread.
func (r *BenchmarkRange) IsPoint() bool { return r.Low.Cmp(r.High) == 0 }

// Contains reports whether x is within the range, bounds included.
func (r *BenchmarkRange) Contains(x *big.Rat) bool {
	return x.Cmp(r.Low) >= 0 && x.Cmp(r.High) <= 0
}

// String shows the range as people read it: "40%–60%", or "13%" for a point.
func (r *BenchmarkRange) String() string {
	lo, hi := quantity.Format(r.Low, r.Unit), quantity.Format(r.High, r.Unit)
	if lo == hi {
		return lo
	}
	return lo + "–" + hi
}

// BenchmarkPack is the parsed pack.
type BenchmarkPack struct {
	Sources []*BenchmarkSource
	ranges  map[string][]*BenchmarkRange
}

// Ranges returns every source's range for key, in the pack's order.
func (p *BenchmarkPack) Ranges(key string) []*BenchmarkRange { return p.ranges[key] }

// Keys lists the keys of the pack, sorted.
func (p *BenchmarkPack) Keys() []string {
	var out []string
	for k := range p.ranges {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var pack = sync.OnceValue(func() *BenchmarkPack {
	sub, err := fs.Sub(benchmarkFiles, "benchmarks")
	if err != nil {
		panic(err)
	}
	p, err := LoadBenchmarks(sub)
	if err != nil {
		// The pack is embedded and tested; a broken pack is a bug in planc.
		panic(err)
	}
	return p
})

// Benchmarks returns the benchmark pack shipped with planc.
func Benchmarks() *BenchmarkPack { return pack() }

// packFile is the schema of a pack file.
type packFile struct {
	Sources    []*BenchmarkSource `hcl:"source,block"`
	Benchmarks []*struct {
		Key    string `hcl:"key,label"`
		Source string `hcl:"source,label"`
		Low    string `hcl:"low"`
		High   string `hcl:"high"`
		Quote  string `hcl:"quote"`
		Note   string `hcl:"note,optional"`
	} `hcl:"benchmark,block"`
}

// LoadBenchmarks parses every *.hcl file in fsys (in name order) into a
// pack, checking that each range names a known source, that its bounds
// parse, share one unit and are in order.
func LoadBenchmarks(fsys fs.FS) (*BenchmarkPack, error) {
	names, err := fs.Glob(fsys, "*.hcl") // sorted
	if err != nil {
		return nil, err
	}
	p := &BenchmarkPack{ranges: map[string][]*BenchmarkRange{}}
	sources := map[string]*BenchmarkSource{}
	for _, name := range names {
		var f packFile
		if err := decodePackFile(fsys, name, &f); err != nil {
			return nil, err
		}
		for _, s := range f.Sources {
			if sources[s.ID] != nil {
				return nil, fmt.Errorf("%s: source %q declared twice", name, s.ID)
			}
			sources[s.ID] = s
			p.Sources = append(p.Sources, s)
		}
		for _, b := range f.Benchmarks {
			r, err := benchmarkRange(sources, b.Key, b.Source, b.Low, b.High)
			if err != nil {
				return nil, fmt.Errorf("%s: benchmark %q %q: %v", name, b.Key, b.Source, err)
			}
			r.Quote, r.Note = b.Quote, b.Note
			p.ranges[b.Key] = append(p.ranges[b.Key], r)
		}
	}
	return p, nil
}

func decodePackFile(fsys fs.FS, name string, into *packFile) error {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	file, diags := hclsyntax.ParseConfig(src, path.Base(name), hcl.InitialPos)
	if !diags.HasErrors() {
		diags = gohcl.DecodeBody(file.Body, nil, into)
	}
	if diags.HasErrors() {
		return diags
	}
	return nil
}

func benchmarkRange(sources map[string]*BenchmarkSource, key, source, low, high string) (*BenchmarkRange, error) {
	src := sources[source]
	if src == nil {
		return nil, fmt.Errorf("unknown source %q (declare its source block first)", source)
	}
	lo, err := quantity.Parse(low)
	if err != nil {
		return nil, fmt.Errorf("low %q: %s", low, err.Msg)
	}
	hi, err := quantity.Parse(high)
	if err != nil {
		return nil, fmt.Errorf("high %q: %s", high, err.Msg)
	}
	if !lo.Unit.Same(hi.Unit) || lo.Value.Cmp(hi.Value) > 0 {
		return nil, fmt.Errorf("low %q and high %q are not an ordered range in one unit", low, high)
	}
	return &BenchmarkRange{Key: key, Source: src, Low: lo.Value, High: hi.Value, Unit: lo.Unit}, nil
}
