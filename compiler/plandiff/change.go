package plandiff

import (
	"math/big"
	"strings"

	"github.com/planc-dev/planc/lang/quantity"
)

var hundred = big.NewRat(100, 1)

// DeltaText shows the change in the value's unit, with its sign: "+234",
// "-¥12,340,000", "+3 months". A change of a rate or share is in
// percentage points ("+1.0 pt", "-6.5 pt"), since "+1%" would read as a
// relative change. It is "" when there is no change to compute.
func (c Change) DeltaText() string {
	if c.Delta == nil {
		return ""
	}
	mag := new(big.Rat).Abs(c.Delta)
	u := c.New.Unit
	if u.IsRatio() && !u.Plain {
		pts := quantity.Decimal(new(big.Rat).Mul(mag, hundred), 2, true)
		if !strings.Contains(pts, ".") {
			pts += ".0"
		}
		return sign(c.Delta) + pts + " pt"
	}
	return sign(c.Delta) + quantity.Format(mag, u)
}

// RelativeText shows the change relative to the old value, to one decimal
// rounded half away from zero ("+10.2%"), or "n/a" when the old value is
// zero. It is "" when there is no change to compute.
func (c Change) RelativeText() string {
	switch {
	case c.Delta == nil:
		return ""
	case c.Relative == nil:
		return "n/a"
	}
	pct := new(big.Rat).Mul(new(big.Rat).Abs(c.Relative), hundred)
	return sign(c.Relative) + quantity.Decimal(pct, 1, false) + "%"
}

func sign(r *big.Rat) string {
	switch r.Sign() {
	case 1:
		return "+"
	case -1:
		return "-"
	}
	return ""
}
