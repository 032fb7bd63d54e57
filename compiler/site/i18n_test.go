package site

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/site/sitetest"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib/i18n"
	"golang.org/x/net/html"
)

// The site speaks the plan's language. A Japanese page has no English
// word of its own: no text that is a key of the catalog (a string left
// untranslated), and no word in Latin letters but the abbreviations a
// Japanese plan writes as they are (MQL, CPA, ...). An English page has
// no Japanese of its own. What the plan writes is its authors' (titles,
// names, descriptions, definitions, formulas, the section for plan
// authors) and the compiler's diagnostics are in English: neither counts.

// japanesePlans are Japanese plans with every kind of page between them.
var japanesePlans = []string{"../../examples/fy2027-ja", "../../examples/the-model", "testdata/ja.txtar"}

// englishPlans are English plans with every kind of page between them.
var englishPlans = []string{"../../examples/saas-demand", "../../examples/it-solutions", worked, scenariosTxtar,
	sourcesTxtar, teamsTxtar, budgets, "../../testdata/actuals", "../../testdata/phasing"}

// abbreviations are the words in Latin letters a Japanese page may show:
// what Japanese marketing writes as it is, currencies, and planc.
var abbreviations = map[string]bool{
	"MQL": true, "SQL": true, "SAL": true, "CAC": true, "ROAS": true, "LTV": true, "KPI": true, "KGI": true,
	"CPA": true, "SEO": true, "ARR": true, "MRR": true, "CRM": true, "MA": true, "B2B": true, "SaaS": true,
	"SWOT": true, "PEST": true, "STP": true, "SAVE": true, "3C": true, "4P": true, "4C": true,
	"JPY": true, "USD": true, "EUR": true, "GBP": true, "planc": true,
}

func TestJapaneseSiteHasNoEnglish(t *testing.T) {
	keys := map[string]bool{}
	for _, k := range i18n.Keys() {
		if i18n.Ja.T(k) != k {
			keys[k] = true
		}
	}
	for _, plan := range japanesePlans {
		r := compile(t, plan)
		if !r.Plan.Meta.Japanese() {
			t.Fatalf("%s is not a Japanese plan", plan)
		}
		files, err := Generate(r, Options{AllowErrors: true})
		if err != nil {
			t.Fatal(err)
		}
		user := userStrings(r)
		for _, name := range pageNames(files) {
			for _, text := range pageTexts(t, files[name]) {
				if keys[text] {
					t.Errorf("%s: %s shows %q, which the catalog translates", plan, name, text)
					continue
				}
				if w := latinWords(withoutUser(refPath.ReplaceAllString(text, " "), user)); len(w) > 0 {
					t.Errorf("%s: %s shows %q in %q", plan, name, strings.Join(w, " "), text)
				}
			}
		}
	}
}

func TestEnglishSiteHasNoJapanese(t *testing.T) {
	for _, plan := range englishPlans {
		r := compile(t, plan)
		if r.Plan.Meta.Japanese() {
			t.Fatalf("%s is a Japanese plan", plan)
		}
		files, err := Generate(r, Options{AllowErrors: true})
		if err != nil {
			t.Fatal(err)
		}
		user := userStrings(r)
		for _, name := range pageNames(files) {
			if !bytes.Contains(files[name], []byte(`<html lang="en">`)) {
				t.Errorf("%s: %s is not in English", plan, name)
			}
			for _, text := range pageTexts(t, files[name]) {
				if strings.IndexFunc(text, japanese) < 0 {
					continue
				}
				if rest := withoutUser(text, user); strings.IndexFunc(rest, japanese) >= 0 {
					t.Errorf("%s: %s shows Japanese of its own in %q", plan, name, text)
				}
			}
		}
	}
}

// TestLatinWords checks the test's own reading of a text.
func TestLatinWords(t *testing.T) {
	for text, want := range map[string]string{
		"受注率 22%": "", "MQLの転換率": "", "月20件": "", "問い合わせ at SQL": "at", "None named.": "None named",
		"4P・3C・B2B": "", "planc が生成": "", "20 件/month": "month", "売上 — channel.seo.revenue = 4,291万円": "",
		"channel.exhibition.stage.inqu…": "",
	} {
		if got := strings.Join(latinWords(text), " "); got != want {
			t.Errorf("latinWords(%q) = %q, want %q", text, got, want)
		}
	}
}

var (
	latinWord = regexp.MustCompile(`[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*`)
	// refPath is a reference path, the plan's own words: "channel.seo.cost",
	// cut short with an ellipsis in a chart.
	refPath = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+\.?…?`)
)

// latinWords are the words of text in Latin letters that are not
// abbreviations, nor in a reference path.
func latinWords(text string) []string {
	text = refPath.ReplaceAllString(text, " ")
	var out []string
	for _, w := range latinWord.FindAllString(text, -1) {
		if !abbreviations[w] {
			out = append(out, w)
		}
	}
	return out
}

func japanese(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == '、' || r == '。'
}

// withoutUser is text without what the plan writes in it, longest first
// (user is sorted so), whole or cut short with an ellipsis; a text that is
// the start of what the plan writes is the plan's.
func withoutUser(text string, user []string) string {
	for _, s := range user {
		if len([]rune(text)) > 1 && strings.HasPrefix(s, text) {
			return ""
		}
		text = strings.ReplaceAll(text, s, " ")
		for r := []rune(s); len(r) > 1 && strings.Contains(text, "…"); r = r[:len(r)-1] {
			text = strings.ReplaceAll(text, string(r)+"…", " ")
		}
	}
	return text
}

// userStrings are what a plan writes that its pages show as written:
// titles, names, owners, roles, unit labels, scenarios' and actuals'
// names, longest first.
func userStrings(r *compiler.Result) []string {
	set := map[string]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				set[s] = true
			}
		}
	}
	if m := r.Plan.Meta; m != nil {
		add(m.Title.Value, m.Owner.Value, m.Period.Value)
	}
	for _, o := range r.Info.Objects {
		add(o.Label(), o.Name())
		if o.Node == nil {
			continue
		}
		h := o.Node.Header()
		add(h.Title.Value, h.Owner.Value)
		switch n := o.Node.(type) {
		case *lang.Persona:
			add(n.Role.Value, n.Company.Value)
		case *lang.Phase:
			add(n.Name, n.Owner.Value)
		}
	}
	for _, v := range r.Info.Vars {
		add(v.Unit.Label)
	}
	for _, s := range r.Scenarios {
		add(s.Name, s.Title())
	}
	if r.Tracking != nil {
		add(r.Tracking.Name)
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// pageTexts are the texts a page shows of its own: its text nodes (SVG's
// too) and its aria-labels and data-labels, trimmed, without what is the
// plan's or the compiler's: code, Markdown, lists of the plan's items,
// published benchmarks' citations, the section for plan authors, and the
// diagnostics' messages (their severity is the page's).
func pageTexts(t *testing.T, page []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	add := func(s string) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			out = append(out, s)
		}
	}
	var walk func(n *html.Node, sevOnly bool)
	walk = func(n *html.Node, sevOnly bool) {
		switch {
		case n.Type == html.TextNode:
			if !sevOnly {
				add(n.Data)
			}
			return
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
			return
		case n.Type == html.ElementNode:
			class := strings.Fields(sitetest.Attr(n, "class"))
			switch {
			case slices.Contains([]string{"script", "style", "code", "pre"}, n.Data),
				slices.Contains(class, "md"), slices.Contains(class, "authors"), slices.Contains(class, "items"),
				slices.Contains(class, "touchpoints"), n.Data == "ul" && slices.Contains(class, "sources"),
				n.Data == "a" && slices.Contains(class, "brand"):
				return
			case n.Data == "section" && slices.Contains(class, "diag"), n.Data == "ul" && slices.Contains(class, "diag-list"),
				n.Data == "ol" && slices.Contains(class, "risks"):
				sevOnly = true
			case slices.Contains(class, "sev"):
				sevOnly = false
			}
			if !sevOnly {
				add(sitetest.Attr(n, "aria-label"))
				add(sitetest.Attr(n, "data-label"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, sevOnly)
		}
	}
	walk(doc, false)
	return out
}

// TestSlotsKept: every translation of a phrase with named slots ("{share}
// of {of}") has the same slots, in whatever order: S and N would
// otherwise leave one unfilled, or drop a value.
func TestSlotsKept(t *testing.T) {
	slot := regexp.MustCompile(`\{[a-z]+\}`)
	slots := func(s string) string {
		found := slot.FindAllString(s, -1)
		sort.Strings(found)
		return strings.Join(found, " ")
	}
	for _, en := range i18n.Keys() {
		if want, got := slots(en), slots(i18n.Ja.T(en)); want != got {
			t.Errorf("%q has the slots %q, its translation %q has %q", en, want, i18n.Ja.T(en), got)
		}
	}
}
