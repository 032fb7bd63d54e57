package compiler

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/planc-dev/planc/compiler/uncertain"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
)

// Uncertainty: how many leads reach the target with a given probability,
// when rates and amounts are written as ranges ("20% to 30%", a 90%
// interval) and leads convert one by one. A seeded Monte Carlo draws
// worlds: each ranged rate from a logit-normal and each ranged amount
// from a lognormal fitted to its interval (package uncertain), single
// values as written. In a world, a lead entering stage s becomes a won
// deal with p(s), the product of the rates below s, independently of the
// others, so the entries s needs for W won deals are W plus a negative-
// binomial count of failures. The value at confidence c is the c-quantile
// over the worlds, and its ratio to the plan's value the safety factor.
//
// What it simplifies, and says so in the language reference: below the
// first stage, leads convert at the stage's blended rate (channels' own
// rates enter through it); channels that enter below the first stage
// bring the plan's leads, which convert with their own noise; the won
// deals W are the plan's, or the funnel's revenue over a drawn deal size
// when the deal size is a range.

// ReadConfidence reads a confidence ("80%"): a probability strictly
// between 0% and 100%. The error says how to write one.
func ReadConfidence(s string) (*big.Rat, error) {
	q, err := quantity.Parse(s)
	switch {
	case err != nil:
		return nil, fmt.Errorf("confidence %q: %s; write a percentage such as \"80%%\"", s, err.Msg)
	case !q.Unit.IsRatio():
		return nil, fmt.Errorf("confidence %q is not a percentage; write one such as \"80%%\"", s)
	case q.Value.Sign() <= 0 || q.Value.Cmp(big.NewRat(1, 1)) >= 0:
		return nil, fmt.Errorf("confidence %q must be above 0%% and below 100%%, such as \"80%%\"", s)
	}
	return q.Value, nil
}

// Confidence is the plan's confidence (plan { confidence = "80%" }); nil
// when it gives none or one that does not read (checkConfidence reports
// it).
func (r *Result) Confidence() *big.Rat {
	if r.Plan.Meta == nil || r.Plan.Meta.Confidence.Value == "" {
		return nil
	}
	c, err := ReadConfidence(r.Plan.Meta.Confidence.Value)
	if err != nil {
		return nil
	}
	return c
}

// checkConfidence reports a plan's confidence that does not read.
func checkConfidence(plan *lang.Plan, s *sink) {
	if plan.Meta == nil || plan.Meta.Confidence.Value == "" {
		return
	}
	if _, err := ReadConfidence(plan.Meta.Confidence.Value); err != nil {
		s.fail(lang.BadQuantity, plan.Meta.Confidence.Range, "Bad confidence", err.Error()+".")
	}
}

// UncertaintyOptions choose the Monte Carlo.
type UncertaintyOptions struct {
	// Confidence is the probability of reaching the target, in (0, 1).
	Confidence *big.Rat
	Seed       uint64
	// Worlds is the number of draws.
	Worlds int
}

// DefaultWorlds is the number of worlds drawn unless asked otherwise: the
// 80% quantile of 10,000 draws moves by well under 1% from seed to seed.
const DefaultWorlds = 10000

// Band is a value of the plan and what reaches the target with the
// confidence asked for.
type Band struct {
	Var *Var
	// Plan is the plan's value; At the value at the confidence.
	Plan, At *big.Rat
}

// Factor is the safety factor: At / Plan; nil when the plan's is zero.
func (b Band) Factor() *big.Rat {
	if b.Plan == nil || b.At == nil || b.Plan.Sign() == 0 {
		return nil
	}
	return new(big.Rat).Quo(b.At, b.Plan)
}

// FunnelBands are one funnel's values at the confidence: each stage's
// volume, each channel's leads and the cost of its channels.
type FunnelBands struct {
	Funnel   *Object
	Stages   []Band
	Channels []Band
	// Cost is the funnel's channels' cost; its Var is nil.
	Cost Band
}

// Uncertain runs the Monte Carlo over every funnel of r's plan whose
// volumes are solved.
func Uncertain(r *Result, o UncertaintyOptions) []FunnelBands {
	c, _ := o.Confidence.Float64()
	var out []FunnelBands
	for _, f := range r.Info.Kind("funnel") {
		m := newFunnelModel(r, f)
		if m == nil {
			continue
		}
		out = append(out, m.simulate(uncertain.NewRand(o.Seed), o.Worlds, c))
	}
	return out
}

// funnelModel is what a funnel's worlds are drawn from.
type funnelModel struct {
	r      *Result
	f      *Object
	stages []*Object
	// rates[i] is the rate into stage i (rates[0] unused).
	rates []uncertain.Dist
	// won is the plan's won deals; revenue and deal, when the deal size is
	// a range, give each world its own.
	won     int
	revenue float64
	deal    *uncertain.Dist
	// top are the channels entering the first stage, with their shares of
	// its volume; later those entering below it, with their leads.
	top   []channelModel
	later []channelModel
}

// channelModel is a channel in the Monte Carlo.
type channelModel struct {
	obj *Object
	// entry is the index of its entry stage; share its share of the
	// first stage's volume (top channels); leads its leads (later ones).
	entry        int
	share, leads float64
	cpa          uncertain.Dist
}

// newFunnelModel reads funnel f from the solved plan; nil when a value it
// needs is unsolved.
func newFunnelModel(r *Result, f *Object) *funnelModel {
	m := &funnelModel{r: r, f: f, stages: f.Kids}
	if len(m.stages) < 2 {
		return nil
	}
	won, ok := num(r, m.stages[len(m.stages)-1].Value("volume"))
	top, tok := num(r, m.stages[0].Value("volume"))
	if !ok || !tok || top <= 0 {
		return nil
	}
	m.won = int(math.Ceil(won))
	m.rates = make([]uncertain.Dist, len(m.stages))
	for i, s := range m.stages[1:] {
		d, ok := m.dist(stageRate(r, s), uncertain.Rate)
		if !ok {
			return nil
		}
		m.rates[i+1] = d
	}
	if dv := f.Value("deal_size"); r.Info.Spreads[dv] != nil {
		d, _ := m.dist(dv, uncertain.Amount)
		m.deal = &d
		m.revenue, _ = num(r, f.Value("revenue"))
	}
	return m.channels(top)
}

// stageRate is the rate a stage's entries convert at: its blended rate
// where channels convert at their own.
func stageRate(r *Result, s *Object) *Var {
	if b := s.Value("blended_rate"); b != nil {
		if _, ok := r.Value(b); ok {
			return b
		}
	}
	return s.Value("rate")
}

// channels adds the funnel's channels; nil when one is unsolved.
func (m *funnelModel) channels(top float64) *funnelModel {
	for _, c := range m.r.Info.Kind("channel") {
		if c.Ref("funnel") != m.f {
			continue
		}
		leads, ok := num(m.r, c.Value("leads"))
		cpa, cok := m.dist(c.Value("cpa"), uncertain.Amount)
		if !ok || !cok {
			return nil
		}
		cm := channelModel{obj: c, leads: leads, cpa: cpa}
		if s := c.Ref("stage"); s != nil {
			cm.entry = max(stageIndex(m.f, s.Name()), 0)
		}
		if cm.entry == 0 {
			cm.share = leads / top
			m.top = append(m.top, cm)
		} else {
			m.later = append(m.later, cm)
		}
	}
	return m
}

// dist is the distribution of v: fitted to its range where it has one,
// else the point of its value. ok is false when v is unsolved.
func (m *funnelModel) dist(v *Var, fit func(lo, hi float64) uncertain.Dist) (uncertain.Dist, bool) {
	if sp := m.r.Info.Spreads[v]; sp != nil {
		lo, _ := sp.Lo.Float64()
		hi, _ := sp.Hi.Float64()
		if lo > 0 {
			return fit(lo, hi), true
		}
	}
	x, ok := num(m.r, v)
	if !ok || x < 0 || (x > 1 && v.Kind == KindRate) {
		return uncertain.Dist{}, false
	}
	return fit(x, x), true
}

// num is v's solved value as a float.
func num(r *Result, v *Var) (float64, bool) {
	if v == nil {
		return 0, false
	}
	x, ok := r.Value(v)
	if !ok {
		return 0, false
	}
	f, _ := x.Nom.Float64()
	return f, true
}

// world is one draw: each stage's entries needed, and the cost.
type world struct {
	need []float64
	cost float64
}

// simulate draws worlds and takes the c-quantile of each value.
func (m *funnelModel) simulate(rng *rand.Rand, worlds int, c float64) FunnelBands {
	needs := make([][]float64, len(m.stages))
	costs := make([]float64, worlds)
	for i := range worlds {
		w := m.draw(rng)
		for s := range needs {
			needs[s] = append(needs[s], w.need[s])
		}
		costs[i] = w.cost
	}
	out := FunnelBands{Funnel: m.f}
	for s, st := range m.stages {
		v := st.Value("volume")
		out.Stages = append(out.Stages, Band{Var: v, Plan: ratOf(m.r, v), At: whole(uncertain.Quantile(needs[s], c))})
	}
	topAt := out.Stages[0].At
	for _, ch := range m.top {
		v := ch.obj.Value("leads")
		b := Band{Var: v, Plan: ratOf(m.r, v)}
		if topAt != nil {
			b.At = whole(floatOf(new(big.Rat).Mul(topAt, new(big.Rat).SetFloat64(ch.share))))
		}
		out.Channels = append(out.Channels, b)
	}
	for _, ch := range m.later {
		v := ch.obj.Value("leads")
		out.Channels = append(out.Channels, Band{Var: v, Plan: ratOf(m.r, v), At: ratOf(m.r, v)})
	}
	out.Cost = Band{Plan: funnelCost(m.r, m.f), At: whole(uncertain.Quantile(costs, c))}
	return out
}

// draw draws one world.
func (m *funnelModel) draw(rng *rand.Rand) world {
	n := len(m.stages)
	rate := make([]float64, n)
	for i := 1; i < n; i++ {
		rate[i] = m.rates[i].Sample(rng)
	}
	p := make([]float64, n) // p[s]: an entry into s is won
	p[n-1] = 1
	for s := n - 2; s >= 0; s-- {
		p[s] = float64(p[s+1] * rate[s+1])
	}
	won := m.won
	if m.deal != nil {
		won = int(math.Ceil(m.revenue / m.deal.Sample(rng)))
	}
	// laterWins[s]: the wins of the channels entering below s.
	laterWins := make([]int, n)
	for _, ch := range m.later {
		k := uncertain.Binomial(rng, int(math.Round(ch.leads)), p[ch.entry])
		for s := 0; s < ch.entry; s++ {
			laterWins[s] += k
		}
	}
	w := world{need: make([]float64, n)}
	for s := range n {
		w.need[s] = float64(uncertain.Trials(rng, max(won-laterWins[s], 0), p[s]))
	}
	for _, ch := range m.top {
		w.cost += float64(float64(ch.share*w.need[0]) * ch.cpa.Sample(rng))
	}
	for _, ch := range m.later {
		w.cost += float64(ch.leads * ch.cpa.Sample(rng))
	}
	return w
}

// whole is x rounded up to a whole number, exactly.
func whole(x float64) *big.Rat {
	if math.IsInf(x, 0) || math.IsNaN(x) || x >= math.MaxInt64/2 {
		return nil
	}
	return new(big.Rat).SetInt64(int64(math.Ceil(x)))
}

func floatOf(x *big.Rat) float64 {
	f, _ := x.Float64()
	return f
}

func ratOf(r *Result, v *Var) *big.Rat {
	x, ok := r.Value(v)
	if !ok {
		return nil
	}
	return x.Nom
}
