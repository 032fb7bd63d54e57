package main

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// Helix and Zed are not packaged for Debian, so CI cannot run them as it
// runs Neovim and Emacs. These tests check what their setups in editors/
// say against what planc and the two editors need: the file pattern that
// picks plan files (and not other HCL), the HCL grammar, and planc lsp as
// the language server under one name everywhere.

// planFiles and otherFiles are names the file patterns must and must not
// match.
var (
	planFiles  = []string{"plan.plan.hcl", "売上計画.plan.hcl", "funnel.plan.hcl"}
	otherFiles = []string{"main.tf", "variables.hcl", "plan.hcl.bak", "plan.hcl"}
)

// readTOML decodes editors/FILE into v, failing on a key v does not know
// of (a typo in the setup would otherwise pass).
func readTOML(t *testing.T, file string, v any) {
	t.Helper()
	md, err := toml.DecodeFile(filepath.Join("..", "..", "editors", file), v)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		t.Errorf("%s: keys this test does not know of: %v", file, keys)
	}
}

func TestHelixSetup(t *testing.T) {
	var cfg struct {
		LanguageServer map[string]struct {
			Command string
			Args    []string
		} `toml:"language-server"`
		Language []struct {
			Name, Scope, Grammar string
			FileTypes            []map[string]string `toml:"file-types"`
			Roots                []string
			LanguageServers      []string          `toml:"language-servers"`
			CommentTokens        []string          `toml:"comment-tokens"`
			BlockCommentTokens   map[string]string `toml:"block-comment-tokens"`
			Indent               struct {
				TabWidth int `toml:"tab-width"`
				Unit     string
			}
			AutoFormat bool `toml:"auto-format"`
		}
	}
	readTOML(t, "helix/languages.toml", &cfg)
	if len(cfg.Language) != 1 || cfg.Language[0].Name != "planc" {
		t.Fatalf("languages.toml declares %+v, want the one language planc", cfg.Language)
	}
	lang := cfg.Language[0]
	if lang.Grammar != "hcl" {
		t.Errorf("grammar = %q, want Helix's hcl", lang.Grammar)
	}
	if !slices.Equal(lang.CommentTokens, []string{"#", "//"}) || lang.BlockCommentTokens["start"] != "/*" {
		t.Errorf("comments are %v and %v, want HCL's", lang.CommentTokens, lang.BlockCommentTokens)
	}
	var globs []string
	for _, ft := range lang.FileTypes {
		globs = append(globs, ft["glob"])
	}
	matches := func(name string) bool {
		return slices.ContainsFunc(globs, func(g string) bool { ok, _ := path.Match(g, name); return ok })
	}
	checkPattern(t, "helix file-types", matches)
	for _, name := range lang.LanguageServers {
		ls, ok := cfg.LanguageServer[name]
		if !ok || ls.Command != "planc" || !slices.Equal(ls.Args, []string{"lsp"}) {
			t.Errorf("language server %q is %+v, want planc lsp", name, ls)
		}
	}
	if len(lang.LanguageServers) == 0 {
		t.Error("planc has no language server")
	}
	// Highlighting comes from the hcl queries: each planc query inherits
	// them, and the highlights at least exist.
	dir := filepath.Join("..", "..", "editors", "helix", "runtime", "queries", "planc")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "; inherits: hcl\n") {
			t.Errorf("%s does not start with \"; inherits: hcl\"", e.Name())
		}
	}
	if !slices.Contains(names, "highlights.scm") {
		t.Errorf("queries/planc has %v, no highlights.scm", names)
	}
}

func TestZedSetup(t *testing.T) {
	var ext struct {
		ID, Name, Description, Version, Repository string
		SchemaVersion                              int `toml:"schema_version"`
		Authors                                    []string
		LanguageServers                            map[string]struct {
			Name      string
			Languages []string
		} `toml:"language_servers"`
		Grammars map[string]struct{ Repository, Commit string }
	}
	readTOML(t, "zed/extension.toml", &ext)
	var lang struct {
		Name, Grammar   string
		PathSuffixes    []string `toml:"path_suffixes"`
		LineComments    []string `toml:"line_comments"`
		BlockComment    []string `toml:"block_comment"`
		AutocloseBefore string   `toml:"autoclose_before"`
		Brackets        []map[string]any
		TabSize         int `toml:"tab_size"`
	}
	readTOML(t, "zed/languages/planc/config.toml", &lang)
	if lang.Name != "planc" || lang.Grammar != "hcl" {
		t.Errorf("the language is %q with grammar %q, want planc with hcl", lang.Name, lang.Grammar)
	}
	g, ok := ext.Grammars[lang.Grammar]
	if !ok || g.Repository == "" || len(g.Commit) != 40 {
		t.Errorf("extension.toml's grammar %q is %+v, want a repository at a full commit", lang.Grammar, g)
	}
	checkPattern(t, "zed path_suffixes", func(name string) bool {
		return slices.ContainsFunc(lang.PathSuffixes, func(s string) bool { return strings.HasSuffix(name, "."+s) })
	})
	ls, ok := ext.LanguageServers["planc"]
	if !ok || !slices.Equal(ls.Languages, []string{lang.Name}) {
		t.Errorf("language server planc is %+v, want one for %q", ls, lang.Name)
	}
	// src/lib.rs starts the server: planc from the settings named by the
	// server's id, or from the PATH, with the argument lsp.
	src, err := os.ReadFile(filepath.Join("..", "..", "editors", "zed", "src", "lib.rs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`LspSettings::for_worktree("planc"`, `worktree.which("planc")`, `vec!["lsp".into()]`} {
		if !strings.Contains(string(src), want) {
			t.Errorf("src/lib.rs does not contain %s", want)
		}
	}
}

// checkPattern checks that matches picks the plan files and only them.
func checkPattern(t *testing.T, what string, matches func(string) bool) {
	t.Helper()
	for _, name := range planFiles {
		if !matches(name) {
			t.Errorf("%s do not match %s", what, name)
		}
	}
	for _, name := range otherFiles {
		if matches(name) {
			t.Errorf("%s match %s, which is not a plan file", what, name)
		}
	}
}
