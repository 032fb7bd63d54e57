package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib/i18n"
)

// The words of the pages. Every label, heading and phrase a page shows
// goes through the catalog (package i18n): g.T and g.F in Go, t, tf and
// th in the templates. English is the key, so an English site reads as
// it always has; the Japanese is in stdlib/i18n/ja_site.go. What the plan
// writes (titles, names, descriptions, formulas) is shown as written.

// ja reports whether the pages are in Japanese.
func (g *gen) ja() bool { return g.lang == i18n.Ja }

// S fills the named slots of msg in the pages' language ("{share} of
// {of}") with the values after it, name and value in turn: for a phrase
// whose parts a translation puts in another order ("{of}の{share}"). The
// result is plain text.
func (g *gen) S(msg string, kv ...string) string {
	args := make([]any, len(kv))
	for i, x := range kv {
		args[i] = x
	}
	return fill(g.T(msg), args, func(a any) string { return fmt.Sprint(a) })
}

// N is S as HTML: the catalog's text is trusted, a string value is
// escaped and a template.HTML one put in as it is. It is the template
// function tn.
func (g *gen) N(msg string, kv ...any) template.HTML {
	return template.HTML(fill(g.T(msg), kv, func(a any) string { //nolint:gosec // the format is the catalog's, the values escaped
		if h, ok := a.(template.HTML); ok {
			return string(h)
		}
		return escapeText(fmt.Sprint(a))
	}))
}

// fill replaces each {name} of text by the value after name in kv.
func fill(text string, kv []any, show func(any) string) string {
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+fmt.Sprint(kv[i])+"}", show(kv[i+1]))
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// htmlText escapes text as html/template does in an element's content, so
// that a phrase put together with H reads byte for byte as the same phrase
// written in a template.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func escapeText(s string) string { return htmlText.Replace(s) }

// inContext is msg in the pages' language where the same English word
// means something else elsewhere (the SAVE framework's "Value", a
// table's "Value"): the catalog's "context|msg", else msg's own.
func (g *gen) inContext(context, msg string) string {
	if k := context + "|" + msg; g.ja() && i18n.Has(k) {
		return g.T(k)
	}
	return g.T(msg)
}

// counted is "1 error" or "3 errors" in English, and the Japanese format's
// one phrase for both: msgOne has no verb, msgMany a %d.
func (g *gen) counted(n int, msgOne, msgMany string) string {
	if n == 1 {
		return g.T(msgOne)
	}
	return g.F(msgMany, n)
}

// label is an object's label on the pages: a source is its name ("partner
// in Demand"), the default source "marketing" in the pages' language; a
// channel's cohort at a stage is "Webinar at SQL".
func (g *gen) label(o *compiler.Object) string {
	switch {
	case o.Kind == "cohort" && o.Parent != nil && o.At() != nil:
		return g.F("%s at %s", o.Parent.Label(), o.At().Label())
	case o.Kind != "source":
		return o.Label()
	}
	name := g.srcName(o)
	if o.Parent == nil {
		return name
	}
	return g.F("%s in %s", name, o.Parent.Label())
}

// srcName is a source's name as the pages show it, without its funnel.
func (g *gen) srcName(o *compiler.Object) string {
	if o.Name() == lang.DefaultSource {
		return g.T("marketing")
	}
	return o.Name()
}

// valueLabel is a value's label on the pages: its block's label and the
// value's name in the pages' language ("Demand revenue", "新規顧客獲得の
// 売上"); a metric or a stage's volume is its block's label.
func (g *gen) valueLabel(v *compiler.Var) string {
	if !g.ja() {
		return v.Label()
	}
	name := valueName(v)
	if name == "" {
		return g.label(v.Object)
	}
	return g.F("value label: %s %s", g.label(v.Object), g.T(name))
}

// valueName is the English name of a value within its block ("planned
// revenue"), "" for a value named by its block alone. Var.Label writes the
// block's name, the value's and the block's suffix (a source's " in
// Demand").
func valueName(v *compiler.Var) string {
	o := v.Object
	suffix := ""
	switch {
	case o.Kind == "source" && o.Parent != nil:
		suffix = " in " + o.Parent.Label()
	case o.Kind == "cohort" && o.At() != nil:
		suffix = " at " + o.At().Label()
	}
	full, block := v.Label(), o.Label()
	name := strings.TrimSuffix(block, suffix)
	if full == block || !strings.HasPrefix(full, name+" ") || !strings.HasSuffix(full, suffix) || len(full) < len(name)+1+len(suffix) {
		return ""
	}
	return full[len(name)+1 : len(full)-len(suffix)]
}

// origin is how a value comes to be, in the pages' language ("target",
// "solved"); originClass is its class on the page.
func (g *gen) origin(v *compiler.Var) string { return g.T(string(g.r.Origin(v))) }

// anchor is a link as a template writes it: <a href="href">inner</a>,
// the href normalised and escaped as html/template does, so that a phrase
// put together in Go is byte for byte the template's.
func anchor(href string, inner template.HTML) template.HTML {
	return template.HTML(`<a href="` + hrefAttr(href) + `">` + string(inner) + `</a>`) //nolint:gosec // escaped
}

// tag wraps text, escaped, in an element with a class: <strong
// class="num">text</strong>.
func tag(name, class, text string) template.HTML {
	open := "<" + name
	if class != "" {
		open += ` class="` + class + `"`
	}
	return template.HTML(open + ">" + escapeText(text) + "</" + name + ">") //nolint:gosec // escaped
}

// hrefAttr is html/template's normalisation of a URL in an attribute:
// bytes outside RFC 3986's unreserved and reserved sets percent-encoded,
// then the attribute's escaping.
func hrefAttr(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b.WriteByte(c)
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return escapeText(b.String())
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
