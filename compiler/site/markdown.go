package site

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// footnoteMeta is the document metadata key that carries a fragment's
// footnote id prefix from markdown() to the footnote renderer.
const footnoteMeta = "planc-footnote-prefix"

// md renders the Markdown of descriptions and definitions. It is in
// goldmark's safe mode (no html.WithUnsafe): raw HTML becomes a comment and
// javascript:, vbscript:, file: and data: links are dropped, because plan
// text is written by many people and the site is published.
var md = goldmark.New(
	goldmark.WithExtensions(
		extension.GFM,
		extension.CJK,
		extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
	),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(demoteHeadings{}, 100)),
	),
)

// footnotePrefix gives each fragment its own footnote ids, so that two
// descriptions with a [^1] on one page do not share an id.
func footnotePrefix(n ast.Node) []byte {
	if doc, ok := n.OwnerDocument().Meta()[footnoteMeta].(string); ok {
		return []byte(doc)
	}
	return nil
}

// markdown renders src as HTML. ids holds the ids already used on the page;
// key names the fragment, for its footnote ids.
func markdown(src string, ids *pageIDs, key string) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	// Plan text is valid UTF-8 (lang rejects files that are not); goldmark
	// panics on some invalid input, so make sure of it here too.
	src = strings.ToValidUTF8(src, "\uFFFD")
	if !tame(src) {
		return plainText(src)
	}
	source := []byte(src)
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
	if d, ok := doc.(*ast.Document); ok {
		d.AddMeta(footnoteMeta, key+"-")
	}
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, source, doc); err != nil {
		// Rendering into a buffer cannot fail but for a bug; show the
		// text rather than nothing.
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	// Safe: goldmark runs without html.WithUnsafe and escapes all text.
	return template.HTML(b.String()) //nolint:gosec
}

// Limits of the Markdown that is rendered as such. goldmark takes time
// quadratic in some shapes of input: unclosed link openers ("[a](" 50,000
// times took 20 s), lists and quotes nested thousands deep. No plan's
// description comes near these limits; beyond them the text is shown as
// it is written, as plain text.
const (
	maxMarkdown  = 64 << 10 // bytes
	maxBrackets  = 2000     // '[' in one fragment
	maxLineDepth = 32       // list and quote markers before a line's text
)

// tame reports whether src is within the limits.
func tame(src string) bool {
	if len(src) > maxMarkdown || strings.Count(src, "[") > maxBrackets {
		return false
	}
	for line := range strings.Lines(src) {
		if lineDepth(line) > maxLineDepth {
			return false
		}
	}
	return true
}

// lineDepth counts the list and quote markers that open a line.
func lineDepth(line string) int {
	depth := 0
	for {
		line = strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(line, ">"):
			line = line[1:]
		case len(line) > 1 && strings.ContainsRune("-*+", rune(line[0])) && (line[1] == ' ' || line[1] == '\t'):
			line = line[2:]
		default:
			if i := strings.IndexFunc(line, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && i < len(line)-1 && (line[i] == '.' || line[i] == ')') && line[i+1] == ' ' {
				line = line[i+2:]
			} else {
				return depth
			}
		}
		depth++
	}
}

// plainText shows src as written, paragraph by paragraph, escaped.
func plainText(src string) template.HTML {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(src), "\n\n") {
		b.WriteString(`<p class="plain">`)
		b.WriteString(strings.ReplaceAll(template.HTMLEscapeString(para), "\n", "<br>"))
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String()) //nolint:gosec // escaped above
}

// demoteHeadings moves Markdown headings two levels down: a page has its
// own h1 and h2, and "# Goal" in a description is a heading inside it.
type demoteHeadings struct{}

func (demoteHeadings) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+2, 6)
		}
		return ast.WalkContinue, nil
	})
}

// pageIDs is goldmark's parser.IDs for one page: heading ids from the
// heading's text with letters of any script kept, so that "## 売上目標"
// gets id="売上目標" rather than "heading", unique across every fragment
// of the page and the page's own ids.
type pageIDs struct {
	used map[string]bool
	// next is the suffix to try first for each base, so that n headings
	// with the same text take O(n), not O(n²).
	next map[string]int
}

func newIDs(reserved ...string) *pageIDs {
	p := &pageIDs{used: map[string]bool{}, next: map[string]int{}}
	for _, id := range reserved {
		p.used[id] = true
	}
	return p
}

// Generate implements parser.IDs.
func (p *pageIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(p.unique(slug(string(value))))
}

// Put implements parser.IDs: an id set explicitly ({#id}) is taken.
func (p *pageIDs) Put(value []byte) { p.used[string(value)] = true }

// unique returns base, or base-2, base-3, ... whichever is free, and takes it.
func (p *pageIDs) unique(base string) string {
	id := base
	i := max(p.next[base], 2)
	for ; p.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	p.next[base] = i
	p.used[id] = true
	return id
}

// slug lower-cases s, keeps letters, marks and digits of every script,
// turns runs of spaces and dashes into one dash and drops punctuation.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-':
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}
