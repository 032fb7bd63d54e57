package site

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// findChromium returns a Chromium or Chrome binary, or "".
func findChromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser opens every page of the worked example's site in headless
// Chromium from file:// and checks that it loads cleanly and that its
// charts are drawn; it saves screenshots for people to look at.
func TestBrowser(t *testing.T) {
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
	site := filepath.Join(t.TempDir(), "site")
	buildTo(t, worked, site)
	artifacts := os.Getenv("PLANC_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

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
	defer cancel()
	var mu sync.Mutex
	var problems []string
	// The listener sees every event from the start of the tab; it runs in
	// the tab's message loop, so it only records.
	listen := chromedp.WithListener(func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				problems = append(problems, fmt.Sprintf("console %s: %d args", e.Type, len(e.Args)))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				problems = append(problems, fmt.Sprintf("browser log %s: %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL))
			}
		case *network.EventLoadingFailed:
			problems = append(problems, "request failed: "+e.ErrorText)
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(e.Request.URL, "file://") {
				problems = append(problems, "request off the site: "+e.Request.URL)
			}
		}
	})
	ctx, cancel := chromedp.NewContext(actx, listen)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}

	shots := map[string]string{"index.html": "overview.png", "tree.html": "kpi-tree.png", "funnel.demand.html": "funnel.png", "channels.html": "channels.png", "channel.webinar.html": "channel.png"}
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site, e.Name()))}).String()
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitReady("body")); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		sizes, err := chromedp.Run(ctx, chromedp.Evaluate[[]map[string]float64](
			`[...document.querySelectorAll("svg.chart")].map(s => {const r = s.getBoundingClientRect(); return {w: r.width, h: r.height}})`))
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		for i, s := range sizes {
			if s["w"] <= 0 || s["h"] <= 0 {
				t.Errorf("%s: chart %d has size %vx%v", e.Name(), i, s["w"], s["h"])
			}
		}
		if e.Name() == "tree.html" || strings.HasPrefix(e.Name(), "funnel.demand.html") || e.Name() == "channels.html" {
			if len(sizes) == 0 {
				t.Errorf("%s: no chart", e.Name())
			}
		}
		if shot, ok := shots[e.Name()]; ok {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
			if err != nil {
				t.Errorf("screenshot %s: %v", e.Name(), err)
				continue
			}
			if err := os.WriteFile(filepath.Join(artifacts, shot), png, 0o644); err != nil {
				t.Error(err)
			}
		}
	}
	// A narrow window, as on a phone: the overview must still fit.
	index := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site, "index.html"))}).String()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(index), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	narrow, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("index.html scrolls sideways in a 390px window")
	}
	if err := os.WriteFile(filepath.Join(artifacts, "overview-narrow.png"), narrow, 0o644); err != nil {
		t.Error(err)
	}
	// More plans, every page in the narrow window: lead sources and teams.
	for _, p := range []struct{ name, archive string }{{"sources", sourcesTxtar}, {"teams", teamsTxtar}} {
		dir := filepath.Join(t.TempDir(), p.name)
		buildTo(t, txtarPlan(t, p.archive), dir)
		checkNarrowSite(ctx, t, dir, artifacts, p.name)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("screenshots in %s", artifacts)
}
