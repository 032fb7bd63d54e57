package lsp

import (
	"github.com/planc-dev/planc/lang"
	"strings"
	"testing"
)

func TestCursorAt(t *testing.T) {
	tests := []struct {
		src     string // | marks the cursor
		where   where
		block   string
		path    string
		partial string
	}{
		{"|", inTopLevel, "", "", ""},
		{"kp|", inTopLevel, "", "", "kp"},
		{"kpi \"a\" {\n}\n|", inTopLevel, "", "", ""},
		{"kpi \"a\" {\n  |", inBody, "kpi", "", ""},
		{"kpi \"a\" {\n  for|", inBody, "kpi", "", "for"},
		{"kpi \"a\" {\n  # a note\n  fo|", inBody, "kpi", "", "fo"},
		{"funnel \"d\" {\n  stage \"s\" {\n  }\n  |", inBody, "funnel", "", ""},
		{"kpi \"a\" {\n  formula = kpi.|", inExpr, "kpi", "kpi", ""},
		{"kpi \"a\" { formula = kpi.c|", inExpr, "kpi", "kpi", "c"},
		{"funnel \"d\" {\n  stage \"s\" {\n    rate = funnel.d.s|", inExpr, "stage", "funnel.d", "s"},
		{"kpi \"a\" {\n  formula = max(kpi.a,\n    kpi.|", inExpr, "kpi", "kpi", ""},
		{"budget \"b\" {\n  channels = [channel.|", inExpr, "budget", "channel", ""},
		{"kpi \"a\" {\n  formula = |", inExpr, "kpi", "", ""},
		{"kpi \"a\" {\n  title = \"kpi.|", inNothing, "kpi", "kpi", ""},
		{"kpi \"a\" {\n  # see kpi.|", inNothing, "kpi", "kpi", ""},
		{"kpi \"a\" {\n  /* kpi.|", inNothing, "kpi", "kpi", ""},
		{"kpi \"|", inNothing, "", "", ""},
		{"kpi \"a\" |", inNothing, "", "", ""},
		{"kpi \"a\" {\n  title = \"${kpi.|", inExpr, "", "kpi", ""},
	}
	for _, tt := range tests {
		off := strings.Index(tt.src, "|")
		src := []byte(strings.Replace(tt.src, "|", "", 1))
		c := cursorAt(src, off)
		path := strings.Join(c.path, ".")
		if c.where != tt.where || c.block != tt.block || path != tt.path || c.partial != tt.partial {
			t.Errorf("cursorAt(%q) = where %d block %q path %q partial %q, want %d %q %q %q",
				tt.src, c.where, c.block, path, c.partial, tt.where, tt.block, tt.path, tt.partial)
		}
		if c.start != off-len(tt.partial) {
			t.Errorf("cursorAt(%q).start = %d, want %d", tt.src, c.start, off-len(tt.partial))
		}
	}
}

func TestNextSegment(t *testing.T) {
	tests := []struct {
		path, prefix, name string
		leaf, ok           bool
	}{
		{"kpi.cac", "kpi", "cac", true, true},
		{"funnel.demand.mql.volume", "funnel", "demand", false, true},
		{"funnel.demand.mql.volume", "funnel.demand", "mql", false, true},
		{"funnel.demand.revenue", "funnel.demand", "revenue", true, true},
		{"kgi.revenue", "kpi", "", false, false},
		{"funnel.demandx.revenue", "funnel.demand", "", false, false},
	}
	for _, tt := range tests {
		p, _ := lang.ParsePath(tt.path)
		prefix, _ := lang.ParsePath(tt.prefix)
		name, leaf, ok := nextSegment(p, prefix)
		if name != tt.name || leaf != tt.leaf || ok != tt.ok {
			t.Errorf("nextSegment(%q, %q) = %q %v %v, want %q %v %v", tt.path, tt.prefix, name, leaf, ok, tt.name, tt.leaf, tt.ok)
		}
	}
}

func TestHintOffset(t *testing.T) {
	tests := []struct {
		src  string
		end  int // the header's end
		want int
	}{
		{"kpi \"a\" {\n", 7, 9},
		{"kpi \"a\" {  \r\n", 7, 9},
		{"kpi \"a\" { value = 3 }\n", 7, 7},
		{"kpi \"a\"\n", 7, 7},
		{"kpi \"a\" {", 7, 9},
	}
	for _, tt := range tests {
		if got := hintOffset([]byte(tt.src), tt.end); got != tt.want {
			t.Errorf("hintOffset(%q, %d) = %d, want %d", tt.src, tt.end, got, tt.want)
		}
	}
}
