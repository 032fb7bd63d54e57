// Package templates holds the layouts and the style sheet of the plan site
// that `planc build` writes (package compiler/site). They are embedded so
// that the planc binary is all a user needs: the site uses no CDN, font or
// script from elsewhere.
package templates

import "embed"

// FS holds layout.html (the frame every page shares), one template per page
// kind, and the style sheets, which the site joins into site.css in name
// order (site.css first, then a sheet per part: tree.css, ...).
//
//go:embed *.html *.css
var FS embed.FS
