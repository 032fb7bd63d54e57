package site

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
)

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
	r := compiler.Compile(lang.Parse([]lang.Source{{Name: "a.plan.hcl", Bytes: []byte(src)}}))
	n := newNames(r.Info)
	var got []string
	for _, j := range r.Plan.Journeys {
		got = append(got, n.page(r.Info.Of(j)))
	}
	want := "journey.buyer-2.html journey.Buyer.html  journey.u8cfcu8cb7.html"
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
