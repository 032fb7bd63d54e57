package stdlib

import (
	"math/big"
	"testing"

	"github.com/planc-dev/planc/lang/quantity"
)

func TestMath(t *testing.T) {
	r := func(s string) *big.Rat { v, _ := new(big.Rat).SetString(s); return v }
	tests := []struct {
		fn   string
		args []string
		want string
	}{
		{"min", []string{"3", "1/2", "7"}, "1/2"},
		{"max", []string{"3", "1/2", "7"}, "7"},
		{"sum", []string{"3/10", "7/10", "1"}, "2"},
		{"ceil", []string{"16000/7"}, "2286"},
		{"ceil", []string{"1000"}, "1000"},
		{"ceil", []string{"-5/2"}, "-2"},
		{"floor", []string{"16000/7"}, "2285"},
		{"floor", []string{"-5/2"}, "-3"},
		{"round", []string{"5/2"}, "3"},
		{"round", []string{"-5/2"}, "-3"},
		{"round", []string{"24/10"}, "2"},
	}
	for _, tt := range tests {
		var args []*big.Rat
		for _, a := range tt.args {
			args = append(args, r(a))
		}
		if got := Lookup(tt.fn).Eval(args); got.Cmp(r(tt.want)) != 0 {
			t.Errorf("%s%v = %s, want %s", tt.fn, tt.args, got.RatString(), tt.want)
		}
	}
}

func TestArgumentUnits(t *testing.T) {
	jpy, deals := quantity.Money("JPY"), quantity.CountOf("deals")
	if _, err := Lookup("max").Result([]quantity.Unit{jpy, deals}); err == nil || err.Arg != 1 {
		t.Errorf("max(JPY, deals) = %v, want an error at argument 2", err)
	}
	if u, err := Lookup("sum").Result([]quantity.Unit{jpy, jpy}); err != nil || !u.Same(jpy) {
		t.Errorf("sum(JPY, JPY) = %v, %v", u, err)
	}
	if err := Lookup("ceil").CheckArity(2); err == nil {
		t.Error("ceil takes one argument")
	}
	if err := Lookup("min").CheckArity(0); err == nil {
		t.Error("min takes at least one argument")
	}
}
