package quantity

import (
	"math/big"
	"strings"
)

// Style says how Format writes numbers for people.
type Style struct {
	// Japanese writes units as a Japanese plan does: money in 万 and 億
	// ("4.8億円", "1,800万円"), time in 日, か月 and 年 ("3か月"), a count
	// per month as "月20件".
	Japanese bool
	// Plain keeps money in full digits ("300,000,000円"): the plan's
	// number_style = "plain".
	Plain bool
}

// FormatStyle renders v in unit u in style s: Format's English forms
// unless s is Japanese. Money in 万/億 is rounded for reading (to three
// significant figures from 1万, or 0.01億); details that must be exact to
// the yen use Plain.
func FormatStyle(v *big.Rat, u Unit, s Style) string {
	if !s.Japanese {
		return Format(v, u)
	}
	switch {
	case u.IsMoney() && u.Currency == "JPY":
		return yen(v, s.Plain)
	case u.Money == 1 && u.Time == -1 && u.Count == 0 && u.Currency == "JPY":
		return yen(perTime(v, u), s.Plain) + "/" + jaTime(u.TimeName, true)
	case u.IsTime():
		return Decimal(inTimeUnit(v, u.TimeName), 1, true) + jaTime(u.TimeName, false)
	case u.Count == 1 && u.Time == -1 && u.Money == 0:
		return jaTime(u.TimeName, true) + Decimal(perTime(v, u), 2, true) + u.Label
	}
	return Format(v, u)
}

var (
	man = big.NewRat(10000, 1)
	oku = big.NewRat(100000000, 1)
	cho = new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(12), nil))
)

// yen writes an amount of yen: in 兆, 億 or 万 with a few digits for
// reading ("4.8億円", "1.59億円", "1,800万円", "12.5万円", "2.24万円"), in full below
// 1万 or when plain ("8,000円").
func yen(v *big.Rat, plain bool) string {
	abs := new(big.Rat).Abs(v)
	sign := ""
	if v.Sign() < 0 {
		sign = "-"
	}
	switch {
	case plain || abs.Cmp(man) < 0:
		return sign + Decimal(abs, 0, false) + "円"
	case abs.Cmp(cho) >= 0:
		return sign + Decimal(new(big.Rat).Quo(abs, cho), 2, true) + "兆円"
	case abs.Cmp(oku) >= 0:
		return sign + Decimal(new(big.Rat).Quo(abs, oku), 2, true) + "億円"
	}
	n := new(big.Rat).Quo(abs, man)
	decimals := 1 // 12.5万円, 412.5万円
	switch {
	case n.Cmp(big.NewRat(10, 1)) < 0:
		decimals = 2 // 2.24万円 for a CPA of 22,400円: three figures, not 2.2
	case n.Cmp(big.NewRat(1000, 1)) >= 0:
		decimals = 0 // 1,235万円: four digits are enough
	}
	return sign + Decimal(n, decimals, true) + "万円"
}

// jaTime is a time unit in Japanese: "月", "日", "年", "週", "四半期"; per
// is for "per" forms ("/月", "月20件"), where a month is 月 rather than
// か月.
func jaTime(name string, per bool) string {
	switch strings.TrimSuffix(name, "s") {
	case "day":
		return "日"
	case "week":
		return "週"
	case "year":
		return "年"
	case "quarter":
		return "四半期"
	}
	if per {
		return "月"
	}
	return "か月"
}
