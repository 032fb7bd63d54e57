package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestTreeLarge lays out a plan of 211 metrics and checks that every one is
// drawn and no two boxes overlap.
func TestTreeLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString("plan {\n  title = \"Large\"\n}\n")
	var groups []string
	for i := 0; i < 10; i++ {
		var leaves []string
		for j := 0; j < 20; j++ {
			fmt.Fprintf(&b, "kpi \"leaf_%d_%d\" {\n  title = \"リーフ指標 %d-%d with a long title\"\n  value = \"1M JPY\"\n}\n", i, j, i, j)
			leaves = append(leaves, fmt.Sprintf("kpi.leaf_%d_%d", i, j))
		}
		fmt.Fprintf(&b, "kpi \"group_%d\" {\n  formula = %s\n}\n", i, strings.Join(leaves, " + "))
		groups = append(groups, fmt.Sprintf("kpi.group_%d", i))
	}
	fmt.Fprintf(&b, "kgi \"revenue\" {\n  formula = %s\n}\n", strings.Join(groups, " + "))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "large.plan.hcl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	files := generate(t, dir)
	tree := string(files["tree.html"])
	re := regexp.MustCompile(`<g class="node [^"]*" transform="translate\((\d+),(\d+)\)">`)
	type box struct{ x, y int }
	var boxes []box
	for _, m := range re.FindAllStringSubmatch(tree, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		boxes = append(boxes, box{x, y})
	}
	if len(boxes) != 211 {
		t.Fatalf("%d nodes drawn, want 211", len(boxes))
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, c := boxes[i], boxes[j]
			if a.x < c.x+nodeW && c.x < a.x+nodeW && a.y < c.y+nodeH && c.y < a.y+nodeH {
				t.Fatalf("boxes %d and %d overlap: %v %v", i, j, a, c)
			}
		}
	}
	if !strings.Contains(tree, "¥200,000,000") {
		t.Error("the KGI's solved sum is not shown")
	}
}
