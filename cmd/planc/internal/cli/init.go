package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/planc-dev/planc/lang"
	"github.com/planc-dev/planc/stdlib"
	"github.com/spf13/cobra"
)

func newInit(stdout, stderr io.Writer) *cobra.Command {
	var template string
	var list bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a new plan from a template",
		Long: `Init writes a starter plan into DIR (the current directory by default;
created if missing): a few small, commented *.plan.hcl files that compile
without a single diagnostic. Edit the numbers, then run planc check.

--template picks the plan: ` + strings.Join(stdlib.ScaffoldNames(), ", ") + ` (default ` + stdlib.DefaultScaffold + `).
planc init --list describes each.

Init never overwrites anything. When a file it would write exists, or DIR
already holds *.plan.hcl files (they would join the new plan, since every
*.plan.hcl file of a directory belongs to one plan), it writes nothing,
names each conflicting file and exits 2.`,
		Example: "  planc init plans/fy2027\n  planc init --template the-model plans/fy2027\n  planc init --list",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if list {
				if len(args) > 0 {
					return &usageError{"--list takes no DIR"}
				}
				listScaffolds(stdout)
				return nil
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return initPlan(dir, template, stdout, stderr)
		},
	}
	cmd.Flags().StringVar(&template, "template", stdlib.DefaultScaffold, "the starter plan to write (see --list)")
	cmd.Flags().BoolVar(&list, "list", false, "list the templates and exit")
	return cmd
}

func listScaffolds(w io.Writer) {
	width := 0
	for _, s := range stdlib.Scaffolds() {
		width = max(width, len(s.Name))
	}
	for _, s := range stdlib.Scaffolds() {
		fmt.Fprintf(w, "%-*s  %s\n", width, s.Name, s.Description)
	}
}

// initPlan writes the scaffold into dir, or nothing at all.
func initPlan(dir, template string, stdout, stderr io.Writer) error {
	files, err := stdlib.ScaffoldFiles(template)
	if err != nil {
		return &usageError{err.Error() + " (planc init --list describes them)"}
	}
	if conflicts := initConflicts(dir, files); len(conflicts) > 0 {
		fmt.Fprintf(stderr, "planc: init writes no file into %s, because it would overwrite or join existing files:\n", dir)
		for _, c := range conflicts {
			fmt.Fprintf(stderr, "  %s\n", c)
		}
		fmt.Fprintln(stderr, "Move them away, or choose an empty or new directory.")
		return exit(ExitUsage)
	}
	if err := writeAll(dir, files); err != nil {
		fmt.Fprintf(stderr, "planc: %v\nNo file was written.\n", err)
		return exit(ExitUsage)
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "created %s\n", filepath.Join(dir, f.Name))
	}
	nextSteps(stdout, shellQuote(dir))
	return nil
}

// nextSteps tells a new user what to run next, with dir in each command.
func nextSteps(w io.Writer, dir string) {
	steps := [][2]string{
		{"planc check " + dir, "0 errors, 0 warnings"},
		{"planc solve " + dir, "every value, solved backward from the goal"},
		{"planc build " + dir + " -o site", "the plan as a static site in ./site"},
	}
	width := 0
	for _, s := range steps {
		width = max(width, len(s[0]))
	}
	fmt.Fprintln(w, "\nNext steps:")
	for _, s := range steps {
		fmt.Fprintf(w, "  %-*s  # %s\n", width, s[0], s[1])
	}
}

// initConflicts returns, one line each, the files that stop init: those it
// would overwrite, and the plan files already in dir (which would become
// part of the new plan). A dir that is a file is a conflict too.
func initConflicts(dir string, files []stdlib.File) []string {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return []string{fmt.Sprintf("%s (%v)", dir, err)}
	case !info.IsDir():
		return []string{dir + " (a file, not a directory)"}
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if _, err := os.Lstat(p); err == nil {
			out = append(out, p+" (exists)")
			seen[f.Name] = true
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return append(out, fmt.Sprintf("%s (%v)", dir, err))
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), lang.Ext) && !seen[e.Name()] {
			out = append(out, filepath.Join(dir, e.Name())+" (a plan file, which would join the new plan)")
		}
	}
	return out
}

// writeAll creates dir and writes every file into it. Each file is written
// to a temporary file and then linked to its name, which fails rather than
// replaces when the name exists (a file created since initConflicts looked),
// so a race never clobbers a file and no half-written plan file is ever
// visible. On any failure, the files written so far are removed again.
func writeAll(dir string, files []stdlib.File) error {
	created, err := mkdir(dir)
	if err != nil {
		return err
	}
	var done []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := writeNew(p, f.Bytes); err != nil {
			for _, d := range done {
				os.Remove(d)
			}
			if created {
				os.Remove(dir) // only if empty: it was made for these files
			}
			return err
		}
		done = append(done, p)
	}
	return nil
}

// mkdir makes dir and its parents, and reports whether dir itself is new.
func mkdir(dir string) (bool, error) {
	if _, err := os.Stat(dir); err == nil {
		return false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("cannot create %s: %v", dir, err)
	}
	return true, nil
}

// writeNew writes b to the new file p; it fails if p exists.
func writeNew(p string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), ".planc-init-*")
	if err != nil {
		return fmt.Errorf("cannot write into %s: %v", filepath.Dir(p), err)
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return fmt.Errorf("cannot write %s: %v", p, err)
	}
	// CreateTemp makes the file 0600; a plan is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %v", p, err)
	}
	if err := os.Link(tmp.Name(), p); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s appeared while planc was writing; it was left as it is", p)
		}
		return writeExcl(p, b) // a file system without hard links
	}
	return nil
}

// writeExcl writes b to the new file p in place, failing if p exists:
// O_EXCL still never clobbers, though a crash could leave the file short.
func writeExcl(p string, b []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", p, err)
	}
	_, werr := f.Write(b)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(p)
		return fmt.Errorf("cannot write %s: %v", p, err)
	}
	return nil
}

// shellQuote quotes s for the next-steps commands when a shell would split
// or expand it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
