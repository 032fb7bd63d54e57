package site

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/compilertest"
	"github.com/planc-dev/planc/lang"
)

// treePlans are the plans whose KPI tree the tests draw: every example, a
// generated plan of about 200 metrics (compilertest.Generate) and a plan
// whose goal is the sum of 10 sums of 20 KPIs (wideSum).
func treePlans(t *testing.T) map[string]*compiler.Result {
	t.Helper()
	out := map[string]*compiler.Result{}
	for _, ex := range []string{"minimal", "saas-demand", "it-solutions", "the-model", "fy2027-ja"} {
		out[ex] = compile(t, filepath.Join("..", "..", "examples", ex))
	}
	out["worked"] = compile(t, worked)
	out["generated"] = compiler.Compile(lang.Parse(compilertest.Generate(generated)))
	out["wide-sum"] = compileSrc(wideSum())
	return out
}

// generated is the size asked of compilertest.Generate for a plan of about
// 200 metrics (202: 11 funnels of 18, and 2 budgets and teams).
const generated = 210

// wideSum is a plan of 211 metrics: a goal that is the sum of 10 KPIs,
// each the sum of 20 given ones, with long titles.
func wideSum() string {
	var b strings.Builder
	b.WriteString("plan {\n  title = \"Large\"\n}\n")
	var groups []string
	for i := 0; i < 10; i++ {
		var leaves []string
		for j := 0; j < 20; j++ {
			fmt.Fprintf(&b, "kpi \"leaf_%d_%d\" {\n  title = \"リーフ指標 %d-%d with a long title\"\n  value = \"1M JPY\"\n}\n", i, j, i, j)
			leaves = append(leaves, fmt.Sprintf("kpi.leaf_%d_%d", i, j))
		}
		fmt.Fprintf(&b, "kpi \"group_%d\" {\n  formula = %s\n}\n", i, strings.Join(leaves, " + "))
		groups = append(groups, fmt.Sprintf("kpi.group_%d", i))
	}
	fmt.Fprintf(&b, "kgi \"revenue\" {\n  formula = %s\n}\n", strings.Join(groups, " + "))
	return b.String()
}

func treeSite(t *testing.T, name string, r *compiler.Result) map[string][]byte {
	t.Helper()
	files, err := Generate(r, Options{AllowErrors: true})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return files
}

// drawnTree is one SVG of the tree page, parsed.
type drawnTree struct {
	boxes []drawnBox
	// paths are the edge paths, each a parent's, as segments.
	paths [][]segment
}

type drawnBox struct {
	id, class  string
	x, y, w, h int
}

type segment struct{ x1, y1, x2, y2 float64 }

var (
	svgRE  = regexp.MustCompile(`(?s)<svg class="chart kpi-tree"[^>]*>(.*?)</svg>`)
	boxRE  = regexp.MustCompile(`<g(?: id="([^"]*)")? class="(node[^"]*)" transform="translate\((\d+),(\d+)\)"><title>[^<]*</title><rect width="(\d+)" height="(\d+)"`)
	pathRE = regexp.MustCompile(`<path class="edge" d="([^"]*)"/>`)
	cmdRE  = regexp.MustCompile(`([MHVL])\s*(-?[\d.]+)(?:[ ,](-?[\d.]+))?`)
)

// drawnTrees parses the SVGs of a tree page.
func drawnTrees(t *testing.T, page string) []drawnTree {
	t.Helper()
	var out []drawnTree
	for _, m := range svgRE.FindAllStringSubmatch(page, -1) {
		var d drawnTree
		for _, b := range boxRE.FindAllStringSubmatch(m[1], -1) {
			n := atois(b[3:7])
			d.boxes = append(d.boxes, drawnBox{id: html.UnescapeString(b[1]), class: b[2], x: n[0], y: n[1], w: n[2], h: n[3]})
		}
		for _, p := range pathRE.FindAllStringSubmatch(m[1], -1) {
			d.paths = append(d.paths, segments(t, p[1]))
		}
		out = append(out, d)
	}
	return out
}

func atois(ss []string) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i], _ = strconv.Atoi(s)
	}
	return out
}

// segments reads a path of M, H, V and L commands (absolute) as line
// segments.
func segments(t *testing.T, d string) []segment {
	t.Helper()
	var out []segment
	var x, y float64
	rest := strings.TrimSpace(d)
	for _, m := range cmdRE.FindAllStringSubmatch(d, -1) {
		a, _ := strconv.ParseFloat(m[2], 64)
		b, _ := strconv.ParseFloat(m[3], 64)
		switch m[1] {
		case "M":
			x, y = a, b
		case "H":
			out = append(out, segment{x, y, a, y})
			x = a
		case "V":
			out = append(out, segment{x, y, x, a})
			y = a
		case "L":
			out = append(out, segment{x, y, a, b})
			x, y = a, b
		}
		rest = strings.TrimSpace(strings.Replace(rest, m[0], "", 1))
	}
	if rest != "" {
		t.Errorf("path %q has commands other than M, H, V, L: %q", d, rest)
	}
	return out
}

// intersect reports whether two segments share a point.
func intersect(a, b segment) bool {
	d1 := orient(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)
	d2 := orient(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
	d3 := orient(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)
	d4 := orient(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)
	if (d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0) {
		return true
	}
	on := func(s segment, x, y float64) bool {
		return min(s.x1, s.x2) <= x && x <= max(s.x1, s.x2) && min(s.y1, s.y2) <= y && y <= max(s.y1, s.y2)
	}
	return d1 == 0 && on(b, a.x1, a.y1) || d2 == 0 && on(b, a.x2, a.y2) ||
		d3 == 0 && on(a, b.x1, b.y1) || d4 == 0 && on(a, b.x2, b.y2)
}

func orient(ax, ay, bx, by, cx, cy float64) float64 {
	return (bx-ax)*(cy-ay) - (by-ay)*(cx-ax)
}

// through reports whether a segment runs through the inside of a box
// (touching its side is how an edge meets a node).
func through(s segment, b drawnBox) bool {
	x0, x1 := min(s.x1, s.x2), max(s.x1, s.x2)
	y0, y1 := min(s.y1, s.y2), max(s.y1, s.y2)
	bx0, by0, bx1, by1 := float64(b.x), float64(b.y), float64(b.x+b.w), float64(b.y+b.h)
	return x0 < bx1 && bx0 < x1 && y0 < by1 && by0 < y1 ||
		// a segment of no width or height inside the box
		(x0 == x1 && bx0 < x0 && x0 < bx1 && y0 < by1 && by0 < y1) ||
		(y0 == y1 && by0 < y0 && y0 < by1 && x0 < bx1 && bx0 < x1)
}

// TestTreeLayout draws the KPI tree of every example, of a generated plan
// of about 200 metrics and of a wide sum, and checks the drawing: no two
// edges of different parents share a point, no edge runs through a box,
// no two boxes overlap, and every box is inside the drawing.
func TestTreeLayout(t *testing.T) {
	for name, r := range treePlans(t) {
		t.Run(name, func(t *testing.T) {
			page := string(treeSite(t, name, r)["tree.html"])
			trees := drawnTrees(t, page)
			if len(trees) == 0 {
				t.Fatal("no tree drawn")
			}
			w, h := svgSizes(page)
			for k, d := range trees {
				if len(d.boxes) == 0 {
					t.Errorf("tree %d: no node", k)
				}
				for i, a := range d.boxes {
					if a.x < 0 || a.y < 0 || a.x+a.w > w[k] || a.y+a.h > h[k] {
						t.Errorf("tree %d: box %q %v outside the drawing %dx%d", k, a.id, a, w[k], h[k])
					}
					for _, b := range d.boxes[i+1:] {
						if a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h {
							t.Errorf("tree %d: boxes overlap: %v %v", k, a, b)
						}
					}
				}
				var all []segment
				owner := map[int]int{}
				for p, segs := range d.paths {
					for _, s := range segs {
						owner[len(all)] = p
						all = append(all, s)
					}
				}
				crossings := 0
				for i, a := range all {
					for j := i + 1; j < len(all); j++ {
						if owner[i] != owner[j] && intersect(a, all[j]) {
							crossings++
							if crossings <= 5 {
								t.Errorf("tree %d: edges cross: %v (path %d) and %v (path %d)", k, a, owner[i], all[j], owner[j])
							}
						}
					}
					for _, b := range d.boxes {
						if through(a, b) {
							t.Errorf("tree %d: edge %v runs through box %v", k, a, b)
						}
					}
				}
			}
		})
	}
}

var svgSizeRE = regexp.MustCompile(`<svg class="chart kpi-tree" width="(\d+)" height="(\d+)"`)

func svgSizes(page string) (w, h []int) {
	for _, m := range svgSizeRE.FindAllStringSubmatch(page, -1) {
		n := atois(m[1:3])
		w, h = append(w, n[0]), append(h, n[1])
	}
	return w, h
}

// TestTreeNodes checks that every value of each tree is drawn once, and
// once in the outline; that every reference links to where its value is
// drawn; that the outline has every node of the drawing; and that every
// value of the plan is in a tree or in the list of those that are not.
func TestTreeNodes(t *testing.T) {
	for name, r := range treePlans(t) {
		t.Run(name, func(t *testing.T) {
			page := string(treeSite(t, name, r)["tree.html"])
			ids := map[string]int{}
			for _, id := range attrs([]byte(page), "id") {
				ids[id]++
			}
			hrefs := map[string]bool{}
			for _, h := range attrs([]byte(page), "href") {
				hrefs[h] = true
			}
			nodes := 0
			var walk func(n *compiler.TreeNode)
			walk = func(n *compiler.TreeNode) {
				nodes++
				if n.Var != nil {
					p := n.Var.Path.String()
					if n.Ref {
						for _, pre := range []string{"t-", "o-"} {
							if !hrefs["#"+pre+p] {
								t.Errorf("no reference links #%s%s", pre, p)
							}
						}
					}
					for _, pre := range []string{"t-", "o-"} {
						if ids[pre+p] != 1 {
							t.Errorf("%s drawn %d times, want once (id %s%s)", p, ids[pre+p], pre, p)
						}
					}
				}
				for _, k := range n.Kids {
					walk(k)
				}
			}
			for _, root := range compiler.KPITree(r) {
				walk(root)
			}
			// References link to a node on the page.
			for h := range hrefs {
				if strings.HasPrefix(h, "#") && ids[h[1:]] != 1 {
					t.Errorf("%s links to no node", h)
				}
			}
			boxes := 0
			for _, d := range drawnTrees(t, page) {
				boxes += len(d.boxes)
			}
			if boxes != nodes {
				t.Errorf("%d boxes drawn, want %d nodes", boxes, nodes)
			}
			outline := 0
			for _, m := range outlineRE.FindAllStringSubmatch(page, -1) {
				outline += strings.Count(m[1], "<li")
			}
			if outline != nodes {
				t.Errorf("%d items in the outline, want %d nodes", outline, nodes)
			}
			// Every value is drawn, or listed as in no tree.
			rest := page[strings.Index(page, `id="tree-rest"`)+1:]
			if !strings.Contains(page, `id="tree-rest"`) {
				rest = ""
			}
			listed := map[string]bool{}
			for _, h := range attrs([]byte(rest), "href") {
				listed[h] = true
			}
			drawn := map[*compiler.Var]bool{}
			for _, root := range compiler.KPITree(r) {
				markDrawn(root, drawn)
			}
			names := newNames(r.Info)
			for _, v := range r.Info.Vars {
				if !drawn[v] && !listed[names.href(v)] {
					t.Errorf("%s is neither in the tree nor listed", v.Path)
				}
				if drawn[v] && ids["t-"+v.Path.String()] != 1 {
					t.Errorf("%s is not drawn", v.Path)
				}
			}
		})
	}
}

var outlineRE = regexp.MustCompile(`(?s)<div class="tree-outline">(.*?)</div>`)

// TestTreeOperators checks the tree of saas-demand as a reader reads it:
// revenue is won deals × deal size, the won deals SQLs × a rate, and
// the KPIs that the goal's tree does not reach are under Other KPIs.
func TestTreeOperators(t *testing.T) {
	files := generate(t, filepath.Join("..", "..", "examples", "saas-demand"))
	page := string(files["tree.html"])
	for _, want := range []string{
		`<h2>Goals (KGIs)</h2>`, `<h2>Other KPIs</h2>`, `<h2>Not in the tree</h2>`,
		`dy="5">×</text>`, `dy="5">=</text>`, `dy="5">ƒ</text>`,
		`<span class="op">×</span><span class="mark" aria-hidden="true"></span><span class="node" id="o-funnel.demand.deal_size"><a href="funnel.demand.html#v-deal_size">`,
		`href="#t-funnel.demand.sql.volume"`, `href="#o-funnel.demand.sql.volume"`,
		`<a href="lineage.html">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("tree.html has no %s", want)
		}
	}
	// The outline closes the subtrees below its fourth level.
	if !strings.Contains(page, "<details>") || !strings.Contains(page, "<details open>") {
		t.Error("the outline does not open its upper levels and close its deep ones")
	}
}

// TestTreeJapanese checks that fy2027-ja's tree page is in Japanese.
func TestTreeJapanese(t *testing.T) {
	files := generate(t, filepath.Join("..", "..", "examples", "fy2027-ja"))
	page := string(files["tree.html"])
	for _, en := range []string{"Goals (KGIs)", "Other KPIs", "Not in the tree", "drawn elsewhere", "part of a formula", "KPI tree", "Lineage", "not solved"} {
		if strings.Contains(page, ">"+en+"<") {
			t.Errorf("tree.html of a Japanese plan says %q", en)
		}
	}
	for _, ja := range []string{"その他のKPI", "ツリーにない値"} {
		if !strings.Contains(page, ja) {
			t.Errorf("tree.html of a Japanese plan has no %q", ja)
		}
	}
}

// TestLineage checks that the lineage page holds the dependency view of
// every value, and that the nav links it after the KPI tree.
func TestLineage(t *testing.T) {
	r := compile(t, worked)
	files := treeSite(t, "worked", r)
	page, ok := files[lineagePage]
	if !ok {
		t.Fatal("no lineage.html")
	}
	re := regexp.MustCompile(`<g class="node [^"]*" transform="translate\((\d+),(\d+)\)">`)
	if n := len(re.FindAll(page, -1)); n != len(r.Info.Vars) {
		t.Errorf("lineage draws %d values, want %d", n, len(r.Info.Vars))
	}
	if !strings.Contains(string(page), `class="edge cross"`) {
		t.Error("lineage draws no further use of a value")
	}
	nav := string(files["index.html"])
	if i, j := strings.Index(nav, `href="tree.html"`), strings.Index(nav, `href="lineage.html"`); i < 0 || j < i {
		t.Error("the nav does not link lineage.html after tree.html")
	}
}

// TestTreeBrowser draws the tree and lineage pages of fy2027-ja (a tree
// per channel), saas-demand, the-model and the generated plan in the
// browser, at a desktop width and at 390px, with screenshots: neither page
// may scroll sideways, the tree's frame may.
func TestTreeBrowser(t *testing.T) {
	ctx, problems, artifacts := browser(t)
	gen := t.TempDir()
	for _, src := range compilertest.Generate(generated) {
		if err := os.WriteFile(filepath.Join(gen, src.Name), src.Bytes, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ name, plan string }{
		{"tree-ja", "../../examples/fy2027-ja"},
		{"tree-saas", "../../examples/saas-demand"},
		{"tree-model", "../../examples/the-model"},
		{"tree-generated", gen},
	} {
		dir := filepath.Join(t.TempDir(), c.name)
		buildTo(t, c.plan, dir)
		for _, width := range []int64{1280, 390} {
			for page, shot := range map[string]string{"tree.html": "tree", lineagePage: "lineage"} {
				where := fmt.Sprintf("%s/%s at %dpx", c.name, page, width)
				u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, page))}).String()
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844), chromedp.Navigate(u), chromedp.WaitReady("body")); err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				checkCharts(ctx, t, where, true)
				wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
				if err != nil {
					t.Errorf("%s: %v", where, err)
				} else if wide {
					t.Errorf("%s scrolls sideways", where)
				}
				saveShot(t, ctx, filepath.Join(artifacts, fmt.Sprintf("%s-%s-%d.png", c.name, shot, width)))
			}
		}
	}
	reportProblems(t, problems, artifacts)
}

// TestWrap checks how a title breaks into the lines of a box: between
// words, never before a closing bracket or a small kana, and cut with an
// ellipsis after its last line.
func TestWrap(t *testing.T) {
	for _, c := range []struct {
		s     string
		width float64
		lines int
		want  string
	}{
		{"Marketing-qualified lead (MQL) rate", 110, 3, "Marketing-|qualified lead|(MQL) rate"},
		{"Marketing-qualified lead (MQL) rate", 110, 1, "Marketing-quali…"},
		{"MQL(ホットリード)の転換率", 70, 3, "MQL(ホッ|トリード)の|転換率"},
		{"既存顧客ファネル(継続・アップセル)の受注単価", 80, 2, "既存顧客ファ|ネル(継続・…"},
		// A double space at a line's break starts no line of its own, so
		// the last line takes the rest from where it starts.
		{"Alphabet  soup gamma delta epsilon zeta eta theta", 60, 3, "Alphabet|soup|gamma…"},
	} {
		if got := strings.Join(wrap(c.s, c.width, titleFace, c.lines), "|"); got != c.want {
			t.Errorf("wrap(%q, %v, %d) = %q, want %q", c.s, c.width, c.lines, got, c.want)
		}
	}
	for _, l := range wrap("funnel.new_business.revenue + kpi.expansion_arr", 100, codeFace, 3) {
		if codeFace.width(l) > 100 {
			t.Errorf("formula line %q is wider than its box", l)
		}
	}
}

// TestTokens checks where a title may break.
func TestTokens(t *testing.T) {
	for s, want := range map[string]string{
		"展示会（SQL）の転換率":         "展|示|会|（SQL）|の|転|換|率",
		"Sales-qualified lead": "Sales-|qualified |lead",
		"MQL(ホットリード)":          "MQL(ホッ|ト|リー|ド)",
	} {
		if got := strings.Join(tokens(s, false), "|"); got != want {
			t.Errorf("tokens(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTreeAndLineageBounded: a plan too large to draw (a generated plan
// of 1,000 metrics has several thousand values, its goal's tree more
// boxes than treeMaxNodes) gets its trees as outlines, shown on every
// screen, and a lineage page that says why it draws nothing, instead of
// charts of megabytes.
func TestTreeAndLineageBounded(t *testing.T) {
	r := compiler.Compile(lang.Parse(compilertest.Generate(1000)))
	if n := len(r.Info.Vars); n <= lineageMaxValues {
		t.Fatalf("the plan has %d values, not more than %d", n, lineageMaxValues)
	}
	files, err := Generate(r, Options{AllowErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	tree, lineage := string(files["tree.html"]), string(files[lineagePage])
	if !strings.Contains(tree, `<div class="tree-outline outline-only">`) || !strings.Contains(tree, "too many to draw legibly") {
		t.Error("tree.html draws no outline in place of a chart too large")
	}
	if strings.Contains(lineage, "<svg") || !strings.Contains(lineage, fmt.Sprintf("This plan has %d values", len(r.Info.Vars))) {
		t.Error("lineage.html draws a plan beyond its bound, or does not say why it does not")
	}
	for name, page := range map[string]string{"tree.html": tree, lineagePage: lineage} {
		if len(page) > 8<<20 {
			t.Errorf("%s is %d MB", name, len(page)>>20)
		}
	}
}

// TestTreeRefToOutline: a goal whose tree is too large to draw is an
// outline; a small tree drawn after it that uses one of its values links
// its reference box to that value in the outline.
func TestTreeRefToOutline(t *testing.T) {
	var b strings.Builder
	var terms []string
	for i := range treeMaxNodes {
		fmt.Fprintf(&b, "kpi \"a%d\" {\n  formula = %d\n}\n", i, i+1)
		terms = append(terms, fmt.Sprintf("kpi.a%d", i))
	}
	fmt.Fprintf(&b, "kgi \"total\" {\n  formula = %s\n}\n", strings.Join(terms, " + "))
	b.WriteString("kpi \"twice\" {\n  formula = kpi.a0 * 2\n}\n")
	files, err := Generate(compileSrc(b.String()), Options{AllowErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	pageHas(t, files, "tree.html", `<div class="tree-outline outline-only">`, `<svg class="chart kpi-tree"`, `id="o-kpi.a0"`)
	ids := map[string]bool{}
	for _, id := range attrs(files["tree.html"], "id") {
		ids[id] = true
	}
	for _, h := range attrs(files["tree.html"], "href") {
		if strings.HasPrefix(h, "#") && !ids[h[1:]] {
			t.Errorf("tree.html links to %s, which it does not have", h)
		}
	}
}
