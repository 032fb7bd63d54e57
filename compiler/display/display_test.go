package display_test

import (
	"math/big"
	"testing"

	"github.com/planc-dev/planc/compiler/display"
)

func TestNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"480000000", "480000000"},
		{"3/10", "0.3"},
		{"16000/7", "2285.714285714286"},
		{"-1/3", "-0.333333333333"},
		{"0", "0"},
	}
	for _, tt := range tests {
		r, _ := new(big.Rat).SetString(tt.in)
		if got := display.Number(r).String(); got != tt.want {
			t.Errorf("Number(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	in := "a\x00b\x7f\xffc\t日本"
	got := display.Printable(in)
	if got != "a?b??c\t日本" || len(got) != len(in) {
		t.Errorf("Printable(%q) = %q", in, got)
	}
}
