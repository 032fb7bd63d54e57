package site

// The pages of plan content: personas, journeys and analyses.

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/planc-dev/planc/lang"
)

// content is a clean plan with every kind of plan content: personas (one
// that no journey names), two journeys, an analysis of each framework, and
// hostile text in all of them.
const content = "testdata/content.txtar"

func TestPersonasPage(t *testing.T) {
	files := generate(t, content)
	pageHas(t, files, "personas.html",
		`<section class="persona" id="persona-it_manager">`,
		"<h2>情報システム部長</h2>",
		"<code>persona.it_manager</code>",
		"<dt>Role</dt><dd>IT manager at a mid-size manufacturer</dd>",
		"<dt>Company</dt><dd>Manufacturing, 300-1,000 employees</dd>",
		"Cut time spent on <strong>audits</strong> by half",
		"Spreadsheets <!-- raw HTML omitted -->alert('pain')<!-- raw HTML omitted --> everywhere",
		`<a href="">click</a>`,
		// Markdown headings and footnotes get ids of their own.
		`<h4 id="背景">背景</h4>`, `id="persona-it_manager-fn:1"`,
		// Where each persona appears, linked to the phase's column.
		`<a href="journey.buyer.html#phase-awareness">From first contact to renewal: 認知</a>`,
		`<a href="journey.buyer.html#phase-evaluation">From first contact to renewal: evaluation</a>`,
		`id="persona-unused"`, "No journey phase names this persona.",
		`<a href="#persona-cfo">cfo</a> <span class="muted">· CFO</span>`,
	)
	if got := strings.Count(string(files["personas.html"]), `<section class="persona"`); got != 3 {
		t.Errorf("%d persona sections, want 3", got)
	}
}

// TestNoContentNoPages: a plan without content has neither the pages nor
// their nav entries.
func TestNoContentNoPages(t *testing.T) {
	files := generate(t, worked)
	for _, page := range []string{"personas.html", "analyses.html", "journey.buyer.html"} {
		if _, ok := files[page]; ok {
			t.Errorf("the worked example has no plan content but a page %s", page)
		}
	}
	for _, nav := range []string{"Personas", "Journey:", "Analyses"} {
		if bytes.Contains(files["index.html"], []byte(">"+nav)) {
			t.Errorf("index.html has a nav entry %q", nav)
		}
	}
}

// TestContentNav: every page links the content pages, in the site's nav,
// after channels and before diagnostics.
func TestContentNav(t *testing.T) {
	files := generate(t, content)
	nav := `<li><a href="channels.html">Channels &amp; budget</a></li>
<li><a href="personas.html">Personas</a></li>
<li><a href="journey.buyer.html">Journey: From first contact to renewal</a></li>
<li><a href="journey.partner.html">Journey: partner</a></li>
<li><a href="analyses.html">Analyses</a></li>
<li><a href="diagnostics.html">Diagnostics</a></li>`
	for _, page := range []string{"index.html", "funnel.demand.html", "channel.webinar.html"} {
		pageHas(t, files, page, nav)
	}
	pageHas(t, files, "analyses.html", `<li><a href="analyses.html" aria-current="page">Analyses</a></li>`)
}

func TestJourneyPage(t *testing.T) {
	files := generate(t, content)
	page := "journey.buyer.html"
	pageHas(t, files, page,
		"<h1>Journey: From first contact to renewal</h1>",
		"<code>journey.buyer</code>",
		"Seven phases; <strong>awareness</strong> first.",
		`<ol class="journey" aria-label="Phases of From first contact to renewal, in order">`,
		`<li class="phase" id="phase-awareness">`,
		`<span class="step">1</span> <span class="phase-title">認知</span> <code>awareness</code>`,
		`<a href="personas.html#persona-it_manager">情報システム部長</a>`,
		`<a href="personas.html#persona-cfo">cfo</a>`,
		`<a href="channel.exhibition.html">Trade show &lt;b&gt;booth&lt;/b&gt;</a>`,
		`<a href="channel.webinar.html">webinar</a>`,
		"<li>Article in 日経xTECH &lt;i&gt;</li>",
		`<p class="phase-owner">owner inside_sales</p>`,
		`<h4 id="content">Content</h4>`,
	)
	// The phases are drawn in the order written, numbered.
	body := string(files[page])
	order := regexp.MustCompile(`<span class="step">(\d+)</span> <span class="phase-title">([^<]*)</span>`).FindAllStringSubmatch(body, -1)
	var got []string
	for _, m := range order {
		got = append(got, m[1]+" "+m[2])
	}
	want := "1 認知, 2 interest, 3 consideration, 4 evaluation, 5 purchase, 6 onboarding, 7 expansion"
	if strings.Join(got, ", ") != want {
		t.Errorf("phases %q, want %q", strings.Join(got, ", "), want)
	}
	pageHas(t, files, "journey.partner.html", "<h1>Journey: partner</h1>",
		`<ul class="chips"><li><a href="channel.webinar.html">webinar</a></li><li><a href="channel.exhibition.html">`)
}

// TestJourneyFiles: journeys whose names clash as file names on a
// case-insensitive file system get pages of their own, deterministically;
// a duplicate (an error) gets none.
func TestJourneyFiles(t *testing.T) {
	src := "plan {\n  title = \"J\"\n}\n"
	for _, name := range []string{"buyer", "Buyer", "buyer", "購買"} {
		src += "journey \"" + name + "\" {\n  phase \"a\" {}\n}\n"
	}
	r := compileSrc(src)
	n := newNames(r.Info)
	var got []string
	for _, j := range r.Plan.Journeys {
		got = append(got, n.page(r.Info.Of(j)))
	}
	want := "journey.buyer-8170efc4.html journey.Buyer.html  journey.購買.html"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// TestContentSite runs the checks of TestLinks and TestEscaping on the site
// of the content plan: every link resolves to a file and an id in it, ids
// are unique, nothing points off the site, and no user text becomes markup.
func TestContentSite(t *testing.T) {
	files := generate(t, content)
	checkSiteLinks(t, content, files)
	for _, name := range pageNames(files) {
		body := files[name]
		for _, bad := range []string{"<script", "onerror", "javascript:", "<b>", "<i>", "http:", "https:", "//"} {
			if bytes.Contains(bytes.ToLower(body), []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if bytes.Contains(body, []byte(`class="banner"`)) {
			t.Errorf("%s has an error banner but the plan has no error", name)
		}
	}
	if bytes.Contains(files["site.css"], []byte("//")) {
		t.Error("site.css contains //")
	}
}

func TestAnalysesPage(t *testing.T) {
	files := generate(t, content)
	pageHas(t, files, "analyses.html",
		`<section class="analysis" id="analysis-swot">`,
		"<h2>SWOT FY2027</h2>", "<code>analysis.swot</code>", `<p class="byline">SWOT</p>`,
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
	src := "plan {\n  title = \"Broken\"\n}\n\nanalysis \"a\" {\n  framework = \"swat\"\n  strengths = [\"x\"]\n}\n\nanalysis \"b\" {\n  framework = \"pest\"\n  social    = [\"y\"]\n}\n"
	files, err := Generate(compileSrc(src), Options{AllowErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	pageHas(t, files, "analyses.html", `id="analysis-a"`, "unknown framework", "The framework is unknown",
		`id="analysis-b"`, `<div class="fw fw-pest">`, `class="banner"`)
}
