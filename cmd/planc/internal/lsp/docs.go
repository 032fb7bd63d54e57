package lsp

import (
	"encoding/json"
	"fmt"
)

// document is a file the editor has open, with its unsaved text. The text
// is replaced, never modified in place, so a copy of a document is a
// consistent snapshot of it.
type document struct {
	uri     string
	version int
	text    []byte
	// key is the plan the document belongs to; name its file name there.
	key  planKey
	name string
}

// locked makes a notification handler of f: the params decoded, and f run
// with s.mu held.
func locked[P any](f func(s *Server, p P) error) func(*Server, json.RawMessage) error {
	return func(s *Server, raw json.RawMessage) error {
		p, err := decode[P](raw)
		if err != nil {
			return err
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		return f(s, p)
	}
}

var didOpen = locked(func(s *Server, p DidOpenTextDocumentParams) error {
	key, name := keyOf(p.TextDocument.URI)
	s.docs[p.TextDocument.URI] = &document{uri: p.TextDocument.URI, version: p.TextDocument.Version,
		text: []byte(p.TextDocument.Text), key: key, name: name}
	s.touch(key)
	return nil
})

var didChange = locked(func(s *Server, p DidChangeTextDocumentParams) error {
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return fmt.Errorf("%s is not open", p.TextDocument.URI)
	}
	src := d.text
	for _, c := range p.ContentChanges {
		src = applyChange(src, c, s.enc)
	}
	d.text, d.version = src, p.TextDocument.Version
	s.touch(d.key)
	return nil
})

// applyChange returns src with one change applied: a whole new text, or a
// replaced range (clamped to the text, as LSP positions past a line's end
// mean its end).
func applyChange(src []byte, c TextDocumentContentChangeEvent, enc encoding) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	t := newText(src)
	start, end := t.offset(c.Range.Start, enc), t.offset(c.Range.End, enc)
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(src)-(end-start)+len(c.Text))
	out = append(out, src[:start]...)
	out = append(out, c.Text...)
	return append(out, src[end:]...)
}

func didClose(s *Server, raw json.RawMessage) error {
	p, err := decode[DidCloseTextDocumentParams](raw)
	if err != nil {
		return err
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	if d == nil {
		s.mu.Unlock()
		return nil
	}
	ps := s.plans[d.key]
	if ps == nil || s.hasDocs(d.key) {
		s.touch(d.key) // the file is now read from disk again
		s.mu.Unlock()
		return nil
	}
	s.drop(ps)
	s.mu.Unlock()
	s.clear(ps)
	return nil
}

// hasDocs reports whether a document of plan key is open. s.mu is held.
func (s *Server) hasDocs(key planKey) bool {
	for _, d := range s.docs {
		if d.key == key {
			return true
		}
	}
	return false
}

// didSave recompiles: the editor's text was already compiled, but the
// save may come with other files changed on disk (a formatter, a save-all).
var didSave = locked(func(s *Server, p DidSaveTextDocumentParams) error {
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	if p.Text != nil {
		d.text = []byte(*p.Text)
	}
	s.touch(d.key)
	return nil
})

// didChangeWatchedFiles recompiles the open plans whose files changed on
// disk, for clients that watch files on their own.
var didChangeWatchedFiles = locked(func(s *Server, p DidChangeWatchedFilesParams) error {
	for _, c := range p.Changes {
		if key, _ := keyOf(c.URI); s.plans[key] != nil {
			s.touch(key)
		}
	}
	return nil
})
