package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"sync"

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

// Build generates the site for a compiled plan and writes it to out,
// page by page into a stage that replaces the old site only when every
// page is written. It returns the site's files in name order.
func Build(r *compiler.Result, out string, opts Options) (files []string, err error) {
	if err := publishable(r, opts); err != nil {
		return nil, err
	}
	st, err := newStage(out)
	if err != nil {
		return nil, err
	}
	if err := render(r, st); err != nil {
		st.abort()
		return nil, err
	}
	if err := st.commit(); err != nil {
		return nil, err
	}
	return st.files(), nil
}

// Generate renders every file of the site into memory, by file name.
func Generate(r *compiler.Result, opts Options) (map[string][]byte, error) {
	if err := publishable(r, opts); err != nil {
		return nil, err
	}
	files := &memory{files: map[string][]byte{}}
	if err := render(r, files); err != nil {
		return nil, err
	}
	return files.files, nil
}

// publishable refuses a plan with errors unless opts allow it.
func publishable(r *compiler.Result, opts Options) error {
	if errs, _ := display.Count(r.Diags); errs > 0 && !opts.AllowErrors {
		return ErrPlanErrors
	}
	return nil
}

// output receives the site's files as they are rendered: a stage on disk,
// or memory. Its put is called from several goroutines at once.
type output interface {
	put(name string, data []byte) error
}

// memory holds a site's files by name.
type memory struct {
	mu    sync.Mutex // pages are rendered concurrently (gen.each)
	files map[string][]byte
}

func (m *memory) put(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.files[name]; dup {
		return fmt.Errorf("two pages named %s", name)
	}
	m.files[name] = data
	return nil
}

// render renders every page and the style sheet to out.
func render(r *compiler.Result, out output) error {
	g, err := newGen(r, out)
	if err != nil {
		return err
	}
	if err := g.all(); err != nil {
		return err
	}
	css, err := styleSheet()
	if err != nil {
		return err
	}
	return out.put("site.css", css)
}

// styleSheet joins the templates' style sheets into one: site.css, then
// the others in name order (a sheet per part of the site).
func styleSheet() ([]byte, error) {
	names, err := fs.Glob(templates.FS, "*.css")
	if err != nil {
		return nil, err
	}
	sort.SliceStable(names, func(i, j int) bool { return names[i] == "site.css" || names[j] != "site.css" && names[i] < names[j] })
	var out []byte
	for _, n := range names {
		b, err := templates.FS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	}
	return out, nil
}

// all renders every page.
func (g *gen) all() error {
	steps := []func() error{g.overview, g.tree, g.timeline, g.progress, g.funnels, g.channels, g.nodes, g.diagnostics,
		g.personas, g.journeys, g.analyses, g.scenarios}
	steps = append(steps, g.summary)
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
	// The nav's entries are fixed words, but for the funnels' and the
	// journeys' labels (navEach, which translates its own words).
	nav := g.nav(file)
	for i := range nav {
		nav[i].Text = g.T(nav[i].Text)
	}
	data := frame{
		Lang: g.lang.Code(), Title: title, PlanTitle: g.planTitle(),
		Nav: nav, Errors: g.errors, Body: body,
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", data); err != nil {
		return fmt.Errorf("rendering %s: %w", file, err)
	}
	return g.out.put(file, b.Bytes())
}

func sortedNames(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
