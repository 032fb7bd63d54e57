package plandiff_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/planc-dev/planc/compiler/plandiff"
)

// TestMarkdownEscapes renders user text that Markdown would act on: a
// title with a pipe (which would split a table cell), emphasis, a link,
// HTML, an @-mention and a line break, and a side name with a backtick
// and a pipe. Every row of every table must keep its columns, and no
// special character may reach the output unescaped.
func TestMarkdownEscapes(t *testing.T) {
	title := "A|B *bold* _it_ [x](javascript:y) <script>alert(1)</script> @team ~~s~~ #1 &amp;\nnext"
	src := `
plan { title = "T" }
kpi "k" {
  title = ` + quote(title) + `
  value = VALUE
}
`
	d := plandiff.Compare(side(t, "we`ird|old", strings.Replace(src, "VALUE", "1", 1)),
		side(t, "new", strings.Replace(src, "VALUE", "2", 1)))
	var b bytes.Buffer
	if err := plandiff.Markdown(&b, d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	wantCell := `A\|B \*bold\* \_it\_ \[x\]\(javascript:y\) &lt;script&gt;alert\(1\)&lt;/script&gt; \@team \~\~s\~\~ \#1 &amp;amp; next`
	if !strings.Contains(out, "| `kpi.k` | "+wantCell+" | 1 | 2 | +1 | +100.0% |") {
		t.Errorf("the title is not escaped as expected; got:\n%s", out)
	}
	if !strings.Contains(out, "`` we`ird\\|old `` → `new`") {
		t.Errorf("the side name is not a safe code span; got:\n%s", out)
	}
	unescapedPipe := regexp.MustCompile(`(^|[^\\])\|`)
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		if n := len(unescapedPipe.FindAllString(line, -1)); n != 6+1 {
			t.Errorf("%d cell separators, want 7 (6 columns): %s", n, line)
		}
	}
	if strings.Contains(out, "<script") {
		t.Error("raw HTML reached the Markdown")
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s) // an HCL string literal accepts JSON's escapes
	return string(b)
}

// TestRenderEmpty: when nothing moved, each format says so briefly.
func TestRenderEmpty(t *testing.T) {
	d := plandiff.Compare(side(t, "a", oldPlan), side(t, "b", oldPlan))
	for _, tc := range []struct {
		render func(*bytes.Buffer, *plandiff.Diff) error
		want   string
	}{
		{func(b *bytes.Buffer, d *plandiff.Diff) error { return plandiff.Text(b, d) },
			"Old: no value moved, 17 unchanged (a -> b)\n"},
		{func(b *bytes.Buffer, d *plandiff.Diff) error { return plandiff.Markdown(b, d) },
			plandiff.Marker + "\n### planc diff: Old\n\n`a` → `b`: no value moved, 17 unchanged.\n"},
	} {
		var b bytes.Buffer
		if err := tc.render(&b, d); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", b.String(), tc.want)
		}
	}
	var b bytes.Buffer
	if err := plandiff.JSON(&b, d); err != nil {
		t.Fatal(err)
	}
	var doc plandiff.Document
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Changed || doc.Moved == nil || len(doc.Moved) != 0 || doc.Summary.Unchanged != 17 || doc.FormatVersion != plandiff.FormatVersion {
		t.Errorf("JSON of an empty diff: %s", b.String())
	}
}

// TestRenderStable renders the worked example's diff twice in every
// format: the output must be byte-identical.
func TestRenderStable(t *testing.T) {
	for _, render := range []func(*bytes.Buffer, *plandiff.Diff) error{
		func(b *bytes.Buffer, d *plandiff.Diff) error { return plandiff.Text(b, d) },
		func(b *bytes.Buffer, d *plandiff.Diff) error { return plandiff.Markdown(b, d) },
		func(b *bytes.Buffer, d *plandiff.Diff) error { return plandiff.JSON(b, d) },
	} {
		var first, second bytes.Buffer
		if err := render(&first, plandiff.Compare(workedSides(t))); err != nil {
			t.Fatal(err)
		}
		if err := render(&second, plandiff.Compare(workedSides(t))); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() || first.Len() == 0 {
			t.Errorf("two renderings differ:\n%s\n---\n%s", first.String(), second.String())
		}
	}
}
