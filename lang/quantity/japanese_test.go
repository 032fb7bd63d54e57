package quantity

import (
	"math/big"
	"testing"
)

func TestFormatJapanese(t *testing.T) {
	ja := Style{Japanese: true}
	yen := Money("JPY")
	perMonth := Unit{Count: 1, Time: -1, Label: "件"}
	for _, tt := range []struct {
		v    *big.Rat
		u    Unit
		s    Style
		want string
	}{
		{big.NewRat(300000000, 1), yen, ja, "3億円"},
		{big.NewRat(480000000, 1), yen, ja, "4.8億円"},
		{big.NewRat(158877000, 1), yen, ja, "1.59億円"}, // 1.58877 rounds half away to 1.59
		{big.NewRat(18000000, 1), yen, ja, "1,800万円"},
		{big.NewRat(12345678, 1), yen, ja, "1,235万円"}, // 1,234.5678万: four digits
		{big.NewRat(125000, 1), yen, ja, "12.5万円"},
		{big.NewRat(15000, 1), yen, ja, "1.5万円"},
		{big.NewRat(22400, 1), yen, ja, "2.24万円"}, // 22,400/10,000 = 2.24: three figures
		{big.NewRat(99996, 1), yen, ja, "10万円"},   // 9.9996 rounds to 10.00, trailing zeros dropped
		{big.NewRat(1800000, 1), yen, ja, "180万円"},
		{big.NewRat(8000, 1), yen, ja, "8,000円"},
		{big.NewRat(-38100000, 1), yen, ja, "-3,810万円"},
		{big.NewRat(1200000000000, 1), yen, ja, "1.2兆円"},
		{big.NewRat(300000000, 1), yen, Style{Japanese: true, Plain: true}, "300,000,000円"},
		{big.NewRat(300000000, 1), yen, Style{}, "¥300,000,000"},
		{big.NewRat(3, 10), Ratio, ja, "30%"},
		{big.NewRat(20, 1), perMonth, ja, "月20件"},
		{big.NewRat(3, 1), Time, ja, "3か月"},
		{big.NewRat(80000, 1), Unit{Currency: "JPY", Money: 1, Time: -1}, ja, "8万円/月"},
		{big.NewRat(5, 1), Money("USD"), ja, "$5.00"},
	} {
		if got := FormatStyle(tt.v, tt.u, tt.s); got != tt.want {
			t.Errorf("FormatStyle(%s, %s, %+v) = %q, want %q", tt.v.RatString(), tt.u, tt.s, got, tt.want)
		}
	}
}
