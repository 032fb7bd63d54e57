package site

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// narrowShots are the pages of the extra browser-test plans saved as
// screenshots, by the name of the shot after the plan's.
var narrowShots = map[string]string{"index.html": "overview", "funnel.demand.html": "funnel", "teams.html": "teams"}

// checkNarrowSite opens every page of a site in the browser's current
// (narrow) window: each must load, draw its charts at a size, and not
// scroll sideways. TestBrowser's listener records console errors and
// requests off the site.
func checkNarrowSite(ctx context.Context, t *testing.T, site, artifacts, name string) {
	t.Helper()
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		page := name + "/" + e.Name()
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site, e.Name()))}).String()
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitReady("body")); err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		sizes, err := chromedp.Run(ctx, chromedp.Evaluate[[]map[string]float64](
			`[...document.querySelectorAll("svg.chart")].map(s => {const r = s.getBoundingClientRect(); return {w: r.width, h: r.height}})`))
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		for i, s := range sizes {
			if s["w"] <= 0 || s["h"] <= 0 {
				t.Errorf("%s: chart %d has size %vx%v", page, i, s["w"], s["h"])
			}
		}
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		if overflow {
			t.Errorf("%s scrolls sideways in a narrow window", page)
		}
		if shot, ok := narrowShots[e.Name()]; ok {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
			if err != nil {
				t.Errorf("screenshot %s: %v", page, err)
				continue
			}
			if err := os.WriteFile(filepath.Join(artifacts, name+"-"+shot+"-narrow.png"), png, 0o644); err != nil {
				t.Error(err)
			}
		}
	}
}
