package stdlib

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// scaffoldFS holds the starter plans that `planc init` writes: one
// directory under scaffold/ per plan, with a few small, commented
// *.plan.hcl files that teach the language by example. They are stored as
// data rather than Go strings so that they can be edited, formatted and
// checked like any plan; scaffold_test.go requires each to compile with
// zero diagnostics and to be in canonical layout, because a user's first
// `planc check` must be clean.
//
//go:embed scaffold
var scaffoldFS embed.FS

// Scaffold names a starter plan.
type Scaffold struct {
	// Name is what `planc init --template` takes.
	Name string
	// Description is one line for `planc init --list`.
	Description string
}

// File is one file of a scaffold: its name (no directory) and contents.
type File struct {
	Name  string
	Bytes []byte
}

// DefaultScaffold is the scaffold `planc init` writes without --template.
const DefaultScaffold = "demand"

// scaffolds lists every directory under scaffold/, in the order `planc init
// --list` shows them: the default first.
var scaffolds = []Scaffold{
	{"demand", "a demand waterfall (inquiry -> MQL -> SAL -> SQL -> won) with channels, a budget that pays for it, revenue as the KGI and a few KPIs"},
	{"the-model", "THE MODEL: marketing -> inside sales -> field sales -> customer success, with an owner per team, a definition at every handoff, channels and a budget"},
	{"minimal", "the smallest useful plan in one commented file: one funnel of three stages, two channels and a budget (examples/minimal)"},
}

// Scaffolds returns the starter plans, the default first.
func Scaffolds() []Scaffold {
	return append([]Scaffold(nil), scaffolds...)
}

// ScaffoldNames returns the names of the starter plans, the default first.
func ScaffoldNames() []string {
	names := make([]string, len(scaffolds))
	for i, s := range scaffolds {
		names[i] = s.Name
	}
	return names
}

// ScaffoldFiles returns the files of the named starter plan, sorted by name
// (fs.ReadDir's order).
// An unknown name is an error that lists the known ones.
func ScaffoldFiles(name string) ([]File, error) {
	if !known(name) {
		return nil, fmt.Errorf("unknown template %q; the templates are %s", name, strings.Join(ScaffoldNames(), ", "))
	}
	dir := path.Join("scaffold", name)
	entries, err := fs.ReadDir(scaffoldFS, dir)
	if err != nil {
		return nil, err // cannot happen: the directory is embedded
	}
	var files []File
	for _, e := range entries {
		b, err := fs.ReadFile(scaffoldFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: e.Name(), Bytes: b})
	}
	return files, nil
}

func known(name string) bool {
	for _, s := range scaffolds {
		if s.Name == name {
			return true
		}
	}
	return false
}
