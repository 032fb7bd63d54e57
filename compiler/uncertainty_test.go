package compiler_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/planc-dev/planc/compiler"
)

// rangedPlan converts leads to opportunities at 25% and opportunities to
// won deals at a rate written as the 90% interval "20% to 30%", for 30
// deals of ¥1,000,000. The plan takes the rate at its midpoint, 25%:
// 30 / (1/4) = 120 opportunities, 120 / (1/4) = 480 leads.
const rangedPlan = `
plan { title = "Ranged" }
kgi "revenue" {
  target  = "3000万円"
  formula = funnel.f.revenue
}
funnel "f" {
  deal_size = "100万円"
  stage "lead" {}
  stage "opp" {
    rate = "25%"
  }
  stage "won" {
    rate = "20% to 30%"
  }
}
channel "ads" {
  funnel = funnel.f
  cpa    = "1万円"
}
`

// TestUncertaintyP80 checks the leads that reach 30 deals with 80%
// probability against an independent computation: the exact distribution
// of the leads needed, integrated over the logit-normal rate by the
// trapezoid rule (uncertaintyReference below; no planc code). With p the
// chance that a lead is won, the leads needed are 30 plus a negative-
// binomial count of failures. 10,000 worlds put the Monte Carlo's P80
// within 2% of it.
func TestUncertaintyP80(t *testing.T) {
	r, diags := compileSrc(t, rangedPlan)
	if diags.HasErrors() {
		t.Fatal(diagsString(diags))
	}
	o := compiler.UncertaintyOptions{Confidence: big.NewRat(4, 5), Seed: 1, Worlds: compiler.DefaultWorlds}
	fbs := compiler.Uncertain(r, o)
	if len(fbs) != 1 {
		t.Fatalf("%d funnels", len(fbs))
	}
	lead := fbs[0].Stages[0]
	if lead.Plan.Cmp(big.NewRat(480, 1)) != 0 {
		t.Fatalf("plan's leads %s, want 480", lead.Plan.RatString())
	}
	ref := uncertaintyReference(0.2, 0.3, 0.25, 30, 0.8)
	got, _ := lead.At.Float64()
	t.Logf("P80 leads: Monte Carlo %v, reference %d", got, ref)
	if math.Abs(got-float64(ref)) > 0.02*float64(ref) {
		t.Errorf("P80 leads %v, reference %d: off by more than 2%%", got, ref)
	}
	// The won stage needs exactly its 30 deals; the channel brings every
	// lead, so its leads are the first stage's; the cost is ¥10,000 a lead.
	if won := fbs[0].Stages[2].At; won.Cmp(big.NewRat(30, 1)) != 0 {
		t.Errorf("won at P80 %s, want 30", won.RatString())
	}
	if ch := fbs[0].Channels[0].At; ch.Cmp(lead.At) != 0 {
		t.Errorf("channel leads at P80 %s, want the first stage's %s", ch.RatString(), lead.At.RatString())
	}
	if cost := fbs[0].Cost.At; cost.Cmp(new(big.Rat).Mul(lead.At, big.NewRat(10000, 1))) > 0 {
		t.Errorf("cost at P80 %s is above ¥10,000 x the P80 leads %s", cost.RatString(), lead.At.RatString())
	}
	// The same seed gives the same numbers.
	again := compiler.Uncertain(r, o)
	if again[0].Stages[0].At.Cmp(lead.At) != 0 || again[0].Cost.At.Cmp(fbs[0].Cost.At) != 0 {
		t.Error("the same seed gave other numbers")
	}
}

// uncertaintyReference is the smallest n with P(N <= n) >= c, where N is
// the leads needed for wins wins when each lead is won with probability
// scale·r and r is logit-normal with 90% interval [lo, hi]:
//
//	P(N <= n) = ∫ P(F <= n - wins | p(z)) φ(z) dz
//
// with F the failures before the wins-th success (its pmf summed exactly
// from its recurrence in log space), on z in [-8, 8] with 4001 points.
func uncertaintyReference(lo, hi, scale float64, wins int, c float64) int {
	const points, zmax, kmax = 4001, 8.0, 3000
	a, b := math.Log(lo/(1-lo)), math.Log(hi/(1-hi))
	mu, sigma := (a+b)/2, (b-a)/(2*1.6448536269514722)
	h := 2 * zmax / (points - 1)
	cdf := make([]float64, kmax+1)
	weights := 0.0
	for i := range points {
		z := -zmax + float64(i)*h
		w := h * math.Exp(-z*z/2) / math.Sqrt(2*math.Pi)
		if i == 0 || i == points-1 {
			w /= 2
		}
		weights += w
		p := scale / (1 + math.Exp(-(mu + sigma*z)))
		lpmf, sum := float64(wins)*math.Log(p), 0.0
		for k := 0; k <= kmax; k++ {
			if k > 0 {
				lpmf += math.Log(float64(k+wins-1)/float64(k)) + math.Log1p(-p)
			}
			sum += math.Exp(lpmf)
			cdf[k] += w * sum
		}
	}
	for k, f := range cdf {
		if f/weights >= c {
			return wins + k
		}
	}
	return -1
}
