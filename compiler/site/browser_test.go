package site

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests open every page of a site in headless Chromium from
// file://: each must load without a console error, an exception or a
// request off the site, draw its charts at a size, and not scroll sideways
// in a phone's 390px window. Screenshots go to $PLANC_ARTIFACTS for people
// to look at.

// TestBrowser checks the worked example at a desktop width and at 390px.
func TestBrowser(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	site := filepath.Join(t.TempDir(), "site")
	buildTo(t, worked, site)
	checkSite(ctx, t, site, siteCheck{name: "worked", widths: []int64{1280, 390},
		charts: []string{"tree.html", "funnel.demand.html", "channels.html"},
		shots: map[string]string{"index.html": "overview", "tree.html": "kpi-tree", "funnel.demand.html": "funnel",
			"channels.html": "channels", "channel.webinar.html": "channel"}}, artifacts)
	reportProblems(t, problems, artifacts)
}

// TestBrowserSourcesAndTeams checks the plans with lead sources and teams
// in the narrow window.
func TestBrowserSourcesAndTeams(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	for _, p := range []struct{ name, archive string }{{"sources", sourcesTxtar}, {"teams", teamsTxtar}} {
		dir := filepath.Join(t.TempDir(), p.name)
		buildTo(t, txtarPlan(t, p.archive), dir)
		checkSite(ctx, t, dir, siteCheck{name: p.name, widths: []int64{390},
			shots: map[string]string{"index.html": "overview", "funnel.demand.html": "funnel", "teams.html": "teams"}}, artifacts)
	}
	reportProblems(t, problems, artifacts)
}

// TestBrowserCohorts checks the worked example of channel cohorts, whose
// channels page has the channel economics, at both widths.
func TestBrowserCohorts(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	dir := filepath.Join(t.TempDir(), "cohorts")
	buildTo(t, txtarPlan(t, "../testdata/solve/cohorts_worked.txtar"), dir)
	checkSite(ctx, t, dir, siteCheck{name: "cohorts", widths: []int64{1280, 390}, charts: []string{"funnel.demand.html"},
		shots: map[string]string{"index.html": "overview", "funnel.demand.html": "funnel", "channels.html": "channels"}}, artifacts)
	reportProblems(t, problems, artifacts)
}

// TestBrowserTimeline checks the plan by month of the Japanese example
// (a quarter-end profile, lags, teams sized for the peak), of saas-demand
// (by calendar days, a 90-day cycle) and of the time phasing worked
// example (a team over capacity in three months) at a desktop width and at
// 390px.
func TestBrowserTimeline(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	for _, c := range []struct{ name, plan string }{
		{"timeline-ja", "../../examples/fy2027-ja"},
		{"timeline-saas", "../../examples/saas-demand"},
		{"timeline-worked", "../../testdata/phasing"},
	} {
		dir := filepath.Join(t.TempDir(), c.name)
		buildTo(t, c.plan, dir)
		checkSite(ctx, t, dir, siteCheck{name: c.name, widths: []int64{1280, 390}, charts: []string{"timeline.html"},
			shots: map[string]string{"timeline.html": "timeline"}}, artifacts)
	}
	reportProblems(t, problems, artifacts)
}

// TestBrowserProgress checks the progress page of the actuals' worked
// example (testdata/actuals: a stage behind, a forecast short, a
// catch-up by month) and of fy2027-ja's first quarter (ahead of plan, with
// channels) at a desktop width and at 390px.
func TestBrowserProgress(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	dir := filepath.Join(t.TempDir(), "progress")
	buildTo(t, "../../testdata/actuals", dir)
	checkSite(ctx, t, dir, siteCheck{name: "progress", widths: []int64{1280, 390}, charts: []string{"progress.html"},
		shots: map[string]string{"progress.html": "progress"}}, artifacts)
	ja := filepath.Join(t.TempDir(), "progress-ja")
	buildTo(t, "../../examples/fy2027-ja", ja)
	checkSite(ctx, t, ja, siteCheck{name: "progress-ja", widths: []int64{1280, 390}, charts: []string{"progress.html"},
		shots: map[string]string{"progress.html": "progress"}}, artifacts)
	reportProblems(t, problems, artifacts)
}

// TestBudgetsBrowser checks a hierarchy of budgets, with fixed items, at
// a desktop width and at 390px.
func TestBudgetsBrowser(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	dir := filepath.Join(t.TempDir(), "budgets")
	buildTo(t, budgets, dir)
	checkSite(ctx, t, dir, siteCheck{name: "budgets", widths: []int64{1280, 390}, charts: []string{"channels.html"},
		shots: map[string]string{"index.html": "overview", "channels.html": "channels"}}, artifacts)
	reportProblems(t, problems, artifacts)
}

// TestContentBrowser checks the personas, journey and analyses pages at a
// desktop width and at 390px.
func TestContentBrowser(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	site := filepath.Join(t.TempDir(), "site")
	buildTo(t, content, site)
	checkSite(ctx, t, site, siteCheck{name: "content", widths: []int64{1280, 390},
		shots: map[string]string{"personas.html": "personas", "journey.buyer.html": "journey", "analyses.html": "analyses"}}, artifacts)
	reportProblems(t, problems, artifacts)
}

// TestBrowserScenarios checks the scenarios page and the what-if
// sections of the funnel page (a tornado, which stage first) of the site
// test's plan of scenarios (a Japanese title, hostile text), of
// saas-demand (five scenarios, goal seeks) and of fy2027-ja's funnel (the
// default tornado, Japanese labels) at a desktop width and at 390px.
func TestBrowserScenarios(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	for _, c := range []struct{ name, plan, funnel string }{
		{"scenarios", txtarPlan(t, scenariosTxtar), "funnel.demand.html"},
		{"scenarios-saas", "../../examples/saas-demand", "funnel.demand.html"},
		{"scenarios-ja", "../../examples/fy2027-ja", "funnel.new_business.html"},
	} {
		dir := filepath.Join(t.TempDir(), c.name)
		buildTo(t, c.plan, dir)
		charts, shots := []string{c.funnel}, map[string]string{c.funnel: "funnel"}
		if _, err := os.Stat(filepath.Join(dir, scenariosPage)); err == nil {
			charts, shots[scenariosPage] = append(charts, scenariosPage), "scenarios"
		}
		checkSite(ctx, t, dir, siteCheck{name: c.name, widths: []int64{1280, 390}, charts: charts, shots: shots}, artifacts)
	}
	reportProblems(t, problems, artifacts)
}

// TestBrowserJapanese opens every page of the Japanese example and of the
// Japanese test plan (every kind of page, errors and all) at a desktop
// width and at a phone's 390px: no element may reach past the window but
// inside a frame that scrolls (a table wider than a phone scrolls in its
// own frame), and every page's screenshot is kept, for people to look at
// as the manager who presents them would.
func TestBrowserJapanese(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	for _, c := range []struct{ name, plan string }{
		{"ja", "../../examples/fy2027-ja"},
		{"ja-all", txtarPlan(t, "testdata/ja.txtar")},
	} {
		dir := filepath.Join(t.TempDir(), c.name)
		buildTo(t, c.plan, dir)
		shots := map[string]string{}
		for _, page := range pageNames(readDir(t, dir)) {
			shots[page] = strings.TrimSuffix(page, ".html")
		}
		checkSite(ctx, t, dir, siteCheck{name: c.name, widths: []int64{1280, 390}, shots: shots, frames: true}, artifacts)
	}
	reportProblems(t, problems, artifacts)
}

// TestBrowserSummary checks the summary of the-model, fy2027-ja,
// saas-demand and of a plan with more of everything than the summary
// shows (summaryStress) at a desktop width and at 390px, and prints it
// to PDF as "Print to PDF" does: it must be one A4 page in landscape.
func TestBrowserSummary(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	for _, c := range []struct{ name, plan string }{
		{"summary-the-model", "../../examples/the-model"},
		{"summary-ja", "../../examples/fy2027-ja"},
		{"summary-saas", "../../examples/saas-demand"},
		{"summary-stress", planDir(t, summaryStress)},
	} {
		dir := filepath.Join(t.TempDir(), c.name)
		buildTo(t, c.plan, dir)
		checkSite(ctx, t, dir, siteCheck{name: c.name, widths: []int64{1280, 390},
			shots: map[string]string{summaryPage: "summary"}}, artifacts)
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, summaryPage))}).String()
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitReady("body")); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		pdf, err := chromedp.Run(ctx, printToPDF())
		if err != nil {
			t.Fatalf("%s: print: %v", c.name, err)
		}
		if err := os.WriteFile(filepath.Join(artifacts, c.name+".pdf"), pdf, 0o644); err != nil {
			t.Error(err)
		}
		pages, w, h := pdfPages(pdf)
		if pages != 1 {
			t.Errorf("%s: the summary prints on %d pages, want 1", c.name, pages)
		}
		// A4 in landscape is 842 x 595 points.
		if w < 840 || w > 843 || h < 594 || h > 596 {
			t.Errorf("%s: the page is %.0f x %.0f points, not A4 in landscape", c.name, w, h)
		}
	}
	reportProblems(t, problems, artifacts)
}

// printToPDF prints the page as Chromium's "Print to PDF" does: the page
// size and margins of its style sheet (@page), backgrounds, no header or
// footer.
func printToPDF() chromedp.Action[[]byte] {
	return func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		yes := true
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	}
}

var (
	pdfPage     = regexp.MustCompile(`/Type\s*/Page\b`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
)

// pdfPages counts the pages of a PDF that Chromium wrote (its page objects,
// "/Type /Page", not the "/Type /Pages" of the tree above them) and
// returns the size of the first, in points.
func pdfPages(pdf []byte) (n int, w, h float64) {
	n = len(pdfPage.FindAll(pdf, -1))
	if m := pdfMediaBox.FindSubmatch(pdf); m != nil {
		x0, _ := strconv.ParseFloat(string(m[1]), 64)
		y0, _ := strconv.ParseFloat(string(m[2]), 64)
		x1, _ := strconv.ParseFloat(string(m[3]), 64)
		y1, _ := strconv.ParseFloat(string(m[4]), 64)
		w, h = x1-x0, y1-y0
	}
	return n, w, h
}

// siteCheck says how to check one site: its name for messages and
// screenshots, the window widths, the pages that must have a chart, and
// the pages to take screenshots of, by the shot's name.
type siteCheck struct {
	name   string
	widths []int64
	charts []string
	shots  map[string]string
	// frames checks that no element reaches past the window but inside
	// a frame that scrolls.
	frames bool
}

// checkSite opens every page of site at every width.
func checkSite(ctx context.Context, t *testing.T, site string, c siteCheck, artifacts string) {
	t.Helper()
	for _, width := range c.widths {
		for _, page := range pageNames(readDir(t, site)) {
			where := fmt.Sprintf("%s/%s at %dpx", c.name, page, width)
			u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site, page))}).String()
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844), chromedp.Navigate(u), chromedp.WaitReady("body")); err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			checkCharts(ctx, t, where, slices.Contains(c.charts, page))
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
			if err != nil {
				t.Errorf("%s: %v", where, err)
			} else if overflow {
				t.Errorf("%s scrolls sideways", where)
			}
			if c.frames {
				checkFrames(ctx, t, where)
			}
			if shot, ok := c.shots[page]; ok {
				saveShot(t, ctx, filepath.Join(artifacts, fmt.Sprintf("%s-%s-%d.png", c.name, shot, width)))
			}
		}
	}
}

// outsideFrames lists the elements of a page whose box reaches past the
// window, sideways, with no ancestor that scrolls sideways: what a phone
// would clip or make the page scroll for.
const outsideFrames = `(() => {
  const w = document.documentElement.clientWidth, out = [];
  const framed = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === "auto" || o === "scroll") return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (r.right <= w + 1 && r.left >= -1) || framed(el)) continue;
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (typeof el.className === "string" && el.className) name += "." + el.className.trim().split(/\s+/).join(".");
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    out.push(name + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "] " + JSON.stringify(text));
  }
  return out;
})()`

// checkFrames fails for each element outside the window and any frame
// that scrolls (outsideFrames).
func checkFrames(ctx context.Context, t *testing.T, where string) {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](outsideFrames))
	if err != nil {
		t.Errorf("%s: %v", where, err)
		return
	}
	for i, o := range out {
		if i == 5 {
			t.Errorf("%s: and %d more elements past the window", where, len(out)-5)
			break
		}
		t.Errorf("%s: %s reaches past the window, in no frame that scrolls", where, o)
	}
}

// checkCharts fails for an SVG chart drawn without a size, and for a page
// that must have a chart and has none. A chart that the page's style does
// not show at this width (the KPI tree on a phone, which shows an outline
// instead) has no size to check.
func checkCharts(ctx context.Context, t *testing.T, where string, must bool) {
	t.Helper()
	sizes, err := chromedp.Run(ctx, chromedp.Evaluate[[]map[string]float64](
		`[...document.querySelectorAll("svg.chart")].map(s => {const r = s.getBoundingClientRect(); return {w: r.width, h: r.height, shown: s.getClientRects().length}})`))
	if err != nil {
		t.Errorf("%s: %v", where, err)
		return
	}
	for i, s := range sizes {
		if s["shown"] > 0 && (s["w"] <= 0 || s["h"] <= 0) {
			t.Errorf("%s: chart %d has size %vx%v", where, i, s["w"], s["h"])
		}
	}
	if must && len(sizes) == 0 {
		t.Errorf("%s: no chart", where)
	}
}

func saveShot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
	if err != nil {
		t.Errorf("screenshot %s: %v", path, err)
		return
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Error(err)
	}
}

// browser starts headless Chromium for a test, or skips the test when
// there is none (failing instead when PLANC_REQUIRE_BROWSER is set, as in
// CI, so that the test cannot silently not run there). problems returns
// what the pages logged, threw or requested that a page of the site must
// not; artifacts is where screenshots go.
func browser(t *testing.T) (ctx context.Context, problems func() []string, artifacts string) {
	t.Helper()
	bin := findChromium()
	if bin == "" && os.Getenv("PLANC_REQUIRE_BROWSER") != "" {
		t.Fatal("PLANC_REQUIRE_BROWSER is set (as in CI) but no Chromium was found")
	}
	if bin == "" {
		t.Skip("no Chromium found (looked for /usr/bin/chromium, chromium, chromium-browser, google-chrome); install one to run the browser test")
	}
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	artifacts = os.Getenv("PLANC_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, problems = headless(t, bin)
	return ctx, problems, artifacts
}

// findChromium returns a Chromium or Chrome binary, or "".
func findChromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func reportProblems(t *testing.T, problems func() []string, artifacts string) {
	t.Helper()
	for _, p := range problems() {
		t.Error(p)
	}
	t.Logf("screenshots in %s", artifacts)
}

// headless starts Chromium for a test.
func headless(t *testing.T, bin string) (ctx context.Context, problems func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0],
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	var mu sync.Mutex
	var found []string
	// The listener sees every event from the start of the tab; it runs in
	// the tab's message loop, so it only records.
	listen := chromedp.WithListener(func(ev any) {
		if p := problem(ev); p != "" {
			mu.Lock()
			defer mu.Unlock()
			found = append(found, p)
		}
	})
	ctx, cancel = chromedp.NewContext(actx, listen)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), found...)
	}
}

// problem describes a browser event that a page of the site must not
// cause, or is "".
func problem(ev any) string {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
			return fmt.Sprintf("console %s: %d args", e.Type, len(e.Args))
		}
	case *runtime.EventExceptionThrown:
		return "exception: " + e.ExceptionDetails.Text
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
			return fmt.Sprintf("browser log %s: %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL)
		}
	case *network.EventLoadingFailed:
		return "request failed: " + e.ErrorText
	case *network.EventRequestWillBeSent:
		if !strings.HasPrefix(e.Request.URL, "file://") {
			return "request off the site: " + e.Request.URL
		}
	}
	return ""
}
