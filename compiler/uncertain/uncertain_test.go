package uncertain

import (
	"math"
	"slices"
	"testing"
)

// near reports whether got is within rel of want, relatively.
func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Abs(want)
}

// The fitted interval must be the 5th to 95th percentile: the transform of
// mu ∓ z95·sigma gives back lo and hi. The transforms here are math's, not
// the package's own exp and log, so the check does not lean on them.
func TestFitQuantiles(t *testing.T) {
	logistic := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	tests := []struct {
		name   string
		d      Dist
		lo, hi float64
		f      func(float64) float64
	}{
		{"rate 20-30%", Rate(0.2, 0.3), 0.2, 0.3, logistic},
		{"rate 1-5%", Rate(0.01, 0.05), 0.01, 0.05, logistic},
		{"rate 50-90%", Rate(0.5, 0.9), 0.5, 0.9, logistic},
		{"rate 0.1-99.9%", Rate(0.001, 0.999), 0.001, 0.999, logistic},
		{"rate narrow", Rate(0.49, 0.51), 0.49, 0.51, logistic},
		{"amount 3-5万", Amount(30000, 50000), 30000, 50000, math.Exp},
		{"amount wide", Amount(1, 1e6), 1, 1e6, math.Exp},
		{"amount small", Amount(0.5, 0.6), 0.5, 0.6, math.Exp},
	}
	for _, tt := range tests {
		q05 := tt.f(tt.d.mu - z95*tt.d.sigma)
		q95 := tt.f(tt.d.mu + z95*tt.d.sigma)
		if !near(q05, tt.lo, 1e-12) || !near(q95, tt.hi, 1e-12) {
			t.Errorf("%s: 5%%..95%% = %v..%v, want %v..%v", tt.name, q05, q95, tt.lo, tt.hi)
		}
	}
}

func TestMedian(t *testing.T) {
	// logistic((logit .2 + logit .3)/2) = 1/(1 + sqrt(4·7/3)) = 1/(1+√(28/3)).
	if got, want := Rate(0.2, 0.3).Median(), 0.2466060555964672; !near(got, want, 1e-15) {
		t.Errorf("Rate(0.2, 0.3).Median() = %v, want %v", got, want)
	}
	// The geometric mean of the bounds, 38729.83346207417; exp of mu ≈ 10.6
	// turns mu's rounding into a few ulps.
	if got, want := Amount(30000, 50000).Median(), math.Sqrt(30000*50000); !near(got, want, 1e-14) {
		t.Errorf("Amount(30000, 50000).Median() = %v, want %v", got, want)
	}
}

// A point returns its value and draws nothing, so the rest of the stream is
// unchanged; it is not clamped.
func TestPoint(t *testing.T) {
	for _, d := range []Dist{Rate(0.25, 0.25), Rate(0, 0), Rate(1, 1), Amount(40000, 40000), Amount(0, 0), {}} {
		r, ref := NewRand(1), NewRand(1)
		if got := d.Sample(r); got != d.lo || d.Median() != d.lo {
			t.Errorf("point %v: Sample = %v, Median = %v", d.lo, got, d.Median())
		}
		if r.Uint64() != ref.Uint64() {
			t.Errorf("point %v: Sample drew from the generator", d.lo)
		}
	}
}

// A bound of 0 or 1 is fitted as 1e-9 or 1-1e-9.
func TestRateClamp(t *testing.T) {
	if got, want := Rate(0, 0.5), Rate(1e-9, 0.5); got.mu != want.mu || got.sigma != want.sigma {
		t.Errorf("Rate(0, 0.5) = %+v, want the fit of Rate(1e-9, 0.5) %+v", got, want)
	}
	if got, want := Rate(0.5, 1), Rate(0.5, 1-1e-9); got.mu != want.mu || got.sigma != want.sigma {
		t.Errorf("Rate(0.5, 1) = %+v, want the fit of Rate(0.5, 1-1e-9) %+v", got, want)
	}
	r := NewRand(3)
	for range 1000 {
		if x := Rate(0, 1).Sample(r); !(0 <= x && x <= 1) {
			t.Fatalf("Rate(0, 1) sampled %v", x)
		}
	}
}

func TestPanics(t *testing.T) {
	nan := math.NaN()
	for name, f := range map[string]func(){
		"Rate(0.3, 0.2)":    func() { Rate(0.3, 0.2) },
		"Rate(-0.1, 0.2)":   func() { Rate(-0.1, 0.2) },
		"Rate(0.2, 1.5)":    func() { Rate(0.2, 1.5) },
		"Rate(NaN, 0.2)":    func() { Rate(nan, 0.2) },
		"Amount(0, 5)":      func() { Amount(0, 5) },
		"Amount(-1, 1)":     func() { Amount(-1, 1) },
		"Amount(5, 3)":      func() { Amount(5, 3) },
		"Amount(1, +Inf)":   func() { Amount(1, math.Inf(1)) },
		"Amount(NaN, NaN)":  func() { Amount(nan, nan) },
		"Quantile(c = 0)":   func() { Quantile([]float64{1}, 0) },
		"Quantile(c = 1)":   func() { Quantile([]float64{1}, 1) },
		"Quantile(c = NaN)": func() { Quantile([]float64{1}, nan) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", name)
				}
			}()
			f()
		}()
	}
}

// The package's own exp and ln must agree with math's to within a few ulps,
// and on the special cases. They are not bit-equal: on amd64 math.Exp is
// assembly that differs from the portable algorithm in the last bit for
// about one input in six (and is off by up to about 1.3 ulps), which is why
// the package has its own.
func TestExpLn(t *testing.T) {
	r := NewRand(7)
	for i := range 100_000 {
		x := float64(unit(r)*1400) - 700 // the range where exp is finite
		if i%2 == 0 {
			x = float64(unit(r)*40) - 20
		}
		if got, want := exp(x), math.Exp(x); !near(got, want, 5e-16) {
			t.Fatalf("exp(%v) = %v, math.Exp = %v", x, got, want)
		}
		y := math.Exp(x)
		if got, want := ln(y), math.Log(y); math.Abs(got-want) > 5e-16*math.Max(math.Abs(want), 1) {
			t.Fatalf("ln(%v) = %v, math.Log = %v", y, got, want)
		}
	}
	for _, p := range []float64{1e-300, 1e-17, 1e-9, 1e-3, 0.1, 0.5, 0.9, 1 - 1e-9} {
		if got, want := ln1p(-p), math.Log1p(-p); !near(got, want, 1e-15) {
			t.Errorf("ln1p(%v) = %v, math.Log1p = %v", -p, got, want)
		}
	}
	inf := math.Inf(1)
	if exp(0) != 1 || exp(-inf) != 0 || exp(inf) != inf || exp(1000) != inf || !math.IsNaN(exp(math.NaN())) {
		t.Error("exp special cases")
	}
	if ln(1) != 0 || ln(0) != -inf || ln(inf) != inf || !math.IsNaN(ln(-1)) || !math.IsNaN(ln(math.NaN())) {
		t.Error("ln special cases")
	}
}

// Two generators with one seed give one stream, and the first values are
// pinned: a change here is a change of every simulated number in every
// report, so it must be deliberate.
func TestDeterminism(t *testing.T) {
	draw := func() (xs []float64, ns []int) {
		r := NewRand(42)
		rate, amount := Rate(0.2, 0.3), Amount(30000, 50000)
		for range 100 {
			xs = append(xs, rate.Sample(r), amount.Sample(r))
			ns = append(ns, Trials(r, 30, 0.06), Trials(r, 20_000, 0.05))
		}
		return xs, ns
	}
	xs1, ns1 := draw()
	xs2, ns2 := draw()
	if !slices.Equal(xs1, xs2) || !slices.Equal(ns1, ns2) {
		t.Fatal("two NewRand(42) streams differ")
	}
	golden := []float64{0.19830550612359352, 46017.327472831734, 0.254909176860416, 45087.5103784912}
	if !slices.Equal(xs1[:4], golden) {
		t.Errorf("samples = %v, want %v", xs1[:4], golden)
	}
	goldenN := []int{526, 395496, 483, 401279}
	if !slices.Equal(ns1[:4], goldenN) {
		t.Errorf("trials = %v, want %v", ns1[:4], goldenN)
	}
	if u := NewRand(42).Uint64(); u != 0x65d5f2e2d40df49d {
		t.Errorf("NewRand(42).Uint64() = %#x, want %#x (PCG changed?)", u, uint64(0x65d5f2e2d40df49d))
	}
}

// A sample's mean, variance and skewness match the negative binomial's:
// wins/p, wins·(1-p)/p² and (2-p)/sqrt(wins·(1-p)). The tolerances are
// several standard errors of each estimate (the seed is fixed, so this is
// deterministic, but it should not pass by luck of the seed).
func TestTrialsMoments(t *testing.T) {
	tests := []struct {
		wins                     int
		p                        float64
		n                        int
		tolMean, tolVar, tolSkew float64 // relative; 0 skips
	}{
		{5, 0.1, 200_000, 0.01, 0.03, 0.1},       // the exact branch
		{1_001, 0.5, 200_000, 0.001, 0.03, 0.25}, // the normal branch, skewness 0.067
		{20_000, 0.05, 50_000, 0.001, 0.03, 0},   // the normal branch, far
	}
	for _, tt := range tests {
		r := NewRand(5)
		xs := make([]float64, tt.n)
		var sum float64
		for i := range xs {
			xs[i] = float64(Trials(r, tt.wins, tt.p))
			sum += xs[i]
		}
		n := float64(tt.n)
		mean := sum / n
		var m2, m3 float64
		for _, x := range xs {
			d := x - mean
			m2 += d * d
			m3 += d * d * d
		}
		m2, m3 = m2/n, m3/n
		variance, skew := m2*n/(n-1), m3/math.Pow(m2, 1.5)

		w, p := float64(tt.wins), tt.p
		wantMean, wantVar, wantSkew := w/p, w*(1-p)/(p*p), (2-p)/math.Sqrt(w*(1-p))
		if !near(mean, wantMean, tt.tolMean) || !near(variance, wantVar, tt.tolVar) ||
			tt.tolSkew > 0 && !near(skew, wantSkew, tt.tolSkew) {
			t.Errorf("Trials(%d, %v): mean %v, variance %v, skewness %v; want %v, %v, %v",
				tt.wins, tt.p, mean, variance, skew, wantMean, wantVar, wantSkew)
		}
	}
}

func TestTrialsEdges(t *testing.T) {
	r := NewRand(1)
	for _, tt := range []struct {
		wins int
		p    float64
		want int
	}{
		{0, 0.5, 0},
		{-3, 0.5, 0},
		{10, 0, math.MaxInt},
		{10, -1, math.MaxInt},
		{10, math.NaN(), math.MaxInt},
		{10, 1, 10},
		{20_000, 1, 20_000},
		{10, 1e-300, math.MaxInt}, // beyond 2⁵³ leads
	} {
		if got := Trials(r, tt.wins, tt.p); got != tt.want {
			t.Errorf("Trials(%d, %v) = %d, want %d", tt.wins, tt.p, got, tt.want)
		}
	}
	// A small p that is still reachable gives a large finite count.
	if n := Trials(r, 1, 1e-6); n < 1 || n == math.MaxInt {
		t.Errorf("Trials(1, 1e-6) = %d", n)
	}
}

func TestQuantile(t *testing.T) {
	xs := []float64{10, 3, 7, 1, 9, 2, 8, 4, 6, 5}
	orig := slices.Clone(xs)
	for _, tt := range []struct{ c, want float64 }{
		{0.8, 8}, {0.81, 9}, {0.7, 7}, {0.1, 1}, {0.05, 1}, {0.5, 5}, {0.99, 10}, {0.3, 3}, {0.9, 9},
	} {
		if got := Quantile(xs, tt.c); got != tt.want {
			t.Errorf("Quantile(1..10, %v) = %v, want %v", tt.c, got, tt.want)
		}
	}
	if !slices.Equal(xs, orig) {
		t.Error("Quantile changed its input")
	}
	if !math.IsNaN(Quantile(nil, 0.5)) {
		t.Error("Quantile(nil) is not NaN")
	}
	// The rank shave must be right for every n, not only 10.
	for n := 1; n <= 1000; n++ {
		s := make([]float64, n)
		for i := range s {
			s[i] = float64(i + 1)
		}
		for pct := 1; pct < 100; pct++ {
			want := float64((pct*n + 99) / 100) // ceil(pct·n/100), exactly
			if got := Quantile(s, float64(pct)/100); got != max(want, 1) {
				t.Fatalf("Quantile(1..%d, %d%%) = %v, want %v", n, pct, got, want)
			}
		}
	}
}

// The worst case of the exact branch: 10,000 worlds of 1,000 wins.
func BenchmarkTrials10kWorlds1kWins(b *testing.B) {
	r := NewRand(1)
	for b.Loop() {
		for range 10_000 {
			Trials(r, 1_000, 0.05)
		}
	}
}

// Binomial's mean and variance over many draws: n·p and n·p·(1-p), for n
// on both sides of the switch to the normal draw.
func TestBinomialMoments(t *testing.T) {
	r := NewRand(7)
	for _, tc := range []struct {
		n int
		p float64
	}{{40, 0.35}, {5000, 0.02}} {
		const draws = 20_000
		var sum, sq float64
		for range draws {
			k := float64(Binomial(r, tc.n, tc.p))
			sum += k
			sq += k * k
		}
		mean := sum / draws
		variance := sq/draws - mean*mean
		if want := float64(tc.n) * tc.p; !near(mean, want, 0.01) {
			t.Errorf("Binomial(%d, %v) mean %v, want %v", tc.n, tc.p, mean, want)
		}
		if want := float64(tc.n) * tc.p * (1 - tc.p); !near(variance, want, 0.05) {
			t.Errorf("Binomial(%d, %v) variance %v, want %v", tc.n, tc.p, variance, want)
		}
	}
	if Binomial(r, 0, 0.5) != 0 || Binomial(r, 10, 0) != 0 || Binomial(r, 10, 1) != 10 {
		t.Error("Binomial edges")
	}
}
