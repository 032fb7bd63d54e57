package examples_test

import (
	"math/big"
	"testing"

	"github.com/planc-dev/planc/compiler"
)

// TestSaaSDemandDefaultTornado pins the default sensitivity of
// examples/saas-demand: every rate the plan gives over its benchmark's
// spread (sql: sal-sql 50%..70%, won: sql-won 20%..30%) or ±5 points (mql
// 25%..35%, sal 65%..75%), every CPA ±20%, each a full solve with the
// plan's rounding; outputs the spend and the inquiries.
//
// By hand (200 deals of ¥2.4M; shares 35/25/20/20; CPAs 15,000, 40,000,
// 8,000, 20,000; leads split by largest remainder, ties to the first):
//
//	won 20%: SQL 200/(1/5) = 1,000, SAL 2,000, MQL 2,000/(7/10) = 2,857.14 -> 2,858,
//	  inquiries 2,858/(3/10) = 9,526.67 -> 9,527 = 3,335 + 2,382 + 1,905 + 1,905:
//	  50,025,000 + 95,280,000 + 15,240,000 + 38,100,000 = 198,645,000
//	won 30%: SQL 666.67 -> 667, SAL 1,334, MQL 1,905.71 -> 1,906, inquiries 6,354
//	  = 2,224 + 1,588 + 1,271 + 1,271: 132,468,000
//	mql 25%: inquiries 2,286/(1/4) = 9,144 = 3,200 + 2,286 + 1,829 + 1,829: 190,652,000
//	mql 35%: 2,286/(7/20) = 6,531.43 -> 6,532 = 2,286 + 1,633 + 1,307 + 1,306: 136,186,000
//	sql 50%: the plan: 7,620 inquiries, 158,877,000
//	sql 70%: SAL 800/(7/10) = 1,142.86 -> 1,143, MQL 1,632.86 -> 1,633, inquiries
//	  5,443.33 -> 5,444 = 1,905 + 1,361 + 1,089 + 1,089: 113,507,000
//	exhibition ¥32,000..¥48,000: 158,877,000 -/+ 1,905 x 8,000 = 143,637,000 .. 174,117,000
//	sal 65%: MQL 1,600/(13/20) = 2,461.54 -> 2,462, inquiries 8,206.67 -> 8,207
//	  = 2,873 + 2,052 + 1,641 + 1,641: 171,123,000
//	sal 75%: MQL 2,133.33 -> 2,134, inquiries 7,113.33 -> 7,114
//	  = 2,490 + 1,778 + 1,423 + 1,423: 148,314,000
//	webinar ¥12,000..¥18,000: -/+ 2,667 x 3,000 = 150,876,000 .. 166,878,000
//	ads ¥16,000..¥24,000: -/+ 1,524 x 4,000 = 152,781,000 .. 164,973,000
//	seo ¥6,400..¥9,600: -/+ 1,524 x 1,600 = 156,438,600 .. 161,315,400
//
// Sorted by the spend's swing: won 66.2M, mql 54.5M, sql 45.4M,
// exhibition 30.5M, sal 22.8M, webinar 16.0M, ads 12.2M, seo 4.9M.
func TestSaaSDemandDefaultTornado(t *testing.T) {
	r := compiler.Run("saas-demand")
	if r.Diags.HasErrors() {
		t.Fatal(r.Diags.Error())
	}
	want := []struct {
		input               string
		low, high           string
		spendLow, spendHigh int64
		inquiryLow, inqHigh int64
	}{
		{"funnel.demand.won.rate", "1/5", "3/10", 198645000, 132468000, 9527, 6354},
		{"funnel.demand.mql.rate", "1/4", "7/20", 190652000, 136186000, 9144, 6532},
		{"funnel.demand.sql.rate", "1/2", "7/10", 158877000, 113507000, 7620, 5444},
		{"channel.exhibition.cpa", "32000", "48000", 143637000, 174117000, 7620, 7620},
		{"funnel.demand.sal.rate", "13/20", "3/4", 171123000, 148314000, 8207, 7114},
		{"channel.webinar.cpa", "12000", "18000", 150876000, 166878000, 7620, 7620},
		{"channel.ads.cpa", "16000", "24000", 152781000, 164973000, 7620, 7620},
		{"channel.seo.cpa", "6400", "9600", 156438600, 161315400, 7620, 7620},
	}
	tor := compiler.DefaultTornado(r)
	if len(tor.Outputs) != 2 || tor.Outputs[0].Path.String() != "budget.marketing.spend" || tor.Outputs[1].Path.String() != "funnel.demand.inquiry.volume" {
		t.Fatalf("outputs %v", tor.Outputs)
	}
	if len(tor.Rows) != len(want) {
		t.Fatalf("%d inputs, want %d", len(tor.Rows), len(want))
	}
	for i, w := range want {
		row := tor.Rows[i]
		if row.Input.Path.String() != w.input || row.Low.RatString() != w.low || row.High.RatString() != w.high {
			t.Errorf("row %d: %s %s..%s, want %s %s..%s", i, row.Input.Path, row.Low.RatString(), row.High.RatString(), w.input, w.low, w.high)
			continue
		}
		for j, pair := range [][2]int64{{w.spendLow, w.spendHigh}, {w.inquiryLow, w.inqHigh}} {
			o := row.Outputs[j]
			if o.Low == nil || o.High == nil || o.Low.Cmp(big.NewRat(pair[0], 1)) != 0 || o.High.Cmp(big.NewRat(pair[1], 1)) != 0 {
				t.Errorf("%s: %s %v..%v, want %d..%d", w.input, tor.Outputs[j].Path, o.Low, o.High, pair[0], pair[1])
			}
		}
	}
}
