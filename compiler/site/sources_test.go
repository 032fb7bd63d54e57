package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"golang.org/x/tools/txtar"
)

// The compiler's golden plans for lead sources and teams, whose numbers
// are computed by hand in their headers.
const (
	sourcesTxtar = "../testdata/diag/sources.txtar"
	teamsTxtar   = "../testdata/diag/teams.txtar"
)

// txtarPlan writes the plan files (*.hcl) of a txtar archive to a fresh
// directory and returns it.
func txtarPlan(t *testing.T, archive string) string {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n := 0
	for _, f := range a.Files {
		if !strings.HasSuffix(f.Name, ".hcl") && !strings.HasSuffix(f.Name, ".csv") {
			continue // the archive's notes
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Name)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f.Name, ".hcl") {
			n++
		}
	}
	if n == 0 {
		t.Fatalf("%s has no plan file", archive)
	}
	return dir
}

// pageHas fails for each substring a page lacks.
func pageHas(t *testing.T, files map[string][]byte, page string, subs ...string) {
	t.Helper()
	body, ok := files[page]
	if !ok {
		t.Errorf("no page %s", page)
		return
	}
	for _, s := range subs {
		if !bytes.Contains(body, []byte(s)) {
			t.Errorf("%s does not contain %q", page, s)
		}
	}
}

// sourceRowHTML is a source's row in a sources table, as the template
// writes it, up to its numbers.
func sourceRowHTML(name, class, page string, nums ...string) string {
	out := `<tr id="source-` + name + `"><th scope="row"><span class="swatch ` + class + `" aria-hidden="true"></span><a href="` + page + `">` + name + `</a></th>`
	var tail []string
	for _, n := range nums {
		tail = append(tail, `<td class="num">`+n+`</td>`)
	}
	return out + "|" + strings.Join(tail, "")
}

func TestSourcesFunnelPage(t *testing.T) {
	files := generate(t, sourcesTxtar)
	page := "funnel.demand.html"
	pageHas(t, files, page,
		`<h2 id="sources">Sources</h2>`,
		`Marketing sourced <a href="funnel.demand.source.marketing.html"><strong class="num">¥75,000,000</strong></a>, <strong class="num">75%</strong> of this funnel’s planned revenue, ¥100,000,000.`,
		// The stacked bar, with its text equivalent.
		`role="img" aria-label="Share of revenue by source: marketing 75%, partner 15%, sales 10%"`,
		`<rect class="src-0" x="0" y="0" width="600" height="28">`,
		`<rect class="src-1" x="600" y="0" width="120" height="28">`,
		`<rect class="src-2" x="720" y="0" width="80" height="28">`,
		// Channels, linked, with their leads and entry stage.
		`<a href="channel.webinar.html">webinar</a> <span class="where">1,050 at inquiry</span>`,
		`<a href="channel.ads.html">ads</a> <span class="where">450 at inquiry</span>`,
		`<a href="channel.referrals.html">referrals</a> <span class="where">60 at sql</span>`,
		`<a href="channel.outbound.html">outbound</a> <span class="where">40 at sql</span>`,
		// The SQL stage's inflow, in the table and the chart.
		`<td class="num">400<br><a class="inflow" href="funnel.demand.sql.html#v-inflow">+100 leads from channels</a></td>`,
		`↓ 50% of mql + 100 leads from channels`,
	)
	for _, row := range []string{
		sourceRowHTML("marketing", "src-0", "funnel.demand.source.marketing.html", "1,500", "93.75%", "75", "¥75,000,000", "75%"),
		sourceRowHTML("partner", "src-1", "funnel.demand.source.partner.html", "60", "3.75%", "15", "¥15,000,000", "15%"),
		sourceRowHTML("sales", "src-2", "funnel.demand.source.sales.html", "40", "2.5%", "10", "¥10,000,000", "10%"),
	} {
		head, nums, _ := strings.Cut(row, "|")
		pageHas(t, files, page, head, nums)
	}
	// Marketing first, then the plan's order.
	body := string(files[page])
	if !(strings.Index(body, `id="source-marketing"`) < strings.Index(body, `id="source-partner"`) &&
		strings.Index(body, `id="source-partner"`) < strings.Index(body, `id="source-sales"`)) {
		t.Error("sources are not listed marketing, partner, sales")
	}
}

func TestSourcesOverview(t *testing.T) {
	files := generate(t, sourcesTxtar)
	pageHas(t, files, "index.html",
		// Marketing's contribution beside the KGIs.
		`<a class="card card-source" href="source.marketing.html">`,
		`<span class="card-title">Marketing-sourced revenue</span>`,
		`<span class="card-value num">¥75,000,000</span>`,
		`<span class="card-note">75% of the planned revenue of all funnels</span>`,
		`<h2 id="sources">Sources</h2>`,
		`Marketing sourced <a href="source.marketing.html"><strong class="num">¥75,000,000</strong></a>, <strong class="num">75%</strong> of the planned revenue of all funnels.`,
		`+100 from channels`,
	)
	for _, row := range []string{
		sourceRowHTML("marketing", "src-0", "source.marketing.html", "1,500", "93.75%", "75", "¥75,000,000", "75%"),
		sourceRowHTML("partner", "src-1", "source.partner.html", "60", "3.75%", "15", "¥15,000,000", "15%"),
		sourceRowHTML("sales", "src-2", "source.sales.html", "40", "2.5%", "10", "¥10,000,000", "10%"),
	} {
		head, nums, _ := strings.Cut(row, "|")
		pageHas(t, files, "index.html", head, nums)
	}
}

// TestSourceValues: every source value has a section on its source's
// page, and formulas and value lists link to it.
func TestSourceValues(t *testing.T) {
	files := generate(t, sourcesTxtar)
	pageHas(t, files, "kpi.marketing_contribution.html",
		`formula = <a href="funnel.demand.source.marketing.html#v-revenue">funnel.demand.source.marketing.revenue</a> / <a href="kgi.revenue.html">kgi.revenue</a>`,
		`<li><a href="funnel.demand.source.marketing.html#v-revenue">marketing revenue in demand</a> <span class="num">¥75,000,000</span></li>`,
		`<dd class="num big">75%</dd>`)
	pageHas(t, files, "funnel.demand.source.partner.html",
		`<p class="kind">Lead source</p>`, `<h1>partner in demand</h1>`,
		`<a href="funnel.demand.html#source-partner">demand</a>`, `<a href="source.partner.html">`,
		`<a href="channel.referrals.html">referrals (60 at sql)</a>`,
		`id="v-leads"`, `id="v-lead_share"`, `id="v-won"`, `id="v-revenue"`, `id="v-share"`,
		`<code>funnel.demand.source.partner.share</code>`, `<dd class="num big">15%</dd>`, `<dd class="num big">¥15,000,000</dd>`)
	pageHas(t, files, "source.sales.html",
		`<h1>sales</h1>`, `<dt>In funnel</dt><dd><a href="funnel.demand.source.sales.html">demand</a></dd>`,
		`<code>source.sales.lead_share</code>`, `<dd class="num big">2.5%</dd>`, `<dd class="num big">10</dd>`)
	pageHas(t, files, "funnel.demand.sql.html",
		`<section class="var" id="v-inflow">`, `<code>funnel.demand.sql.inflow</code>`, `<dd class="num big">100</dd>`,
		`<dt>Fed by</dt><dd><a href="channel.referrals.html">referrals</a></dd>`)
	pageHas(t, files, "channel.outbound.html", `<dt>Source</dt><dd><a href="funnel.demand.source.sales.html">sales</a></dd>`)
	pageHas(t, files, "channel.webinar.html", `<dt>Source</dt><dd><a href="funnel.demand.source.marketing.html">marketing</a></dd>`)
}

// TestLinksEveryPlan runs TestLinks's checks on the sites of every
// golden plan of the compiler that builds (with errors, most of them, as
// --allow-errors publishes them; sources.txtar and teams.txtar among
// them) and of every example: every link resolves and no id is used
// twice.
func TestLinksEveryPlan(t *testing.T) {
	archives, err := filepath.Glob("../testdata/diag/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no golden plans: %v", err)
	}
	dirs := map[string]string{}
	for _, archive := range archives {
		dirs[archive] = txtarPlan(t, archive)
	}
	examples, _ := filepath.Glob("../../examples/*")
	for _, dir := range examples {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			dirs[dir] = dir
		}
	}
	for name, dir := range dirs {
		files, err := Generate(compiler.Run(dir), Options{AllowErrors: true})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkSiteLinks(t, name, files)
	}
}

// TestNoSourcesSection: a plan without channels has no sources section
// and no marketing card.
func TestNoSourcesSection(t *testing.T) {
	files := generate(t, teamsTxtar)
	for _, page := range []string{"index.html", "funnel.demand.html"} {
		for _, bad := range []string{`id="sources"`, "Marketing sourced", "card-source"} {
			if bytes.Contains(files[page], []byte(bad)) {
				t.Errorf("%s of a plan without channels contains %q", page, bad)
			}
		}
	}
}
