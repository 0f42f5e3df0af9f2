package importer

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// index orders a data set's observations by key, each key's observations
// by preference (prefer.go), so that the queries find a key, a region's
// series or a metric's year by binary search instead of a pass over
// everything. It is built on first use and dropped on any change.
type index struct {
	refs     []ref   // every observation, by key, each key's most preferred first
	starts   []int32 // key g holds refs[starts[g]:starts[g+1]]
	keys     []gkey  // each key, in key order
	byMetric []int32 // the keys ordered by metric, dimension, period, year, region
	names    []string
	sources  map[string]int // source ID → index in DataSet.Sources
}

// ref points at one observation: chunk and record.
type ref struct{ c, i uint32 }

// gkey is a key with its strings as ranks in index.names, so that keys
// compare as numbers in the order of their strings.
type gkey struct {
	region, metric, dim uint32
	year                int16
	period              Period
}

// periodOrder sorts period tokens in byte order (FY, M01…M12, YTD01…YTD11),
// as inspect prints them.
func periodOrder(p Period) int {
	switch {
	case p.IsFullYear():
		return 0
	case p.IsMonth():
		return 1 + p.LastMonth() - 1
	}
	return 13 + p.LastMonth() - 1
}

func compareGKeys(a, b gkey) int {
	return cmp.Or(cmp.Compare(a.region, b.region), cmp.Compare(a.metric, b.metric), cmp.Compare(a.dim, b.dim),
		cmp.Compare(a.year, b.year), cmp.Compare(periodOrder(a.period), periodOrder(b.period)))
}

// packKey and unpackKey turn a key into two numbers in compareGKeys'
// order: region and metric; dimension, year and period.
func packKey(k gkey) (hi, lo uint64) {
	return uint64(k.region)<<32 | uint64(k.metric),
		uint64(k.dim)<<32 | uint64(uint16(k.year)^0x8000)<<16 | uint64(periodOrder(k.period))<<8 | uint64(k.period)
}

func unpackKey(hi, lo uint64) gkey {
	return gkey{region: uint32(hi >> 32), metric: uint32(hi), dim: uint32(lo >> 32),
		year: int16(uint16(lo>>16) ^ 0x8000), period: Period(uint8(lo))}
}

func compareByMetric(a, b gkey) int {
	return cmp.Or(cmp.Compare(a.metric, b.metric), cmp.Compare(a.dim, b.dim), ComparePeriods(a.period, b.period),
		cmp.Compare(a.year, b.year), cmp.Compare(a.region, b.region))
}

// index returns the data set's index, building it if needed. Two readers
// may both build it; either result is the same.
func (d *DataSet) index() *index {
	if x := d.idx.Load(); x != nil {
		return x
	}
	x := d.buildIndex()
	d.idx.CompareAndSwap(nil, x)
	return x
}

func (d *DataSet) buildIndex() *index {
	x := &index{sources: make(map[string]int, len(d.Sources))}
	for i, s := range d.Sources {
		if _, ok := x.sources[s.ID]; !ok {
			x.sources[s.ID] = i
		}
	}
	ranks := x.rankNames(d.chunks)
	pref := d.preferenceKeys(x.sources)
	// Each key packed into two numbers that sort as compareGKeys does: the
	// sort of every observation is most of the index's time.
	// The preference's low half is the order of arrival, which also says
	// where the observation is (refOf).
	type item struct{ hi, lo, pref uint64 }
	items := make([]item, 0, d.Count())
	arrival := uint64(0)
	for ci, c := range d.chunks {
		rk := ranks[ci]
		for i := range c.recs {
			r := &c.recs[i]
			hi, lo := packKey(gkey{region: rk[r.region], metric: rk[r.metric], dim: rk[r.dim], year: r.year, period: r.period})
			items = append(items, item{hi: hi, lo: lo, pref: pref(c, r)<<32 | arrival})
			arrival++
		}
	}
	slices.SortFunc(items, func(a, b item) int { // cmp.Or would compare all three every time
		switch {
		case a.hi != b.hi:
			return cmp.Compare(a.hi, b.hi)
		case a.lo != b.lo:
			return cmp.Compare(a.lo, b.lo)
		}
		return cmp.Compare(a.pref, b.pref)
	})
	refOf := d.refOf()
	x.refs = make([]ref, len(items))
	for i, it := range items {
		x.refs[i] = refOf(uint32(it.pref))
		if i == 0 || it.hi != items[i-1].hi || it.lo != items[i-1].lo {
			x.starts = append(x.starts, int32(i))
			x.keys = append(x.keys, unpackKey(it.hi, it.lo))
		}
	}
	x.starts = append(x.starts, int32(len(items)))
	x.byMetric = make([]int32, len(x.keys))
	for g := range x.byMetric {
		x.byMetric[g] = int32(g)
	}
	slices.SortFunc(x.byMetric, func(a, b int32) int { return compareByMetric(x.keys[a], x.keys[b]) })
	return x
}

// refOf returns a function that finds the i-th observation in the order
// of arrival.
func (d *DataSet) refOf() func(i uint32) ref {
	starts := make([]uint32, len(d.chunks)+1)
	for i, c := range d.chunks {
		starts[i+1] = starts[i] + uint32(len(c.recs))
	}
	return func(i uint32) ref {
		c, _ := slices.BinarySearch(starts, i+1)
		return ref{uint32(c - 1), i - starts[c-1]}
	}
}

// rankNames sorts the distinct regions, metrics and dimensions into
// x.names and maps each chunk's string IDs to their ranks. Which IDs are
// used is marked per chunk, so that the strings are looked up once per
// chunk, not once per observation.
func (x *index) rankNames(chunks []*chunk) [][]uint32 {
	used := make([][]bool, len(chunks))
	seen := map[string]bool{"": true}
	for ci, c := range chunks {
		u := make([]bool, len(c.strs))
		for i := range c.recs {
			r := &c.recs[i]
			u[r.region], u[r.metric], u[r.dim] = true, true, true
		}
		for id, ok := range u {
			if ok {
				seen[c.strs[id]] = true
			}
		}
		used[ci] = u
	}
	x.names = make([]string, 0, len(seen))
	for s := range seen {
		x.names = append(x.names, s)
	}
	slices.Sort(x.names)
	ranks := make([][]uint32, len(chunks))
	for ci, c := range chunks {
		rk := make([]uint32, len(c.strs))
		for id, s := range c.strs {
			if used[ci][id] || id == 0 {
				i, _ := slices.BinarySearch(x.names, s)
				rk[id] = uint32(i)
			}
		}
		ranks[ci] = rk
	}
	return ranks
}

// preferenceKeys returns the preference rule (prefer.go) as a number per
// observation, smaller first: a correction, then normal confidence, then
// the source's tier, then the more recent publication (arrival order
// breaks the remaining ties). What a chunk's strings say (low confidence,
// the source's tier and date) is worked out once per string.
func (d *DataSet) preferenceKeys(sources map[string]int) func(c *chunk, r *obsRec) uint64 {
	var dates []string
	for _, s := range d.Sources {
		dates = append(dates, s.Date)
	}
	slices.Sort(dates)
	dates = slices.Compact(dates)
	dateRank := func(date string) uint64 { // 0: the latest
		i, _ := slices.BinarySearch(dates, date)
		return uint64(len(dates) - i)
	}
	// per chunk, per string ID: its bits as a confidence, and as a source
	type strBits struct{ conf, source []uint64 }
	perChunk := map[*chunk]strBits{}
	bitsOf := func(c *chunk) strBits {
		if b, ok := perChunk[c]; ok {
			return b
		}
		b := strBits{conf: make([]uint64, len(c.strs)), source: make([]uint64, len(c.strs))}
		for id, s := range c.strs {
			if s == Low {
				b.conf[id] = 1 << 28
			}
			tier, date := uint64(3), uint64(len(dates)+1)
			if i, ok := sources[s]; ok {
				tier, date = uint64(tierRank(d.Sources[i].Tier)), dateRank(d.Sources[i].Date)
			}
			b.source[id] = tier<<25 | min(date, 1<<25-1)
		}
		perChunk[c] = b
		return b
	}
	var last *chunk
	var bits strBits
	return func(c *chunk, r *obsRec) uint64 {
		if c != last {
			last, bits = c, bitsOf(c)
		}
		var p uint64
		if math.IsNaN(r.edited) {
			p |= 1 << 29
		}
		return p | bits.conf[r.conf] | bits.source[r.source]
	}
}

// keyOf turns a Key into the index's numbers; false when a name is not in
// the data.
func (x *index) keyOf(k Key) (gkey, bool) {
	r, ok1 := x.rank(k.Region)
	m, ok2 := x.rank(string(k.Metric))
	dm, ok3 := x.rank(k.Dimension)
	return gkey{region: r, metric: m, dim: dm, year: int16(k.Year), period: k.Period}, ok1 && ok2 && ok3
}

func (x *index) rank(s string) (uint32, bool) {
	i, ok := slices.BinarySearch(x.names, s)
	return uint32(i), ok
}

// find is the key's group, or -1.
func (x *index) find(k gkey) int {
	g := sort.Search(len(x.keys), func(i int) bool { return compareGKeys(x.keys[i], k) >= 0 })
	if g < len(x.keys) && x.keys[g] == k {
		return g
	}
	return -1
}

// keyAt is group g's Key.
func (x *index) keyAt(g int) Key {
	k := x.keys[g]
	return Key{Region: x.names[k.region], Year: int(k.year), Period: k.period, Metric: Metric(x.names[k.metric]), Dimension: x.names[k.dim]}
}

// stated decodes group g.
func (d *DataSet) stated(x *index, g int) Stated {
	rs := x.refs[x.starts[g]:x.starts[g+1]]
	s := Stated{Key: x.keyAt(g), Observations: make([]Observation, len(rs))}
	for i, r := range rs {
		s.Observations[i] = d.chunks[r.c].observation(int(r.i))
	}
	return s
}

// metricRange is the span of byMetric holding the metric (and dimension).
func (x *index) metricRange(m Metric, dim string) (lo, hi int) {
	mr, ok1 := x.rank(string(m))
	dr, ok2 := x.rank(dim)
	if !ok1 || !ok2 {
		return 0, 0
	}
	at := func(i int) gkey { return x.keys[x.byMetric[i]] }
	lo = sort.Search(len(x.byMetric), func(i int) bool {
		k := at(i)
		return cmp.Or(cmp.Compare(k.metric, mr), cmp.Compare(k.dim, dr)) >= 0
	})
	hi = sort.Search(len(x.byMetric), func(i int) bool {
		k := at(i)
		return cmp.Or(cmp.Compare(k.metric, mr), cmp.Compare(k.dim, dr)) > 0
	})
	return lo, hi
}
