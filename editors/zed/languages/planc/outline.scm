; The outline: every block, with its type as context and its labels as
; name (kgi "revenue", funnel "demand" and its stages).
(block
  (identifier) @context
  (string_lit)? @name) @item
