package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/planc-dev/planc/lang"
)

// planKey identifies a plan: the directory of a file: document whose name
// ends in .plan.hcl, or, for any other document (an untitled buffer, a
// plain .hcl file), the document alone.
type planKey struct {
	dir string
	// uri is set instead of dir for a document that is a plan of its own.
	uri string
}

// keyOf returns the plan a document belongs to and the file name it has in
// that plan (its base name, so that messages read "main.plan.hcl:4:13").
func keyOf(uri string) (planKey, string) {
	path, ok := uriPath(uri)
	if !ok || !strings.HasSuffix(path, lang.Ext) {
		name := "untitled" + lang.Ext
		if ok {
			name = filepath.Base(path)
		}
		return planKey{uri: uri}, name
	}
	return planKey{dir: filepath.Dir(path)}, filepath.Base(path)
}

// uriPath returns the file path of a file: URI.
func uriPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		// file:///C:/dir/a.plan.hcl has the path /C:/dir/a.plan.hcl.
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

// pathURI returns the file: URI of an absolute path.
func pathURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
