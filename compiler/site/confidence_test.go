package site

import (
	"strings"
	"testing"
)

// A funnel whose won rate is a range shows what reaches the target with
// 80% probability (the default): 30 deals need 480 leads at the
// midpoint, 25% x 25%; the Monte Carlo's P80 is about 576 (checked
// against a quadrature in compiler/uncertainty_test.go). A plan without
// ranges and without a confidence has no such section.
func TestFunnelConfidence(t *testing.T) {
	ranged := `plan { title = "Ranged" }
kgi "revenue" {
  target  = "3000万円"
  formula = funnel.f.revenue
}
funnel "f" {
  deal_size = "100万円"
  stage "lead" {}
  stage "opp" {
    rate = "25%"
  }
  stage "won" {
    rate = "20% to 30%"
  }
}
channel "ads" {
  funnel = funnel.f
  cpa    = "1万円"
}
`
	files, err := Generate(compileSrc(ranged), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pageHas(t, files, "funnel.f.html", `<h2 id="confidence">How sure</h2>`, "At 80%",
		"Ranges: won rate 20% to 30%.", `<td class="num">480</td>`, "seed 1")
	plain := strings.Replace(ranged, `"20% to 30%"`, `"25%"`, 1)
	files, err = Generate(compileSrc(plain), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(files["funnel.f.html"]), `id="confidence"`) {
		t.Error("a plan without ranges or a confidence has a confidence band")
	}
}
