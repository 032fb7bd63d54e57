package lang

import "github.com/agext/levenshtein"

// Suggest returns the candidate closest to name when it is close enough to
// be a likely typo, or "". Every did-you-mean of planc goes through it, so
// that they agree on what counts as close.
func Suggest(name string, candidates []string) string {
	best, bestDist := "", 4
	for _, c := range candidates {
		d := levenshtein.Distance(name, c, nil)
		if d < bestDist && d <= (len(name)+2)/3+1 {
			best, bestDist = c, d
		}
	}
	return best
}
