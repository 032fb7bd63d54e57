package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/planc-dev/planc/lang"
)

func TestAnalysesPage(t *testing.T) {
	files := generate(t, content)
	pageHas(t, files, "analyses.html",
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
	src := "plan {\n  title = \"Broken\"\n}\n\nanalysis \"a\" {\n  framework = \"swat\"\n  strengths = [\"x\"]\n}\n\nanalysis \"b\" {\n  framework = \"pest\"\n  social    = [\"y\"]\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.plan.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	files := generate(t, dir)
	pageHas(t, files, "analyses.html", `id="analysis-a"`, "unknown framework", "The framework is unknown",
		`id="analysis-b"`, `<div class="fw fw-pest">`, `class="banner"`)
}
