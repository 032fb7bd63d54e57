package examples_test

import (
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/compilertest"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib"
)

// The starter plans of `planc init` (stdlib/scaffold) are bundled plans
// like the examples: they compile clean and solve to the numbers their
// comments state.

// TestScaffoldsCompileClean compiles every starter plan from the embedded
// files and fails on any diagnostic, error or warning, and on a file that
// is not in canonical layout: `planc init` promises a plan whose first
// `planc check` says nothing but "0 errors, 0 warnings".
func TestScaffoldsCompileClean(t *testing.T) {
	for _, s := range stdlib.Scaffolds() {
		t.Run(s.Name, func(t *testing.T) {
			files, err := stdlib.ScaffoldFiles(s.Name)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) == 0 {
				t.Error("no files")
			}
			var srcs []lang.Source
			for _, f := range files {
				if !strings.HasSuffix(f.Name, lang.Ext) {
					t.Errorf("%s is not a %s file; planc would not read it", f.Name, lang.Ext)
				}
				if ok, diags := lang.IsFormatted(f.Name, f.Bytes); !ok {
					t.Errorf("%s is not formatted (%v)", f.Name, diags)
				}
				srcs = append(srcs, lang.Source{Name: f.Name, Bytes: f.Bytes})
			}
			m := compiler.Compile(lang.Parse(srcs))
			if diags := m.Diags; len(diags) > 0 {
				var b strings.Builder
				report.Text(&b, diags, m.Plan.Files)
				t.Fatalf("the %s scaffold has diagnostics:\n%s", s.Name, b.String())
			}
		})
	}
}

// TestScaffoldNumbers checks the numbers that the scaffolds' comments
// state, so that the comments stay true when the plans are edited.
func TestScaffoldNumbers(t *testing.T) {
	want := map[string]map[string]string{
		// 1.2億円 / ¥1M = 120 deals; / 25% = 480 SQL; / 50% = 960 SAL;
		// / 60% = 1,600 MQL; / 25% = 6,400 inquiries. Webinar 40% = 2,560
		// x ¥10,000; SEO 25% = 1,600 x ¥5,000; ads the other 2,240 x
		// ¥15,000; spend ¥67.2M, ¥560,000 a deal, ¥42,000 an MQL.
		"demand": {
			"funnel.demand.won.volume":     "120",
			"funnel.demand.sql.volume":     "480",
			"funnel.demand.sal.volume":     "960",
			"funnel.demand.mql.volume":     "1600",
			"funnel.demand.inquiry.volume": "6400",
			"channel.webinar.cost":         "25600000",
			"channel.seo.cost":             "8000000",
			"channel.ads.leads":            "2240",
			"channel.ads.cost":             "33600000",
			"budget.marketing.spend":       "67200000",
			"kpi.cost_per_deal":            "560000",
			"kpi.cost_per_mql":             "42000",
		},
		// 3億円 / ¥2.5M = 120 live; / 96% = 125 won; / 25% = 500
		// opportunities; / 50% = 1,000 meetings; / 40% = 2,500 MQL; / 25%
		// = 10,000 leads. Spend ¥30M + ¥60M + ¥12.5M + ¥37.5M = ¥140M;
		// CAC ¥140M / 125 = ¥1.12M; payback ¥1.12M / (¥2.5M / 12) = 5.376
		// months.
		"the-model": {
			"funnel.model.live.volume":        "120",
			"funnel.model.won.volume":         "125",
			"funnel.model.opportunity.volume": "500",
			"funnel.model.meeting.volume":     "1000",
			"funnel.model.mql.volume":         "2500",
			"funnel.model.lead.volume":        "10000",
			"channel.webinar.cost":            "30000000",
			"channel.exhibition.cost":         "60000000",
			"channel.seo.cost":                "12500000",
			"channel.ads.leads":               "2500",
			"channel.ads.cost":                "37500000",
			"budget.marketing.spend":          "140000000",
			"kpi.cac":                         "1120000",
			"kpi.payback":                     "5.376",
		},
		// ¥50M / ¥1M = 50 deals; / 25% = 200 opportunities; / 10% = 2,000
		// leads. Webinar 60% = 1,200 x ¥10,000; ads the other 800 x
		// ¥15,000; spend ¥24M.
		"minimal": {
			"funnel.demand.won.volume":         "50",
			"funnel.demand.opportunity.volume": "200",
			"funnel.demand.lead.volume":        "2000",
			"channel.webinar.cost":             "12000000",
			"channel.ads.leads":                "800",
			"budget.marketing.spend":           "24000000",
		},
	}
	for _, s := range stdlib.Scaffolds() {
		if want[s.Name] == nil {
			t.Errorf("no numbers checked for scaffold %s", s.Name)
		}
	}
	for name, values := range want {
		files, err := stdlib.ScaffoldFiles(name)
		if err != nil {
			t.Fatal(err)
		}
		var srcs []lang.Source
		for _, f := range files {
			srcs = append(srcs, lang.Source{Name: f.Name, Bytes: f.Bytes})
		}
		m := compiler.Compile(lang.Parse(srcs))
		compilertest.Values(t, m, values)
	}
}
