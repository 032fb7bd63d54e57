package uncertain

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// z95 is the 95% quantile of the standard normal: a 90% interval is
// mu ± z95·sigma.
const z95 = 1.6448536269514722

// rateEps keeps a rate's bounds off 0 and 1, where its logit is infinite.
const rateEps = 1e-9

// stream is PCG's second seed word, fixed so that a seed names one
// sequence. It is "planc" in ASCII. Changing it changes every simulated
// number (and the golden values in the tests).
const stream = 0x706c616e63

// NewRand returns the package's deterministic generator for seed: the same
// seed gives the same numbers on every run and machine (see the package
// doc). Only its Uint64 method is used by this package.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}

// A Dist is a distribution fitted to a 90% interval [lo, hi]: lo is its 5th
// percentile and hi its 95th. When lo == hi it is the point lo, and Sample
// returns it without drawing, so a plan that writes a range in one place
// does not change the draws of the others. The zero Dist is the point 0.
type Dist struct {
	lo, hi    float64 // the interval as written
	mu, sigma float64 // of the normal that is transformed
	rate      bool    // logistic transform (a rate) rather than exp (an amount)
}

// Rate fits a logit-normal to the 90% interval [lo, hi] of a rate:
// logit(lo) = mu - z·sigma and logit(hi) = mu + z·sigma, with z the 95%
// normal quantile. It suits rates because it stays inside (0, 1) and is
// skewed away from whichever end is near.
//
// It requires 0 <= lo <= hi <= 1 and panics otherwise. The logit of 0 or 1
// is infinite, so for fitting a bound is clamped to [1e-9, 1-1e-9]; a wide
// range with such a bound ("0% to 30%") gives a very wide distribution,
// which is what the plan wrote. A point (lo == hi) is not clamped:
// Rate(0, 0) always samples 0.
func Rate(lo, hi float64) Dist {
	if !(0 <= lo && lo <= hi && hi <= 1) {
		panic(fmt.Sprintf("uncertain.Rate(%v, %v): want 0 <= lo <= hi <= 1", lo, hi))
	}
	if lo == hi {
		return Dist{lo: lo, hi: hi, rate: true}
	}
	clamp := func(x float64) float64 { return min(max(x, rateEps), 1-rateEps) }
	a, b := logit(clamp(lo)), logit(clamp(hi))
	return Dist{lo: lo, hi: hi, mu: (a + b) / 2, sigma: (b - a) / (2 * z95), rate: true}
}

// Amount fits a lognormal to the 90% interval [lo, hi] of an amount (a
// CPA, a deal size): log(lo) = mu - z·sigma and log(hi) = mu + z·sigma. It
// suits amounts because it stays positive and its errors are multiplicative.
//
// It requires 0 < lo <= hi < +Inf and panics otherwise; a point may be 0.
func Amount(lo, hi float64) Dist {
	if lo == hi && lo >= 0 && lo < math.Inf(1) {
		return Dist{lo: lo, hi: hi}
	}
	if !(0 < lo && lo <= hi && hi < math.Inf(1)) {
		panic(fmt.Sprintf("uncertain.Amount(%v, %v): want 0 < lo <= hi < +Inf", lo, hi))
	}
	a, b := ln(lo), ln(hi)
	return Dist{lo: lo, hi: hi, mu: (a + b) / 2, sigma: (b - a) / (2 * z95)}
}

// Sample draws one value of d from r. A point returns its value and draws
// nothing; otherwise it uses a standard normal (about 2.5 Uint64s on
// average).
func (d Dist) Sample(r *rand.Rand) float64 {
	if d.lo == d.hi {
		return d.lo
	}
	return d.transform(float64(d.sigma*normal(r)) + d.mu)
}

// Median is d's 50th percentile: the transform of mu, which is the
// logistic or geometric mean of the bounds (for a point, the point).
func (d Dist) Median() float64 {
	if d.lo == d.hi {
		return d.lo
	}
	return d.transform(d.mu)
}

func (d Dist) transform(x float64) float64 {
	if d.rate {
		return logistic(x)
	}
	return exp(x)
}

// normalWins is the number of wins above which Trials draws the failures
// from a normal approximation instead of summing geometric draws, which
// cost one log per win: 10,000 worlds of 10,000 wins take about two
// seconds on one server core, of 1,000 wins a fifth of one. The approximation is corrected for
// skewness (the first Cornish–Fisher term); against the exact negative
// binomial its quantiles from 1% to 99.9% are within 1e-5 of the count or
// one lead, and even the plain normal's error, (2-p)·|z²-1|/(6·wins) of
// the count, is at most 0.15% at 99%, far below the spread that uncertain
// rates give.
const normalWins = 1_000

// maxTrials is where a count stops being an exact integer in a float64,
// or (on 32-bit machines) fitting in an int.
const maxTrials = min(1<<53, math.MaxInt)

// Trials draws the number of leads needed for wins successes when each
// lead succeeds with probability p, independently: wins plus a
// negative-binomial number of failures. Up to 1,000 wins the failures are
// a sum of geometric draws, floor(log(U)/log1p(-p)) with U uniform in
// (0, 1], which is exact; above, they are a normal draw z, skewed to
// z + γ(z²-1)/6 and scaled to the negative binomial's mean wins·(1-p)/p,
// variance wins·(1-p)/p² and skewness γ = (2-p)/sqrt(wins·(1-p)), rounded
// to the nearest integer and not below 0 (see normalWins for its error).
//
// wins <= 0 gives 0, and p >= 1 gives wins without drawing. p <= 0 (or NaN)
// gives math.MaxInt without drawing: the target is never reached. So does
// a count of 2⁵³ or more (or beyond math.MaxInt on 32-bit machines), which
// only a vanishing p produces.
func Trials(r *rand.Rand, wins int, p float64) int {
	switch {
	case wins <= 0:
		return 0
	case !(p > 0):
		return math.MaxInt
	case p >= 1:
		return wins
	}
	w := float64(wins)
	var failures float64
	if wins > normalWins {
		q := 1 - p
		mean := w * q / p
		sd := math.Sqrt(w*q) / p
		skew := (2 - p) / math.Sqrt(w*q)
		z := normal(r)
		z = float64(skew*(float64(z*z)-1)/6) + z
		failures = max(0, math.Floor(float64(sd*z)+mean+0.5))
	} else {
		l := ln1p(-p)
		for range wins {
			// Sums of floats that are whole numbers below 2⁵³ are exact.
			failures += math.Floor(ln(uniformOpen(r)) / l)
		}
	}
	n := w + failures
	if !(n < maxTrials) {
		return math.MaxInt
	}
	return int(n)
}

// Quantile is the nearest-rank c-quantile of xs: the smallest x in xs such
// that at least a fraction c of xs is <= x, that is the ceil(c·n)-th
// smallest. A rank within rounding of a whole number counts as that number,
// so the 0.8-quantile of 10 values is the 8th. It sorts a copy (NaNs sort
// first) and returns NaN for an empty xs. It panics unless 0 < c < 1.
func Quantile(xs []float64, c float64) float64 {
	if !(0 < c && c < 1) {
		panic(fmt.Sprintf("uncertain.Quantile: c = %v, want 0 < c < 1", c))
	}
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	// c is a decimal held in binary, a hair off, so c·n can land a hair
	// above a whole number (0.07·100 = 7.000000000000001) and would pick
	// the next value; shaving 1e-12 off the rank undoes that.
	rank := float64(c*float64(len(s))) * (1 - 1e-12)
	k := min(max(int(math.Ceil(rank)), 1), len(s))
	return s[k-1]
}

// unit returns a uniform float in [0, 1): a 53-bit integer times 2⁻⁵³, exact.
func unit(r *rand.Rand) float64 {
	return float64(float64(r.Uint64()>>11) * 0x1p-53)
}

// uniformOpen returns a uniform float in (0, 1], so that its log is finite.
func uniformOpen(r *rand.Rand) float64 {
	return float64(float64(r.Uint64()>>11+1) * 0x1p-53)
}

// normal draws a standard normal by Marsaglia's polar method: a point
// uniform in the unit disc, scaled. It needs only ln and the correctly
// rounded math.Sqrt; u and v are exact, so is each accept test. The second
// normal of the pair is dropped: keeping it would need state beside r.
func normal(r *rand.Rand) float64 {
	for {
		u := float64(2*unit(r)) - 1
		v := float64(2*unit(r)) - 1
		s := float64(u*u) + float64(v*v)
		if 0 < s && s < 1 {
			return float64(u * math.Sqrt(-2*ln(s)/s))
		}
	}
}

func logit(p float64) float64 { return ln(p / (1 - p)) }

func logistic(x float64) float64 { return 1 / (1 + float64(exp(-x))) }

// ln1p is log(1+x), accurate for small x: the rounding of 1+x is undone by
// scaling with x/((1+x)-1) (Goldberg, "What every computer scientist
// should know about floating-point arithmetic", theorem 4).
func ln1p(x float64) float64 {
	u := 1 + x
	if u == 1 {
		return x
	}
	return ln(u) * x / (u - 1)
}

// exp is e**x, ported from Go's portable math.exp (FreeBSD's e_exp.c)
// with every product rounded before it is added (see the package doc).
// Its error is under 1 ulp.
func exp(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		log2e = 1.44269504088896338700e+00

		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)

		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	switch {
	case x != x:
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	// x = k·ln2 + r with |r| <= ln2/2, r computed as hi - lo.
	var k int
	switch {
	case x < 0:
		k = int(float64(log2e*x) - 0.5)
	case x > 0:
		k = int(float64(log2e*x) + 0.5)
	}
	hi := x - float64(float64(k)*ln2Hi)
	lo := float64(float64(k) * ln2Lo)
	r := hi - lo
	t := r * r
	q := float64(t*p5) + p4
	q = float64(t*q) + p3
	q = float64(t*q) + p2
	q = float64(t*q) + p1
	c := r - float64(t*q)
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	// The conversion keeps a caller that inlines exp from fusing Ldexp's
	// final multiply with an add.
	return float64(math.Ldexp(y, k))
}

// ln is the natural log, ported from Go's portable math.log (FreeBSD's
// e_log.c) with every product rounded before it is added. Its error is
// under 1 ulp.
func ln(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		l1    = 6.666666666666735130e-01
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	// x = 2**k · (1+f) with sqrt(2)/2 <= 1+f < sqrt(2).
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 = float64(f1 * 2)
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := float64(s4*l7) + l5
	t1 = float64(s4*t1) + l3
	t1 = float64(s4*t1) + l1
	t2 := float64(s4*l6) + l4
	t2 = float64(s4*t2) + l2
	rr := float64(s2*t1) + float64(s4*t2)
	hfsq := float64(0.5 * f * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+rr)) + float64(k*ln2Lo))) - f)
}

// Binomial draws the successes among n independent trials that each
// succeed with probability p: a Bernoulli draw each up to normalWins
// trials, above a normal draw with the binomial's mean n·p and variance
// n·p·(1-p), rounded and kept within 0..n. n <= 0 or p <= 0 gives 0 and
// p >= 1 gives n, without drawing.
func Binomial(r *rand.Rand, n int, p float64) int {
	switch {
	case n <= 0 || !(p > 0):
		return 0
	case p >= 1:
		return n
	}
	if n > normalWins {
		mean := float64(n) * p
		sd := math.Sqrt(float64(mean * (1 - p)))
		k := math.Floor(float64(sd*normal(r)) + mean + 0.5)
		return int(min(max(k, 0), float64(n)))
	}
	k := 0
	for range n {
		if unit(r) < p {
			k++
		}
	}
	return k
}
