package lsp

import "encoding/json"

// The subset of the Language Server Protocol (3.17) that planc uses. Field
// names follow the specification so that the JSON matches it.

// Position is a 0-based line and a 0-based character offset in the
// negotiated encoding (UTF-16 code units unless the client chose UTF-8).
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is a half-open range of positions.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Location is a range in a document.
type Location struct {
	URI   string `json:"uri"`
	Range Range  `json:"range"`
}

// TextDocumentIdentifier names a document.
type TextDocumentIdentifier struct {
	URI string `json:"uri"`
}

// VersionedTextDocumentIdentifier names a version of a document.
type VersionedTextDocumentIdentifier struct {
	URI     string `json:"uri"`
	Version int    `json:"version"`
}

// TextDocumentItem is an opened document.
type TextDocumentItem struct {
	URI        string `json:"uri"`
	LanguageID string `json:"languageId"`
	Version    int    `json:"version"`
	Text       string `json:"text"`
}

// TextDocumentPositionParams are a document and a position in it.
type TextDocumentPositionParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Position     Position               `json:"position"`
}

// InitializeParams is the part of initialize's parameters planc reads.
type InitializeParams struct {
	ProcessID    *int               `json:"processId"`
	Capabilities ClientCapabilities `json:"capabilities"`
}

// ClientCapabilities is the part of the client's capabilities planc reads.
type ClientCapabilities struct {
	General struct {
		PositionEncodings []string `json:"positionEncodings"`
	} `json:"general"`
	TextDocument struct {
		Completion struct {
			CompletionItem struct {
				SnippetSupport bool `json:"snippetSupport"`
			} `json:"completionItem"`
		} `json:"completion"`
	} `json:"textDocument"`
}

// InitializeResult answers initialize.
type InitializeResult struct {
	Capabilities ServerCapabilities `json:"capabilities"`
	ServerInfo   ServerInfo         `json:"serverInfo"`
}

// ServerInfo names the server.
type ServerInfo struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

// ServerCapabilities lists what planc offers.
type ServerCapabilities struct {
	PositionEncoding           string                  `json:"positionEncoding,omitempty"`
	TextDocumentSync           TextDocumentSyncOptions `json:"textDocumentSync"`
	HoverProvider              bool                    `json:"hoverProvider"`
	DefinitionProvider         bool                    `json:"definitionProvider"`
	ReferencesProvider         bool                    `json:"referencesProvider"`
	DocumentSymbolProvider     bool                    `json:"documentSymbolProvider"`
	CompletionProvider         CompletionOptions       `json:"completionProvider"`
	DocumentFormattingProvider bool                    `json:"documentFormattingProvider"`
	InlayHintProvider          bool                    `json:"inlayHintProvider"`
	CodeActionProvider         *CodeActionOptions      `json:"codeActionProvider,omitempty"`
	RenameProvider             *RenameOptions          `json:"renameProvider,omitempty"`
	SemanticTokensProvider     *SemanticTokensOptions  `json:"semanticTokensProvider,omitempty"`
	SignatureHelpProvider      *SignatureHelpOptions   `json:"signatureHelpProvider,omitempty"`
	CodeLensProvider           *CodeLensOptions        `json:"codeLensProvider,omitempty"`
	WorkspaceSymbolProvider    bool                    `json:"workspaceSymbolProvider"`
	FoldingRangeProvider       bool                    `json:"foldingRangeProvider"`
	DocumentHighlightProvider  bool                    `json:"documentHighlightProvider"`
}

// Text document sync kinds.
const (
	SyncFull        = 1
	SyncIncremental = 2
)

// TextDocumentSyncOptions says how the client sends document changes.
type TextDocumentSyncOptions struct {
	OpenClose bool        `json:"openClose"`
	Change    int         `json:"change"`
	Save      SaveOptions `json:"save"`
}

// SaveOptions asks for didSave notifications.
type SaveOptions struct {
	IncludeText bool `json:"includeText"`
}

// CompletionOptions configures completion.
type CompletionOptions struct {
	TriggerCharacters []string `json:"triggerCharacters,omitempty"`
}

// DidOpenTextDocumentParams is textDocument/didOpen's.
type DidOpenTextDocumentParams struct {
	TextDocument TextDocumentItem `json:"textDocument"`
}

// DidChangeTextDocumentParams is textDocument/didChange's.
type DidChangeTextDocumentParams struct {
	TextDocument   VersionedTextDocumentIdentifier  `json:"textDocument"`
	ContentChanges []TextDocumentContentChangeEvent `json:"contentChanges"`
}

// TextDocumentContentChangeEvent replaces Range with Text, or the whole
// document when Range is nil.
type TextDocumentContentChangeEvent struct {
	Range *Range `json:"range,omitempty"`
	Text  string `json:"text"`
}

// DidCloseTextDocumentParams is textDocument/didClose's.
type DidCloseTextDocumentParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// DidSaveTextDocumentParams is textDocument/didSave's; Text is set when
// the client includes it.
type DidSaveTextDocumentParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Text         *string                `json:"text,omitempty"`
}

// DidChangeWatchedFilesParams is workspace/didChangeWatchedFiles's.
type DidChangeWatchedFilesParams struct {
	Changes []FileEvent `json:"changes"`
}

// FileEvent is a file created, changed or deleted on disk.
type FileEvent struct {
	URI  string `json:"uri"`
	Type int    `json:"type"`
}

// CancelParams is $/cancelRequest's.
type CancelParams struct {
	ID json.RawMessage `json:"id"`
}

// Diagnostic severities.
const (
	SeverityError   = 1
	SeverityWarning = 2
)

// PublishDiagnosticsParams is textDocument/publishDiagnostics's. Version is
// the version of the open document the diagnostics were computed from.
type PublishDiagnosticsParams struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Diagnostic is one finding.
type Diagnostic struct {
	Range    Range  `json:"range"`
	Severity int    `json:"severity"`
	Code     string `json:"code,omitempty"`
	// CodeDescription links the code to its documentation.
	CodeDescription *CodeDescription `json:"codeDescription,omitempty"`
	Source          string           `json:"source"`
	Message         string           `json:"message"`
	// RelatedInformation are the diagnostic's notes (lang.Note).
	RelatedInformation []DiagnosticRelatedInformation `json:"relatedInformation,omitempty"`
}

// DiagnosticRelatedInformation is a place related to a diagnostic.
type DiagnosticRelatedInformation struct {
	Location Location `json:"location"`
	Message  string   `json:"message"`
}

// MarkupContent is Markdown (or plain text) for hovers and tooltips.
type MarkupContent struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// Hover answers textDocument/hover.
type Hover struct {
	Contents MarkupContent `json:"contents"`
	Range    *Range        `json:"range,omitempty"`
}

// ReferenceParams is textDocument/references's.
type ReferenceParams struct {
	TextDocumentPositionParams
	Context struct {
		IncludeDeclaration bool `json:"includeDeclaration"`
	} `json:"context"`
}

// DocumentSymbol is one block in the outline.
type DocumentSymbol struct {
	Name           string           `json:"name"`
	Detail         string           `json:"detail,omitempty"`
	Kind           int              `json:"kind"`
	Range          Range            `json:"range"`
	SelectionRange Range            `json:"selectionRange"`
	Children       []DocumentSymbol `json:"children,omitempty"`
}

// Symbol kinds planc uses.
const (
	SymbolModule    = 2
	SymbolNamespace = 3
	SymbolClass     = 5
	SymbolField     = 8
	SymbolInterface = 11
	SymbolVariable  = 13
	SymbolBoolean   = 17
	SymbolArray     = 18
	SymbolObject    = 19
	SymbolStruct    = 23
	SymbolEvent     = 24
)

// DocumentSymbolParams is textDocument/documentSymbol's.
type DocumentSymbolParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// Completion item kinds and insert text formats planc uses.
const (
	CompletionField    = 5
	CompletionVariable = 6
	CompletionClass    = 7
	CompletionModule   = 9
	CompletionProperty = 10
	CompletionKeyword  = 14
	CompletionFunction = 3

	InsertPlainText = 1
	InsertSnippet   = 2
)

// CompletionList answers textDocument/completion.
type CompletionList struct {
	IsIncomplete bool             `json:"isIncomplete"`
	Items        []CompletionItem `json:"items"`
}

// CompletionItem is one suggestion.
type CompletionItem struct {
	Label            string         `json:"label"`
	Kind             int            `json:"kind,omitempty"`
	Detail           string         `json:"detail,omitempty"`
	Documentation    *MarkupContent `json:"documentation,omitempty"`
	SortText         string         `json:"sortText,omitempty"`
	InsertTextFormat int            `json:"insertTextFormat,omitempty"`
	TextEdit         *TextEdit      `json:"textEdit,omitempty"`
}

// TextEdit replaces Range with NewText.
type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

// DocumentFormattingParams is textDocument/formatting's; the formatting
// options (tab size) are ignored, as planc has one canonical layout.
type DocumentFormattingParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// InlayHintParams is textDocument/inlayHint's.
type InlayHintParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
}

// InlayHint is a label shown inside the text.
type InlayHint struct {
	Position    Position       `json:"position"`
	Label       string         `json:"label"`
	Tooltip     *MarkupContent `json:"tooltip,omitempty"`
	PaddingLeft bool           `json:"paddingLeft,omitempty"`
}

// WorkspaceEdit changes documents: by URI (changes), or with each
// document's version (documentChanges) for clients that take it.
type WorkspaceEdit struct {
	Changes         map[string][]TextEdit `json:"changes,omitempty"`
	DocumentChanges []TextDocumentEdit    `json:"documentChanges,omitempty"`
}

// TextDocumentEdit is edits of one version of a document.
type TextDocumentEdit struct {
	TextDocument OptionalVersionedTextDocumentIdentifier `json:"textDocument"`
	Edits        []TextEdit                              `json:"edits"`
}

// OptionalVersionedTextDocumentIdentifier names a version of a document;
// Version is null for a file that is not open, as read from disk.
type OptionalVersionedTextDocumentIdentifier struct {
	URI     string `json:"uri"`
	Version *int   `json:"version"`
}

// Code action kinds planc offers.
const CodeActionQuickFix = "quickfix"

// CodeActionOptions announces code actions.
type CodeActionOptions struct {
	CodeActionKinds []string `json:"codeActionKinds,omitempty"`
}

// CodeActionParams is textDocument/codeAction's.
type CodeActionParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
	Context      CodeActionContext      `json:"context"`
}

// CodeActionContext holds the diagnostics at the range, as the client
// sent them (so that an action attaches them unchanged), and the kinds
// the client asks for.
type CodeActionContext struct {
	Diagnostics []json.RawMessage `json:"diagnostics"`
	Only        []string          `json:"only,omitempty"`
}

// CodeAction is a fix: a title, the diagnostics it resolves and its edit.
type CodeAction struct {
	Title       string            `json:"title"`
	Kind        string            `json:"kind,omitempty"`
	Diagnostics []json.RawMessage `json:"diagnostics,omitempty"`
	IsPreferred bool              `json:"isPreferred,omitempty"`
	Edit        *WorkspaceEdit    `json:"edit,omitempty"`
}

// RenameOptions announces rename with prepareRename.
type RenameOptions struct {
	PrepareProvider bool `json:"prepareProvider"`
}

// RenameParams is textDocument/rename's.
type RenameParams struct {
	TextDocumentPositionParams
	NewName string `json:"newName"`
}

// PrepareRenameResult is the name prepareRename found and what it is.
type PrepareRenameResult struct {
	Range       Range  `json:"range"`
	Placeholder string `json:"placeholder"`
}

// SemanticTokensLegend names the token types and modifiers by index.
type SemanticTokensLegend struct {
	TokenTypes     []string `json:"tokenTypes"`
	TokenModifiers []string `json:"tokenModifiers"`
}

// SemanticTokensOptions announces semantic tokens.
type SemanticTokensOptions struct {
	Legend SemanticTokensLegend `json:"legend"`
	Full   SemanticTokensFull   `json:"full"`
	Range  bool                 `json:"range"`
}

// SemanticTokensFull says whether deltas are offered.
type SemanticTokensFull struct {
	Delta bool `json:"delta"`
}

// SemanticTokensParams is textDocument/semanticTokens/full's.
type SemanticTokensParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// SemanticTokensDeltaParams is textDocument/semanticTokens/full/delta's.
type SemanticTokensDeltaParams struct {
	TextDocument     TextDocumentIdentifier `json:"textDocument"`
	PreviousResultID string                 `json:"previousResultId"`
}

// SemanticTokens are a document's tokens, five integers each: line delta,
// start delta, length, type and modifier bits.
type SemanticTokens struct {
	ResultID string   `json:"resultId,omitempty"`
	Data     []uint32 `json:"data"`
}

// SemanticTokensDelta is the edits from a previous result to this one.
type SemanticTokensDelta struct {
	ResultID string               `json:"resultId,omitempty"`
	Edits    []SemanticTokensEdit `json:"edits"`
}

// SemanticTokensEdit replaces DeleteCount integers at Start with Data.
type SemanticTokensEdit struct {
	Start       int      `json:"start"`
	DeleteCount int      `json:"deleteCount"`
	Data        []uint32 `json:"data,omitempty"`
}

// SignatureHelpOptions announces signature help.
type SignatureHelpOptions struct {
	TriggerCharacters   []string `json:"triggerCharacters,omitempty"`
	RetriggerCharacters []string `json:"retriggerCharacters,omitempty"`
}

// SignatureHelp answers textDocument/signatureHelp.
type SignatureHelp struct {
	Signatures      []SignatureInformation `json:"signatures"`
	ActiveSignature int                    `json:"activeSignature"`
	ActiveParameter int                    `json:"activeParameter"`
}

// SignatureInformation is a function's signature with its parameters.
type SignatureInformation struct {
	Label         string                 `json:"label"`
	Documentation *MarkupContent         `json:"documentation,omitempty"`
	Parameters    []ParameterInformation `json:"parameters"`
}

// ParameterInformation is a parameter as a range of its signature's
// label, in UTF-16 code units.
type ParameterInformation struct {
	Label [2]int `json:"label"`
}

// CodeLensParams is textDocument/codeLens's.
type CodeLensParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// CodeLensOptions announces code lenses.
type CodeLensOptions struct {
	ResolveProvider bool `json:"resolveProvider"`
}

// CodeLens is a line shown above a range; planc's have a title only.
type CodeLens struct {
	Range   Range    `json:"range"`
	Command *Command `json:"command,omitempty"`
}

// Command is a title and, for an action, the command it runs; planc's
// lenses run none.
type Command struct {
	Title   string `json:"title"`
	Command string `json:"command"`
}

// WorkspaceSymbolParams is workspace/symbol's.
type WorkspaceSymbolParams struct {
	Query string `json:"query"`
}

// SymbolInformation is one symbol of the workspace.
type SymbolInformation struct {
	Name          string   `json:"name"`
	Kind          int      `json:"kind"`
	Location      Location `json:"location"`
	ContainerName string   `json:"containerName,omitempty"`
}

// FoldingRangeParams is textDocument/foldingRange's.
type FoldingRangeParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// Folding range kinds planc uses ("" for a block or a list).
const (
	FoldingComment = "comment"
	FoldingRegion  = "region"
)

// FoldingRange is lines that fold, startLine staying visible.
type FoldingRange struct {
	StartLine int    `json:"startLine"`
	EndLine   int    `json:"endLine"`
	Kind      string `json:"kind,omitempty"`
}

// Document highlight kinds.
const (
	HighlightText  = 1
	HighlightRead  = 2
	HighlightWrite = 3
)

// DocumentHighlight is one occurrence of what is under the cursor.
type DocumentHighlight struct {
	Range Range `json:"range"`
	Kind  int   `json:"kind"`
}
