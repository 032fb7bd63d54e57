package compiler_test

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

// TestActualsWorkedExample is testdata/actuals, by hand.
//
// Plan: 1.2億円 evenly at 100万円 a deal is 120 won, 10 a month; SQL 480,
// 40 a month; MQL 960, 80 a month; inquiries 3,200, 3,200/12 a month
// cumulated and rounded up: 267, 267, 266, repeated. Each stage is entered
// a month after the stage before.
//
// Actuals April to June (as_of 2027-06-30: three months over): inquiries
// 250, 270, 260; MQL 70, 75, 80; SQL 38, 30, 30; won 10, 9, 7.
//
// Expected from actual upstream (April has no upstream month in the
// period): MQL May 3/10 x 250 = 75, June 3/10 x 270 = 81; SQL May 1/2 x 70
// = 35, June 1/2 x 75 = 75/2; won May 1/4 x 38 = 19/2, June 1/4 x 30 =
// 15/2.
//
// Own gaps relative to plan: inquiry (250 + 270 + 260 - 800) / 800 =
// -20/800 = -1/40; MQL ((75 - 75) + (80 - 81)) / 160 = -1/160; SQL ((30 -
// 35) + (30 - 75/2)) / 80 = (-25/2) / 80 = -5/32 (15.63% behind: the
// bottleneck, and behind-plan); won ((9 - 19/2) + (7 - 15/2)) / 20 = -1/20.
//
// Forecast, as the design cascades it: won 10 + 9 + 7 = 26 to June; after
// June the inquiries at their exact plan, 3,200/12 = 800/3 a month, and
// every other stage its rate x the stage before a month earlier. MQL July
// 3/10 x 260 = 78, then 3/10 x 800/3 = 80; SQL July 1/2 x 80 (June's
// actual) = 40, August 1/2 x 78 = 39, then 40; won July 1/4 x 30 (June's
// SQLs) = 15/2, August 1/4 x 40 = 10, September 1/4 x 39 = 39/4, then 10
// for six months. 26 + 15/2 + 10 + 39/4 + 60 = 453/4 = 113.25 deals, x
// 1,000,000 = ¥113,250,000, ¥6,750,000 short of ¥120,000,000.
func TestActualsWorkedExample(t *testing.T) {
	r := compiler.Run(filepath.Join("..", "testdata", "actuals"))
	tr := r.Tracking
	if tr == nil {
		t.Fatalf("no tracking: %v", r.Diags)
	}
	if tr.Known != 3 || tr.Through != 3 {
		t.Errorf("known %d, through %d; want 3 and 3", tr.Known, tr.Through)
	}
	rats := func(xs []*big.Rat) string {
		var out []string
		for _, x := range xs {
			if x == nil {
				out = append(out, "-")
			} else {
				out = append(out, x.RatString())
			}
		}
		return strings.Join(out, " ")
	}
	want := map[string][2]string{ // plan, expected by month
		"funnel.demand.inquiry.volume": {"267 267 266", ""},
		"funnel.demand.mql.volume":     {"80 80 80", "- 75 81"},
		"funnel.demand.sql.volume":     {"40 40 40", "- 35 75/2"},
		"funnel.demand.won.volume":     {"10 10 10", "- 19/2 15/2"},
	}
	for _, tv := range tr.Values {
		w, ok := want[tv.Var.Path.String()]
		if !ok {
			continue
		}
		if got := rats(tv.Plan); got != w[0] {
			t.Errorf("%s plan %s, want %s", tv.Var.Path, got, w[0])
		}
		if got := rats(tv.Expected); got != w[1] {
			t.Errorf("%s expected %s, want %s", tv.Var.Path, got, w[1])
		}
		delete(want, tv.Var.Path.String())
	}
	if len(want) > 0 {
		t.Errorf("not tracked: %v", want)
	}
	f := tr.Funnels[0]
	own := map[string]string{}
	for s, g := range f.Own {
		own[s.Name()] = g.Rel.RatString()
	}
	if own["inquiry"] != "-1/40" || own["mql"] != "-1/160" || own["sql"] != "-5/32" || own["won"] != "-1/20" {
		t.Errorf("own gaps %v", own)
	}
	if f.Bottleneck == nil || f.Bottleneck.Name() != "sql" {
		t.Errorf("bottleneck %v, want sql", f.Bottleneck)
	}
	if f.Forecast.RatString() != "113250000" || f.Target.RatString() != "120000000" {
		t.Errorf("forecast %s of %s", f.Forecast.RatString(), f.Target.RatString())
	}
	var codes []string
	for _, d := range r.Diags {
		codes = append(codes, string(lang.CodeOf(d)))
	}
	if strings.Join(codes, " ") != "forecast-short behind-plan" {
		t.Errorf("diagnostics %v", codes)
	}
	// Catch-up: 120 - 113.25 = 27/4 deals, at 3/10 x 1/2 x 1/4 = 3/80 a
	// lead 180 leads. Leads take 3 months to close, so the months from July
	// (the first not over) to December; spread by the plan's phasing (even:
	// 1/6 each), 30 a month.
	cu := f.CatchUp
	if cu == nil || cu.Deals.RatString() != "27/4" || cu.Leads.RatString() != "180" || rats(cu.ByMonth) != "30 30 30 30 30 30" || cu.Months[0] != 3 {
		t.Errorf("catch-up %+v", cu)
	}
}

// TestCatchUpTooLate: with actuals to January 2028, no lead created now
// closes by March (three months of lags): the gap must come from the
// pipeline in motion, and each stage's rate that would close it alone is
// named. July to January are over but have no actuals (no row is no
// data), so they cascade from April to June as the forecast does: the
// same 113.25 deals, 27/4 short. The won deals still to come after
// January are February's and March's, 20, so won's rate would have to
// rise to 1/4 x (1 + (27/4)/20) = 107/320 (33.44%); SQL's entries after
// January close in March, 10 deals: 1/2 x (1 + (27/4)/10) = 67/80
// (83.75%); MQL's entries after January close after the period: none is
// named.
func TestCatchUpTooLate(t *testing.T) {
	plan, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "plan.plan.hcl"))
	csv, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "actuals.csv"))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(strings.Replace(string(plan), "2027-06-30", "2028-01-31", 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "actuals.csv"), csv, 0o644)
	r := compiler.Run(dir)
	f := r.Tracking.Funnels[0]
	cu := f.CatchUp
	if cu == nil || len(cu.Months) != 0 {
		t.Fatalf("catch-up %+v", cu)
	}
	got := map[string]string{}
	for s, rate := range cu.Rates {
		got[s.Name()] = rate.RatString()
	}
	if got["won"] != "107/320" || got["sql"] != "67/80" || len(got) != 2 || cu.Deals.RatString() != "27/4" {
		t.Errorf("rates to close %v", got)
	}
}

// TestActualsErrors: each bad input is reported at its CSV line and
// column with its code, and the good rows are still used.
func TestActualsErrors(t *testing.T) {
	plan, err := os.ReadFile(filepath.Join("..", "testdata", "actuals", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, csv string
		code      lang.Code
		line, col int
		text      string
	}{
		{"unknown path", "month,path,value\n2027-04,funnel.demand.mqls.volume,240\n", lang.ActualsRow, 2, 9, `Did you mean "funnel.demand.mql"?`},
		{"month after as_of", "month,path,value\n2027-07,funnel.demand.mql.volume,240\n", lang.ActualsRow, 2, 1, "after as_of (2027-06-30)"},
		{"month outside", "month,path,value\n2028-04,funnel.demand.mql.volume,240\n", lang.ActualsRow, 2, 1, "not in the plan's period"},
		{"duplicate", "month,path,value\n2027-04,funnel.demand.mql.volume,1\n2027-04,funnel.demand.mql.volume,2\n", lang.ActualsRow, 3, 1, "on line 2 already"},
		{"wrong unit", "month,path,value\n2027-04,funnel.demand.mql.volume,1万円\n", lang.ActualsRow, 2, 34, "is a count"},
		{"bad value", "month,path,value\n2027-04,funnel.demand.mql.volume,lots\n", lang.ActualsRow, 2, 34, `"lots"`},
		{"bad month", "month,path,value\n April,funnel.demand.mql.volume,1\n", lang.ActualsRow, 2, 1, "is not a month"},
		{"ragged", "month,path,value\n2027-04,funnel.demand.mql.volume,4,515\n", lang.ActualsCSV, 2, 1, "different number of fields"},
		{"no header", "2027-04,funnel.demand.mql.volume,1\n", lang.ActualsCSV, 1, 1, "the columns month, path and value"},
		{"not utf-8", "month,path,value\n2027-04,funnel.demand.mql.volume,\xff\n", lang.ActualsCSV, 2, 1, "not UTF-8"},
		{"not a value by month", "month,path,value\n2027-04,funnel.demand.mql.rate,1\n", lang.ActualsRow, 2, 9, "not a value the plan places in months"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), plan, 0o644)
			os.WriteFile(filepath.Join(dir, "actuals.csv"), []byte(c.csv), 0o644)
			r := compiler.Run(dir)
			for _, d := range r.Diags {
				if lang.CodeOf(d) != c.code || !strings.Contains(d.Detail, c.text) {
					continue
				}
				if filepath.Base(d.Subject.Filename) != "actuals.csv" || d.Subject.Start.Line != c.line || d.Subject.Start.Column != c.col {
					t.Errorf("at %s:%d:%d, want actuals.csv:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, c.line, c.col)
				}
				return
			}
			t.Errorf("no %s saying %q: %v", c.code, c.text, r.Diags)
		})
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), plan, 0o644)
	r := compiler.Run(dir)
	if len(r.Diags) != 1 || lang.CodeOf(r.Diags[0]) != lang.ActualsFile {
		t.Errorf("a missing CSV: %v", r.Diags)
	}
}

// recordPlan is testdata/actuals with two channels and the actuals block
// given.
func recordPlan(t *testing.T, block string) string {
	t.Helper()
	plan, err := os.ReadFile(filepath.Join("..", "testdata", "actuals", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(plan)
	i := strings.Index(text, `actuals "crm"`)
	return text[:i] + `channel "seo" {
  funnel = funnel.demand
  share  = "60%"
  cpa    = "5000 JPY"
}
channel "exhibition" {
  funnel = funnel.demand
  cpa    = "3万円"
}
` + block
}

// counted compiles plan with csv beside it and returns the tracked
// actuals as "path month value" lines.
func counted(t *testing.T, plan, name, csv string) ([]string, *compiler.Result) {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(plan), 0o644)
	data, err := os.ReadFile(filepath.Join("testdata", "actuals", csv))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, name), data, 0o644)
	r := compiler.Run(dir)
	if r.Tracking == nil {
		t.Fatalf("no tracking: %v", r.Diags)
	}
	var out []string
	for _, tv := range r.Tracking.Values {
		for m, a := range tv.Actual {
			if a != nil {
				out = append(out, tv.Var.Path.String()+" "+r.Timeline.Periods[m].Name+" "+a.RatString())
			}
		}
	}
	return out, r
}

// TestActualsHubSpot: a HubSpot-style contacts export, counted by hand.
// Create Date is the inquiry, the lifecycle dates the later stages, as_of
// 2027-06-30 (a whole day: 23:59 counts). Contact 106 was created in
// March, before the period, but became an MQL in April; 107's MQL date and
// 108 are in July, after as_of. Inquiries: April 101, 102; May 103, 104;
// June 105, 107. MQL: April 101, 106; May 102, 104; June 105. SQL: April
// 106; May 101; June 104. Won: May 106 (1,200,000), June 101 (1,000,000).
// Leads by "Original Source": SEO (Organic Search) April 101, May 103,
// June 107; exhibition (Offline Sources) April 102, June 105; 104's "Paid
// Search" is not mapped: one warning with its count.
func TestActualsHubSpot(t *testing.T) {
	got, r := counted(t, recordPlan(t, `actuals "hubspot" {
  file           = "contacts.csv"
  as_of          = "2027-06-30"
  funnel         = funnel.demand
  stage_dates    = {
    inquiry = "Create Date"
    mql     = "Became a Marketing Qualified Lead Date"
    sql     = "Became a Sales Qualified Lead Date"
    won     = "Became a Customer Date"
  }
  channel_column = "Original Source"
  channels       = { "Organic Search" = channel.seo, "Offline Sources" = channel.exhibition }
  amount_column  = "Amount"
}
`), "contacts.csv", "hubspot_contacts.csv")
	want := []string{
		"funnel.demand.revenue 2027-05 1200000", "funnel.demand.revenue 2027-06 1000000",
		"funnel.demand.inquiry.volume 2027-04 2", "funnel.demand.inquiry.volume 2027-05 2", "funnel.demand.inquiry.volume 2027-06 2",
		"funnel.demand.mql.volume 2027-04 2", "funnel.demand.mql.volume 2027-05 2", "funnel.demand.mql.volume 2027-06 1",
		"funnel.demand.sql.volume 2027-04 1", "funnel.demand.sql.volume 2027-05 1", "funnel.demand.sql.volume 2027-06 1",
		"funnel.demand.won.volume 2027-05 1", "funnel.demand.won.volume 2027-06 1",
		"channel.seo.leads 2027-04 1", "channel.seo.leads 2027-05 1", "channel.seo.leads 2027-06 1",
		"channel.exhibition.leads 2027-04 1", "channel.exhibition.leads 2027-06 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("counted:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	unmapped := 0
	for _, d := range r.Diags {
		if strings.Contains(d.Detail, `1 records have Original Source "Paid Search"`) {
			unmapped++
		}
	}
	if unmapped != 1 {
		t.Errorf("the unmapped source is not reported once: %v", r.Diags)
	}
}

// TestActualsSalesforce: a Salesforce-style report of won opportunities,
// every value quoted, dates with slashes and times, amounts with commas,
// and footer rows that hold no record. By hand: SQL (Created Date) April
// Deal B, May Deal A; won (Close Date) May Deal B (1,200,000), June Deal A
// (1,000,000): the SQLs and won deals the HubSpot export has for them.
func TestActualsSalesforce(t *testing.T) {
	got, r := counted(t, recordPlan(t, `actuals "salesforce" {
  file          = "won.csv"
  as_of         = "2027-06-30"
  funnel        = funnel.demand
  stage_dates   = { sql = "Created Date", won = "Close Date" }
  amount_column = "Amount"
}
`), "won.csv", "salesforce_won.csv")
	want := []string{
		"funnel.demand.revenue 2027-05 1200000", "funnel.demand.revenue 2027-06 1000000",
		"funnel.demand.sql.volume 2027-04 1", "funnel.demand.sql.volume 2027-05 1",
		"funnel.demand.won.volume 2027-05 1", "funnel.demand.won.volume 2027-06 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("counted:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range r.Diags {
		if strings.HasPrefix(string(lang.CodeOf(d)), "actuals") {
			t.Errorf("the footer is reported: %s", d.Detail)
		}
	}
}

// FuzzActuals reads any CSV as tidy actuals and as a CRM export: never a
// panic, and every diagnostic has a place.
func FuzzActuals(f *testing.F) {
	for _, name := range []string{"hubspot_contacts.csv", "salesforce_won.csv"} {
		data, _ := os.ReadFile(filepath.Join("testdata", "actuals", name))
		f.Add(string(data))
	}
	tidy, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "actuals.csv"))
	f.Add(string(tidy))
	f.Add("month,path,value\n2027-04,funnel.demand.mql.volume,\"4,5\"\n\"")
	plan, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "plan.plan.hcl"))
	export := strings.Replace(string(plan), `as_of = "2027-06-30"`, `as_of = "2027-06-30"
  funnel      = funnel.demand
  stage_dates = { inquiry = "Create Date", sql = "Created Date", won = "Close Date" }
  amount_column = "Amount"`, 1)
	f.Fuzz(func(t *testing.T, csv string) {
		for _, p := range []string{string(plan), export} {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(p), 0o644)
			os.WriteFile(filepath.Join(dir, "actuals.csv"), []byte(csv), 0o644)
			r := compiler.Run(dir)
			for _, d := range r.Diags {
				if d.Subject == nil || d.Subject.Start.Line < 1 {
					t.Fatalf("no place: %s: %s", d.Summary, d.Detail)
				}
			}
		}
	})
}

// TestCatchUpByChannel: the worked example's 180 catch-up leads, 30 a
// month, among two channels of 60% and 40% (1,920 and 1,280 of the plan's
// inquiries), on the running total by largest remainder: 18 and 12 a
// month, exactly. Spend: SEO 108 x 5,000 = 540,000, the exhibition 72 x
// 30,000 = 2,160,000, 2,700,000 in all. The budget of 5000万円 pays for
// the plan's 1,920 x 5,000 + 1,280 x 30,000 = 48,000,000 (no spend is
// given as actual, so its plan), which leaves 2,000,000.
func TestCatchUpByChannel(t *testing.T) {
	plan := recordPlan(t, `actuals "crm" {
  file  = "actuals.csv"
  as_of = "2027-06-30"
}
budget "marketing" {
  cap = "5000万円"
}
`)
	dir := t.TempDir()
	csv, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "actuals.csv"))
	os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(plan), 0o644)
	os.WriteFile(filepath.Join(dir, "actuals.csv"), csv, 0o644)
	r := compiler.Run(dir)
	cu := r.Tracking.Funnels[0].CatchUp
	if cu == nil || len(cu.Channels) != 2 {
		t.Fatalf("catch-up %+v", cu)
	}
	got := map[string]string{}
	for _, c := range cu.Channels {
		var ls []string
		for _, x := range c.Leads {
			ls = append(ls, x.RatString())
		}
		got[c.Channel.Name()] = strings.Join(ls, " ") + " = " + c.TotalLeads.RatString() + ", " + c.TotalSpend.RatString()
	}
	if got["seo"] != "18 18 18 18 18 18 = 108, 540000" || got["exhibition"] != "12 12 12 12 12 12 = 72, 2160000" {
		t.Errorf("by channel %v", got)
	}
	if len(cu.Budgets) != 1 || cu.Budgets[0].Left.RatString() != "2000000" || cu.Budgets[0].Spend.RatString() != "2700000" {
		t.Errorf("budgets %+v", cu.Budgets)
	}
}

// TestBehindPlanRule: rule "behind-plan" { max = "20%" } lets SQL's own
// gap of 15.63% of its plan pass; the bottleneck is still SQL.
func TestBehindPlanRule(t *testing.T) {
	plan, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "plan.plan.hcl"))
	csv, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "actuals.csv"))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), append(plan, "\nrule \"behind-plan\" {\n  max = \"20%\"\n}\n"...), 0o644)
	os.WriteFile(filepath.Join(dir, "actuals.csv"), csv, 0o644)
	r := compiler.Run(dir)
	for _, d := range r.Diags {
		if lang.CodeOf(d) == lang.BehindPlan {
			t.Errorf("behind-plan at 15.63%% with max 20%%: %s", d.Detail)
		}
	}
	if b := r.Tracking.Funnels[0].Bottleneck; b == nil || b.Name() != "sql" {
		t.Errorf("bottleneck %v", b)
	}
}

// TestActualsBadDate: a date an export cannot mean is reported at its
// cell; the record's other dates and the other records still count.
func TestActualsBadDate(t *testing.T) {
	plan := recordPlan(t, `actuals "crm" {
  file        = "export.csv"
  as_of       = "2027-06-30"
  funnel      = funnel.demand
  stage_dates = { inquiry = "Create Date", mql = "MQL Date" }
}
`)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(plan), 0o644)
	os.WriteFile(filepath.Join(dir, "export.csv"), []byte("Create Date,MQL Date\n2027-04-03,April 9\n2027-05-01,2027/05/20 10:00\n"), 0o644)
	r := compiler.Run(dir)
	found := false
	for _, d := range r.Diags {
		if lang.CodeOf(d) == lang.ActualsRow && strings.Contains(d.Detail, `"April 9" is not a date`) {
			found = d.Subject.Start.Line == 2 && d.Subject.Start.Column == 12
		}
	}
	if !found {
		t.Errorf("no bad date at export.csv:2:12: %v", r.Diags)
	}
	got := map[string]string{}
	for _, tv := range r.Tracking.Values {
		for m, a := range tv.Actual {
			if a != nil {
				got[tv.Var.Path.String()+" "+r.Timeline.Periods[m].Name] = a.RatString()
			}
		}
	}
	if got["funnel.demand.inquiry.volume 2027-04"] != "1" || got["funnel.demand.inquiry.volume 2027-05"] != "1" || got["funnel.demand.mql.volume 2027-05"] != "1" || len(got) != 3 {
		t.Errorf("counted %v", got)
	}
}

// TestActualsBlockErrors: an actuals file outside the plan's directory (a
// published site must not quote what is outside it), an as_of outside the
// period, and a second actuals block are actuals-file at the block.
func TestActualsBlockErrors(t *testing.T) {
	plan, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "plan.plan.hcl"))
	csv, _ := os.ReadFile(filepath.Join("..", "testdata", "actuals", "actuals.csv"))
	for _, c := range []struct{ name, old, new, text string }{
		{"outside", `"actuals.csv"`, `"../actuals.csv"`, "a path inside the plan's directory"},
		{"absolute", `"actuals.csv"`, `"/etc/passwd"`, "a path inside the plan's directory"},
		{"as_of outside", `"2027-06-30"`, `"2028-04-01"`, "not in the plan's period"},
		{"as_of not a day", `"2027-06-30"`, `"June"`, "written as \"2027-09-15\""},
		{"second block", "actuals \"crm\" {", "actuals \"other\" {\n  file  = \"actuals.csv\"\n  as_of = \"2027-06-30\"\n}\nactuals \"crm\" {", `has actuals "other" already`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "plan.plan.hcl"), []byte(strings.Replace(string(plan), c.old, c.new, 1)), 0o644)
			os.WriteFile(filepath.Join(dir, "actuals.csv"), csv, 0o644)
			r := compiler.Run(dir)
			for _, d := range r.Diags {
				if lang.CodeOf(d) == lang.ActualsFile && strings.Contains(d.Detail, c.text) && d.Subject.Start.Line > 0 {
					return
				}
			}
			t.Errorf("no actuals-file saying %q: %v", c.text, r.Diags)
		})
	}
}
