package lsp

import (
	"sort"
	"strings"
	"unicode"

	"github.com/planc-dev/planc/lang"
)

// workspaceSymbols lists the blocks of every open plan that match the
// query: its characters in order in the block's name, path or title,
// ignoring case (cvr finds kpi "conversion_rate", 商談 finds the stage
// titled 新規商談), the closest matches first. An empty query lists every
// block.
func workspaceSymbols(s *Server, r *request, p WorkspaceSymbolParams) (any, error) {
	type ranked struct {
		sym   SymbolInformation
		score int
	}
	var found []ranked
	for _, snap := range s.openSnapshots(r) {
		for _, name := range snap.names {
			f := snap.files[name]
			for _, top := range blocksIn(snap.plan, name) {
				for _, node := range allBlocks([]lang.Node{top}) {
					sym, texts := snap.workspaceSymbol(f, top, node, s.enc)
					if score, ok := bestMatch(p.Query, texts); ok {
						found = append(found, ranked{sym, score})
					}
				}
			}
		}
		if r.ctx.Err() != nil {
			return nil, r.ctx.Err()
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score < found[j].score })
	out := make([]SymbolInformation, 0, len(found))
	for _, f := range found {
		out = append(out, f.sym)
	}
	return out, nil
}

// openSnapshots returns the snapshot of every open plan that includes the
// changes made before the request; a plan closed meanwhile is left out.
func (s *Server) openSnapshots(r *request) []*snapshot {
	type want struct {
		key planKey
		gen uint64
	}
	s.mu.Lock()
	var wants []want
	for key, ps := range s.plans {
		wants = append(wants, want{key, ps.gen})
	}
	s.mu.Unlock()
	sort.Slice(wants, func(i, j int) bool {
		if wants[i].key.dir != wants[j].key.dir {
			return wants[i].key.dir < wants[j].key.dir
		}
		return wants[i].key.uri < wants[j].key.uri
	})
	var out []*snapshot
	for _, w := range wants {
		if snap, err := s.waitSnapshot(r.ctx, w.key, w.gen); err == nil && snap.plan != nil {
			out = append(out, snap)
		}
	}
	return out
}

// workspaceSymbol is a block as a symbol: its name with its title
// ("cvr · 受注率"), and the texts a query is matched against.
func (s *snapshot) workspaceSymbol(f *file, top, node lang.Node, enc encoding) (SymbolInformation, []string) {
	b := node.Header()
	name := b.Name
	if b.Kind == "plan" || name == "" {
		name = b.Kind
	}
	path := lang.NewPath(b.Kind, name).String()
	if s.res != nil {
		if o := s.res.Info.Of(node); o != nil {
			path = o.Path.String()
		}
	}
	sym := SymbolInformation{Name: name, Kind: symbolKinds[b.Kind], Location: Location{URI: f.uri, Range: f.text.lspRange(b.Range, enc)}}
	if t := b.Title.Value; t != "" {
		sym.Name += " · " + t
	}
	if node != top {
		sym.ContainerName = top.Header().Kind + " " + top.Header().Name
	} else {
		sym.ContainerName = b.Kind
	}
	return sym, []string{name, path, b.Title.Value}
}

// bestMatch returns the best score of query against texts (lower is
// better), ok false when it matches none.
func bestMatch(query string, texts []string) (int, bool) {
	best, ok := 0, false
	for _, t := range texts {
		if score, m := fuzzyScore(query, t); m && (!ok || score < best) {
			best, ok = score, true
		}
	}
	return best, ok
}

// fuzzyScore matches query against text ignoring case and spaces: 0 for
// the same text, 1 for a prefix, 2 for a substring, and 3 plus the gaps
// for the query's characters in order with others between; ok is false
// when they are not all there.
func fuzzyScore(query, text string) (int, bool) {
	q := strings.ToLower(strings.Join(strings.FieldsFunc(query, unicode.IsSpace), ""))
	t := strings.ToLower(text)
	switch {
	case q == "":
		return 3, true
	case t == q:
		return 0, true
	case strings.HasPrefix(t, q):
		return 1, true
	case strings.Contains(t, q):
		return 2, true
	}
	qr, gaps, at := []rune(q), 0, 0
	for _, c := range t {
		if at < len(qr) && c == qr[at] {
			at++
		} else if at > 0 && at < len(qr) {
			gaps++
		}
	}
	return 3 + gaps, at == len(qr)
}
