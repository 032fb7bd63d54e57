package site

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"github.com/planc-dev/planc/compiler/site/sitetest"
)

// TestBudgetHierarchy: channels.html lists the budgets in the order of
// their hierarchies, each with its place, what it pays for (channels,
// fixed items, budgets under it) and the spend they add up to, its cap
// and what is left; the numbers are those computed by hand in the
// compiler's solve/budget_hierarchy.
func TestBudgetHierarchy(t *testing.T) {
	files := generate(t, budgets)
	page := files["channels.html"]
	pageHas(t, files, "channels.html",
		// The list of budgets: children under their parent, indented.
		`<tr class="depth-1"><th scope="row"><a href="channels.html#budget-programs">Programs &lt;b&gt;bold&lt;/b&gt;</a></th><td class="num">¥70,806,510</td><td class="num">¥75,000,000<br><span class="left">¥4,193,490 left</span></td></tr>`,
		`<tr class="depth-2"><th scope="row"><a href="channels.html#budget-events">Events</a></th>`,
		`<td class="num">none</td>`,
		// A section per budget, with its place and its parts.
		`<section class="budget depth-1" id="budget-programs">`,
		`<p class="byline">Part of <a href="#budget-marketing">Marketing department</a>`,
		`<tr id="budget-marketing.item.ma_tool"><th scope="row">MAツール &lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt;<div class="md note"><p>Licence for the year. <!-- raw HTML omitted --></p>`,
		`<td class="num">¥4,000,000</td>`, `<td class="num">¥2,875,000</td>`,
		`<tr><th scope="row"><a href="#budget-programs">Programs &lt;b&gt;bold&lt;/b&gt;</a></th><td class="num">¥70,806,510</td></tr>`,
		`<tr><th scope="row">Total spend</th><td class="num">¥77,681,510</td></tr>`,
		`<tr class="cap-row"><th scope="row">Left</th><td class="num">¥2,318,490</td></tr>`,
		`<tr><th scope="row"><a href="channel.webinar.html">webinar</a></th><td class="num">¥35,282,010</td></tr>`,
		`<tr id="budget-events.item.booth"><th scope="row">Booth design</th><td class="num">¥1,234,500</td></tr>`,
		`The budget has no cap of its own.`,
		// The chart draws the same rows, an item's linking to its row.
		`<a href="#budget-marketing.item.ma_tool">`, `cap ¥36,000,000`)
	order := regexp.MustCompile(`<section class="budget[^"]*" id="([^"]+)"`).FindAllSubmatch(page, -1)
	var got []string
	for _, m := range order {
		got = append(got, string(m[1]))
	}
	if want := []string{"budget-marketing", "budget-programs", "budget-events", "budget-brand"}; !slices.Equal(got, want) {
		t.Errorf("sections in the order %v, want %v", got, want)
	}
	pageHas(t, files, "index.html", `<tr class="depth-2"><th scope="row"><a href="channels.html#budget-events">Events</a></th><td class="num">¥35,524,500</td>`)
	// An item's value links to its row, where a KPI uses it.
	pageHas(t, files, "kpi.tool_share.html", `<a href="channels.html#budget-marketing.item.ma_tool">budget.marketing.item.ma_tool.amount</a>`)
	checkSiteLinks(t, budgets, files)
	for name, body := range files {
		for _, bad := range []string{"<script", "<b>bold", "<img", "onerror="} {
			if bytes.Contains(body, []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
}

// TestBudgetPartsAddUp: when items are fractions of a yen, the rows are
// rounded so that they add up to the total spend shown (¥2.5 and ¥3.5 are
// ¥3 and ¥3 of ¥6, not ¥3 and ¥4), as a reader checking the table expects.
func TestBudgetPartsAddUp(t *testing.T) {
	r := compileSrc(`plan { title = "Rounded" }
budget "b" {
  item "x" {
    amount = "2.5円"
  }
  item "y" {
    amount = "3.5円"
  }
}
`)
	files, err := Generate(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pageHas(t, files, "channels.html", `<th scope="row">x</th><td class="num">¥3</td>`, `<th scope="row">y</th><td class="num">¥3</td>`,
		`Total spend</th><td class="num">¥6</td>`)
	if problems, n := sitetest.Reconcile(files); len(problems) > 0 || n == 0 {
		t.Errorf("%d columns checked: %v", n, problems)
	}
}
