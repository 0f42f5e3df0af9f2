package importer

import (
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
	"sync/atomic"
)

// DataSet is the working data: everything the app shows.
//
// Observations are kept compactly (interned strings, a few bytes of
// numbers each) in chunks that never change once another data set shares
// them: a change is a new data set (Clone, then AddObservation, Merge or
// Remove) that shares every chunk it does not change, so a history of
// changes costs what changed, not a copy of everything. A data set is
// built by one goroutine, then only read, by any number.
type DataSet struct {
	Targets    []Target
	Events     []Event
	Terms      []Term
	Sources    []Source
	Indicators []Indicator
	Titles     []ChartTitle // the user's titles for charts (model_titles.go)

	chunks []*chunk
	open   bool                  // the last chunk is this data set's own: AddObservation appends to it
	levels map[string]Level      // regions no gazetteer knows, with the level their import gave them
	idx    atomic.Pointer[index] // built on first use; nil again after a change
	srcs   atomic.Pointer[sourceIndex]
}

// chunk holds observations with their own string table; id 0 is "".
type chunk struct {
	recs []obsRec
	strs []string
	ids  map[string]uint32 // while the chunk is being filled
}

// obsRec is one observation, 56 bytes.
type obsRec struct {
	region, metric, dim, source, note, qual, conf uint32
	year                                          int16
	period                                        Period
	value, yoy, edited                            float64 // yoy, edited: NaN when not stated
}

func (c *chunk) intern(s string) uint32 {
	if s == "" {
		return 0
	}
	if id, ok := c.ids[s]; ok {
		return id
	}
	if c.ids == nil {
		c.ids = map[string]uint32{}
		if len(c.strs) == 0 {
			c.strs = append(c.strs, "")
		}
		for i, t := range c.strs[1:] {
			c.ids[t] = uint32(i + 1)
		}
	}
	id := uint32(len(c.strs))
	s = strings.Clone(s) // not the whole record or line it was cut from
	c.strs = append(c.strs, s)
	c.ids[s] = id
	return id
}

func (c *chunk) add(o Observation) {
	r := obsRec{region: c.intern(o.Region), metric: c.intern(string(o.Metric)), dim: c.intern(o.Dimension),
		source: c.intern(o.SourceID), note: c.intern(o.Note), qual: c.intern(o.Qualifier), conf: c.intern(o.Confidence),
		year: int16(o.Year), period: o.Period, value: o.Value, yoy: math.NaN(), edited: math.NaN()}
	if o.YoY != nil {
		r.yoy = *o.YoY
	}
	if o.EditedFrom != nil {
		r.edited = *o.EditedFrom
	}
	c.recs = append(c.recs, r)
}

func (c *chunk) observation(i int) Observation {
	r := &c.recs[i]
	o := Observation{Region: c.strs[r.region], Year: int(r.year), Period: r.period, Metric: Metric(c.strs[r.metric]),
		Dimension: c.strs[r.dim], Value: r.value, Qualifier: c.strs[r.qual], Confidence: c.strs[r.conf],
		SourceID: c.strs[r.source], Note: c.strs[r.note]}
	if !math.IsNaN(r.yoy) {
		v := r.yoy
		o.YoY = &v
	}
	if !math.IsNaN(r.edited) {
		v := r.edited
		o.EditedFrom = &v
	}
	return o
}

// freeze drops what only filling a chunk needs.
func (c *chunk) freeze() {
	c.ids = nil
	c.recs = slices.Clip(c.recs)
}

// Count is the number of observations.
func (d *DataSet) Count() int {
	n := 0
	for _, c := range d.chunks {
		n += len(c.recs)
	}
	return n
}

// Observations lists every observation in the order it arrived.
func (d *DataSet) Observations() iter.Seq[Observation] {
	return func(yield func(Observation) bool) {
		for _, c := range d.chunks {
			for i := range c.recs {
				if !yield(c.observation(i)) {
					return
				}
			}
		}
	}
}

// observationAt returns a function that decodes the i-th observation in
// the order of arrival.
func (d *DataSet) observationAt() func(i int) Observation {
	starts := make([]int, len(d.chunks)+1)
	for i, c := range d.chunks {
		starts[i+1] = starts[i] + len(c.recs)
	}
	return func(i int) Observation {
		c, _ := slices.BinarySearch(starts, i+1)
		c--
		return d.chunks[c].observation(i - starts[c])
	}
}

// maxChunk is the most observations one chunk holds (56 MB): a large
// import fills several, so that growing one never copies (or keeps spare
// room for) more than that, and a chunk stays one file of a sensible size
// in the workspace.
const maxChunk = 1 << 20

// AddObservation appends an observation.
func (d *DataSet) AddObservation(o Observation) {
	if d.open && len(d.chunks[len(d.chunks)-1].recs) >= maxChunk {
		d.seal()
	}
	if !d.open {
		d.chunks = append(slices.Clip(d.chunks), &chunk{})
		d.open = true
	}
	d.chunks[len(d.chunks)-1].add(o)
	if d.idx.Load() != nil { // a store (with its write barrier) for every row cost more than the check
		d.idx.Store(nil)
	}
}

// Grow makes room for n more observations (a large import, sized ahead).
func (d *DataSet) Grow(n int) {
	if !d.open {
		d.chunks = append(slices.Clip(d.chunks), &chunk{})
		d.open = true
	}
	c := d.chunks[len(d.chunks)-1]
	c.recs = slices.Grow(c.recs, min(n, maxChunk-len(c.recs)))
}

// seal makes every chunk shareable: nothing appends to them any more.
func (d *DataSet) seal() {
	if d.open {
		d.chunks[len(d.chunks)-1].freeze()
		d.open = false
	}
}

// Merge adds another data set's rows to this one; sources and indicators
// with an ID already present are kept once. The other data set's
// observations are shared, not copied.
func (d *DataSet) Merge(other *DataSet) {
	other.seal()
	d.seal()
	d.chunks = append(slices.Clip(d.chunks), other.chunks...)
	d.Targets = append(slices.Clip(d.Targets), other.Targets...)
	d.Events = append(slices.Clip(d.Events), other.Events...)
	d.Terms = append(slices.Clip(d.Terms), other.Terms...)
	for _, s := range other.Sources {
		if _, ok := d.Source(s.ID); !ok {
			d.Sources = append(slices.Clip(d.Sources), s)
		}
	}
	for _, in := range other.Indicators {
		d.AddIndicator(in)
	}
	d.mergeTitles(other.Titles)
	for r, l := range other.levels {
		d.SetLevel(r, l)
	}
	d.idx.Store(nil)
}

// Clone returns a copy that can be changed without touching d; the two
// share their observations until one of them removes some.
func (d *DataSet) Clone() *DataSet {
	d.seal()
	return &DataSet{
		Targets:    slices.Clip(d.Targets),
		Events:     slices.Clip(d.Events),
		Terms:      slices.Clip(d.Terms),
		Sources:    slices.Clip(d.Sources),
		Indicators: slices.Clip(d.Indicators),
		Titles:     slices.Clip(d.Titles),
		chunks:     slices.Clip(d.chunks),
		levels:     d.levels, // copied on write (SetLevel)
	}
}

// Remove takes out the observations drop says so of. Only the chunks
// that hold such an observation are copied.
func (d *DataSet) Remove(drop func(Observation) bool) int {
	d.seal()
	removed := 0
	chunks := make([]*chunk, 0, len(d.chunks))
	for _, c := range d.chunks {
		var keep []int
		for i := range c.recs {
			if !drop(c.observation(i)) {
				keep = append(keep, i)
			}
		}
		if len(keep) == len(c.recs) {
			chunks = append(chunks, c)
			continue
		}
		removed += len(c.recs) - len(keep)
		if len(keep) == 0 {
			continue
		}
		nc := &chunk{strs: c.strs, recs: make([]obsRec, 0, len(keep))}
		for _, i := range keep {
			nc.recs = append(nc.recs, c.recs[i])
		}
		chunks = append(chunks, nc)
	}
	if removed > 0 {
		d.chunks = chunks
		d.idx.Store(nil)
	}
	return removed
}

// Chunks a data set may have before Tidy joins the small ones, and what
// counts as small.
const (
	tidyAfter  = 32
	smallChunk = 4096
)

// Tidy joins each run of adjacent small chunks into one when the data set
// has more than tidyAfter chunks: a long run of corrections adds a chunk
// each, and the workspace a file each. Observations keep their order (it
// breaks ties between sources). It reports whether it joined any; d must
// not be shared yet.
func (d *DataSet) Tidy() bool {
	if len(d.chunks) <= tidyAfter {
		return false
	}
	d.seal()
	var out []*chunk
	joined := false
	for i := 0; i < len(d.chunks); {
		j := i
		for j < len(d.chunks) && len(d.chunks[j].recs) < smallChunk {
			j++
		}
		if j-i < 2 {
			out = append(out, d.chunks[i])
			i++
			continue
		}
		nc := &chunk{}
		for _, c := range d.chunks[i:j] {
			for k := range c.recs {
				nc.add(c.observation(k))
			}
		}
		nc.freeze()
		out, i, joined = append(out, nc), j, true
	}
	if joined {
		d.chunks = out
		d.idx.Store(nil)
	}
	return joined
}

// Source returns the source with the given ID.
func (d *DataSet) Source(id string) (Source, bool) {
	si := d.srcs.Load()
	if si == nil || si.n > len(d.Sources) || len(d.Sources)-si.n > max(64, si.n) {
		si = newSourceIndex(d.Sources)
		d.srcs.Store(si)
	}
	if i, ok := si.m[id]; ok && i < len(d.Sources) && d.Sources[i].ID == id {
		return d.Sources[i], true
	}
	for _, s := range d.Sources[si.n:] { // added since the map was made
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// sourceIndex finds sources by ID without building the whole index:
// the first n sources (Sources only grow, by appending), the first of
// each ID.
type sourceIndex struct {
	m map[string]int
	n int
}

func newSourceIndex(sources []Source) *sourceIndex {
	si := &sourceIndex{m: make(map[string]int, len(sources)), n: len(sources)}
	for i, s := range sources {
		if _, ok := si.m[s.ID]; !ok {
			si.m[s.ID] = i
		}
	}
	return si
}

// AddSource adds a source unless one with its ID is there.
func (d *DataSet) AddSource(s Source) {
	if _, ok := d.Source(s.ID); !ok {
		d.Sources = append(slices.Clip(d.Sources), s)
	}
}

// Indicator describes a user indicator; false for a built-in metric or a
// name the data set does not know.
func (d *DataSet) Indicator(m Metric) (Indicator, bool) {
	for _, in := range d.Indicators {
		if in.Metric == m {
			return in, true
		}
	}
	return Indicator{}, false
}

// AddIndicator describes a user indicator, unless it is described already.
func (d *DataSet) AddIndicator(in Indicator) {
	if in.Metric == "" || in.Metric.BuiltIn() {
		return
	}
	if _, ok := d.Indicator(in.Metric); !ok {
		d.Indicators = append(slices.Clip(d.Indicators), in)
	}
}

// SetIndicator describes a user indicator, replacing an earlier
// description.
func (d *DataSet) SetIndicator(in Indicator) {
	if in.Metric == "" || in.Metric.BuiltIn() {
		return
	}
	d.Indicators = slices.Clip(d.Indicators)
	for i := range d.Indicators {
		if d.Indicators[i].Metric == in.Metric {
			d.Indicators = slices.Clone(d.Indicators)
			d.Indicators[i] = in
			return
		}
	}
	d.Indicators = append(d.Indicators, in)
}

// UnitOf is a metric's canonical unit in this data set: a built-in
// metric's (vehicles, CNY, rank) or a user indicator's.
func (d *DataSet) UnitOf(m Metric) string {
	if u := MetricUnit(m); u != "" {
		return u
	}
	if in, ok := d.Indicator(m); ok {
		return in.Unit
	}
	return ""
}

// KindOf is what a metric's unit counts.
func (d *DataSet) KindOf(m Metric) UnitKind {
	switch MetricUnit(m) {
	case UnitVehicles:
		return KindVehicles
	case UnitCNY:
		return KindCNY
	case UnitRank:
		return KindRank
	}
	if in, ok := d.Indicator(m); ok && in.Kind != "" {
		return in.Kind
	}
	return KindOther
}

// Level is a region's level: the gazetteer's, else the one its import
// gave it, else LevelUnknown.
func (d *DataSet) Level(region string) Level {
	if l := gazetteerLevel(region); l != LevelUnknown {
		return l
	}
	return d.levels[region]
}

// SetLevel records the level of a region no gazetteer knows.
func (d *DataSet) SetLevel(region string, l Level) {
	if l == LevelUnknown || gazetteerLevel(region) != LevelUnknown || d.levels[region] == l {
		return
	}
	m := maps.Clone(d.levels)
	if m == nil {
		m = map[string]Level{}
	}
	m[region] = l
	d.levels = m
}

// Levels lists the levels given to regions no gazetteer knows.
func (d *DataSet) Levels() map[string]Level { return maps.Clone(d.levels) }

// fillSource gives the observations that name no source this one; it
// reports whether any did. Only the data set's own chunks are changed
// (an import's, before anyone shares them).
func (d *DataSet) fillSource(id string) bool {
	used := false
	for _, c := range d.chunks {
		sid := uint32(0)
		for i := range c.recs {
			if c.recs[i].source == 0 {
				if sid == 0 {
					sid = c.intern(id)
				}
				c.recs[i].source, used = sid, true
			}
		}
	}
	if used {
		d.idx.Store(nil)
	}
	return used
}
