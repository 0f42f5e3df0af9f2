package importer

import (
	"math"
	"strings"
)

// keyCheck finds the values of a table that share a key (region, year,
// period, metric, dimension) with an earlier value: a category the file
// has but that was not read, or one figure written twice. All are kept
// (the preference rule shows one per key); the report counts them, so
// that none is reduced to another silently.
type keyCheck struct {
	seen   map[recKey]keySeen
	chunk  *chunk // whose string IDs the keys are made of
	shared int
	differ int // of the shared: with another value than the first
	first  Where
	also   []Where
}

type keySeen struct {
	row int32
	v   float64
}

// recKey is an observation's key as its chunk stores it: string IDs, so
// that a large table checks its keys without hashing strings.
type recKey struct {
	region, metric, dim uint32
	year                int16
	period              Period
}

// lastKey is the key of the observation added last.
func (d *DataSet) lastKey() (recKey, *chunk) {
	c := d.chunks[len(d.chunks)-1]
	r := &c.recs[len(c.recs)-1]
	return recKey{r.region, r.metric, r.dim, r.year, r.period}, c
}

func (k *keyCheck) add(d *DataSet, row, col int, v float64) {
	key, c := d.lastKey()
	if k.seen == nil || k.chunk != c {
		k.seen, k.chunk = map[recKey]keySeen{}, c
	}
	s, ok := k.seen[key]
	if !ok {
		k.seen[key] = keySeen{int32(row), v}
		return
	}
	k.shared++
	if s.v != v && !(math.IsNaN(s.v) && math.IsNaN(v)) {
		k.differ++
	}
	if k.shared == 1 {
		k.first = Where{Row: row, Col: col}
	} else if len(k.also) < maxAlso {
		k.also = append(k.also, Where{Row: row, Col: col})
	}
}

// reportShared adds one line for the values that share a key, naming the
// columns that were not read and may tell them apart.
func (t *tableReader) reportShared() {
	k := &t.shared
	if k.shared == 0 {
		return
	}
	m := M("key.shared", k.shared, k.differ)
	if spare := t.spareColumns(); spare != "" {
		m = M("key.shared_dim", k.shared, k.differ, spare)
	}
	t.rep.Issues = append(t.rep.Issues, Issue{Sheet: t.sheet, Row: k.first.Row, Col: k.first.Col, Msg: m,
		Note: true, Count: k.shared, Also: k.also})
}

// spareColumns are the columns that hold words but were not read: one of
// them may be the dimension that tells values apart.
func (t *tableReader) spareColumns() string {
	var out []string
	for _, c := range t.plan.cols {
		if (c.role == roleSkip || c.role == roleIgnore || c.role == roleNote) && c.header != "" {
			out = append(out, ColumnName(c.col)+" "+quote(clip(c.header)))
		}
	}
	return strings.Join(out, ", ")
}

func quote(s string) string { return "“" + s + "”" }

// placeholder: a row of a wide table whose every figure is 0 (Hong Kong,
// Macao and Taiwan in NBS's provincial tables): a place kept in the
// table's list, not figures. It is left out, and the report says so.
func (t *tableReader) placeholder(r gridRow) bool {
	if len(t.valueColumns) < 2 {
		return false
	}
	zeros := 0
	for _, col := range t.valueColumns {
		cl, ok := cellAt(r, col)
		if !ok {
			continue
		}
		if n := parseNumber(cl.text); n.kind != numMissing && (n.kind != numOK || n.v != 0) {
			return false
		}
		zeros++
	}
	return zeros > 0
}

// negative flags a negative count of vehicles: kept as written, for the
// user to check.
func (t *tableReader) negative(o *Observation, row, col int) {
	if o.Value >= 0 || t.d.KindOf(o.Metric) != KindVehicles {
		return
	}
	t.issue(t.sheet, row, col, true, "cell.negative", FormatValue(o.Value))
	o.Note = joinNote(o.Note, "negative count as written")
}
