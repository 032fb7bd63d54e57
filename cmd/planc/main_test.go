package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/planc-dev/planc/cmd/planc/internal/cli"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "update the testdata/script/*.txtar files with the actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"planc": func() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) },
		// planc-exit N ARGS... runs planc ARGS... and succeeds when planc
		// exits with status N, so that scripts can tell 1 (the plan is
		// wrong) from 2 (planc was used wrongly).
		"planc-exit": func() {
			if len(os.Args) < 2 {
				fmt.Fprintln(os.Stderr, "usage: planc-exit STATUS ARGS...")
				os.Exit(3)
			}
			code := cli.Main(os.Args[2:], os.Stdout, os.Stderr)
			if got := strconv.Itoa(code); got != os.Args[1] {
				fmt.Fprintf(os.Stderr, "planc-exit: planc exited with status %s, want %s\n", got, os.Args[1])
				os.Exit(1)
			}
			os.Exit(0)
		},
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"jsonhas":  jsonHas,
			"lspframe": lspFrame,
		},
	})
}

// lspFrame turns a file of JSON-RPC messages, one a line, into what an
// editor writes to a language server: each with a Content-Length header.
//
//	lspframe IN OUT
//
// "$WORK" in a message is replaced by the script's work directory, for
// file URIs.
func lspFrame(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: lspframe IN OUT")
	}
	var b strings.Builder
	for _, line := range strings.Split(ts.ReadFile(args[0]), "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		line = strings.ReplaceAll(line, "$WORK", ts.Getenv("WORK"))
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(line), line)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
}

// jsonHas checks fields of the JSON object in a file (usually stdout):
//
//	jsonhas FILE PATH=VALUE...
//
// PATH is a dot-separated path into the object, where a key that contains
// dots is written in brackets: values[funnel.demand.won.volume].value. Array
// elements are addressed by index (diagnostics.0.code), and "#" is an array's
// length or an object's number of keys (diagnostics.#). VALUE is compared with
// the JSON text of the field for numbers, booleans and null, and with the
// string itself for strings. A PATH without "=VALUE" only requires that the
// field exists. With "!", every PATH=VALUE must not hold.
func jsonHas(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: jsonhas FILE PATH[=VALUE]...")
	}
	var doc any
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		ts.Fatalf("%s is not JSON: %v", args[0], err)
	}
	if dec.More() {
		ts.Fatalf("%s holds more than one JSON value", args[0])
	}
	for _, arg := range args[1:] {
		path, want, hasWant := strings.Cut(arg, "=")
		got, err := lookup(doc, splitPath(path))
		switch {
		case err != nil && !neg:
			ts.Fatalf("%s: %v", path, err)
		case err != nil:
			continue
		case !hasWant && neg:
			ts.Fatalf("%s: unexpectedly present", path)
		case !hasWant:
			continue
		}
		text := scalar(got)
		if (text == want) == neg {
			if neg {
				ts.Fatalf("%s: unexpectedly %q", path, text)
			}
			ts.Fatalf("%s: got %q, want %q", path, text, want)
		}
	}
}

func splitPath(p string) []string {
	var parts []string
	for p != "" {
		if p[0] == '[' {
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return append(parts, p[1:])
			}
			parts = append(parts, p[1:end])
			p = strings.TrimPrefix(p[end+1:], ".")
			continue
		}
		i := strings.IndexAny(p, ".[")
		if i < 0 {
			return append(parts, p)
		}
		parts = append(parts, p[:i])
		p = strings.TrimPrefix(p[i:], ".")
	}
	return parts
}

func lookup(v any, path []string) (any, error) {
	for i, key := range path {
		switch x := v.(type) {
		case map[string]any:
			if key == "#" {
				v = json.Number(strconv.Itoa(len(x)))
				continue
			}
			next, ok := x[key]
			if !ok {
				return nil, fmt.Errorf("no key %q at %s", key, strings.Join(path[:i], "."))
			}
			v = next
		case []any:
			if key == "#" {
				v = json.Number(strconv.Itoa(len(x)))
				continue
			}
			n, err := strconv.Atoi(key)
			if err != nil || n < 0 || n >= len(x) {
				return nil, fmt.Errorf("no element %q at %s (length %d)", key, strings.Join(path[:i], "."), len(x))
			}
			v = x[n]
		default:
			return nil, fmt.Errorf("%s is not an object or array", strings.Join(path[:i], "."))
		}
	}
	return v, nil
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}
