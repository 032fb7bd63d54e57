package site

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFileName checks the page names of paths one by one: readable UTF-8
// (NFC) where the path is safe, a hash of the path as written where a
// character is replaced or the name is cut.
func TestFileName(t *testing.T) {
	long := "channel." + strings.Repeat("展示会", 20) // 8 + 180 bytes
	for _, c := range []struct{ path, want string }{
		{"kpi.cvr", "kpi.cvr.html"},
		{"funnel.demand.mql", "funnel.demand.mql.html"},
		{"channel.展示会", "channel.展示会.html"},
		{"journey.購買", "journey.購買.html"},
		{"kpi.Revenue_2027-q1", "kpi.Revenue_2027-q1.html"},
		// NFD in, NFC out: the same name as the composed path.
		{"channel.\u30ab\u3099", "channel.\u30ac.html"},
		// Characters no file system or URL path takes are replaced, and
		// the name then ends with the hash of the path as written.
		{"a/b", "a_b-"},
		{`a\b:c*d?e"f<g>h|i`, "a_b_c_d_e_f_g_h_i-"},
		{"a b#c%d", "a_b_c_d-"},
		{"kpi.x\x00y\nz", "kpi.x_y_z-"},
		{"kpi.\u202egnp", "kpi._gnp-"}, // a right-to-left override
		{"kpi.\xff", "kpi._-"},
		{".hidden", "_hidden-"},
		{"-flag", "_flag-"},
		{"", "_-e3b0c442.html"},
		// Long: cut on a character boundary to maxName bytes in all.
		{long, "channel." + strings.Repeat("展示会", 10) + "展示-"},
	} {
		got := newFileNamer().name(c.path, ".html")
		if strings.HasSuffix(c.want, "-") {
			if !strings.HasPrefix(got, c.want) || len(got) != len(c.want)+8+len(".html") {
				t.Errorf("name(%q) = %q, want %q and a hash", c.path, got, c.want)
			}
		} else if got != c.want {
			t.Errorf("name(%q) = %q, want %q", c.path, got, c.want)
		}
		checkFileName(t, c.path, got)
	}
}

// TestFileNameClashes: two long paths that differ only after the cut,
// paths that differ only in case, a path that is a fixed page's name, and
// a path that spells another's hashed name all get names of their own.
func TestFileNameClashes(t *testing.T) {
	long := "channel." + strings.Repeat("新規顧客獲得ウェビナー", 6)
	fn := newFileNamer(fixedPages...)
	sets := [][]string{
		{long + "春", long + "秋"},
		{"journey.buyer", "journey.Buyer", "journey.BUYER"},
		{"kpi.Straße", "kpi.STRASSE", "kpi.strasse"},
		{"index", "summary", "site"},
	}
	seen := map[string]string{}
	for _, set := range sets {
		for _, p := range set {
			name := fn.name(p, ".html")
			if p == "site" && name == "site.css" {
				t.Error("a page is named site.css")
			}
			if prev, ok := seen[foldKey(name)]; ok {
				t.Errorf("%q and %q are both %q", prev, p, name)
			}
			seen[foldKey(name)] = p
			checkFileName(t, p, name)
		}
	}
	// A path that spells the hashed name another was given.
	first := fn.name("a/b", ".html")
	spelled := fn.name(strings.TrimSuffix(first, ".html"), ".html")
	if foldKey(first) == foldKey(spelled) {
		t.Errorf("%q given twice", first)
	}
	if fn.name("index", ".html") == "index.html" {
		t.Error("a path is named index.html")
	}
}

// checkFileName fails for a name that is not safe: longer than maxName,
// not UTF-8 in NFC, with a character a file system or a URL path treats
// specially, hidden, or not a page.
func checkFileName(t *testing.T, path, name string) {
	t.Helper()
	switch {
	case len(name) > maxName:
		t.Errorf("name(%q) = %q: %d bytes", path, name, len(name))
	case !utf8.ValidString(name):
		t.Errorf("name(%q) = %q: not UTF-8", path, name)
	case !strings.HasSuffix(name, ".html"):
		t.Errorf("name(%q) = %q: not a page", path, name)
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "-"):
		t.Errorf("name(%q) = %q: hidden or an option", path, name)
	case !filepath.IsLocal(name):
		t.Errorf("name(%q) = %q: not a local file name", path, name)
	}
	for _, r := range name {
		if strings.ContainsRune(`/\:*?"<>|#%& `, r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) {
			t.Errorf("name(%q) = %q: has %q", path, name, r)
		}
	}
	if u, err := url.Parse(url.PathEscape(name)); err != nil || u.Path != name {
		t.Errorf("name(%q) = %q: its link does not lead back to it", path, name)
	}
}

// FuzzFileName checks the naming of any set of paths: every name is safe
// and bounded, and distinct paths get distinct names, compared as a
// case-insensitive file system compares them.
func FuzzFileName(f *testing.F) {
	long := strings.Repeat("新規顧客獲得ウェビナー", 6)
	for _, seed := range [][3]string{
		{"kpi.cvr", "kpi.CVR", "kpi.cvr-2"},
		{"channel." + long + "春", "channel." + long + "秋", "channel." + long},
		{"a/b", "a_b", "a_b-c1a77d9d"},
		{"", ".", ".."},
		{"index", "summary", "\x00\n\u202e"},
		{"channel.\u30ab\u3099", "channel.\u30ac", "\xff\xfe"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		paths := []string{a, b, c, strings.ToUpper(a), strings.ToLower(b), a + b, a + "/" + c}
		fn := newFileNamer(fixedPages...)
		byKey := map[string]string{}
		given := map[string]string{}
		for _, p := range paths {
			if _, dup := given[p]; dup {
				continue // a path has one page
			}
			name := fn.name(p, ".html")
			given[p] = name
			checkFileName(t, p, name)
			if prev, ok := byKey[foldKey(name)]; ok {
				t.Fatalf("%q and %q are both named %q", prev, p, name)
			}
			byKey[foldKey(name)] = p
		}
		// The same paths in the same order get the same names.
		again := newFileNamer(fixedPages...)
		done := map[string]bool{}
		for _, p := range paths {
			if done[p] {
				continue
			}
			done[p] = true
			if name := again.name(p, ".html"); name != given[p] {
				t.Fatalf("%q named %q, then %q", p, given[p], name)
			}
		}
	})
}

// TestLongJapaneseNames: blocks named with 60 Japanese characters build
// (a path spelled out as \uXXXX was 300 bytes and more, which no file
// system takes), two names that differ only after the cut get pages of
// their own, the pages keep their names readable, and links to them are
// percent-encoded UTF-8 that lead to them.
func TestLongJapaneseNames(t *testing.T) {
	stem := string([]rune(strings.Repeat("展示会と業界カンファレンスへの出展", 4))[:59])
	a, b := stem+"春", stem+"秋" // 60 characters each, the same first 59
	src := "plan {\n  title = \"長い名前\"\n}\n" +
		"kgi \"売上\" {\n  target  = \"2.4億円\"\n  formula = funnel.新規.revenue\n}\n" +
		"funnel \"新規\" {\n  deal_size = \"180万円\"\n  stage \"リード\" {}\n  stage \"受注\" {\n    rate = \"3.5%\"\n  }\n}\n" +
		"channel \"" + a + "\" {\n  funnel = funnel.新規\n  share  = \"50%\"\n  cpa    = \"1.2万円\"\n}\n" +
		"channel \"" + b + "\" {\n  funnel = funnel.新規\n  cpa    = \"1.5万円\"\n}\n"
	r := compileSrc(src)
	if r.Diags.HasErrors() {
		t.Fatal(r.Diags)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(r, out, Options{}); err != nil {
		t.Fatal(err)
	}
	files := readDir(t, out)
	var long []string
	for name := range files {
		if strings.HasPrefix(name, "channel."+stem[:30]) {
			long = append(long, name)
		}
		if len(name) > maxName {
			t.Errorf("file name of %d bytes: %s", len(name), name)
		}
	}
	if len(long) != 2 {
		t.Fatalf("pages of the two long channels: %q", long)
	}
	// Links are percent-encoded, and lead to the page.
	hrefs := attrs(files["channels.html"], "href")
	for _, name := range long {
		want := url.PathEscape(name)
		found := false
		for _, h := range hrefs {
			if strings.EqualFold(h, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("channels.html has no link %q to %s", want, name)
		}
	}
	for _, h := range hrefs {
		for i := range len(h) {
			if h[i] >= utf8.RuneSelf {
				t.Errorf("channels.html links to %q: not percent-encoded", h)
				break
			}
		}
	}
	checkSiteLinks(t, "long names", files)
}
