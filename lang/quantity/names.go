package quantity

import (
	"math/big"
	"strings"
)

// unitName is what one word of a unit expression means: a dimension and
// the factor that converts it to the canonical unit of that dimension.
type unitName struct {
	unit  Unit
	scale *big.Rat
}

func rat(a, b int64) *big.Rat { return big.NewRat(a, b) }

// Time is canonically in months; a year is 365 days.
var timeNames = map[string]unitName{}

func init() {
	add := func(display string, scale *big.Rat, names ...string) {
		for _, n := range names {
			timeNames[n] = unitName{Unit{Time: 1, TimeName: display}, scale}
		}
	}
	add("days", rat(12, 365), "day", "days", "d", "日")
	add("weeks", rat(84, 365), "week", "weeks", "wk", "w", "週", "週間")
	add("months", rat(1, 1), "month", "months", "mo", "mos", "ヶ月", "か月", "カ月", "ヵ月", "月")
	add("quarters", rat(3, 1), "quarter", "quarters", "qtr", "四半期")
	add("years", rat(12, 1), "year", "years", "yr", "yrs", "y", "年")
}

// everyWords are the time words that may come before a number: "月40件"
// is 40 件 a month, "年額120万円" ¥1,200,000 a year. Each names a key of
// timeNames. The grammar lists the same words (everyTok).
var everyWords = map[string]string{
	"月": "月", "月間": "月", "月額": "月", "毎月": "月",
	"年": "年", "年間": "年", "年額": "年", "毎年": "年",
	"週": "週", "週間": "週", "毎週": "週", "毎日": "日",
}

// personMonth is the person-month (人月): the work of one person for a
// month, as in "40件/人月" (what one person handles in a month) or
// "80万円/人月" (the price of a month of one engineer). After a slash it
// reads as a month. planc's units have no person in them: a value per
// person is what one person handles, and a team's capacity is that by
// definition (the people a team needs are its load divided by its
// capacity), so "40件/人月" is the same value as "40件/月". Before a
// slash a person-month is work, not time, and it is refused: "3人月" is
// not three months.
const personMonth = "人月"

// currencySymbols maps a symbol written before a number to its ISO code.
var currencySymbols = map[string]string{"¥": "JPY", "￥": "JPY", "$": "USD", "€": "EUR", "£": "GBP"}

// currencyCodes are the ISO 4217 codes planc knows. A code not listed here
// reads as a count label, so the list covers the currencies B2B plans use.
var currencyCodes = strings.Fields(`AED ARS AUD BDT BRL CAD CHF CLP CNY COP CZK DKK EGP EUR
	GBP HKD HUF IDR ILS INR JPY KRW MXN MYR NGN NOK NZD PEN PHP PKR PLN
	RON RUB SAR SEK SGD THB TRY TWD UAH USD VND ZAR`)

// japaneseMoney are the Japanese words for scaled yen.
var japaneseMoney = map[string]*big.Rat{
	"円": rat(1, 1), "千円": rat(1e3, 1), "万円": rat(1e4, 1), "百万円": rat(1e6, 1),
	"千万円": rat(1e7, 1), "億円": rat(1e8, 1), "兆円": rat(1e12, 1),
}

// scales are the suffixes a number may carry.
var scales = map[string]*big.Rat{
	"k": rat(1e3, 1), "K": rat(1e3, 1), "M": rat(1e6, 1), "B": rat(1e9, 1), "bn": rat(1e9, 1),
	"千": rat(1e3, 1), "万": rat(1e4, 1), "億": rat(1e8, 1), "兆": rat(1e12, 1),
}

// CurrencyCode reports whether s is a currency code planc knows.
func CurrencyCode(s string) bool {
	for _, c := range currencyCodes {
		if c == s {
			return true
		}
	}
	return false
}

// lookupName resolves one word of a unit expression. Words that name no
// currency, time or ratio are count labels ("leads", "deals", "社").
func lookupName(name string) unitName {
	if name == "%" || name == "percent" {
		return unitName{Ratio, rat(1, 100)}
	}
	if code, ok := currencySymbols[name]; ok {
		return unitName{Money(code), rat(1, 1)}
	}
	if s, ok := japaneseMoney[name]; ok {
		return unitName{Money("JPY"), s}
	}
	if CurrencyCode(name) {
		return unitName{Money(name), rat(1, 1)}
	}
	if t, ok := timeNames[name]; ok {
		return t
	}
	if name == personMonth {
		return timeNames["月"]
	}
	return unitName{CountOf(name), rat(1, 1)}
}
