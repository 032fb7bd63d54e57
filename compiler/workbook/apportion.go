package workbook

import (
	"github.com/planc-dev/planc/compiler"
)

// The leads into a stage are split among its channels as the solver
// splits them (compiler/apportion.go): each channel with a share gets
// share x the stage's leads, the channel that fills the rest what the
// shares and the channels with leads of their own leave; every part is
// rounded down, and the leads left over go one each to the parts with
// the largest fractions, ties to the channel first in the plan. A table
// after the values on the channels' sheet shows each step, row by row:
//
//	exact      = share x stage leads     (the rest: split - the others)
//	whole part = INT(exact)
//	remainder  = the fraction, in millionths
//	rank       = COUNTIF(remainders, ">"&this) + COUNTIF(remainders above, this)
//	leads      = whole part + IF(rank < left over, 1, 0)
//
// The rank counts the larger remainders and the equal ones of channels
// before it, which is the order of a stable sort by remainder: the
// solver's. Remainders are whole millionths so that equal fractions are
// equal numbers (4,571.3 - 4,571 is not 100.3 - 100 in binary); shares
// written as percentages with up to four decimals make every fraction a
// whole number of millionths.

// block is the table of one apportionment.
type block struct {
	// split is the leads the parts split: the stage's less those of the
	// channels with leads of their own; left is what rounding every part
	// down leaves of it.
	split, left *cell
	rows        map[*compiler.Var]*partRow
	// fraction is set when split may not be whole (a stage of expected
	// values): the solver then leaves the parts exact.
	fraction bool
}

// partRow is one channel's row of the table.
type partRow struct {
	exact, whole, rem, rank *cell
}

// apportioned makes c, a channel's leads, its part of the stage's leads.
func (b *builder) apportioned(c *cell, eq *compiler.Eq) {
	blk := b.block(eq)
	row := blk.rows[c.v]
	if row == nil { // not a part the split gives: the solver never does this
		b.fix(c, "its apportionment has no row for it")
		return
	}
	c.kind = solved
	c.formula = add(ref{c: row.whole}, bonus(row.rank, blk.left))
	c.exact = ref{c: row.exact}
	if blk.fraction { // whole within the tolerance, as the split is a float here
		split := ref{c: blk.split}
		isWhole := bin{"<", fn("ABS", sub(split, fn("ROUND", split, num{"0"}))), num{tolerance}}
		c.formula = fn("IF", isWhole, c.formula, ref{c: row.exact})
	}
	b.how[c] = "its part of " + eq.V.Path.String() + ", split by the largest remainder (the apportionment table below)"
}

// block lays out the table of eq's apportionment, once, after the values
// of the channels' sheet. The solver solves only the leads of channels
// with a share or filling the rest, so the table has a row at least.
func (b *builder) block(eq *compiler.Eq) *block {
	if blk := b.blocks[eq]; blk != nil {
		return blk
	}
	parts := eq.Parts()
	s := b.cells[parts[0].Leads].sheet
	total := b.cells[eq.V]
	blk := &block{rows: map[*compiler.Var]*partRow{}, fraction: !eq.V.Whole}
	b.blocks[eq] = blk

	s.next++
	s.texts = append(s.texts, text{row: s.next, col: colPath, s: "Apportionment of " + eq.V.Path.String() +
		" among its channels: the largest remainder, ties to the channel first in the plan", style: section})
	s.next++
	blk.split = b.helper(s, s.next, colValue, "#,##0.00####", b.splitFormula(total, parts, blk))
	s.texts = append(s.texts,
		text{row: s.next, col: colPath, s: "leads to split"},
		text{row: s.next, col: colTitle, s: "the stage's, less those of channels with leads of their own"})
	s.next++
	for i, h := range []string{"Channel", "Title", "Exact leads", "Whole part", "Remainder (millionths)", "Rank"} {
		s.texts = append(s.texts, text{row: s.next, col: i + 1, s: h, style: header})
	}
	s.next++
	b.partRows(s, total, parts, blk)
	s.texts = append(s.texts,
		text{row: s.next, col: colPath, s: "left over"},
		text{row: s.next, col: colTitle, s: "one each to the largest remainders"})
	var wholes []*cell
	for _, p := range parts {
		if r := blk.rows[p.Leads]; r != nil {
			wholes = append(wholes, r.whole)
		}
	}
	blk.left = b.helper(s, s.next, colValue, "#,##0", sub(ref{c: blk.split}, fn("SUM", column(wholes))))
	s.next++
	return blk
}

// splitFormula is the stage's leads less those of the channels with leads
// of their own.
func (b *builder) splitFormula(total *cell, parts []compiler.Part, blk *block) node {
	var n node = ref{c: total}
	for _, p := range parts {
		if p.Share == nil && !p.Rest {
			n = sub(n, ref{c: b.cells[p.Leads]})
			if !p.Leads.Whole {
				blk.fraction = true
			}
		}
	}
	return n
}

// partRows lays out a row for each channel with a share or filling the
// rest: its exact leads, whole part, remainder and rank.
func (b *builder) partRows(s *sheet, total *cell, parts []compiler.Part, blk *block) {
	var rows []*partRow
	var shares []node
	var rest *partRow
	for _, p := range parts {
		if p.Share == nil && !p.Rest {
			continue
		}
		row := s.next
		s.next++
		r := &partRow{exact: b.helper(s, row, colValue, "#,##0.00####", nil)}
		if p.Rest {
			rest = r
		} else {
			r.exact.formula = mul(ref{c: b.cells[p.Share]}, ref{c: total})
			shares = append(shares, ref{c: r.exact})
		}
		r.whole = b.helper(s, row, colValue+1, "#,##0", fn("INT", add(ref{c: r.exact}, num{tolerance})))
		r.rem = b.helper(s, row, colValue+2, "#,##0",
			fn("ROUND", mul(sub(ref{c: r.exact}, ref{c: r.whole}), num{"1000000"}), num{"0"}))
		rows = append(rows, r)
		blk.rows[p.Leads] = r
		s.texts = append(s.texts,
			text{row: row, col: colPath, s: p.Leads.Path.String()},
			text{row: row, col: colTitle, s: p.Leads.Label()})
	}
	if rest != nil { // what the split leaves after the shares
		var n node = ref{c: blk.split}
		for _, x := range shares {
			n = sub(n, x)
		}
		rest.exact.formula = n
	}
	rems := make([]*cell, len(rows))
	for i, r := range rows {
		rems[i] = r.rem
	}
	for i, r := range rows {
		r.rank = b.helper(s, r.rem.row, colValue+3, "0", rankOf(rems, i))
	}
}

// rankOf is the place of rems[i] among rems, which lie in one column:
// the number of larger remainders and of equal ones before it, the order
// of a stable sort by remainder, largest first.
func rankOf(rems []*cell, i int) node {
	all := span{first: rems[0], last: rems[len(rems)-1], absFirst: true, absLast: true, cells: rems}
	rank := fn("COUNTIF", all, bin{"&", str{">"}, ref{c: rems[i]}})
	if i > 0 { // and the equal remainders of the parts before it
		before := span{first: rems[0], last: rems[i-1], absFirst: true, cells: rems[:i]}
		rank = add(rank, fn("COUNTIF", before, ref{c: rems[i]}))
	}
	return rank
}

// bonus is the lead a part gets from those left over: one when its rank
// is among the first left.
func bonus(rank, left *cell) node {
	return fn("IF", bin{"<", ref{c: rank}, ref{c: left}}, num{"1"}, num{"0"})
}

// helper lays out a helper cell at row and col of s.
func (b *builder) helper(s *sheet, row, col int, format string, f node) *cell {
	c := &cell{sheet: s, row: row, col: col, kind: helper, formula: f, format: format}
	s.cells = append(s.cells, c)
	return c
}

// column is the range from the first of cs to the last, which lie in one
// column (or one row).
func column(cs []*cell) node {
	return span{first: cs[0], last: cs[len(cs)-1], cells: cs}
}
