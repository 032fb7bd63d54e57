package uncertain

import (
	"math"
	"testing"
)

// nbCDF returns cdf[k] = P(F <= k) for k = 0..kmax, where F is the number
// of failures before the wins-th success with success probability p. The
// pmf is summed from its exact recurrence in log space,
// log pmf(k) = log pmf(k-1) + log((k+wins-1)/k) + log(1-p), from
// log pmf(0) = wins·log(p): no sampling, no package code.
func nbCDF(wins int, p float64, kmax int) []float64 {
	cdf := make([]float64, kmax+1)
	lq := math.Log1p(-p)
	lpmf := float64(wins) * math.Log(p)
	sum := 0.0
	for k := 0; k <= kmax; k++ {
		if k > 0 {
			lpmf += math.Log(float64(k+wins-1)/float64(k)) + lq
		}
		sum += math.Exp(lpmf)
		cdf[k] = sum
	}
	return cdf
}

// referenceCDF is the exact distribution of the leads needed for wins
// wins when the conversion is scale times a rate that is logit-normal with
// 90% interval [lo, hi]: cdf[k] = P(N <= wins + k), where
//
//	P(N <= n) = ∫ P(F <= n - wins | p(z)) φ(z) dz,  p(z) = scale·logistic(mu + sigma·z),
//
// integrated by the trapezoid rule on z in [-8, 8] with 4001 points (the
// integrand is smooth and the tails beyond ±8 weigh 1e-15). mu and sigma
// are fitted here again from lo and hi, with math's functions.
func referenceCDF(lo, hi, scale float64, wins, kmax int) []float64 {
	const (
		points = 4001
		zmax   = 8.0
	)
	a, b := math.Log(lo/(1-lo)), math.Log(hi/(1-hi))
	mu, sigma := (a+b)/2, (b-a)/(2*1.6448536269514722)
	h := 2 * zmax / (points - 1)
	total := make([]float64, kmax+1)
	weights := 0.0
	for i := range points {
		z := -zmax + float64(i)*h
		w := h * math.Exp(-z*z/2) / math.Sqrt(2*math.Pi)
		if i == 0 || i == points-1 {
			w /= 2
		}
		weights += w
		p := scale / (1 + math.Exp(-(mu + sigma*z)))
		for k, f := range nbCDF(wins, p, kmax) {
			total[k] += w * f
		}
	}
	for k := range total {
		total[k] /= weights
	}
	return total
}

// referenceQuantile is the smallest n with P(N <= n) >= c, or -1 if that is
// beyond the CDF.
func referenceQuantile(cdf []float64, wins int, c float64) int {
	for k, f := range cdf {
		if f >= c {
			return wins + k
		}
	}
	return -1
}

// The headline use, checked against an independent computation: a funnel
// whose won rate is 0.25 times a rate written "20% to 30%", a target of 30
// wins, and the leads needed with 80% confidence. The Monte Carlo (rates
// drawn, then Trials) must land within 1% of the quadrature.
func TestReferenceP80(t *testing.T) {
	const (
		lo, hi = 0.2, 0.3
		scale  = 0.25
		wins   = 30
		c      = 0.8
		worlds = 200_000
	)
	// nbCDF first, on the geometric (wins = 1): P(F <= k) = 1 - (1-p)^(k+1).
	for k, f := range nbCDF(1, 0.06, 200) {
		if want := 1 - math.Pow(0.94, float64(k+1)); !near(f, want, 1e-13) {
			t.Fatalf("nbCDF(1, 0.06)[%d] = %v, want %v", k, f, want)
		}
	}

	// 2000 failures is well past every quantile below (the P95 is about 650).
	cdf := referenceCDF(lo, hi, scale, wins, 2000)
	p80 := referenceQuantile(cdf, wins, c)
	// By hand: the median rate is 1/(1+√(28/3)) ≈ 0.2466, so the median p is
	// ≈ 0.06165 and wins/p ≈ 487 leads. The count spreads by about 18%
	// (1/√30) from converting whole leads and about 12% (sigma ≈ 0.164 on
	// the logit, times 1-r) from the rate, together about 22%; 80% is 0.84
	// of a spread above the middle, so P80 ≈ 487·e^(0.84·0.22) ≈ 585.
	if p80 < 487 || p80 > 650 {
		t.Errorf("reference P80 = %d, want about 585 (above wins/p = 487)", p80)
	}

	r := NewRand(1)
	rate := Rate(lo, hi)
	xs := make([]float64, worlds)
	for i := range xs {
		xs[i] = float64(Trials(r, wins, scale*rate.Sample(r)))
	}
	// The 80% quantile is the headline; the median and 95% check the rest
	// of the shape.
	for _, q := range []float64{c, 0.5, 0.95} {
		ref := referenceQuantile(cdf, wins, q)
		mc := Quantile(xs, q)
		if !near(mc, float64(ref), 0.01) {
			t.Errorf("Monte Carlo P%v = %v, reference %d: off by more than 1%%", 100*q, mc, ref)
		}
		t.Logf("P%v of leads: reference %d, Monte Carlo %v (%d worlds)", 100*q, ref, mc, worlds)
	}
}
