package site

import (
	"html/template"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/report"
	"github.com/planc-dev/planc/stdlib/templates"
)

// gen holds what every page needs while the site is generated.
type gen struct {
	m      *compiler.Model
	diags  hcl.Diagnostics
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

func newGen(m *compiler.Model, diags hcl.Diagnostics) (*gen, error) {
	g := &gen{m: m, diags: diags, names: newNames(m), tmpl: map[string]*template.Template{},
		files: map[string][]byte{}, srcOf: map[string][]byte{}}
	g.names.addJourneys(m.Plan.Journeys)
	g.errors, _ = report.Count(diags)
	for name, f := range m.Plan.Files {
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

func (g *gen) planTitle() string {
	if meta := g.m.Plan.Meta; meta != nil && meta.Title.Value != "" {
		return meta.Title.Value
	}
	return "Plan"
}

func (g *gen) nav(current string) []navItem {
	items := []navItem{{Text: "Overview", Href: "index.html"}, {Text: "KPI tree", Href: "tree.html"}}
	for _, f := range g.m.Plan.Funnels {
		items = append(items, navItem{Text: "Funnel: " + blockLabel(f.Title.Value, f.Name), Href: g.names.page(f)})
	}
	items = append(items, navItem{Text: "Channels & budget", Href: "channels.html"})
	if len(g.m.Plan.Teams) > 0 {
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
	if len(g.m.Plan.Personas) > 0 {
		items = append(items, navItem{Text: "Personas", Href: personasPage})
	}
	for _, j := range g.m.Plan.Journeys {
		items = append(items, navItem{Text: "Journey: " + blockLabel(j.Title.Value, j.Name), Href: g.names.page(j)})
	}
	if len(g.m.Plan.Analyses) > 0 {
		items = append(items, navItem{Text: "Analyses", Href: analysesPage})
	}
	return items
}

func blockLabel(title, name string) string {
	if title != "" {
		return title
	}
	return name
}
