package site

import (
	"html/template"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib/templates"
)

// gen holds what every page needs while the site is generated.
type gen struct {
	r      *compiler.Result
	plan   *lang.Plan
	errors int
	names  *names
	tmpl   map[string]*template.Template
	files  map[string][]byte
	// srcOf maps a file name to its bytes, for "as written" source text.
	srcOf map[string][]byte
	// planDir is the directory of the plan's files, which the site names
	// files relative to.
	planDir string
}

// pageKinds are the page templates; each defines "content" and is parsed
// together with layout.html, which defines the frame.
var pageKinds = []string{"index", "tree", "funnel", "channels", "node", "diagnostics",
	"personas", "journey", "analysis", "teams"}

func newGen(r *compiler.Result) (*gen, error) {
	g := &gen{r: r, plan: r.Plan, names: newNames(r.Info), tmpl: map[string]*template.Template{},
		files: map[string][]byte{}, srcOf: map[string][]byte{}}
	g.errors, _ = display.Count(r.Diags)
	for name, f := range r.Plan.Files {
		g.srcOf[name] = f.Bytes
	}
	g.planDir = commonDir(g.srcOf)
	base, err := template.New("layout.html").ParseFS(templates.FS, "layout.html")
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

// objs lists the plan's objects of a kind.
func (g *gen) objs(kind string) []*compiler.Object { return g.r.Info.Kind(kind) }

// each renders a page for each object of kind, with page.
func (g *gen) each(kind string, page func(*compiler.Object) error) error {
	for _, o := range g.objs(kind) {
		if err := page(o); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) planTitle() string {
	if meta := g.plan.Meta; meta != nil && meta.Title.Value != "" {
		return meta.Title.Value
	}
	return "Plan"
}

func (g *gen) nav(current string) []navItem {
	items := []navItem{{Text: "Overview", Href: "index.html"}, {Text: "KPI tree", Href: "tree.html"}}
	for _, f := range g.objs("funnel") {
		items = append(items, navItem{Text: "Funnel: " + f.Label(), Href: g.names.page(f)})
	}
	items = append(items, navItem{Text: "Channels & budget", Href: "channels.html"})
	if len(g.objs("team")) > 0 {
		items = append(items, navItem{Text: "Teams", Href: teamsPage})
	}
	items = append(items, g.contentNav()...)
	items = append(items, navItem{Text: "Diagnostics", Href: "diagnostics.html"})
	for i := range items {
		items[i].Current = items[i].Href == current
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
	for _, j := range g.objs("journey") {
		items = append(items, navItem{Text: "Journey: " + j.Label(), Href: g.names.page(j)})
	}
	if len(g.objs("analysis")) > 0 {
		items = append(items, navItem{Text: "Analyses", Href: analysesPage})
	}
	return items
}
