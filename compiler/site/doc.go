// Package site writes a compiled plan as a static HTML site: the plan site
// that `planc build` publishes.
//
// The site is a flat directory of pages that link to each other with
// relative links only, plus one style sheet, so that it works from file://
// and under any path prefix, with no network access and no JavaScript
// (a page prints cleanly: print.css):
//
//	summary.html        the plan on one page: headline cards, a strip per
//	                    funnel, teams and the top risks; prints on one A4
//	index.html          overview: goals, marketing-sourced revenue, funnels,
//	                    lead sources, budgets, diagnostics
//	tree.html           the KPI tree, drawn in SVG: goals down to the
//	                    levers, each with its value and how it is derived
//	lineage.html        every value's dependencies, as a layered graph
//	funnel.F.html       a funnel's waterfall, stages, sources and benchmarks,
//	                    its sensitivity (a tornado) and which stage to
//	                    improve first, each re-solving the plan per input
//	channels.html       channels, and the budgets in their hierarchies: what
//	                    each pays for and its spend against its cap
//	teams.html          each team's load against its capacity
//	scenarios.html      the scenarios, and the key values in each beside
//	                    the plan's, with the expectation of their
//	                    probabilities
//	personas.html       the personas
//	journey.J.html      a customer journey, its phases as a diagram
//	analyses.html       the analyses, each in its framework's layout
//	kgi.N.html, ...     one page per metric, stage, channel, source and
//	                    team, named by its reference path
//	diagnostics.html    every diagnostic with its source snippet
//
// Output is deterministic (the same plan gives byte-identical files), and
// Write replaces a site atomically: it builds the new site next to the old
// one and swaps it in, so that a failed build leaves the old site as it was.
// Write refuses to replace a directory that planc did not create, detected
// by the marker file .planc-site.
//
// The pages speak the plan's language (words.go, the catalog in package
// stdlib/i18n) and write numbers as it does (numbers.go: 万 and 億 in
// Japanese); what only the plan's authors need (paths, formulas as
// written, where they are written) is collapsed at the end of each page.
//
// User text (titles, descriptions, definitions) is escaped by html/template;
// Markdown is rendered by goldmark in its safe mode, which drops raw HTML
// and dangerous links.
package site
