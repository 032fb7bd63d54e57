// Package quantity is planc's small language inside string literals:
// quantities such as "4.8億円", "¥2.4M", "2,400,000 JPY", "30%", "90 days"
// and "200 deals", and unit expressions such as "JPY/month" or "leads".
//
// It sits below package lang, which finds the string literals in a plan and
// maps the byte offsets reported here back to source ranges. The grammar is
// written with participle; values are exact rationals (math/big.Rat) in
// canonical units (money in the currency's major unit, time in months,
// ratios as fractions), and Format turns them back into text for people.
package quantity
