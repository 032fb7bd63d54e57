package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNeovim runs planc lsp under a real client: Neovim's built-in LSP
// client, started headless with the plugin of editors/neovim on a copy of
// examples/minimal. editors/neovim/test/lsp_test.lua opens the plan,
// waits for its diagnostics, makes an error and undoes it, hovers, jumps to
// a definition with vim.lsp.buf.definition(), completes, formats with
// Neovim's formatting command, applies a quick fix and renames, and writes
// what it saw as JSON, which this test checks.
//
// The test needs nvim 0.7 or later (Debian 12's neovim package is 0.7.2);
// it is skipped without one, unless PLANC_REQUIRE_NVIM=1 (as in CI). The
// planc it starts is this test binary on $PATH, installed there by
// testscript.Main in TestMain, so it is the planc of this tree.
func TestNeovim(t *testing.T) {
	nvim := requireNvim(t)
	planc, err := exec.LookPath("planc")
	if err != nil {
		t.Fatalf("planc is not on $PATH (TestMain puts it there): %v", err)
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	original, err := os.ReadFile(filepath.Join(repo, "examples", "minimal", "plan.plan.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.plan.hcl")
	if err := os.WriteFile(plan, original, 0o644); err != nil {
		t.Fatal(err)
	}
	uri := "file://" + filepath.ToSlash(plan)

	home := t.TempDir()
	out := filepath.Join(home, "result.json")
	logFile := filepath.Join(home, "planc.log")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u",
		filepath.Join(repo, "editors", "neovim", "test", "lsp_test.lua"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"PLANC_NVIM_PLUGIN="+filepath.Join(repo, "editors", "neovim"),
		"PLANC_TEST_PLANC="+planc,
		"PLANC_TEST_PLAN="+plan,
		"PLANC_TEST_OUT="+out,
		"PLANC_TEST_LOG="+logFile,
		// Neovim's own files (its LSP log, shada) stay in the test's dirs.
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
	)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run()
	logs := func() string {
		planLog, _ := os.ReadFile(logFile)
		return fmt.Sprintf("nvim's output:\n%s\nplanc's log:\n%s", output.String(), planLog)
	}
	if runErr != nil {
		t.Fatalf("nvim: %v\n%s", runErr, logs())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the Lua script wrote no result: %v\n%s", err, logs())
	}
	var r nvimResult
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("result: %v\n%s", err, data)
	}
	t.Logf("Neovim %s (vim.lsp.start: %v)", r.NvimVersion, r.VimLSPStart)
	for _, s := range r.Steps {
		if !s.OK {
			t.Errorf("step %s failed: %s", s.Name, s.Error)
		}
	}
	if t.Failed() {
		t.Fatalf("%s\nresult: %s", logs(), data)
	}
	defer func() {
		if t.Failed() {
			t.Logf("%s\nresult: %s", logs(), data)
		}
	}()
	text := string(original)

	// The buffer: the plugin's filetype, syntax and settings, and its
	// client, rooted at the plan's directory (it has no .git above it).
	o := r.Open
	if o.Filetype != "planc" || o.Syntax != "planc" || o.Commentstring != "# %s" || o.Shiftwidth != 2 {
		t.Errorf("buffer: filetype %q, syntax %q, commentstring %q, shiftwidth %d; want planc, planc, \"# %%s\", 2",
			o.Filetype, o.Syntax, o.Commentstring, o.Shiftwidth)
	}
	if o.Client.Name != "planc" || o.Client.RootDir != dir || len(o.Client.Cmd) < 2 || o.Client.Cmd[0] != planc || o.Client.Cmd[1] != "lsp" {
		t.Errorf("client: %+v (want planc, root %s, cmd %s lsp)", o.Client, dir, planc)
	}
	if len(o.Diagnostics) != 0 {
		t.Errorf("diagnostics of examples/minimal: %+v, want none", o.Diagnostics)
	}

	// The error, where it is, as the server sent it and as Neovim shows it;
	// then nothing once it is undone.
	rate := nvimLine(text, `rate  = "10%"`)
	if e := r.Edit; e.Line != rate || !nvimHasDiag(e.Diagnostics, "rate-out-of-range", nvimSpan(rate, 12, 14), 1) {
		t.Errorf("after %q on line %d: diagnostics %+v", e.Text, e.Line, e.Diagnostics)
	}
	if len(r.Edit.Shown) == 0 || r.Edit.Shown[0].Lnum != rate || r.Edit.Shown[0].Col != 12 {
		t.Errorf("vim.diagnostic.get() after the edit: %+v", r.Edit.Shown)
	}
	if len(r.Edit.Fixed) != 0 {
		t.Errorf("diagnostics after the edit was undone: %+v, want none", r.Edit.Fixed)
	}

	// Hover on revenue in funnel.demand.revenue: the solved value.
	kgi := nvimLine(text, "funnel.demand.revenue")
	col := nvimCol(text, "funnel.demand.revenue") + len("funnel.demand.")
	if h := r.Hover; h.Error != nil || h.Result == nil || !strings.Contains(h.Result.Contents.Value, "¥50,000,000") ||
		!strings.Contains(h.Result.Contents.Value, "solved") || h.Result.Range == nil || *h.Result.Range != nvimSpan(kgi, col, col+len("revenue")) {
		t.Errorf("hover at %d:%d = %+v (error %s)", h.Line, h.Character, h.Result, h.Error)
	}

	// Definition: the response, and where vim.lsp.buf.definition() put
	// the cursor: the funnel's block header.
	funnel := nvimLine(text, `funnel "demand" {`)
	d := r.Definition
	if d.Error != nil || len(d.Result) != 1 || d.Result[0].URI != uri || d.Result[0].Range.Start != (nvimPosition{funnel, 0}) {
		t.Errorf("definition at %d:%d = %+v (error %s), want line %d of %s", d.Line, d.Character, d.Result, d.Error, funnel, uri)
	}
	if d.Cursor.Line != funnel || d.Cursor.Col != 0 || d.CursorText != `funnel "demand" {` {
		t.Errorf("after vim.lsp.buf.definition() the cursor is at %+v (%q), want %d:0", d.Cursor, d.CursorText, funnel)
	}

	// Completion after funnel.demand.: its stages and values.
	labels := map[string]string{}
	for _, it := range r.Completion.Items {
		labels[it.Label] = it.Detail
	}
	if r.Completion.Error != nil || labels["revenue"] != "¥50,000,000" || !strings.Contains(labels["opportunity"], "Opportunity") {
		t.Errorf("completion after funnel.demand. = %+v (error %s)", r.Completion.Items, r.Completion.Error)
	}

	// Formatting puts the indentation back.
	if !r.Formatting.FlatDiffered || !r.Formatting.Restored {
		t.Errorf("formatting a file without indentation: %+v", r.Formatting)
	}

	// The quick fix of a misspelled reference ("Did you mean ...?").
	t.Run("CodeAction", func(t *testing.T) {
		c := r.CodeAction
		webinar := nvimLine(text, "funnel = funnel.demand")
		if !nvimHasDiag(c.Diagnostics, "unknown-reference", nvimSpan(webinar, 11, 23), 1) {
			t.Fatalf("diagnostics of funnel.demnd: %+v", c.Diagnostics)
		}
		if !o.Client.Capabilities.CodeAction || (c.Error != nil && c.Error.Code == -32601) {
			t.Skipf("planc lsp has no textDocument/codeAction yet (codeActionProvider %v, error %s)", o.Client.Capabilities.CodeAction, c.Error)
		}
		var actions []struct {
			Title string `json:"title"`
			Kind  string `json:"kind"`
		}
		if c.Error != nil || json.Unmarshal(nvimRaw(c.Result), &actions) != nil {
			t.Fatalf("codeAction: %s (error %s)", c.Result, c.Error)
		}
		if len(actions) == 0 {
			t.Skipf("planc lsp offers no code action for %q yet", "funnel.demnd")
		}
		quickfix := false
		for _, a := range actions {
			quickfix = quickfix || a.Kind == "quickfix"
		}
		if c.Applied == "" || !quickfix {
			t.Errorf("code actions %+v: want a quick fix, applied (applied %q)", actions, c.Applied)
		}
		if c.Text != "  funnel = funnel.demand" || len(c.After) != 0 {
			t.Errorf("after the quick fix: line %q, diagnostics %+v; want %q and none", c.Text, c.After, "  funnel = funnel.demand")
		}
		if c.CommandError != nil {
			t.Errorf("the code action's command: %s", c.CommandError)
		}
	})

	// Rename the funnel from a reference to it: every reference and the
	// block's label change, and the plan stays valid.
	t.Run("Rename", func(t *testing.T) {
		n := r.Rename
		if !o.Client.Capabilities.Rename || (n.Error != nil && n.Error.Code == -32601) {
			t.Skipf("planc lsp has no textDocument/rename yet (renameProvider %v, error %s)", o.Client.Capabilities.Rename, n.Error)
		}
		if n.Error != nil || len(nvimRaw(n.Result)) == 0 || string(n.Result) == "null" {
			t.Fatalf("rename at %d:%d = %s (error %s)", n.Line, n.Character, n.Result, n.Error)
		}
		codeOf := func(s string) (code []string) {
			for _, line := range strings.Split(s, "\n") {
				if i := strings.Index(line, "#"); i >= 0 {
					line = line[:i]
				}
				code = append(code, line)
			}
			return code
		}
		want := codeOf(strings.ReplaceAll(strings.ReplaceAll(text, "funnel.demand", "funnel.pipeline"), `funnel "demand"`, `funnel "pipeline"`))
		got := codeOf(n.Text)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("after renaming demand to pipeline (comments left out):\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(n.After) != 0 {
			t.Errorf("diagnostics after the rename: %+v, want none", n.After)
		}
	})
}

// requireNvim returns the path of nvim 0.7 or later, or skips the test
// (fails it when PLANC_REQUIRE_NVIM=1).
func requireNvim(t *testing.T) string {
	t.Helper()
	skip := t.Skipf
	if os.Getenv("PLANC_REQUIRE_NVIM") == "1" {
		skip = t.Fatalf
	}
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		skip("nvim is not installed (apt-get install neovim; PLANC_REQUIRE_NVIM=1 makes this a failure)")
		return ""
	}
	out, err := exec.Command(nvim, "--version").Output()
	if err != nil {
		skip("nvim --version: %v", err)
		return ""
	}
	m := regexp.MustCompile(`NVIM v(\d+)\.(\d+)`).FindSubmatch(out)
	if m == nil {
		skip("nvim --version printed no version: %s", out)
		return ""
	}
	major, _ := strconv.Atoi(string(m[1]))
	minor, _ := strconv.Atoi(string(m[2]))
	if major == 0 && minor < 7 {
		skip("nvim %s.%s is older than 0.7, the oldest the plugin supports", m[1], m[2])
		return ""
	}
	return nvim
}

// nvimResult is what editors/neovim/test/lsp_test.lua writes.
type nvimResult struct {
	NvimVersion string `json:"nvim_version"`
	VimLSPStart bool   `json:"vim_lsp_start"`
	Steps       []struct {
		Name  string `json:"name"`
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	} `json:"steps"`
	Notifications []string `json:"notifications"`
	Open          struct {
		Filetype      string `json:"filetype"`
		Syntax        string `json:"syntax"`
		Commentstring string `json:"commentstring"`
		Shiftwidth    int    `json:"shiftwidth"`
		Client        struct {
			Name         string   `json:"name"`
			RootDir      string   `json:"root_dir"`
			Cmd          []string `json:"cmd"`
			Capabilities struct {
				CodeAction bool `json:"codeAction"`
				Rename     bool `json:"rename"`
			} `json:"capabilities"`
		} `json:"client"`
		Diagnostics []nvimDiagnostic `json:"diagnostics"`
	} `json:"open"`
	Edit struct {
		Line        int              `json:"line"`
		Text        string           `json:"text"`
		Diagnostics []nvimDiagnostic `json:"diagnostics"`
		Shown       []struct {
			Lnum    int    `json:"lnum"`
			Col     int    `json:"col"`
			Message string `json:"message"`
		} `json:"shown"`
		Fixed []nvimDiagnostic `json:"fixed"`
	} `json:"edit"`
	Hover struct {
		Line      int        `json:"line"`
		Character int        `json:"character"`
		Error     *nvimError `json:"error"`
		Result    *struct {
			Contents struct {
				Value string `json:"value"`
			} `json:"contents"`
			Range *nvimRange `json:"range"`
		} `json:"result"`
	} `json:"hover"`
	Definition struct {
		Line      int        `json:"line"`
		Character int        `json:"character"`
		Error     *nvimError `json:"error"`
		Result    []struct {
			URI   string    `json:"uri"`
			Range nvimRange `json:"range"`
		} `json:"result"`
		Cursor struct {
			Line int `json:"line"`
			Col  int `json:"col"`
		} `json:"cursor"`
		CursorText string `json:"cursor_text"`
	} `json:"definition"`
	Completion struct {
		Error *nvimError `json:"error"`
		Items []struct {
			Label  string `json:"label"`
			Detail string `json:"detail"`
		} `json:"items"`
	} `json:"completion"`
	Formatting struct {
		Restored     bool   `json:"restored"`
		FlatDiffered bool   `json:"flat_differed"`
		Text         string `json:"text"`
	} `json:"formatting"`
	CodeAction struct {
		Diagnostics  []nvimDiagnostic `json:"diagnostics"`
		Result       json.RawMessage  `json:"result"`
		Error        *nvimError       `json:"error"`
		Applied      string           `json:"applied"`
		CommandError *nvimError       `json:"command_error"`
		Text         string           `json:"text"`
		After        []nvimDiagnostic `json:"after"`
	} `json:"code_action"`
	Rename struct {
		Line      int              `json:"line"`
		Character int              `json:"character"`
		Result    json.RawMessage  `json:"result"`
		Error     *nvimError       `json:"error"`
		Text      string           `json:"text"`
		After     []nvimDiagnostic `json:"after"`
	} `json:"rename"`
}

// nvimError is an LSP ResponseError, or the Lua script's own message (a
// JSON string) for a request that was not answered.
type nvimError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *nvimError) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		e.Message = s
		return nil
	}
	type plain nvimError
	return json.Unmarshal(b, (*plain)(e))
}

func (e *nvimError) String() string {
	if e == nil {
		return "none"
	}
	return fmt.Sprintf("%d %s", e.Code, e.Message)
}

type nvimPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type nvimRange struct {
	Start nvimPosition `json:"start"`
	End   nvimPosition `json:"end"`
}

type nvimDiagnostic struct {
	Range    nvimRange `json:"range"`
	Severity int       `json:"severity"`
	Code     string    `json:"code"`
	Source   string    `json:"source"`
	Message  string    `json:"message"`
}

func nvimHasDiag(diags []nvimDiagnostic, code string, r nvimRange, severity int) bool {
	for _, d := range diags {
		if d.Code == code && d.Range == r && d.Severity == severity && d.Source == "planc" {
			return true
		}
	}
	return false
}

func nvimSpan(line, c1, c2 int) nvimRange {
	return nvimRange{nvimPosition{line, c1}, nvimPosition{line, c2}}
}

// nvimLine is the 0-based line of the first occurrence of sub in text, and
// nvimCol its byte column (the UTF-16 column too on an ASCII line).
func nvimLine(text, sub string) int { return strings.Count(text[:strings.Index(text, sub)], "\n") }

func nvimCol(text, sub string) int {
	i := strings.Index(text, sub)
	return i - (strings.LastIndex(text[:i], "\n") + 1)
}

// nvimRaw is a JSON value, or nil for JSON's null and Lua's nil (absent).
func nvimRaw(m json.RawMessage) json.RawMessage {
	if string(m) == "null" {
		return nil
	}
	return m
}
