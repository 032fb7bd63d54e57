package lang

import (
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"aligns and indents", "kpi \"x\" {\n\tvalue=\"30%\"\n  title = \"新規商談\"\n}\n",
			"kpi \"x\" {\n  value = \"30%\"\n  title = \"新規商談\"\n}\n"},
		{"one blank line in a row", "a = 1\n\n\n\nb = 2\n", "a = 1\n\nb = 2\n"},
		{"blank lines with spaces", "a = 1\n  \n \t\n\nb = 2\n", "a = 1\n\nb = 2\n"},
		{"no blank lines at the start", "\n\n\na = 1\n", "a = 1\n"},
		{"one newline at the end", "a = 1", "a = 1\n"},
		{"no blank lines at the end", "a = 1\n\n\n", "a = 1\n"},
		{"comment lines end lines", "# one\n\n\n# two\na = 1 # three\n\n\nb = 2\n", "# one\n\n# two\na = 1 # three\n\nb = 2\n"},
		{"block comments", "/* x */\n\n\na = 1\n", "/* x */\n\na = 1\n"},
		{"heredocs keep their blank lines", "d = <<EOT\nfirst\n\n\n\nlast\nEOT\n\n\nb = 2\n", "d = <<EOT\nfirst\n\n\n\nlast\nEOT\n\nb = 2\n"},
		{"blank lines inside a block", "kpi \"x\" {\n\n\n  value = \"1\"\n\n\n}\n", "kpi \"x\" {\n\n  value = \"1\"\n\n}\n"},
		{"CRLF stays CRLF", "a=1\r\n\r\n\r\nbb = 2", "a = 1\r\n\r\nbb = 2\r\n"},
		{"empty", "", ""},
		{"only blank lines", "\n\n \n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := Format("a.plan.hcl", []byte(tt.in))
			if diags.HasErrors() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if string(got) != tt.want {
				t.Errorf("Format(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if ok, _ := IsFormatted("a.plan.hcl", got); !ok {
				t.Errorf("Format is not idempotent on %q", got)
			}
		})
	}
}

func TestFormatRefusesBrokenFiles(t *testing.T) {
	for _, in := range []string{"kpi \"x\" {\n  value = \"30%\"\n", "a = 30%\n", "a = \"\xff\"\n"} {
		got, diags := Format("broken.plan.hcl", []byte(in))
		if got != nil || !diags.HasErrors() {
			t.Errorf("Format(%q) = %q, %v; want no bytes and a syntax error", in, got, diags)
			continue
		}
		if code := CodeOf(diags[0]); code != Syntax {
			t.Errorf("Format(%q): code %q, want %q", in, code, Syntax)
		}
	}
}

// FuzzFormat checks that formatting never panics, keeps a file parsable and
// is idempotent.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{
		"kpi \"x\" {\n\tvalue=\"30%\"\n}\n",
		"a = 1\n\n\n# c\n\nb = [1,\n\n\n2]\n",
		"d = <<EOT\nx\n\n\nEOT\n",
		"f = \"${a}\\n\"\r\n\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, diags := Format("f.plan.hcl", src)
		if diags.HasErrors() {
			return
		}
		if _, d := parseFile(Source{Name: "f.plan.hcl", Bytes: out}); d.HasErrors() {
			t.Fatalf("Format(%q) = %q, which does not parse: %v", src, out, d)
		}
		if !sameTokens(src, out) {
			t.Fatalf("Format(%q) = %q changed the tokens", src, out)
		}
		again, _ := Format("f.plan.hcl", out)
		if string(again) != string(out) {
			t.Fatalf("Format is not idempotent:\n once  %q\n twice %q", out, again)
		}
	})
}

// TestFormatNeverChangesMeaning: hclwrite joins `1 .5` into `1.5`; Format
// then only tidies the lines.
func TestFormatNeverChangesMeaning(t *testing.T) {
	for _, in := range []string{"a = 1 .5\n", "A=0.0 .0\n\n\n"} {
		got, _ := Format("a.plan.hcl", []byte(in))
		if !sameTokens([]byte(in), got) {
			t.Errorf("Format(%q) = %q: the tokens changed", in, got)
		}
	}
}

// FuzzPlainlyTidy: the text check that lets Format skip tidyLines never
// says "tidy" of a file tidyLines would change.
func FuzzPlainlyTidy(f *testing.F) {
	for _, s := range []string{
		"a = 1\n", "a = 1\n\nb = 2\n", "\na = 1\n", "a = 1\n\n\nb = 2\n", "a = 1 \n",
		"a = 1\r\nb = 2\n", "d = <<EOT\nx\n\n\nEOT\n", "# c\n\n\n", "a = 1\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if plainlyTidy(src) && string(tidyLines(src)) != string(src) {
			t.Fatalf("plainlyTidy(%q), but tidyLines gives %q", src, tidyLines(src))
		}
	})
}
