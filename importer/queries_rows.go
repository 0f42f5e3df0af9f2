package importer

import (
	"bytes"
	"context"
	"strconv"
	"strings"
)

// The Data tab's rows: every observation in key order (region, metric,
// dimension, year, period; a key's most preferred observation first), by
// number, so that a table of 360,000 rows holds numbers, not copies.

// RowCount is the number of observations.
func (d *DataSet) RowCount() int { return len(d.index().refs) }

// Row is observation i in key order.
func (d *DataSet) Row(i int) Observation {
	r := d.index().refs[i]
	return d.chunks[r.c].observation(int(r.i))
}

// Prepare builds what the queries need (the index) now, so that the first
// query after a change — on the UI goroutine — does not.
func (d *DataSet) Prepare() { d.index() }

// RowWords are the words a row shows, as the table writes them in the UI's
// language: the filter finds a word in any of them.
type RowWords struct {
	Region func(string) string // e.g. "chongqing 重庆"
	Metric func(Metric) string
	Period func(Period) string
	Source func(string) string // a source ID's title
	Text   func(string) string // a qualifier's or confidence's word
}

// field is a string column of a row, for the filter's cache.
type field int

const (
	fRegion field = iota
	fMetric
	fDim
	fSource
	fNote
	fQual
	fConf
	nFields
)

// Filter lists the rows (numbers for Row) in which every word (lower
// case) is found in a cell, in order. It stops early, with ctx's error,
// when ctx is cancelled (a newer keystroke).
func (d *DataSet) Filter(ctx context.Context, words []string, w RowWords) ([]int32, error) {
	x := d.index()
	if len(words) == 0 {
		out := make([]int32, len(x.refs))
		for i := range out {
			out[i] = int32(i)
		}
		return out, nil
	}
	m := newRowMatcher(d, words, w)
	var out []int32
	for i, r := range x.refs {
		if i%8192 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if m.match(int(r.c), &d.chunks[r.c].recs[r.i]) {
			out = append(out, int32(i))
		}
	}
	return out, nil
}

// rowMatcher remembers, per chunk, field and string, which words a string
// holds: a column repeats few strings, so each is looked at once.
type rowMatcher struct {
	d       *DataSet
	words   []string
	w       RowWords
	memo    [][nFields][]uint64 // chunk → field → string ID → bit per word + 1 (0: not yet known)
	all     uint64
	years   map[int16]uint64 // the words a year holds
	periods [25]uint64       // the words a period holds, + 1
	digits  [][]byte         // the words that could be in a number
	buf     []byte
}

func newRowMatcher(d *DataSet, words []string, w RowWords) *rowMatcher {
	if len(words) > 62 {
		words = words[:62]
	}
	m := &rowMatcher{d: d, words: words, w: w, memo: make([][nFields][]uint64, len(d.chunks)), all: 1<<len(words) - 1,
		years: map[int16]uint64{}}
	for _, w := range words {
		if strings.Trim(w, "0123456789.-") == "" {
			m.digits = append(m.digits, []byte(w))
		} else {
			m.digits = append(m.digits, nil)
		}
	}
	return m
}

func (m *rowMatcher) match(c int, r *obsRec) bool {
	have := m.numbers(r)
	for f, id := range [nFields]uint32{r.region, r.metric, r.dim, r.source, r.note, r.qual, r.conf} {
		if have == m.all {
			return true
		}
		have |= m.wordsIn(c, field(f), id)
	}
	return have == m.all
}

// words_ is the set of words a string field holds.
func (m *rowMatcher) wordsIn(c int, f field, id uint32) uint64 {
	memo := m.memo[c][f]
	if memo == nil {
		memo = make([]uint64, len(m.d.chunks[c].strs))
		m.memo[c][f] = memo
	}
	if v := memo[id]; v != 0 {
		return v - 1
	}
	bits := m.holding(m.text(f, m.d.chunks[c].strs[id]))
	memo[id] = bits + 1
	return bits
}

// text is what the table shows for a string field, lower case.
func (m *rowMatcher) text(f field, s string) string {
	if s == "" {
		return ""
	}
	show := s
	switch {
	case f == fRegion && m.w.Region != nil:
		show = s + " " + m.w.Region(s)
	case f == fMetric && m.w.Metric != nil:
		show = s + " " + m.w.Metric(Metric(s))
	case f == fSource && m.w.Source != nil:
		show = s + " " + m.w.Source(s)
	case (f == fQual || f == fConf) && m.w.Text != nil:
		show = m.w.Text(s)
	}
	return strings.ToLower(show)
}

// numbers is the set of words found in the row's year, period and value.
func (m *rowMatcher) numbers(r *obsRec) uint64 {
	bits, ok := m.years[r.year]
	if !ok {
		bits = m.holding(strconv.Itoa(int(r.year)))
		m.years[r.year] = bits
	}
	if m.periods[r.period] == 0 {
		text := ""
		if m.w.Period != nil {
			text = strings.ToLower(m.w.Period(r.period))
		}
		m.periods[r.period] = m.holding(text) + 1
	}
	bits |= m.periods[r.period] - 1
	m.buf = strconv.AppendFloat(m.buf[:0], r.value, 'f', -1, 64)
	for i, w := range m.digits {
		if w != nil && bytes.Contains(m.buf, w) {
			bits |= 1 << i
		}
	}
	return bits
}

// holding is the set of words a text holds.
func (m *rowMatcher) holding(text string) uint64 {
	var bits uint64
	for i, w := range m.words {
		if strings.Contains(text, w) {
			bits |= 1 << i
		}
	}
	return bits
}
