package site

import (
	"bytes"
	"html/template"
	"testing"

	"github.com/planc-dev/planc/stdlib/i18n"
)

// A phrase put together in Go (H, N, anchor, tag) reads byte for byte as
// the same phrase written in a template: its links and its text escaped
// as html/template escapes them.
func TestPhrasesAsTemplates(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="{{.Href}}">{{.Text}}</a>`))
	for _, c := range []struct{ href, text string }{
		{"source.marketing.html", "¥75,000,000"},
		{"channel.展示会.html#v-leads", "+40 <b>&'\"</b>"},
		{"funnel.a b.html?x=1&y=2", "100%"},
		{"journey.%e8%b3%bc.html", "購買"},
	} {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, struct{ Href, Text string }{c.href, c.text}); err != nil {
			t.Fatal(err)
		}
		if got := anchor(c.href, template.HTML(escapeText(c.text))); string(got) != want.String() {
			t.Errorf("anchor(%q, %q) = %s, want %s", c.href, c.text, got, want.String())
		}
	}
}

// TestNamedSlots: S and N fill every slot, N escapes what is not HTML,
// and a translation may put the slots in another order.
func TestNamedSlots(t *testing.T) {
	en, ja := &gen{lang: i18n.En}, &gen{lang: i18n.Ja}
	if got := en.S("{share} of {of}", "share", "97%", "of", "the plan"); got != "97% of the plan" {
		t.Errorf("S = %q", got)
	}
	if got := ja.S("{share} of {of}", "share", "97%", "of", "全ファネルの計画売上"); got != "全ファネルの計画売上の97%" {
		t.Errorf("S in Japanese = %q", got)
	}
	if got := en.N("{a} and {b}", "a", "<i>", "b", template.HTML("<i>")); got != "&lt;i&gt; and <i>" {
		t.Errorf("N = %q", got)
	}
}
