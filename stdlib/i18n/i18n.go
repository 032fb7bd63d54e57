// Package i18n is the message catalog of planc's published pages: every
// label, heading, unit word and generated phrase, in English (the key)
// and in Japanese. A page asks its language for each string (T, F); a
// string missing from the catalog shows in English, which the site's
// tests catch on a Japanese site.
package i18n

import (
	"fmt"
	"sort"
	"sync"
)

// Lang is a language of the pages.
type Lang int

// The languages.
const (
	En Lang = iota
	Ja
)

var (
	mu sync.RWMutex
	ja = map[string]string{}
)

// register adds Japanese translations, keyed by their English text. Each
// part of the site keeps its own catalog file that registers in init.
func register(m map[string]string) {
	mu.Lock()
	defer mu.Unlock()
	for en, j := range m {
		if prev, ok := ja[en]; ok && prev != j {
			panic(fmt.Sprintf("i18n: %q translated twice: %q and %q", en, prev, j))
		}
		ja[en] = j
	}
}

// T is msg in l: msg itself in English, its translation in Japanese
// (msg when the catalog has none).
func (l Lang) T(msg string) string {
	if l != Ja {
		return msg
	}
	mu.RLock()
	defer mu.RUnlock()
	if j, ok := ja[msg]; ok {
		return j
	}
	return msg
}

// F formats args with the format msg in l: the translated format, whose
// verbs are the English one's in the same order.
func (l Lang) F(msg string, args ...any) string { return fmt.Sprintf(l.T(msg), args...) }

// Has reports whether the catalog translates msg.
func Has(msg string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := ja[msg]
	return ok
}

// Keys lists the catalog's English strings, sorted: for tests that look
// for English on a Japanese page.
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(ja))
	for k := range ja {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Code is the language's code, for <html lang>: "en" or "ja".
func (l Lang) Code() string {
	if l == Ja {
		return "ja"
	}
	return "en"
}
