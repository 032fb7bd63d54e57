package lang

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestSchemaFields: every attribute of the schema table has its field, of
// the Go type its role decodes into (init panics otherwise; this says
// which).
func TestSchemaFields(t *testing.T) {
	if err := schemaFields(); err != nil {
		t.Fatal(err)
	}
}

func TestPath(t *testing.T) {
	p := NewPath("funnel", "demand", "mql")
	v := p.Child("volume")
	for _, tt := range []struct{ got, want string }{
		{v.String(), "funnel.demand.mql.volume"},
		{v.Root(), "funnel"},
		{v.Last(), "volume"},
		{v.Parent().String(), "funnel.demand.mql"},
		{NewPath("kpi").Parent().String(), ""},
		{Path{}.Child("kpi", "cvr").String(), "kpi.cvr"},
		{strings.Join(v.Names(), " "), "funnel demand mql volume"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if !v.Under(p) || !v.Under(NewPath("funnel")) || v.Under(NewPath("funnel", "dem")) || p.Under(p) || !p.Under(Path{}) {
		t.Error("Under is wrong")
	}
	for s, ok := range map[string]bool{"kpi.cvr": true, "funnel.需要.mql": true, "kpi..cvr": false, "": false, "kpi.1x": false, "kpi.a-b": true} {
		if _, got := ParsePath(s); got != ok {
			t.Errorf("ParsePath(%q) ok = %v, want %v", s, got, ok)
		}
	}
}

func TestTraversalPath(t *testing.T) {
	for src, want := range map[string]string{"kpi.cvr": "kpi.cvr", "funnel.demand.mql.volume": "funnel.demand.mql.volume", "kpi.a[0]": ""} {
		e, diags := hclsyntax.ParseExpression([]byte(src), "x", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		p, ok := TraversalPath(e.(*hclsyntax.ScopeTraversalExpr).Traversal)
		if p.String() != want || ok != (want != "") {
			t.Errorf("TraversalPath(%s) = %q %v, want %q", src, p, ok, want)
		}
	}
}

func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"kpi.cvr", "funnel.demand.mql.volume", "a..b", "", "需要.x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := ParsePath(s)
		if ok && p.String() != s {
			t.Errorf("ParsePath(%q) = %q", s, p)
		}
		if ok && strings.Join(p.Names(), ".") != s {
			t.Errorf("Names of %q = %v", s, p.Names())
		}
	})
}
