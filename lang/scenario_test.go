package lang_test

// Tests of scenario blocks as lang decodes them (Scenario, Change) and of
// Plan.Overlay, which makes a scenario's plan: a copy of every block with
// the scenario's values, the plan itself untouched.

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// scenarioBase is the plan the scenarios of these tests change: the
// tutorial's plan (examples/minimal) with a KPI that has a target, a team
// on the won stage and a budget item.
const scenarioBase = `plan {
  title    = "Scenarios"
  currency = "JPY"
  period   = "2027-04 .. 2028-03"
}

kgi "revenue" {
  target  = "5000万円"
  formula = funnel.demand.revenue
}

kpi "deals" {
  target  = 50
  formula = funnel.demand.won.volume
}

funnel "demand" {
  deal_size = "100万円"
  stage "lead" {}
  stage "opportunity" {
    rate = "10%"
  }
  stage "won" {
    rate = "25%"
    team = team.sales
  }
}

channel "webinar" {
  title  = "Webinars"
  funnel = funnel.demand
  share  = "60%"
  cpa    = "1万円"
}

channel "ads" {
  funnel = funnel.demand
  cpa    = "1.5万円"
}

team "sales" {
  headcount = 5
  capacity  = 10
}

budget "marketing" {
  cap = "3000万円"
  item "tool" {
    amount = "100万円"
  }
}
`

// parseScenario parses scenarioBase followed by src, which holds scenario
// blocks.
func parseScenario(t *testing.T, src string) (*lang.Plan, hcl.Diagnostics) {
	t.Helper()
	plan, diags := lang.Parse([]lang.Source{{Name: "plan.plan.hcl", Bytes: []byte(scenarioBase + src)}})
	if plan == nil {
		t.Fatalf("no plan: %v", diags)
	}
	return plan, diags
}

// wantDiags checks diagnostics: one per want, in order, each "CODE:
// words" with words in the summary or detail.
func wantDiags(t *testing.T, diags hcl.Diagnostics, want ...string) {
	t.Helper()
	if len(diags) != len(want) {
		t.Errorf("%d diagnostics, want %d:\n%s", len(diags), len(want), diagText(diags))
		return
	}
	for i, w := range want {
		code, words, _ := strings.Cut(w, ": ")
		d := diags[i]
		if got := string(lang.CodeOf(d)); got != code {
			t.Errorf("diagnostic %d is %s, want %s: %s", i, got, code, d.Error())
		}
		if text := d.Summary + " " + d.Detail; !strings.Contains(text, words) {
			t.Errorf("diagnostic %d does not say %q: %s", i, words, text)
		}
	}
}

func diagText(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString("  " + string(lang.CodeOf(d)) + " " + d.Error() + "\n")
	}
	return b.String()
}

// changeShape is a change as "kind name [attr attr] {nested...}", for
// comparing decoded changes.
func changeShape(c *lang.Change) string {
	var names []string
	for _, a := range c.Attrs {
		names = append(names, a.Name)
	}
	s := c.Kind + " " + c.Name + " [" + strings.Join(names, " ") + "]"
	if len(c.Nested) > 0 {
		var kids []string
		for _, k := range c.Nested {
			kids = append(kids, changeShape(k))
		}
		s += " {" + strings.Join(kids, ", ") + "}"
	}
	return s
}

func TestScenarioDecode(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		// changes are the decoded changes of the (first) scenario, by
		// changeShape; diags the parse's diagnostics.
		changes []string
		diags   []string
	}{
		{
			name: "values of top-level and nested blocks",
			src: `scenario "s" {
  title       = "What if"
  probability = "25%"
  solve_for   = [kgi.revenue]
  channel "ads" {
    share = "45%"
    cpa   = "2万円"
  }
  funnel "demand" {
    deal_size = "120万円"
    stage "won" {
      rate = "30%"
    }
  }
  budget "marketing" {
    spend = "2000万円"
    item "tool" {
      amount = "0円"
    }
  }
}
`,
			changes: []string{
				"channel ads [share cpa]",
				"funnel demand [deal_size] {stage won [rate]}",
				"budget marketing [spend] {item tool [amount]}",
			},
		},
		{
			name:    "a scenario's own attribute it does not have is a schema error",
			src:     "scenario \"s\" {\n  share = \"10%\"\n}\n",
			diags:   []string{`schema: share belongs in the block it changes`},
			changes: nil,
		},
		{
			name:  "a misspelt own attribute is suggested",
			src:   "scenario \"s\" {\n  probabilty = \"10%\"\n}\n",
			diags: []string{`schema: Did you mean "probability"?`},
		},
		{
			name:  "the plan block cannot be changed",
			src:   "scenario \"s\" {\n  plan {\n    title = \"Other\"\n  }\n}\n",
			diags: []string{"scenario-structure: Not a block a scenario can change"},
		},
		{
			name:  "a stage is named inside its funnel, not at the top",
			src:   "scenario \"s\" {\n  stage \"won\" {\n    rate = \"30%\"\n  }\n}\n",
			diags: []string{"scenario-structure: Not a block a scenario can change"},
		},
		{
			name:  "a channel does not nest in a funnel",
			src:   "scenario \"s\" {\n  funnel \"demand\" {\n    channel \"ads\" {}\n  }\n}\n",
			diags: []string{"scenario-structure: [stage]"},
			// The funnel's change is kept; the misplaced block is not.
			changes: []string{"funnel demand []"},
		},
		{
			name:  "a scenario inside a scenario",
			src:   "scenario \"s\" {\n  scenario \"t\" {}\n}\n",
			diags: []string{"scenario-structure: Not a block a scenario can change"},
		},
		{
			name:  "a kind planc does not have",
			src:   "scenario \"s\" {\n  campaign \"spring\" {}\n}\n",
			diags: []string{"scenario-structure: Not a block a scenario can change"},
		},
		{
			name:  "a change names its block",
			src:   "scenario \"s\" {\n  channel {\n    share = \"10%\"\n  }\n}\n",
			diags: []string{`schema: channel "webinar" { ... }`},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plan, diags := parseScenario(t, tt.src)
			wantDiags(t, diags, tt.diags...)
			if len(plan.Scenarios) != 1 {
				t.Fatalf("%d scenarios, want 1", len(plan.Scenarios))
			}
			sc := plan.Scenarios[0]
			var got []string
			for _, c := range sc.Changes {
				got = append(got, changeShape(c))
			}
			if strings.Join(got, "; ") != strings.Join(tt.changes, "; ") {
				t.Errorf("changes %q, want %q", got, tt.changes)
			}
		})
	}
}

// TestScenarioOwnAttributes: probability, solve_for and the title are the
// scenario's own, never changes.
func TestScenarioOwnAttributes(t *testing.T) {
	plan, diags := parseScenario(t, `scenario "s" {
  title       = "Downside"
  probability = "25%"
  solve_for   = [kgi.revenue, kpi.deals]
}
scenario "t" {}
`)
	wantDiags(t, diags)
	s, u := plan.Scenarios[0], plan.Scenarios[1]
	if s.Name != "s" || s.Title.Value != "Downside" || s.Probability == nil || s.SolveFor == nil || len(s.Changes) != 0 {
		t.Errorf("scenario s decoded as %+v", s)
	}
	if u.Name != "t" || u.Probability != nil || u.SolveFor != nil || len(u.Changes) != 0 {
		t.Errorf("scenario t decoded as %+v", u)
	}
	if plan.Scenario != nil || len(plan.Fixes) != 0 {
		t.Error("the plan as written is no scenario's and fixes nothing")
	}
}

// attrSnapshot records every *Attr field of every block of a plan, by the
// block's pointer and the field's name, to tell that Overlay changed none.
func attrSnapshot(p *lang.Plan) map[lang.Node]map[string]*lang.Attr {
	out := map[lang.Node]map[string]*lang.Attr{}
	var walk func(n lang.Node)
	walk = func(n lang.Node) {
		m := map[string]*lang.Attr{}
		for _, a := range lang.Spec(n.Header().Kind).Attrs {
			m[a.Name] = lang.AttrOf(n, a.Name)
		}
		out[n] = m
		for _, k := range n.Header().Nested {
			walk(k)
		}
	}
	for _, n := range p.Blocks {
		walk(n)
	}
	return out
}

// nodes lists every block of a plan and what nests in it, depth first.
func nodes(p *lang.Plan) []lang.Node {
	var out []lang.Node
	var walk func(n lang.Node)
	walk = func(n lang.Node) {
		out = append(out, n)
		for _, k := range n.Header().Nested {
			walk(k)
		}
	}
	for _, n := range p.Blocks {
		walk(n)
	}
	return out
}

func channel(p *lang.Plan, name string) *lang.Channel {
	for _, c := range p.Channels {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// changeAttr is the attribute name of the first change of kind and name
// (searched depth first) of sc.
func changeAttr(t *testing.T, sc *lang.Scenario, kind, name, attr string) *lang.Attr {
	t.Helper()
	var find func([]*lang.Change) *lang.Attr
	find = func(cs []*lang.Change) *lang.Attr {
		for _, c := range cs {
			if c.Kind == kind && c.Name == name {
				for _, a := range c.Attrs {
					if a.Name == attr {
						return a
					}
				}
			}
			if a := find(c.Nested); a != nil {
				return a
			}
		}
		return nil
	}
	a := find(sc.Changes)
	if a == nil {
		t.Fatalf("the scenario has no %s %q { %s }", kind, name, attr)
	}
	return a
}

func TestOverlay(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		// diags are Overlay's; the parse must have none.
		diags []string
		// fixes are the Fixes' paths.
		fixes []string
		check func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario)
	}{
		{
			name: "a value replaces the plan's in the copy only",
			src:  "scenario \"s\" {\n  channel \"ads\" {\n    cpa = \"2万円\"\n  }\n}\n",
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				a := changeAttr(t, sc, "channel", "ads", "cpa")
				if got := channel(o, "ads").CPA; got != a {
					t.Errorf("the copy's ads cpa is %v, want the scenario's", got)
				}
				if channel(orig, "ads").CPA == a {
					t.Error("the plan's ads cpa is the scenario's")
				}
				// What the scenario does not change is the plan's, as written.
				if channel(o, "ads").Funnel != channel(orig, "ads").Funnel || channel(o, "webinar").Share != channel(orig, "webinar").Share {
					t.Error("the copy lost an attribute the scenario does not change")
				}
			},
		},
		{
			name: "a nested stage's rate",
			src:  "scenario \"s\" {\n  funnel \"demand\" {\n    stage \"won\" {\n      rate = \"30%\"\n    }\n  }\n}\n",
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				a := changeAttr(t, sc, "stage", "won", "rate")
				if got := o.Funnels[0].Stages[2].Rate; got != a {
					t.Errorf("the copy's won rate is %v, want the scenario's", got)
				}
				if orig.Funnels[0].Stages[2].Rate == a || o.Funnels[0].Stages[1].Rate != orig.Funnels[0].Stages[1].Rate {
					t.Error("a rate the scenario does not change moved")
				}
			},
		},
		{
			name: "leads clear the share they exclude",
			src:  "scenario \"s\" {\n  channel \"webinar\" {\n    leads = 500\n  }\n}\n",
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				w, ow := channel(o, "webinar"), channel(orig, "webinar")
				if w.Leads != changeAttr(t, sc, "channel", "webinar", "leads") || w.Share != nil || w.Budget != nil {
					t.Errorf("the copy's webinar has leads %v, share %v, budget %v; want the scenario's leads and no share", w.Leads, w.Share, w.Budget)
				}
				if ow.Share == nil || ow.Leads != nil {
					t.Error("the plan's webinar lost its share")
				}
				if w.Title != ow.Title || w.CPA != ow.CPA {
					t.Error("the copy's webinar lost what is outside the group")
				}
			},
		},
		{
			name: "a KPI's value clears its target",
			src:  "scenario \"s\" {\n  kpi \"deals\" {\n    value = 40\n  }\n}\n",
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				k := o.KPIs[0]
				if k.Value != changeAttr(t, sc, "kpi", "deals", "value") || k.Target != nil || k.Formula != orig.KPIs[0].Formula {
					t.Errorf("the copy's kpi.deals has value %v, target %v; want the scenario's value, no target and the formula", k.Value, k.Target)
				}
			},
		},
		{
			name:  "a value the plan solves is a fix",
			src:   "scenario \"s\" {\n  budget \"marketing\" {\n    spend = \"2000万円\"\n  }\n}\n",
			fixes: []string{"budget.marketing.spend"},
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				if o.Fixes[0].Attr != changeAttr(t, sc, "budget", "marketing", "spend") {
					t.Error("the fix is not the scenario's attribute")
				}
				if o.Budgets[0].Cap != orig.Budgets[0].Cap {
					t.Error("a fix changed the budget's cap")
				}
			},
		},
		{
			name:  "fixes of nested blocks: a stage's by its name, an item's by its segment",
			src:   "scenario \"s\" {\n  funnel \"demand\" {\n    stage \"won\" {\n      volume = 60\n    }\n  }\n  budget \"marketing\" {\n    item \"tool\" {\n      amount = \"50万円\"\n      cost   = \"50万円\"\n    }\n  }\n  channel \"ads\" {\n    leads = 800\n    cost  = \"1200万円\"\n  }\n}\n",
			fixes: []string{"funnel.demand.won.volume", "budget.marketing.item.tool.cost", "channel.ads.cost"},
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				// amount is the item's value attribute: replaced, not fixed.
				if it := o.Budgets[0].Items[0]; it.Amount != changeAttr(t, sc, "item", "tool", "amount") {
					t.Errorf("the copy's item amount is %v, want the scenario's", it.Amount)
				}
				if orig.Budgets[0].Items[0].Amount == changeAttr(t, sc, "item", "tool", "amount") {
					t.Error("the plan's item amount is the scenario's")
				}
			},
		},
		{
			name:  "no such block",
			src:   "scenario \"s\" {\n  channel \"adz\" {\n    share = \"10%\"\n  }\n  funnel \"demand\" {\n    stage \"lost\" {\n      rate = \"1%\"\n    }\n  }\n}\n",
			diags: []string{`scenario-structure: Did you mean "ads"?`, `scenario-structure: No stage "lost" to change`},
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				if len(o.Channels) != 2 || len(o.Funnels[0].Stages) != 3 {
					t.Error("a change of a block the plan does not have added one")
				}
			},
		},
		{
			name:  "a reference is not a value",
			src:   "scenario \"s\" {\n  channel \"ads\" {\n    funnel = funnel.demand\n  }\n  funnel \"demand\" {\n    stage \"won\" {\n      team = team.sales\n    }\n  }\n}\n",
			diags: []string{"scenario-structure: channel.ads's funnel says what the plan is made of", "scenario-structure: funnel.demand.won's team says what the plan is made of"},
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				if channel(o, "ads").Funnel != channel(orig, "ads").Funnel || o.Funnels[0].Stages[2].Team != orig.Funnels[0].Stages[2].Team {
					t.Error("a reference of the plan was changed")
				}
			},
		},
		{
			name:  "a text is not a value",
			src:   "scenario \"s\" {\n  channel \"webinar\" {\n    title = \"Seminars\"\n  }\n}\n",
			diags: []string{"scenario-structure: channel.webinar's title says what the plan is made of"},
			check: func(t *testing.T, orig, o *lang.Plan, sc *lang.Scenario) {
				if channel(o, "webinar").Title.Value != "Webinars" {
					t.Error("the title was changed")
				}
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			orig, diags := parseScenario(t, tt.src)
			wantDiags(t, diags)
			before := attrSnapshot(orig)
			blocks := append([]lang.Node{}, orig.Blocks...)
			sc := orig.Scenarios[0]

			o, odiags := orig.Overlay(sc)
			wantDiags(t, odiags, tt.diags...)

			// The plan is unchanged: the same blocks, each with the same
			// attributes, and no fixes.
			if !reflect.DeepEqual(blocks, orig.Blocks) {
				t.Error("Overlay changed the plan's blocks")
			}
			if after := attrSnapshot(orig); !reflect.DeepEqual(before, after) {
				for n, m := range before {
					for name, a := range m {
						if after[n][name] != a {
							t.Errorf("Overlay changed the plan's %s %q %s", n.Header().Kind, n.Header().Name, name)
						}
					}
				}
			}
			if orig.Scenario != nil || len(orig.Fixes) != 0 || len(orig.Scenarios) != 1 {
				t.Error("Overlay made the plan a scenario's")
			}

			// The copy: the scenario's, with no scenario blocks, sharing
			// the files and nothing else.
			if o.Scenario != sc || len(o.Scenarios) != 0 {
				t.Errorf("the copy is scenario %v with %d scenarios, want %q with none", o.Scenario, len(o.Scenarios), sc.Name)
			}
			if reflect.ValueOf(o.Files).Pointer() != reflect.ValueOf(orig.Files).Pointer() {
				t.Error("the copy does not share the plan's files")
			}
			if o.Meta == nil || o.Meta == orig.Meta || o.Meta.Title.Value != "Scenarios" {
				t.Errorf("the copy's plan block is %v", o.Meta)
			}
			on, cn := nodes(orig), nodes(o)
			if len(cn) != len(on)-1 { // all but the scenario
				t.Fatalf("the copy has %d blocks, want %d", len(cn), len(on)-1)
			}
			origSet := map[lang.Node]bool{}
			for _, n := range on {
				origSet[n] = true
			}
			for _, n := range cn {
				if origSet[n] {
					t.Errorf("the copy shares %s %q with the plan", n.Header().Kind, n.Header().Name)
				}
				if n.Header().Kind == "scenario" {
					t.Error("the copy has a scenario block")
				}
			}
			if len(o.KGIs) != 1 || len(o.KPIs) != 1 || len(o.Funnels) != 1 || len(o.Channels) != 2 || len(o.Budgets) != 1 || len(o.Teams) != 1 {
				t.Errorf("the copy's blocks are filed wrong: %d kgi, %d kpi, %d funnel, %d channel, %d budget, %d team",
					len(o.KGIs), len(o.KPIs), len(o.Funnels), len(o.Channels), len(o.Budgets), len(o.Teams))
			}

			// Nested blocks point to their parents' copies.
			f := o.Funnels[0]
			if len(f.Stages) != 3 || len(f.Nested) != 3 {
				t.Fatalf("the copied funnel has %d stages, %d nested", len(f.Stages), len(f.Nested))
			}
			for i, s := range f.Stages {
				if s.Funnel != f {
					t.Errorf("the copied stage %q points to funnel %p, want the copy %p", s.Name, s.Funnel, f)
				}
				if s == orig.Funnels[0].Stages[i] || f.Nested[i] != lang.Node(s) || s.Name != orig.Funnels[0].Stages[i].Name {
					t.Errorf("the copied stage %d is wrong", i)
				}
			}
			if orig.Funnels[0].Stages[0].Funnel != orig.Funnels[0] {
				t.Error("the plan's stage no longer points to the plan's funnel")
			}
			b := o.Budgets[0]
			if len(b.Items) != 1 || b.Items[0].Budget != b || b.Items[0] == orig.Budgets[0].Items[0] || orig.Budgets[0].Items[0].Budget != orig.Budgets[0] {
				t.Error("the copied item does not point to the copied budget")
			}

			var fixes []string
			for _, fx := range o.Fixes {
				fixes = append(fixes, fx.Path.String())
			}
			if strings.Join(fixes, " ") != strings.Join(tt.fixes, " ") {
				t.Errorf("fixes %q, want %q", fixes, tt.fixes)
			}
			if tt.check != nil {
				tt.check(t, orig, o, sc)
			}
		})
	}
}

// TestOverlayIndependent: two scenarios of one plan, overlaid in turn, do
// not see each other's values.
func TestOverlayIndependent(t *testing.T) {
	orig, diags := parseScenario(t, `scenario "a" {
  channel "ads" {
    cpa = "2万円"
  }
}
scenario "b" {
  channel "webinar" {
    share = "0%"
  }
}
`)
	wantDiags(t, diags)
	a, _ := orig.Overlay(orig.Scenarios[0])
	b, _ := orig.Overlay(orig.Scenarios[1])
	if channel(b, "ads").CPA != channel(orig, "ads").CPA {
		t.Error("scenario b has scenario a's ads cpa")
	}
	if channel(a, "webinar").Share != channel(orig, "webinar").Share {
		t.Error("scenario a has scenario b's webinar share")
	}
	if channel(a, "ads") == channel(b, "ads") {
		t.Error("the two scenarios share a block")
	}
}
