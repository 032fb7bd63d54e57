package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/codedoc"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The official SARIF 2.1.0 schema, loaded from testdata (see
// testdata/README.md) so that the test needs no network.
var sarifSchemaOnce = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	// Check "uri", "uri-reference" and the other formats too, which the
	// 2020-12 draft would only annotate.
	c.AssertFormat()
	const loc = "file:///testdata/sarif-schema-2.1.0.json"
	if err := c.AddResource(loc, doc); err != nil {
		return nil, err
	}
	return c.Compile(loc)
})

// validateSARIF fails the test when out is not a valid SARIF 2.1.0 log.
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	schema, err := sarifSchemaOnce()
	if err != nil {
		t.Fatalf("loading the SARIF schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, out)
	}
}

// sarifOf compiles the plan at path, writes its SARIF log, validates it
// and decodes it.
func sarifOf(t *testing.T, path string) sarifLog {
	t.Helper()
	r := compiler.Run(path)
	return writeSARIF(t, r.Diags, r.Plan.Files)
}

func writeSARIF(t *testing.T, diags hcl.Diagnostics, files map[string]*hcl.File) sarifLog {
	t.Helper()
	var out bytes.Buffer
	if err := SARIF(&out, diags, files, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, out.Bytes())
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	checkRules(t, log.Runs[0])
	return log
}

// checkRules checks what every log shares: the tool, one rule per
// documented code sorted by id, and results that point at their rule.
func checkRules(t *testing.T, run sarifRun) {
	t.Helper()
	d := run.Tool.Driver
	if d.Name != "planc" || d.Version != "1.2.3" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("driver %s %s, columnKind %q", d.Name, d.Version, run.ColumnKind)
	}
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s lacks documentation: %+v", r.ID, r)
		}
	}
	if len(ids) != len(codedoc.Codes()) || !slices.IsSorted(ids) {
		t.Errorf("rules %v, want the %d documented codes sorted", ids, len(codedoc.Codes()))
	}
	for _, r := range run.Results {
		if r.RuleIndex >= len(d.Rules) || d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d", r.RuleID, r.RuleIndex)
		}
	}
}

func rule(run sarifRun, id string) sarifRule {
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == id {
			return r
		}
	}
	return sarifRule{}
}

// The worked example's error: over-budget on the cap. (Other findings,
// such as warnings, may come with it; they are validated all the same.)
func TestSARIFWorkedExample(t *testing.T) {
	log := sarifOf(t, filepath.Join("..", "..", "testdata", "worked"))
	if log.Version != "2.1.0" || log.Schema != "https://json.schemastore.org/sarif-2.1.0.json" {
		t.Errorf("version %q, $schema %q", log.Version, log.Schema)
	}
	run := log.Runs[0]
	var errs []sarifResult
	for _, r := range run.Results {
		if r.Level == "error" {
			errs = append(errs, r)
		}
	}
	if len(errs) != 1 {
		t.Fatalf("%d errors, want 1: %+v", len(errs), errs)
	}
	r := errs[0]
	if r.RuleID != "over-budget" ||
		!strings.HasPrefix(r.Message.Text, `Over budget: budget "marketing" spends ¥158,877,000`) {
		t.Errorf("result %+v", r)
	}
	loc := r.Locations[0].PhysicalLocation
	want := sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: "../../testdata/worked/plan.plan.hcl", URIBaseID: "%SRCROOT%"},
		// cap = "1億円": the string, five characters from column 9.
		Region: &sarifRegion{StartLine: 61, StartColumn: 9, EndLine: 61, EndColumn: 14},
	}
	if loc.ArtifactLocation != want.ArtifactLocation || *loc.Region != *want.Region {
		t.Errorf("location %+v %+v, want %+v %+v", loc.ArtifactLocation, *loc.Region, want.ArtifactLocation, *want.Region)
	}
	ob := rule(run, "over-budget")
	if ob.ShortDescription.Text != "A budget's spend above its cap" || ob.DefaultConfiguration.Level != "error" ||
		!strings.HasPrefix(ob.FullDescription.Text, "A budget's solved spend is above its cap.") ||
		!strings.HasPrefix(ob.Help.Text, "over-budget: a budget's spend above its cap\n") {
		t.Errorf("over-budget rule %+v", ob)
	}
}

func TestSARIFWarnings(t *testing.T) {
	run := sarifOf(t, filepath.Join("testdata", "sarif", "warnings")).Runs[0]
	var got []string
	for _, r := range run.Results {
		reg := r.Locations[0].PhysicalLocation.Region
		got = append(got, r.RuleID+" "+r.Level+" "+strings.Join([]string{strconv.Itoa(reg.StartLine), strconv.Itoa(reg.StartColumn), strconv.Itoa(reg.EndLine), strconv.Itoa(reg.EndColumn)}, ":"))
	}
	want := []string{"kgi-not-revenue warning 5:1:5:12", "handoff-without-definition warning 16:3:16:14"}
	if !slices.Equal(got, want) {
		t.Errorf("results %q, want %q", got, want)
	}
	for _, id := range []string{"kgi-not-revenue", "handoff-without-definition"} {
		if l := rule(run, id).DefaultConfiguration.Level; l != "warning" {
			t.Errorf("rule %s has level %q, want warning", id, l)
		}
	}
	if l := rule(run, "check-failed").DefaultConfiguration.Level; l != "error" {
		t.Errorf("check-failed defaults to %q, want error", l)
	}
}

func TestSARIFSyntaxError(t *testing.T) {
	run := sarifOf(t, filepath.Join("testdata", "sarif", "syntax")).Runs[0]
	if len(run.Results) != 1 || run.Results[0].RuleID != "syntax" {
		t.Fatalf("results %+v", run.Results)
	}
	if reg := *run.Results[0].Locations[0].PhysicalLocation.Region; reg != (sarifRegion{3, 11, 3, 12}) {
		t.Errorf("region %+v", reg)
	}
}

// A clean plan has an empty results array (not null, not missing), which
// tells code scanning that every earlier alert is fixed.
func TestSARIFClean(t *testing.T) {
	m := compiler.Run(filepath.Join("..", "..", "examples", "minimal"))
	diags := m.Diags
	if len(diags) != 0 {
		t.Fatalf("clean plan has diagnostics: %v", diags)
	}
	var out bytes.Buffer
	if err := SARIF(&out, diags, m.Plan.Files, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, out.Bytes())
	if !bytes.Contains(out.Bytes(), []byte(`"results": []`)) {
		t.Errorf("no empty results array:\n%s", out.Bytes())
	}
}

// A directory and file with Japanese names and spaces: the URI is
// percent-encoded UTF-8, and the end column after 🚀 (one character, two
// UTF-16 code units) is converted.
func TestSARIFJapaneseFileName(t *testing.T) {
	run := sarifOf(t, filepath.Join("testdata", "sarif", "日本語 plan")).Runs[0]
	if len(run.Results) != 2 {
		t.Fatalf("results %+v", run.Results)
	}
	loc := run.Results[0].Locations[0].PhysicalLocation
	wantURI := "testdata/sarif/%E6%97%A5%E6%9C%AC%E8%AA%9E%20plan/%E8%A8%88%E7%94%BB%20v1.plan.hcl"
	if loc.ArtifactLocation.URI != wantURI {
		t.Errorf("uri %q, want %q", loc.ArtifactLocation.URI, wantURI)
	}
	// value = "4.8億円 🚀": 🚀 starts at column 18 and ends at 19 in
	// characters, 20 in UTF-16 code units.
	if r := run.Results[0]; r.RuleID != "bad-quantity" || *loc.Region != (sarifRegion{7, 18, 7, 20}) {
		t.Errorf("%s at %+v", r.RuleID, *loc.Region)
	}
	if r := run.Results[1]; r.RuleID != "unknown-reference" || *r.Locations[0].PhysicalLocation.Region != (sarifRegion{11, 31, 11, 38}) {
		t.Errorf("%s at %+v", r.RuleID, *r.Locations[0].PhysicalLocation.Region)
	}
}

// A plan that cannot be read: a location without a region; a diagnostic
// without a subject: no location at all.
func TestSARIFWithoutPositions(t *testing.T) {
	diags := hcl.Diagnostics{
		lang.Diag(lang.NoPlanFiles, hcl.Range{Filename: "empty dir"}, "No plan files", "add one"),
		{Severity: hcl.DiagError, Summary: "Something"},
	}
	run := writeSARIF(t, diags, nil).Runs[0]
	if loc := run.Results[0].Locations[0].PhysicalLocation; loc.Region != nil || loc.ArtifactLocation.URI != "empty%20dir" {
		t.Errorf("no-plan-files location %+v", loc)
	}
	if r := run.Results[1]; r.RuleID != "schema" || r.Locations != nil || r.Message.Text != "Something" {
		t.Errorf("result without subject %+v", r)
	}
}

func TestSARIFDeterministic(t *testing.T) {
	m := compiler.Run(filepath.Join("..", "..", "testdata", "worked"))
	diags := m.Diags
	var a, b bytes.Buffer
	if err := SARIF(&a, diags, m.Plan.Files, "v"); err != nil {
		t.Fatal(err)
	}
	if err := SARIF(&b, diags, m.Plan.Files, "v"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs differ")
	}
}

func TestArtifactLocation(t *testing.T) {
	tests := []struct {
		name string
		want sarifArtifact
	}{
		{"plan/main.plan.hcl", sarifArtifact{"plan/main.plan.hcl", "%SRCROOT%"}},
		{"my plans/計画.plan.hcl", sarifArtifact{"my%20plans/%E8%A8%88%E7%94%BB.plan.hcl", "%SRCROOT%"}},
		{"a:b.plan.hcl", sarifArtifact{"./a:b.plan.hcl", "%SRCROOT%"}},
		{"100%#?.plan.hcl", sarifArtifact{"100%25%23%3F.plan.hcl", "%SRCROOT%"}},
		{"/abs/x y.plan.hcl", sarifArtifact{"file:///abs/x%20y.plan.hcl", ""}},
	}
	for _, tt := range tests {
		if got := artifactLocation(filepath.FromSlash(tt.name)); got != tt.want {
			t.Errorf("artifactLocation(%q) = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// planc's columns count characters (grapheme clusters); SARIF's count
// UTF-16 code units. They differ after a character beyond the BMP and
// after a combining sequence.
func TestUTF16Column(t *testing.T) {
	src := []byte("kpi \"a\" {\n  title = \"🚀x\"\n  note = \"e\u0301y\"\n}\n")
	tests := []struct {
		at   string
		col  int // planc's
		want int // UTF-16
	}{
		{"x\"", 13, 14},
		{"y\"", 12, 13},
		{"kpi", 1, 1},
	}
	for _, tt := range tests {
		p := lang.PosAt(src, bytes.Index(src, []byte(tt.at)))
		if p.Column != tt.col {
			t.Fatalf("%q: planc column %d, want %d", tt.at, p.Column, tt.col)
		}
		if got := utf16Column(src, p); got != tt.want {
			t.Errorf("%q: UTF-16 column %d, want %d", tt.at, got, tt.want)
		}
		if got := utf16Column(nil, p); got != tt.col {
			t.Errorf("%q without the source: %d, want planc's %d", tt.at, got, tt.col)
		}
	}
}

// TestSARIFRelatedLocations: a target the plan's inputs miss carries the
// inputs as related locations, numbered, each with its message, and the
// log stays valid SARIF 2.1.0.
func TestSARIFRelatedLocations(t *testing.T) {
	dir := t.TempDir()
	src := "plan { title = \"Gap\" }\nkgi \"revenue\" {\n  target  = \"4.8億円\"\n  formula = kpi.deals * \"2M JPY\"\n}\nkpi \"deals\" {\n  value = 200\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.plan.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	r := compiler.Run(dir)
	if err := SARIF(&out, r.Diags, r.Plan.Files, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, out.Bytes())
	for _, want := range []string{`"relatedLocations": [`, `"id": 0`, `"startLine": 7`, `"text": "kpi.deals is 200 here"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("SARIF has no %s:\n%s", want, out.String())
		}
	}
}
