package lsp

import (
	"context"
	"errors"
	"runtime/debug"
	"sync"
	"time"
)

// planState is an open plan: its generation (bumped by every change to one
// of its files), its latest compiled snapshot, and what was published.
type planState struct {
	key planKey
	// gen is the server's generation at the plan's latest change.
	gen uint64
	// started is when the latest compile started, for the debounce;
	// cancel stops that compile, made stale by a newer change.
	started time.Time
	cancel  context.CancelFunc
	// snap is the latest compiled snapshot, nil before the first compile;
	// good is the latest one without syntax errors, for completion while
	// the user is in the middle of typing a reference.
	snap, good *snapshot
	// ready is closed and replaced whenever snap changes or the plan is
	// dropped, waking the requests that wait for a newer snapshot.
	ready chan struct{}
	// compiling is true while a compile loop runs for the plan; changes
	// made meanwhile are picked up by that loop.
	compiling bool
	dropped   bool

	// publishing serializes publishing, so that an older compile that
	// finishes late never overwrites newer diagnostics. pubGen is the
	// generation last published and published the URIs it covered.
	publishing sync.Mutex
	pubGen     uint64
	published  map[string]bool

	// parsed holds the plan's files as last parsed, for its compile loop;
	// goodParse the last parse without a syntax error of each.
	parsed, goodParse parseCache
}

// touch records a change to plan key and makes sure a compile will follow.
// s.mu is held.
func (s *Server) touch(key planKey) {
	ps := s.plans[key]
	if ps == nil {
		ps = &planState{key: key, ready: make(chan struct{}), published: map[string]bool{}, parsed: parseCache{}, goodParse: parseCache{}}
		s.plans[key] = ps
	}
	// Generations count across plans, so that a request that waits for a
	// plan closed and reopened meanwhile is not left waiting.
	s.gen++
	ps.gen = s.gen
	if ps.compiling {
		if ps.cancel != nil {
			ps.cancel() // its snapshot would be stale: the loop compiles again
		}
		return
	}
	ps.compiling = true
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.compileLoop(ps)
	}()
}

// compileLoop compiles ps until its snapshot is up to date with its
// latest change, then publishes the diagnostics and asks the editor to
// refresh what the other open documents show (inlay hints). A change
// that arrives while it compiles cancels that compile; the changes that
// arrive while it waits or compiles are coalesced into its next round. The first
// change after a quiet spell compiles at once; a change within Debounce
// of the last compile's start waits out the rest of it, so that a burst
// of changes compiles once.
func (s *Server) compileLoop(ps *planState) {
	for {
		s.mu.Lock()
		if ps.dropped || s.ctx.Err() != nil {
			ps.compiling = false
			s.mu.Unlock()
			return
		}
		if wait := s.opts.Debounce - time.Since(ps.started); wait > 0 {
			s.mu.Unlock()
			s.sleep(wait)
			s.mu.Lock()
			if ps.dropped || s.ctx.Err() != nil {
				ps.compiling = false
				s.mu.Unlock()
				return
			}
		}
		gen := ps.gen
		open := s.openDocs(ps.key)
		ctx, cancel := context.WithCancel(s.ctx)
		ps.started, ps.cancel = time.Now(), cancel
		s.mu.Unlock()

		end := s.progress(ps.key)
		files, read := gather(ps.key, open, s.log)
		snap := s.compile(ctx, gen, ps, files, read)
		cancel()
		end(snap)

		// The diagnostics go out first, as soon as they are known; the
		// index of names is for requests, which wait for the snapshot.
		s.mu.Lock()
		current := snap != nil && ps.gen == gen
		s.mu.Unlock()
		if current {
			s.publish(ps, snap)
		}
		if snap != nil {
			s.index(snap)
		}

		s.mu.Lock()
		ps.cancel = nil
		if snap != nil {
			ps.setSnapshot(snap)
		}
		current = snap != nil && ps.gen == gen
		if current {
			ps.compiling = false
		}
		s.mu.Unlock()
		if current {
			s.refresh()
			return
		}
	}
}

// index builds a compiled snapshot's side table of names. A panic leaves
// it empty (and is logged): the diagnostics are out already.
func (s *Server) index(snap *snapshot) {
	if snap.refs != nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic indexing %v: %v\n%s", snap.names, p, debug.Stack())
			snap.refs = &index{}
		}
	}()
	snap.refs = buildIndex(snap.res)
}

func (s *Server) sleep(d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-s.ctx.Done():
	}
}

// setSnapshot installs a new snapshot and wakes its waiters. s.mu is held.
func (ps *planState) setSnapshot(snap *snapshot) {
	ps.snap = snap
	if snap.syntaxOK {
		ps.good = snap
	}
	close(ps.ready)
	ps.ready = make(chan struct{})
}

// openDocs returns copies of the open documents of plan key by file name.
// s.mu is held.
func (s *Server) openDocs(key planKey) map[string]document {
	out := map[string]document{}
	for _, d := range s.docs {
		if d.key == key {
			out[d.name] = *d
		}
	}
	return out
}

var errClosed = errors.New("the document's plan was closed")

// waitSnapshot returns plan key's snapshot once it includes generation
// want.
func (s *Server) waitSnapshot(ctx context.Context, key planKey, want uint64) (*snapshot, error) {
	for {
		s.mu.Lock()
		ps := s.plans[key]
		if ps == nil {
			s.mu.Unlock()
			return nil, errClosed
		}
		if ps.snap != nil && ps.snap.gen >= want {
			snap := ps.snap
			s.mu.Unlock()
			return snap, nil
		}
		ready := ps.ready
		s.mu.Unlock()
		select {
		case <-ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// latestGood returns the plan's newest snapshot without syntax errors,
// nil if there is none.
func (s *Server) latestGood(key planKey) *snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ps := s.plans[key]; ps != nil {
		return ps.good
	}
	return nil
}

// drop forgets a plan whose last document was closed. s.mu is held.
func (s *Server) drop(ps *planState) {
	ps.dropped = true
	delete(s.plans, ps.key)
	close(ps.ready)
	ps.ready = make(chan struct{})
}
