package lang

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Format returns src in planc's canonical layout: HCL's own (hclwrite)
// indentation, spacing and alignment of `=`. It refuses a file that does not
// parse, returning its syntax diagnostics and no bytes, because reformatting
// around a syntax error can move text in ways the author did not mean.
// Format only lays out; it never checks the plan's meaning.
func Format(name string, src []byte) ([]byte, hcl.Diagnostics) {
	_, diags := parseFile(Source{Name: name, Bytes: src})
	if diags.HasErrors() {
		return nil, diags
	}
	return hclwrite.Format(src), nil
}

// IsFormatted reports whether src is already in canonical layout. A file that
// does not parse is reported with its diagnostics.
func IsFormatted(name string, src []byte) (bool, hcl.Diagnostics) {
	out, diags := Format(name, src)
	if diags.HasErrors() {
		return false, diags
	}
	return bytes.Equal(out, src), nil
}
