// Package sitetest checks generated sites the way a reader checks a
// report: every total shown next to its parts is their sum. It is for
// tests of the site and of the examples.
package sitetest

import (
	"bytes"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Reconcile checks every table of every page of a site (files by name)
// that has a total row (a tfoot): in each column whose header is marked
// data-sum, the numbers of the body's rows add up to the total's, exactly,
// as shown. It returns what does not add up, and the number of columns it
// checked.
func Reconcile(files map[string][]byte) (problems []string, checked int) {
	names := make([]string, 0, len(files))
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		doc, err := html.Parse(bytes.NewReader(files[name]))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		for i, t := range find(doc, "table") {
			p, n := reconcileTable(t)
			checked += n
			for _, msg := range p {
				problems = append(problems, fmt.Sprintf("%s: table %d: %s", name, i+1, msg))
			}
		}
	}
	return problems, checked
}

// reconcileTable checks one table.
func reconcileTable(t *html.Node) (problems []string, checked int) {
	heads, bodies, feet := first(t, "thead"), first(t, "tbody"), first(t, "tfoot")
	if heads == nil || bodies == nil || feet == nil {
		return nil, 0
	}
	header := cells(first(heads, "tr"))
	total := cells(first(feet, "tr"))
	rows := find(bodies, "tr")
	for col, h := range header {
		if !hasAttr(h.node, "data-sum") {
			continue
		}
		want, ok := number(cellAt(total, col))
		if !ok {
			continue // an unknown total ("?"): nothing to add up
		}
		sum := new(big.Rat)
		for _, r := range rows {
			if x, ok := number(cellAt(cells(r), col)); ok {
				sum.Add(sum, x)
			}
		}
		checked++
		if sum.Cmp(want) != 0 {
			problems = append(problems, fmt.Sprintf("column %q: the rows add up to %s, the total row says %s",
				text(h.node), sum.FloatString(4), want.FloatString(4)))
		}
	}
	return problems, checked
}

// cell is a table cell and the column it starts at.
type cell struct {
	node *html.Node
	col  int
}

// cells returns a row's cells, with their columns (colspan counted).
func cells(tr *html.Node) []cell {
	var out []cell
	if tr == nil {
		return nil
	}
	col := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
			continue
		}
		out = append(out, cell{c, col})
		span := 1
		fmt.Sscan(Attr(c, "colspan"), &span)
		col += max(span, 1)
	}
	return out
}

// cellAt returns the text of the cell at column col ("" for none). A
// header row's cells are matched by column, so a total row that spans
// the label columns lines up.
func cellAt(cs []cell, col int) string {
	for _, c := range cs {
		if c.col == col {
			return text(c.node)
		}
	}
	return ""
}

// number reads a number as the site shows it: "¥1,234,000", "12.5%",
// "1,920", "-¥3", and in Japanese "1億1,480万円", "412.5万円", "8,000円";
// ok is false for anything else ("", "?", "—").
func number(s string) (*big.Rat, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\n"); i >= 0 {
		s = s[:i]
	}
	if x, ok := yen(s); ok {
		return x, true
	}
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSuffix(s, "%")
	s = strings.NewReplacer(",", "", "¥", "", "$", "", "€", "", "£", "", " ", "").Replace(s)
	if s == "" {
		return nil, false
	}
	x, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, false
	}
	if pct {
		x.Quo(x, big.NewRat(100, 1))
	}
	return x, true
}

// text is a node's text, each line break (<br>) a newline: a cell's
// number is its first line.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func find(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func first(n *html.Node, tag string) *html.Node {
	if found := find(n, tag); len(found) > 0 {
		return found[0]
	}
	return nil
}

// Attr is n's attribute key, "" when it has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// yenUnits are the units of an amount in Japanese, largest first.
var yenUnits = []struct {
	word  string
	scale int64
}{{"兆", 1_000_000_000_000}, {"億", 100_000_000}, {"万", 10_000}}

// yen reads an amount in Japanese: "1億1,480万円", "−38万円", "8,000円".
func yen(s string) (*big.Rat, bool) {
	rest, ok := strings.CutSuffix(s, "円")
	if !ok {
		return nil, false
	}
	neg := false
	for _, minus := range []string{"-", "−"} {
		if r, ok := strings.CutPrefix(rest, minus); ok {
			rest, neg = r, true
		}
	}
	total := new(big.Rat)
	for _, u := range yenUnits {
		head, tail, ok := strings.Cut(rest, u.word)
		if !ok {
			continue
		}
		x, ok := new(big.Rat).SetString(strings.ReplaceAll(head, ",", ""))
		if !ok {
			return nil, false
		}
		total.Add(total, x.Mul(x, big.NewRat(u.scale, 1)))
		rest = tail
	}
	if rest != "" {
		x, ok := new(big.Rat).SetString(strings.ReplaceAll(rest, ",", ""))
		if !ok {
			return nil, false
		}
		total.Add(total, x)
	}
	if neg {
		total.Neg(total)
	}
	return total, true
}
