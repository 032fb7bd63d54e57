// Package lsp is planc's language server: `planc lsp` speaks the Language
// Server Protocol over stdin and stdout so that an editor shows a plan's
// diagnostics as it is typed, and offers hover, go-to-definition, find
// references, document symbols, completion, formatting and inlay hints.
// Editing help sits on the same snapshot: quick fixes for what a
// diagnostic proposes (quickfix.go), rename of a block across the plan's
// files (rename.go), semantic tokens (semantic.go), signature help for the
// standard functions (signature.go), code lenses with solved values
// (codelens.go), workspace symbols (workspace_symbols.go), folding ranges
// (folding.go) and document highlights (highlight.go).
//
// It comes after package compiler: every change recompiles the whole plan
// directory (compiler.Compile over the files on disk overlaid with the
// editor's unsaved buffers, read by source.Overlay), and every feature
// reads the resulting snapshot (snapshot.go): the AST, the compiled Result,
// and a side table of names (index.go) built from the compiler's Info.Uses.
//
// The protocol layer is a small JSON-RPC 2.0 implementation with LSP's
// Content-Length framing (jsonrpc.go, conn.go), in both directions: the
// server's own requests to the client (refreshes after a change, a file
// watcher's registration, progress of long compiles: client.go) wait for
// their responses by id, with a timeout, and fail at shutdown. Then the
// subset of protocol types planc uses (protocol.go). Positions cross the
// wire as LSP's 0-based line and UTF-16 code unit (or UTF-8 byte, when the
// client offers it) and are converted through byte offsets (position.go),
// never through HCL's grapheme-counting columns.
package lsp
