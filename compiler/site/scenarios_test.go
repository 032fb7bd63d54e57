package site

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler/site/sitetest"
	"golang.org/x/tools/txtar"
)

// scenariosTxtar is the tutorial's plan with three scenarios (one with a
// probability, one with a Japanese title, one with hostile text) and a
// sensitivity block; its numbers are worked out by hand in the archive.
const scenariosTxtar = "testdata/scenarios.txtar"

// TestScenariosPage: the scenarios page lists the base and each
// scenario, and the key values side by side with the changes and the
// expectation the archive works out by hand.
func TestScenariosPage(t *testing.T) {
	files := generate(t, scenariosTxtar)
	pageHas(t, files, scenariosPage,
		// The list: the base takes what the scenarios leave of 100%.
		`<tr id="scenario-base">`, `<td class="num" data-label="Probability">75%</td>`, `<td class="num" data-label="Probability">25%</td>`,
		"ウェビナーを中止し、オンライン広告だけでリードを集める場合",
		`<a href="channel.webinar.html#v-share">channel.webinar.share</a> = &#34;0%&#34;`,
		// Its description is Markdown, without raw HTML.
		"<strong>ads</strong> bring every lead", "<!-- raw HTML omitted -->",
		// The expected column: spend 0.75 x 24M + 0.25 x 30M, leads 2,125.
		`Expected<br>`, `<td class="num expected">¥25,500,000</td>`, `<td class="num expected">2,125</td>`,
		// webinar_off: every lead from ads, ¥30,000,000.
		`<span class="v">2,000</span><br><span class="delta"><span>&#43;1,200</span> <span>(&#43;150%)</span>`,
		`<span class="v">¥30,000,000</span><br><span class="delta"><span>&#43;¥6,000,000</span> <span>(&#43;25%)</span>`,
		// downside: 2,500 leads; hostile: ads at ¥12,000, ¥21,600,000.
		`<span class="v">2,500</span><br><span class="delta"><span>&#43;500</span> <span>(&#43;25%)</span>`,
		`<span class="v">¥21,600,000</span><br><span class="delta"><span>−¥2,400,000</span> <span>(−10%)</span>`,
		// A chart per key value.
		`<svg class="chart compare"`)
	page := files[scenariosPage]
	if n := bytes.Count(page, []byte(`<figure class="compare-card">`)); n != 7 {
		t.Errorf("%d charts, want one per key value (7)", n)
	}
	for _, bad := range []string{"<script", "<img", "onerror=", "javascript:", "<b>raw"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("%s contains %q", scenariosPage, bad)
		}
	}
	pageHas(t, files, scenariosPage, "&lt;script&gt;alert(1)&lt;/script&gt; cheaper ads")
	// Every page links the scenarios page.
	for _, name := range pageNames(files) {
		if !bytes.Contains(files[name], []byte(`<a href="scenarios.html"`)) {
			t.Errorf("%s does not link the scenarios page", name)
		}
	}
	checkSiteLinks(t, scenariosTxtar, files)
	if problems, _ := sitetest.Reconcile(files); len(problems) > 0 {
		t.Error(problems)
	}
}

// TestNoScenariosNoPage: a plan without scenarios has no scenarios page
// and no nav entry for one.
func TestNoScenariosNoPage(t *testing.T) {
	files := generate(t, clean)
	if _, ok := files[scenariosPage]; ok {
		t.Error("a plan without scenarios has a scenarios page")
	}
	for _, name := range pageNames(files) {
		if bytes.Contains(files[name], []byte(scenariosPage)) {
			t.Errorf("%s links a scenarios page", name)
		}
	}
}

// TestScenarioWithErrors: a scenario that does not compile shows its
// diagnostics, and "?" for what it could not solve; the base, the other
// scenarios and the expectation are as before.
func TestScenarioWithErrors(t *testing.T) {
	a, err := txtar.ParseFile(scenariosTxtar)
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	for _, f := range a.Files {
		src.Write(f.Data)
	}
	src.WriteString("scenario \"broken\" {\n  title = \"Ads priced as a share\"\n  channel \"ads\" {\n    cpa = \"25%\"\n  }\n}\n")
	r := compileSrc(src.String())
	if !r.Diags.HasErrors() {
		t.Fatal("the broken scenario has no error")
	}
	files, err := Generate(r, Options{AllowErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	pageHas(t, files, scenariosPage,
		`<span class="tag tag-bad">1 error</span>`, `href="diagnostics.html#d`,
		`<td class="num"><span class="v">?</span></td>`,
		`<td class="num base-col">¥24,000,000</td>`, `<td class="num expected">¥25,500,000</td>`,
		`<text class="value unknown" x="360"`)
	checkSiteLinks(t, "broken scenario", files)
}

// TestFunnelWhatIf: the funnel page has the sensitivity block's tornado
// and table, and ranks the stages by what raising their rates saves, as
// planc improve does (cmd/planc/testdata/script/improve.txtar).
func TestFunnelWhatIf(t *testing.T) {
	files := generate(t, scenariosTxtar)
	pageHas(t, files, "funnel.demand.html",
		`<h2 id="sensitivity">Sensitivity</h2>`, `<section class="tornado-box" id="sensitivity-drivers">`,
		`<svg class="chart tornado"`, `<a href="funnel.demand.lead.html#v-volume">Lead</a>: how far it moves with each input`, "plan 2,000</text>",
		// The won rate swings the leads most (2,500 to 1,670); the ads' CPA
		// not at all, but the spend (¥20,000,000 to ¥28,000,000).
		`<td class="num output">2,500</td><td class="num">1,670</td><td class="num output">¥30,000,000</td><td class="num">¥20,040,000</td>`,
		`<td class="num output">2,000</td><td class="num">2,000</td><td class="num output">¥20,000,000</td><td class="num">¥28,000,000</td>`,
		`<h2 id="improve">Which stage first</h2>`,
		"Improve Opportunity first: raising its rate by 5 points (10% → 15%) saves ¥7,990,000 of channel spend and 666 leads.",
		`<span class="saved">−¥2,170,000</span>`, `<td class="num">−181<br><span class="of">fewer</span></td>`,
		`<span class="saved">−¥3,960,000</span>`, `<td class="num">−330<br><span class="of">fewer</span></td>`)
	page := string(files["funnel.demand.html"])
	won, rate := strings.Index(page, "Won rate"), strings.Index(page, "Online ads CPA")
	if won < 0 || rate < won {
		t.Error("the tornado's rows are not the widest swing first")
	}
	opp, w := strings.Index(page, `<a href="funnel.demand.opportunity.html">Opportunity</a></th><td class="num">10%`),
		strings.Index(page, `<a href="funnel.demand.won.html">Won</a></th><td class="num">25%`)
	if opp < 0 || w < opp {
		t.Error("the stages are not ranked by what +5 points save, most first")
	}
}

// TestFunnelDefaultTornado: a plan without sensitivity blocks shows the
// default tornado on its funnel page.
func TestFunnelDefaultTornado(t *testing.T) {
	src, err := os.ReadFile("../../examples/minimal/plan.plan.hcl")
	if err != nil {
		t.Skip(err)
	}
	files, err := Generate(compileSrc(string(src)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pageHas(t, files, "funnel.demand.html", `id="sensitivity-default"`, "The plan has no <code>sensitivity</code> block",
		`<svg class="chart tornado"`, "Improve Opportunity first")
	if _, ok := files[scenariosPage]; ok {
		t.Error("a plan without scenarios has a scenarios page")
	}
}

// TestWhatIfBudget: a plan too large for the trials says so instead of
// re-solving it for every input.
func TestWhatIfBudget(t *testing.T) {
	r := compile(t, scenariosTxtar)
	g, err := newGen(r, &memory{files: map[string][]byte{}})
	if err != nil {
		t.Fatal(err)
	}
	if w := g.runWhatIf(); w.TornadoSkipped || w.ImproveSkipped || len(w.Tornadoes) != 1 || len(w.Improve) != 4 {
		t.Errorf("the tutorial's plan: %+v", w)
	}
	if g.defaultInputs() != 4 || g.improveTrials() != 4 {
		t.Errorf("default inputs %d, improve trials %d; want 4 and 4", g.defaultInputs(), g.improveTrials())
	}
	defer func(b int) { trialBudget = b }(trialBudget)
	trialBudget = 1
	files, err := Generate(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pageHas(t, files, "funnel.demand.html", "too large for the site to re-solve it for every input", "<code>planc improve</code> ranks them")
	if bytes.Contains(files["funnel.demand.html"], []byte(`<svg class="chart tornado"`)) {
		t.Error("the tornado was drawn over the budget")
	}
}

// TestWhatIfBrokenPlans: plans with errors (a funnel without stages, a
// rate of 0%, a scenario with a rate of 200%) build with AllowErrors; the
// trials do not run where they cannot.
func TestWhatIfBrokenPlans(t *testing.T) {
	for _, src := range []string{
		"plan { title = \"x\" }\nfunnel \"f\" {\n  deal_size = \"1万円\"\n}\n",
		"plan { title = \"x\" }\nfunnel \"f\" {\n  deal_size = \"1万円\"\n  stage \"a\" {}\n}\nchannel \"c\" {\n  funnel = funnel.f\n  cpa = \"1万円\"\n}\n",
		"plan { title = \"x\" }\nkgi \"r\" {\n  target = \"1億円\"\n  formula = funnel.f.revenue\n}\nfunnel \"f\" {\n  deal_size = \"1万円\"\n  stage \"a\" {}\n  stage \"b\" {\n    rate = \"0%\"\n  }\n}\n" +
			"channel \"c\" {\n  funnel = funnel.f\n  cpa = \"1万円\"\n}\nscenario \"s\" {\n  funnel \"f\" {\n    stage \"b\" {\n      rate = \"200%\"\n    }\n  }\n}\n",
	} {
		files, err := Generate(compileSrc(src), Options{AllowErrors: true})
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		checkSiteLinks(t, "broken plan", files)
	}
}
