package source

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/planc-dev/planc/lang"
)

// SplitRevision splits a plan argument written REV:DIR, in the syntax of
// `git show REV:PATH` ("main:plans", "HEAD~1:examples/saas-demand"), at
// its first ':' outside braces, so that revisions such as
// "main@{2 days ago}" or "HEAD^{/fix: typo}" keep their colons. ok is
// false when arg has no such ':'. The caller decides first whether arg
// names an existing file or directory, which wins over this reading.
func SplitRevision(arg string) (rev, dir string, ok bool) {
	depth := 0
	for i, c := range arg {
		switch {
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		case c == ':' && depth == 0:
			return arg[:i], arg[i+1:], true
		}
	}
	return "", "", false
}

// ReadGit reads the plan that dir held at the git revision rev: the
// *.plan.hcl files directly in that directory (or the one file, when dir
// names a file), as Read reads them from disk. dir is relative to
// the current directory, like a path on disk, and "" means the current
// directory; it need not exist in the working tree any more. Each source
// is named REV:DIR/NAME ("main:plans/plan.plan.hcl"), so diagnostics point
// at the revision.
//
// The files are read by running the git binary in the current directory.
// A missing git, a directory outside a git repository, an unknown revision
// and a path that the revision does not hold are ReadError diagnostics; a
// directory without plan files is NoPlanFiles, as on disk.
func ReadGit(rev, dir string) ([]lang.Source, hcl.Diagnostics) {
	arg := rev + ":" + dir
	fail := func(summary, detail string) ([]lang.Source, hcl.Diagnostics) {
		return nil, hcl.Diagnostics{lang.Diag(lang.ReadError, hcl.Range{Filename: arg}, summary, detail)}
	}
	if rev == "" || strings.HasPrefix(rev, "-") {
		return fail("Cannot read revision", fmt.Sprintf("%q needs a git revision before the ':', such as main:%s or HEAD~1:%s.", arg, dir, dir))
	}
	repoPath, err := gitPath(dir)
	if err != nil {
		return fail("Cannot read revision", err.Error()+".")
	}
	commit, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return fail("Unknown revision", fmt.Sprintf("git knows no commit %q. Check the branch, tag or commit name (git log --oneline lists commits).", rev))
	}
	commit = strings.TrimSpace(commit)
	kind, err := git("cat-file", "-t", commit+":"+repoPath)
	if err != nil {
		return fail("Cannot read plan", fmt.Sprintf("Revision %s has no %s (%s in the repository). Check the path: it is relative to the current directory, as on disk.", rev, displayDir(dir), "/"+repoPath))
	}
	name := func(file string) string { return rev + ":" + path.Join(filepath.ToSlash(dir), file) }
	if strings.TrimSpace(kind) == "blob" {
		b, err := git("cat-file", "blob", commit+":"+repoPath)
		if err != nil {
			return fail("Cannot read plan", err.Error())
		}
		return []lang.Source{{Name: rev + ":" + path.Clean(filepath.ToSlash(dir)), Bytes: []byte(b)}}, nil
	}
	return readGitTree(commit, repoPath, arg, name)
}

// readGitTree reads the plan files directly in the tree at commit:dir.
func readGitTree(commit, dir, arg string, name func(string) string) ([]lang.Source, hcl.Diagnostics) {
	// --full-tree: from a subdirectory, ls-tree would list only the entries
	// under a path of that name inside the tree.
	out, err := git("ls-tree", "-z", "--full-tree", commit+":"+dir)
	if err != nil {
		return nil, hcl.Diagnostics{lang.Diag(lang.ReadError, hcl.Range{Filename: arg}, "Cannot read directory", err.Error())}
	}
	var srcs []lang.Source
	for _, entry := range strings.Split(strings.TrimSuffix(out, "\x00"), "\x00") {
		// "<mode> SP <type> SP <object> TAB <name>"; a symbolic link is a
		// blob of mode 120000, whose content is its target, not a plan.
		meta, file, _ := strings.Cut(entry, "\t")
		fields := strings.Fields(meta)
		if len(fields) != 3 || fields[1] != "blob" || fields[0] == "120000" || !strings.HasSuffix(file, lang.Ext) {
			continue
		}
		b, err := git("cat-file", "blob", fields[2])
		if err != nil {
			return nil, hcl.Diagnostics{lang.Diag(lang.ReadError, hcl.Range{Filename: name(file)}, "Cannot read file", err.Error())}
		}
		srcs = append(srcs, lang.Source{Name: name(file), Bytes: []byte(b)})
	}
	if len(srcs) == 0 {
		return nil, hcl.Diagnostics{lang.Diag(lang.NoPlanFiles, hcl.Range{Filename: arg}, "No plan files",
			fmt.Sprintf("The directory %s has no *%s file. Check the revision and the path.", arg, lang.Ext))}
	}
	return srcs, nil // ls-tree lists by name, the order Read reads in
}

// gitPath turns dir, relative to the current directory (or absolute), into
// the path git names it by inside the repository: "" for the top level.
func gitPath(dir string) (string, error) {
	out, err := git("rev-parse", "--show-toplevel", "--show-prefix")
	if errors.Is(err, errNoGit) {
		return "", err
	}
	if err != nil {
		return "", fmt.Errorf("planc reads REV:DIR with git, from the current directory, which is not in a git work tree (%v)", err)
	}
	top, prefix, _ := strings.Cut(strings.TrimSuffix(out, "\n"), "\n")
	p := path.Join(prefix, filepath.ToSlash(dir))
	if filepath.IsAbs(dir) {
		abs := dir
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			abs = real // git reports the top level with links resolved
		}
		rel, err := filepath.Rel(top, abs)
		if err != nil {
			return "", fmt.Errorf("%s is not inside the git repository at %s", dir, top)
		}
		p = path.Clean(filepath.ToSlash(rel))
	}
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", fmt.Errorf("%s is outside the git repository at %s; run planc inside the repository that holds the plan", displayDir(dir), top)
	}
	if p == "." {
		p = ""
	}
	return p, nil
}

func displayDir(dir string) string {
	if dir == "" || dir == "." {
		return "the current directory"
	}
	return dir
}

var errNoGit = errors.New("reading a plan at a git revision needs the git command, which is not installed or not on PATH")

// git runs git with args in the current directory and returns its standard
// output. Its error carries git's own message, or says that git is missing.
func git(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if errors.Is(err, exec.ErrNotFound) {
		return "", errNoGit
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.String(), nil
}
