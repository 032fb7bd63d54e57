package stdlib

import "embed"

//go:embed benchmarks/*.hcl
var benchmarkFiles embed.FS
