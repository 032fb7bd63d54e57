package report

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/lang/codedoc"
)

// SARIF writes diagnostics as a SARIF 2.1.0 log (the OASIS Static Analysis
// Results Interchange Format), the format GitHub code scanning and other
// code-review tools import. The log has one run of the tool "planc"
// (version toolVersion, omitted when empty).
//
// Rules: the run declares every documented code as a rule, not only those
// that occur, so that a code has the same ruleIndex in every log and a
// clean plan's log still says what was checked. They are sorted by id; the
// descriptions and help are the code's documentation in the language
// reference (codedoc.Doc), and defaultConfiguration.level is "warning" for
// the codes documented as warnings and "error" for the others.
//
// Results keep the diagnostics' order, each with an explicit level. A
// location's uri is the file name as planc was given it, with forward
// slashes and percent-encoded, relative to %SRCROOT% (the directory planc
// ran in; run it from the repository root for code scanning), or a file
// URI for an absolute path. Columns are converted from planc's (grapheme
// clusters) to UTF-16 code units using the files' text, and the run says
// so with columnKind utf16CodeUnits, SARIF's default and what code
// scanning expects; a file that files lacks keeps planc's columns, which
// agree for text without combining characters or characters beyond the
// Basic Multilingual Plane. endColumn is exclusive, as in SARIF.
func SARIF(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, toolVersion string) error {
	rules := sarifRules(diags)
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
	}
	results := []sarifResult{}
	for _, d := range diags {
		results = append(results, sarifResultOf(d, index, files))
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: "planc", Version: toolVersion, InformationURI: plancURI, Rules: rules,
			}},
			ColumnKind: "utf16CodeUnits",
			Results:    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

const (
	sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"
	plancURI    = "https://github.com/planc-dev/planc"
)

// The SARIF objects planc writes: the subset of the schema that it fills,
// with the property names of the standard.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string      `json:"id"`
		ShortDescription     sarifText   `json:"shortDescription"`
		FullDescription      sarifText   `json:"fullDescription"`
		Help                 sarifText   `json:"help"`
		DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
	}
	// sarifText is a message or a multiformat message string: Markdown is
	// optional, Text is not.
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
		// RelatedLocations are the diagnostic's notes (lang.Note).
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	}
	sarifLocation struct {
		// ID numbers a related location within its result.
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		// Region is nil for a diagnostic about a whole file or directory.
		Region *sarifRegion `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
		// URIBaseID is empty for an absolute file URI.
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
)

// sarifRules returns a rule for every documented code and for any other
// code that occurs in diags, sorted by id.
func sarifRules(diags hcl.Diagnostics) []sarifRule {
	codes := codedoc.Codes()
	for _, d := range diags {
		if c := lang.CodeOf(d); !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	rules := make([]sarifRule, len(codes))
	for i, c := range codes {
		rules[i] = sarifRuleOf(c)
	}
	return rules
}

func sarifRuleOf(code lang.Code) sarifRule {
	doc, ok := codedoc.Doc(code)
	if !ok {
		// Every code is documented (lang's TestCodesDocumented); this keeps
		// the log valid should one slip through.
		s := sarifText{Text: string(code)}
		return sarifRule{ID: string(code), ShortDescription: s, FullDescription: s, Help: s,
			DefaultConfiguration: sarifConfig{Level: "error"}}
	}
	help, _ := codedoc.Explain(code)
	return sarifRule{
		ID:                   string(code),
		ShortDescription:     sarifText{Text: capitalize(doc.When)},
		FullDescription:      sarifText{Text: doc.Description},
		Help:                 sarifText{Text: help, Markdown: doc.Markdown},
		DefaultConfiguration: sarifConfig{Level: level(doc.Default)},
	}
}

func level(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func sarifResultOf(d *hcl.Diagnostic, index map[string]int, files map[string]*hcl.File) sarifResult {
	code := string(lang.CodeOf(d))
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	r := sarifResult{RuleID: code, RuleIndex: index[code], Level: display.Severity(d), Message: sarifText{Text: msg}}
	if d.Subject != nil && d.Subject.Filename != "" {
		r.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalOf(*d.Subject, files)}}
	}
	for i, n := range lang.NotesOf(d) {
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{ID: &i,
			PhysicalLocation: sarifPhysicalOf(n.Range, files), Message: &sarifText{Text: n.Message}})
	}
	return r
}

func sarifPhysicalOf(r hcl.Range, files map[string]*hcl.File) sarifPhysical {
	p := sarifPhysical{ArtifactLocation: artifactLocation(r.Filename)}
	if r.Start.Line < 1 {
		return p
	}
	var src []byte
	if f := files[r.Filename]; f != nil {
		src = f.Bytes
	}
	end := r.End
	if end.Line < r.Start.Line || (end.Line == r.Start.Line && end.Column < r.Start.Column) {
		end = r.Start
	}
	p.Region = &sarifRegion{
		StartLine:   r.Start.Line,
		StartColumn: utf16Column(src, r.Start),
		EndLine:     end.Line,
		EndColumn:   utf16Column(src, end),
	}
	return p
}

// artifactLocation makes a file name a URI reference: relative to
// %SRCROOT% when it is relative, a file URI when it is absolute.
func artifactLocation(name string) sarifArtifact {
	slashed := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // a Windows drive: file:///C:/...
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: slashed}).String()}
	}
	// url.URL escapes spaces and non-ASCII bytes, and makes a first segment
	// holding a colon "./a:b" so that it does not read as a scheme.
	return sarifArtifact{URI: (&url.URL{Path: slashed}).String(), URIBaseID: "%SRCROOT%"}
}

// utf16Column returns the 1-based column of p in UTF-16 code units,
// counted from the start of its line in src. It keeps p.Column when src
// is missing or does not match p.
func utf16Column(src []byte, p hcl.Pos) int {
	if src == nil || p.Byte < 0 || p.Byte > len(src) {
		return max(p.Column, 1)
	}
	start := bytes.LastIndexByte(src[:p.Byte], '\n') + 1
	if bytes.Count(src[:start], []byte{'\n'})+1 != p.Line {
		return max(p.Column, 1)
	}
	n := 0
	for _, r := range string(src[start:p.Byte]) {
		// A byte that is not UTF-8 decodes as U+FFFD, one unit.
		n += utf16.RuneLen(r)
	}
	return n + 1
}
