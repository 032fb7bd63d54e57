package site

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/planc-dev/planc/lang"
)

func TestAnalysesPage(t *testing.T) {
	files := generate(t, content)
	assertContains(t, files, "analyses.html",
		`<section class="analysis" id="analysis-swot">`,
		"<h2>SWOT FY2027</h2>", "<code>analysis.swot</code> · SWOT",
		"Reviewed with sales in <strong>March</strong>.",
		`<div class="fw fw-swot">`, `<section class="cell s-strengths">`,
		"<li><p>Support in Japanese</p>", "Audit rules tighten <!-- raw HTML omitted -->",
		`<div class="fw fw-five_forces">`, `<section class="cell s-rivalry">`, "<h3>Rivalry among competitors</h3>",
		`<div class="fw fw-3c">`, `<div class="fw fw-stp">`, `<div class="fw fw-4p">`, `<div class="fw fw-4c">`,
		`<div class="fw fw-save">`, `<div class="fw fw-pest">`,
		// A section the analysis leaves out keeps its place in the layout.
		"<h3>Place</h3>\n<p class=\"hint\">where and through whom it is sold</p>\n<p class=\"none\">Not filled in.</p>",
		`<a href="#analysis-forces">forces</a> <span class="muted">· Five forces</span>`,
	)
	// Every framework's sections appear in the framework's order, whatever
	// order the plan wrote them in.
	cells := regexp.MustCompile(`<div class="fw fw-([a-z0-9_]+)">|<section class="cell s-([a-z_]+)">`).FindAllStringSubmatch(string(files["analyses.html"]), -1)
	got := map[string][]string{}
	fw := ""
	for _, m := range cells {
		if m[1] != "" {
			fw = m[1]
			continue
		}
		got[fw] = append(got[fw], m[2])
	}
	for _, f := range lang.Frameworks {
		var want []string
		for _, s := range f.Sections {
			want = append(want, s.Name)
		}
		if strings.Join(got[f.Key], " ") != strings.Join(want, " ") {
			t.Errorf("%s cells %v, want %v", f.Key, got[f.Key], want)
		}
	}
}

// TestAnalysisUnknownFramework: a site built with --allow-errors shows an
// analysis whose framework is unknown, without its sections.
func TestAnalysisUnknownFramework(t *testing.T) {
	dir := t.TempDir()
	src := "plan {\n  title = \"Broken\"\n}\n\nanalysis \"a\" {\n  framework = \"swat\"\n  strengths = [\"x\"]\n}\n\nanalysis \"a\" {\n  framework = \"pest\"\n  social    = [\"y\"]\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.plan.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	files := generate(t, dir)
	assertContains(t, files, "analyses.html", `id="analysis-a"`, "unknown framework", "The framework is unknown",
		`id="analysis-a-2"`, `<div class="fw fw-pest">`, `class="banner"`)
}

// TestContentBrowser opens every page of the content plan's site in
// headless Chromium, as TestBrowser does for the worked example, at a
// desktop width and at 390px (a phone): each page must load without a
// problem and none may scroll sideways. Screenshots of the content pages
// at both widths go to $PLANC_ARTIFACTS.
func TestContentBrowser(t *testing.T) {
	bin := findChromium()
	if bin == "" && os.Getenv("PLANC_REQUIRE_BROWSER") != "" {
		t.Fatal("PLANC_REQUIRE_BROWSER is set (as in CI) but no Chromium was found")
	}
	if bin == "" || testing.Short() {
		t.Skip("no Chromium found, or -short")
	}
	site := filepath.Join(t.TempDir(), "site")
	buildTo(t, content, site)
	artifacts := os.Getenv("PLANC_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, problems := headless(t, bin)
	pages := pageNames(readDir(t, site))
	shots := map[string]string{"personas.html": "personas", "journey.buyer.html": "journey", "analyses.html": "analyses"}
	for _, width := range []int64{1280, 390} {
		for _, page := range pages {
			u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site, page))}).String()
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844), chromedp.Navigate(u), chromedp.WaitReady("body")); err != nil {
				t.Errorf("%s: %v", page, err)
				continue
			}
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
			if err != nil {
				t.Errorf("%s: %v", page, err)
			} else if overflow {
				t.Errorf("%s scrolls sideways in a %dpx window", page, width)
			}
			if shot, ok := shots[page]; ok {
				saveShot(t, ctx, filepath.Join(artifacts, fmt.Sprintf("%s-%d.png", shot, width)))
			}
		}
	}
	for _, p := range problems() {
		t.Error(p)
	}
	t.Logf("screenshots in %s", artifacts)
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

// headless starts Chromium for a test. problems returns what the pages
// logged, threw or requested that a page of the site must not.
func headless(t *testing.T, bin string) (ctx context.Context, problems func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0],
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	var mu sync.Mutex
	var found []string
	// The listener runs in the tab's message loop, so it only records.
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
