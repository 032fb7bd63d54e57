// Package uncertain is the math behind planc's Monte Carlo uncertainty: the
// distributions that ranged values are drawn from, the number of leads a
// world needs, and the quantile that a report shows.
//
// A plan may write a rate as a 90% interval ("20% to 30%") and an amount, a
// CPA or a deal size, as one ("3万円 to 5万円"). [Rate] fits a logit-normal
// and [Amount] a lognormal so that the interval is the 5th to 95th
// percentile. One simulated world draws every ranged value once; given its
// rates, each lead entering a stage independently becomes a won deal with
// probability p, the product of the rates below the stage, so the leads
// needed for W wins are W plus a negative-binomial number of failures
// ([Trials]): the binomial noise of converting whole leads is part of the
// answer, not only the noise of the rates. The volume a stage needs at
// confidence c is the c-quantile of that count over the worlds
// ([Quantile]).
//
// # Determinism
//
// For a given seed the output is the same on every run and every machine,
// bit for bit, so that a report can be diffed and a golden test pinned.
// Three things make that so:
//
//   - The generator is [NewRand]: math/rand/v2's PCG, which is pure integer
//     arithmetic. Only its Uint64 method is used; the package turns bits
//     into floats itself (exactly: 53-bit integers times 2⁻⁵³), so nothing
//     depends on how a Go release implements Float64 or NormFloat64.
//   - Normals are drawn by Marsaglia's polar method, and exp and log are the
//     package's own (ports of the fdlibm algorithms that Go's portable
//     math.Exp and math.Log use). math.Exp and math.Log are not used on the
//     sampling path: they have assembly versions (Exp on amd64, arm64,
//     loong64 and s390x, Log on amd64 and s390x) that need not agree with
//     the portable Go code in the last bit; on amd64, math.Exp differs from
//     it for about one argument in six. rand.NormFloat64 calls them in its
//     ziggurat's rejection tests, where one bit can change whether a draw
//     is accepted and so shift the whole stream. math.Sqrt, math.Floor,
//     math.Frexp and math.Ldexp are exact (or correctly rounded) everywhere
//     and are used freely.
//   - No multiply is fused with an add. The Go spec lets a compiler compute
//     x*y + z with one rounding (a fused multiply-add: arm64, ppc64,
//     s390x, riscv64, and amd64 built with GOAMD64=v3), even across
//     statements, which changes the last bit. An explicit conversion rounds
//     and forbids that fusion, so every product that is added to or
//     subtracted from something is written float64(x*y), and so is a
//     function's result when it is a product. It is the product that must
//     be converted: float64(x*y + z) may still fuse. To check, build with
//     GOARCH=arm64 go build -gcflags=-S and look for FMADDD, FMSUBD,
//     FNMADDD or FNMSUBD: there should be none.
package uncertain
