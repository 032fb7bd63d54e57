; planc plans with tree-sitter-hcl (the commit in extension.toml). Each
; node gets one capture: block types, attribute names, the roots and
; segments of references, literals and comments.

(comment) @comment

; kgi "revenue" {, stage "won" {: the block's type (and a bare label).
(block
  (identifier) @keyword)

; title = ..., rate = ...
(attribute
  (identifier) @property)

; funnel.demand.revenue: the root, then each segment.
(variable_expr
  (identifier) @type)

(get_attr
  (identifier) @variable)

(function_call
  (identifier) @function)

[
  (quoted_template_start)
  (quoted_template_end)
  (template_literal)
] @string

[
  (heredoc_start)
  (heredoc_identifier)
] @punctuation.delimiter

[
  (template_interpolation_start)
  (template_interpolation_end)
  (template_directive_start)
  (template_directive_end)
  (strip_marker)
] @punctuation.special

(numeric_lit) @number

(bool_lit) @boolean

(null_lit) @constant

[
  (block_start)
  (block_end)
  (tuple_start)
  (tuple_end)
  "("
  ")"
] @punctuation.bracket
