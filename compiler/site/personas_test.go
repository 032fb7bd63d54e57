package site

import (
	"bytes"
	"strings"
	"testing"
)

// content is a clean plan with every kind of plan content: personas (one
// that no journey names), two journeys, an analysis of each framework, and
// hostile text in all of them.
const content = "testdata/content"

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
