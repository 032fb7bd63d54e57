package site

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/planc-dev/planc/compiler/site/sitetest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWorkedNumbers checks the worked example's solved numbers on the
// pages that show them, as the language design gives them.
func TestWorkedNumbers(t *testing.T) {
	files := generate(t, worked)
	want := map[string][]string{
		"index.html":                 {"FY2027 new business", "¥480,000,000", "2,286", "7,620", "¥158,877,000", "¥100,000,000", "over by ¥58,877,000", `href="diagnostics.html"`},
		"funnel.demand.html":         {"7,620", "2,286", "1,600", "800", "200", "↓ 30% of inquiry", "handoff: marketing → inside_sales", "Score 50+, company of 100+ employees"},
		"channels.html":              {"¥40,005,000", "¥76,200,000", "¥12,192,000", "¥30,480,000", "¥158,877,000", "2,667", "1,905", "cap ¥100,000,000", "¥58,877,000"},
		"channel.webinar.html":       {"¥40,005,000", "2,667", `share  = &#34;35%&#34;`, "solved", "input"},
		"funnel.demand.mql.html":     {"2,286", "30%", `rate  = &#34;30%&#34;`},
		"kgi.revenue.html":           {"¥480,000,000", "target", `formula = <a href="funnel.demand.html#v-revenue">funnel.demand.revenue</a>`},
		"diagnostics.html":           {"over-budget", "¥58,877,000", `cap = &#34;1億円&#34;`, "^^^^^^^"},
		"tree.html":                  {"¥158,877,000", "2,286", "7,620", `href="kgi.revenue.html"`},
		"funnel.demand.won.html":     {"Budget, authority, need and timing", "inside_sales → sales"},
		"funnel.demand.inquiry.html": {"Fed by", "channel.webinar.html"},
	}
	for page, subs := range want {
		pageHas(t, files, page, subs...)
	}

	// Over budget is an error: every page says so.
	for _, name := range pageNames(files) {
		if !bytes.Contains(files[name], []byte(`class="banner"`)) {
			t.Errorf("%s has no error banner", name)
		}
	}
}

func TestCleanPlan(t *testing.T) {
	files := generate(t, clean)
	for _, name := range pageNames(files) {
		if bytes.Contains(files[name], []byte(`class="banner"`)) {
			t.Errorf("%s has an error banner but the plan has no error", name)
		}
	}
	if !bytes.Contains(files["kpi.cost_per_deal.html"], []byte(`<a href="channels.html#budget-marketing">budget.marketing.spend</a> / <a href="funnel.demand.won.html#v-volume">funnel.demand.won.volume</a>`)) {
		t.Errorf("formula of kpi.cost_per_deal is not linked:\n%s", files["kpi.cost_per_deal.html"])
	}
	if !bytes.Contains(files["diagnostics.html"], []byte("診断はありません")) { // the plan is Japanese
		t.Error("diagnostics.html of a clean plan does not say so")
	}
}

// TestLinks checks every page of both sites: links resolve to a file and
// an id in it, ids are unique, and nothing points off the site.
func TestLinks(t *testing.T) {
	for _, dir := range []string{worked, clean} {
		files := generate(t, dir)
		checkSiteLinks(t, dir, files)
		for name, body := range files {
			for _, bad := range []string{"http:", "https:", "//"} {
				if bytes.Contains(body, []byte(bad)) {
					t.Errorf("%s: %s contains %q", dir, name, bad)
				}
			}
		}
	}
}

// checkSiteLinks fails for an id used twice on a page and for a link (href
// or src) that does not resolve to a file of the site and an id in it.
func checkSiteLinks(t *testing.T, plan string, files map[string][]byte) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for _, name := range pageNames(files) {
		ids[name] = map[string]bool{}
		for _, id := range attrs(files[name], "id") {
			if ids[name][id] {
				t.Errorf("%s: %s: id %q twice", plan, name, id)
			}
			ids[name][id] = true
		}
	}
	for _, name := range pageNames(files) {
		for _, ref := range append(attrs(files[name], "href"), attrs(files[name], "src")...) {
			checkLink(t, plan, name, ref, files, ids)
		}
	}
}

func checkLink(t *testing.T, dir, page, ref string, files map[string][]byte, ids map[string]map[string]bool) {
	t.Helper()
	if ref == "" {
		return // a dangerous Markdown link that goldmark emptied: the page itself
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
		t.Errorf("%s: %s links off the site: %q", dir, page, ref)
		return
	}
	target := page
	if u.Path != "" {
		target = filepath.ToSlash(filepath.Clean(u.Path))
	}
	if _, ok := files[target]; !ok {
		t.Errorf("%s: %s links to missing file %q", dir, page, ref)
		return
	}
	if u.Fragment != "" && !ids[target][u.Fragment] {
		t.Errorf("%s: %s links to missing id %q", dir, page, ref)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	buildTo(t, worked, a)
	buildTo(t, worked, b)
	fa, fb := readDir(t, a), readDir(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, body := range fa {
		if !bytes.Equal(body, fb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestErrorsBuildNoSite(t *testing.T) {
	if _, err := Generate(compile(t, worked), Options{}); !errors.Is(err, ErrPlanErrors) {
		t.Fatalf("err = %v, want ErrPlanErrors", err)
	}
}

// TestEscaping: user text cannot inject markup or script.
func TestEscaping(t *testing.T) {
	files := generate(t, clean)
	for name, body := range files {
		for _, bad := range []string{"<script", "onerror", "javascript:", "<b>waterfall", "<img"} {
			if bytes.Contains(bytes.ToLower(body), []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	index := files["index.html"]
	for _, want := range []string{"&lt;script&gt;alert(", "<!-- raw HTML omitted -->", `<a href="">click me</a>`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index.html does not contain %q", want)
		}
	}
	if !bytes.Contains(files["funnel.demand.html"], []byte("Demand &lt;b&gt;waterfall&lt;/b&gt;")) {
		t.Error("funnel title is not escaped")
	}
}

func TestMarkdown(t *testing.T) {
	files := generate(t, clean)
	index := string(files["index.html"])
	for _, want := range []string{`<h4 id="売上目標">売上目標</h4>`, `<h4 id="売上目標-2">売上目標</h4>`, "<table>", `id="plan-fn:1"`, `href="#plan-fn:1"`, "<strong>4.8億円</strong>"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html does not contain %q", want)
		}
	}
	if !strings.Contains(string(files["funnel.demand.sal.html"]), `id="定義"`) {
		t.Error("stage definition heading has no Japanese id")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"売上目標":           "売上目標",
		"Revenue Goal!":  "revenue-goal",
		"  MQL -> SQL  ": "mql-sql",
		"???":            "section",
		"計算方法 (FY2027)":  "計算方法-fy2027",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
	ids := newIDs("v-volume")
	if got := ids.unique(slug("V volume")); got != "v-volume-2" {
		t.Errorf("reserved id reused: %q", got)
	}
}

// TestLongJapaneseName: a block named with 55 Japanese characters spells
// out to a file name of more than 255 bytes, which build failed to write
// ("file name too long") after check had passed. Page names are cut to
// 120 bytes with a hash that keeps them apart.
func TestLongJapaneseName(t *testing.T) {
	long := strings.Repeat("新規顧客獲得ウェビナー", 5) // 55 characters
	src := "plan {\n  title = \"長い名前\"\n}\n" +
		"kgi \"売上\" {\n  target  = \"2.4億円\"\n  formula = funnel." + long + ".revenue\n}\n" +
		"funnel \"" + long + "\" {\n  deal_size = \"180万円\"\n  stage \"リード\" {}\n  stage \"受注\" {\n    rate = \"3.5%\"\n  }\n}\n" +
		"channel \"ウェビナー\" {\n  funnel = funnel." + long + "\n  cpa    = \"1.2万円\"\n}\n"
	r := compileSrc(src)
	if r.Diags.HasErrors() {
		t.Fatal(r.Diags)
	}
	out := filepath.Join(t.TempDir(), "site")
	files, err := Build(r, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if len(name) > 255 {
			t.Errorf("file name of %d bytes: %s", len(name), name)
		}
	}
	checkSiteLinks(t, "long name", readDir(t, out))
}

// TestNavBounded: the nav lists at most maxNavItems funnels; a plan with
// more has one entry for them all, so that every page does not grow with
// the number of funnels (at 10,000 metrics, the nav was 53 KB of a 58 KB
// page).
func TestNavBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("plan {\n  title = \"Many funnels\"\n}\n")
	for i := range maxNavItems + 1 {
		fmt.Fprintf(&b, "funnel \"f%d\" {\n  deal_size = \"180万円\"\n  stage \"lead\" {}\n  stage \"won\" {\n    rate = \"3.5%%\"\n  }\n}\n", i)
		fmt.Fprintf(&b, "channel \"c%d\" {\n  funnel = funnel.f%d\n  cpa    = \"1.2万円\"\n  leads  = 2000\n}\n", i, i)
	}
	files, err := Generate(compileSrc(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSiteLinks(t, "many funnels", files)
	page := string(files["channel.c0.html"])
	if strings.Contains(page, ">Funnel: ") {
		t.Error("the nav lists funnels one by one")
	}
	if !strings.Contains(page, `<a href="index.html#funnels">Funnels (6)</a>`) {
		t.Error("the nav has no entry for all the funnels")
	}
}

// TestMarkdownLimits: Markdown shapes that make goldmark take quadratic
// time ("[a](" 50,000 times took 20 s; lists nested thousands deep) are
// shown as plain, escaped text; Markdown within the limits is rendered.
func TestMarkdownLimits(t *testing.T) {
	plain := []string{
		strings.Repeat("[a](", 50000),
		strings.Repeat("- ", maxLineDepth+1) + "deep",
		strings.Repeat("> ", 5000) + "<b>quoted</b>",
		strings.Repeat("word ", maxMarkdown/5+1),
	}
	for _, src := range plain {
		got := string(markdown(src, newIDs(), "d"))
		if !strings.HasPrefix(got, `<p class="plain">`) || strings.Contains(got, "<b>") || strings.Contains(got, "<a ") {
			t.Errorf("markdown(%.20q...) = %.80q..., want plain escaped text", src, got)
		}
	}
	if got := string(markdown(strings.Repeat("- ", maxLineDepth)+"[ok](#x)", newIDs(), "d")); !strings.Contains(got, `<a href="#x">ok</a>`) {
		t.Errorf("Markdown within the limits not rendered: %.200q", got)
	}
}

// TestDuplicateHeadingIDs: 20,000 headings with one text get the ids x,
// x-2 ... x-20000 (each id used to be found by trying every suffix
// before it: 26 s).
func TestDuplicateHeadingIDs(t *testing.T) {
	ids := newIDs("x-3")
	var got []string
	for range 20000 {
		got = append(got, ids.unique("x"))
	}
	if got[0] != "x" || got[1] != "x-2" || got[2] != "x-4" || got[19999] != "x-20001" {
		t.Errorf("ids %v ... %s", got[:3], got[19999])
	}
}

// BenchmarkDuplicateHeadings renders a description of n identical
// headings (8,000 of them fit in maxMarkdown): time per heading stays
// flat as n grows.
func BenchmarkDuplicateHeadings(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		src := strings.Repeat("# Goal\n", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				markdown(src, newIDs(), "d")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/heading")
		})
	}
}

// scriptLink is a link or source whose target is a script, however its
// scheme is spelled or escaped as an entity.
var scriptLink = regexp.MustCompile(`(?i)(href|src)\s*=\s*["']?\s*(javascript\s*(:|&#)|&#)`)

// FuzzMarkdown: any text renders without a panic, and never as raw HTML:
// plan text is written by many people and the site is published.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"# 売上目標\n\n- a\n- b", "<script>alert(1)</script>", "[x](javascript:alert(1))", "[^1]\n\n[^1]: n", strings.Repeat("[a](", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got := string(markdown(src, newIDs(), "d"))
		// "javascript:" as text is text; in a link's target it would run.
		if strings.Contains(strings.ToLower(got), "<script") || scriptLink.MatchString(got) {
			t.Fatalf("markdown(%q) = %q lets HTML or a script link through", src, got)
		}
	})
}

// TestTablesAddUp: the sites of the site's test plans and of the
// compiler's hand-checked solve archives (the cohorts' worked example
// and the budget hierarchy among them) have tables whose total rows are
// the sums of their rows.
func TestTablesAddUp(t *testing.T) {
	archives, _ := filepath.Glob("../testdata/solve/*.txtar")
	checked := 0
	for _, a := range append(archives, clean, content, budgets) {
		files := generate(t, a)
		problems, n := sitetest.Reconcile(files)
		checked += n
		for _, p := range problems {
			t.Errorf("%s: %s", a, p)
		}
	}
	if checked == 0 {
		t.Error("no total row to check")
	}
}

// TestJapaneseTablesAddUp: a Japanese site's columns of yen, in 万 and 億
// ("1億1,480万円"), add up to their total rows as the yen do: every column
// of money is checked, not passed over as text.
func TestJapaneseTablesAddUp(t *testing.T) {
	for _, plan := range japanesePlans {
		files := generate(t, plan)
		problems, n := sitetest.Reconcile(files)
		for _, p := range problems {
			t.Errorf("%s: %s", plan, p)
		}
		money := 0
		for _, page := range pageNames(files) {
			money += bytes.Count(files[page], []byte("万円</td>"))
		}
		if n == 0 || money == 0 {
			t.Errorf("%s: %d columns checked, %d amounts in 万", plan, n, money)
		}
	}
	// The columns of money are among those checked: a total off by one
	// 万 is caught.
	files := generate(t, "../../examples/fy2027-ja")
	page := string(files["channels.html"])
	i := strings.Index(page, "<tfoot>")
	j := i + strings.Index(page[i:], "万円</td>")
	start := strings.LastIndex(page[:j], ">") + 1
	files["channels.html"] = []byte(page[:start] + "9" + page[start:])
	if problems, _ := sitetest.Reconcile(files); len(problems) == 0 {
		t.Errorf("a total of yen off by a digit (%q) adds up", page[start:j+len("万円")])
	}
}
