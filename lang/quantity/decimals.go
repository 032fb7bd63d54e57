package quantity

// Decimals is how many decimals Format shows of a value in unit u, in the
// number it prints: a currency's minor digits (none for yen), two for
// counts, plain numbers and percentages (of the percentage), one for
// durations. Tables that round parts so that they add up to their total
// (compiler/display.Parts) round to it.
func Decimals(u Unit) int {
	switch {
	case u.IsRatio():
		return 2
	case u.IsMoney(), u.Money == 1 && u.Time == -1 && u.Count == 0:
		if d, ok := minorDigits[u.Currency]; ok {
			return d
		}
		return 2
	case u.IsTime():
		return 1
	}
	return 2
}
