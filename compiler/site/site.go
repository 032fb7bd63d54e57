package site

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"unicode"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/stdlib/templates"
)

// Options control a build.
type Options struct {
	// AllowErrors builds a site for a plan with error diagnostics, with a
	// banner on every page that says so.
	AllowErrors bool
}

// ErrPlanErrors is returned when the plan has errors and AllowErrors is
// false: no site is written.
var ErrPlanErrors = errors.New("the plan has errors; no site was written (use --allow-errors to publish it anyway)")

// Build generates the site for a compiled plan and writes it to out.
func Build(r *compiler.Result, out string, opts Options) (files []string, err error) {
	pages, err := Generate(r, opts)
	if err != nil {
		return nil, err
	}
	if err := Write(out, pages); err != nil {
		return nil, err
	}
	return sortedNames(pages), nil
}

// Generate renders every file of the site, by file name.
func Generate(r *compiler.Result, opts Options) (map[string][]byte, error) {
	errs, _ := display.Count(r.Diags)
	if errs > 0 && !opts.AllowErrors {
		return nil, ErrPlanErrors
	}
	g, err := newGen(r)
	if err != nil {
		return nil, err
	}
	if err := g.all(); err != nil {
		return nil, err
	}
	css, err := templates.FS.ReadFile("site.css")
	if err != nil {
		return nil, err
	}
	g.files["site.css"] = css
	return g.files, nil
}

// all renders every page.
func (g *gen) all() error {
	steps := []func() error{g.overview, g.tree, g.funnels, g.channels, g.nodes, g.diagnostics,
		g.personas, g.journeys, g.analyses}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// render executes a page template with the shared frame and stores the page.
func (g *gen) render(file, kind, title string, body any) error {
	t, ok := g.tmpl[kind]
	if !ok {
		return fmt.Errorf("no template %q", kind)
	}
	data := frame{
		Lang: pageLang(g.planTitle()), Title: title, PlanTitle: g.planTitle(),
		Nav: g.nav(file), Errors: g.errors, Body: body,
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", data); err != nil {
		return fmt.Errorf("rendering %s: %w", file, err)
	}
	if _, dup := g.files[file]; dup {
		return fmt.Errorf("two pages named %s", file)
	}
	g.files[file] = b.Bytes()
	return nil
}

func sortedNames(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// pageLang is "ja" when the plan's title is written in Japanese, so that
// browsers pick Japanese glyphs for Han characters, and "en" otherwise.
func pageLang(title string) string {
	for _, r := range title {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return "ja"
		}
	}
	return "en"
}
