package site

import (
	"fmt"
	"html/template"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/quantity"
	"github.com/planc-dev/planc/stdlib/i18n"
	"github.com/planc-dev/planc/stdlib/templates"
)

// gen holds what every page needs while the site is generated.
type gen struct {
	r      *compiler.Result
	plan   *lang.Plan
	errors int
	names  *names
	tmpl   map[string]*template.Template
	out    output
	// srcOf maps a file name to its bytes, for "as written" source text.
	srcOf map[string][]byte
	// bands are the funnels' confidence bands (confidence.go), with the
	// Monte Carlo's options.
	bands    map[*compiler.Object]compiler.FunnelBands
	bandOpts compiler.UncertaintyOptions
	// lang is the language of the pages (the plan's language, Japanese
	// when its title is), style how numbers are written in it.
	lang  i18n.Lang
	style quantity.Style
	// planDir is the directory of the plan's files, which the site names
	// files relative to.
	planDir string
	// whatIf is the sensitivity and the ranking of stages that the
	// funnels' pages show, run before them (runWhatIf).
	whatIf *whatIf
}

// pageKinds are the page templates; each defines "content" and is parsed
// together with layout.html, which defines the frame.
var pageKinds = []string{"index", "tree", "funnel", "channels", "node", "diagnostics",
	"summary",
	"lineage",
	"personas", "journey", "analysis", "teams", "timeline", "progress", "scenarios"}

func newGen(r *compiler.Result, out output) (*gen, error) {
	g := &gen{r: r, plan: r.Plan, names: newNames(r.Info), tmpl: map[string]*template.Template{},
		out: out, srcOf: map[string][]byte{}}
	g.errors, _ = display.Count(r.Diags)
	for name, f := range r.Plan.Files {
		g.srcOf[name] = f.Bytes
	}
	g.planDir = commonDir(g.srcOf)
	if r.Plan.Meta.Japanese() {
		g.lang, g.style = i18n.Ja, quantity.Style{Japanese: true, Plain: r.Plan.Meta.NumberStyle.Value == "plain"}
	}
	funcs := template.FuncMap{"t": g.lang.T, "tf": g.lang.F, "tn": g.N}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templates.FS, "layout.html")
	if err != nil {
		return nil, err
	}
	for _, kind := range pageKinds {
		t, err := template.Must(base.Clone()).ParseFS(templates.FS, kind+".html")
		if err != nil {
			return nil, err
		}
		g.tmpl[kind] = t
	}
	return g, nil
}

// frame is what layout.html renders around a page's content.
type frame struct {
	Lang, Title, PlanTitle string
	Nav                    []navItem
	Errors                 int
	Body                   any
}

type navItem struct {
	Text, Href string
	Current    bool
}

// T is msg in the pages' language (the catalog, package i18n).
func (g *gen) T(msg string) string { return g.lang.T(msg) }

// F formats args with the format msg in the pages' language.
func (g *gen) F(msg string, args ...any) string { return g.lang.F(msg, args...) }

// objs lists the plan's objects of a kind.
func (g *gen) objs(kind string) []*compiler.Object { return g.r.Info.Kind(kind) }

// each renders a page for each object of kind, with page, on every
// processor: the pages are independent, and rendering them is most of a
// build. The error returned is that of the first object, in the plan's
// order, that failed, whatever the timing.
func (g *gen) each(kind string, page func(*compiler.Object) error) error {
	objs := g.objs(kind)
	errs := make([]error, len(objs))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(len(objs), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(objs) && !failed.Load(); i = int(next.Add(1) - 1) {
				if errs[i] = page(objs[i]); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) planTitle() string {
	if meta := g.plan.Meta; meta != nil && meta.Title.Value != "" {
		return meta.Title.Value
	}
	return g.T("Plan")
}

// maxNavItems bounds the nav's entries of one kind (funnels, journeys),
// so that a page's size does not grow with the plan's: beyond it, one
// entry leads to the overview, which lists them all.
const maxNavItems = 5

func (g *gen) nav(current string) []navItem {
	items := []navItem{{Text: "Overview", Href: "index.html"}, {Text: "KPI tree", Href: "tree.html"}}
	items = append([]navItem{{Text: "Summary", Href: summaryPage}}, items...)
	items = append(items, navItem{Text: "Lineage", Href: lineagePage})
	items = append(items, g.navEach("funnel", "Funnel: ", "Funnels", "index.html#"+funnelsAnchor)...)
	if g.r.Timeline != nil {
		items = append(items, navItem{Text: "By month", Href: timelinePage})
	}
	if g.r.Tracking != nil {
		items = append(items, navItem{Text: "Progress", Href: progressPage})
	}
	items = append(items, navItem{Text: "Channels & budget", Href: "channels.html"})
	if len(g.objs("team")) > 0 {
		items = append(items, navItem{Text: "Teams", Href: teamsPage})
	}
	if len(g.r.Scenarios) > 0 {
		items = append(items, navItem{Text: "Scenarios", Href: scenariosPage})
	}
	items = append(items, g.contentNav()...)
	items = append(items, navItem{Text: "Diagnostics", Href: "diagnostics.html"})
	for i := range items {
		items[i].Current = items[i].Href == current
	}
	return items
}

// navEach links the page of each object of kind, its label after prefix;
// more than maxNavItems of them are one entry, plural, linking all.
func (g *gen) navEach(kind, prefix, plural, all string) []navItem {
	objs := g.objs(kind)
	if len(objs) > maxNavItems {
		return []navItem{{Text: fmt.Sprintf("%s (%d)", g.T(plural), len(objs)), Href: all}}
	}
	var items []navItem
	for _, o := range objs {
		items = append(items, navItem{Text: g.T(prefix) + o.Label(), Href: g.names.page(o)})
	}
	return items
}

// contentNav links the pages of plan content, each only when the plan has
// such blocks (and so the page).
func (g *gen) contentNav() []navItem {
	var items []navItem
	if len(g.objs("persona")) > 0 {
		items = append(items, navItem{Text: "Personas", Href: personasPage})
	}
	items = append(items, g.navEach("journey", "Journey: ", "Journeys", "index.html#"+journeysAnchor)...)
	if len(g.objs("analysis")) > 0 {
		items = append(items, navItem{Text: "Analyses", Href: analysesPage})
	}
	return items
}
