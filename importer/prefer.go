package importer

import (
	"cmp"
	"iter"
)

// The preference rule (shared/data/README.md): when several observations
// share a key, the report's own figure comes first; then official statistics;
// then wire services and major media; then everything else; low-confidence
// rows last. Within a tier the more recent publication wins; ties go to the
// earlier row. A user's correction always wins: it is the user's word. The
// index (model_index.go) orders each key's observations by this rule.

func tierRank(tier string) int {
	switch tier {
	case TierReport:
		return 0
	case TierOfficial:
		return 1
	case TierMedia:
		return 2
	}
	return 3
}

// Stated is every observation of one key, most preferred first.
type Stated struct {
	Key          Key
	Observations []Observation
}

// Preferred is the observation charts and inspect use.
func (s Stated) Preferred() Observation { return s.Observations[0] }

// Conflict reports whether the sources disagree on the value.
func (s Stated) Conflict() bool {
	for _, o := range s.Observations[1:] {
		if o.Value != s.Observations[0].Value {
			return true
		}
	}
	return false
}

// Why explains the choice to the user: how many sources state the figure,
// which one is shown and the step of the rule that chose it. The codes
// (why.one, why.correction, why.confidence, why.tier, why.newer, why.first)
// take the number of sources and the source's title; why.tier also the two
// tiers as tier.a.* messages.
func (d *DataSet) Why(s Stated) Msg {
	p := s.Preferred()
	src, _ := d.Source(p.SourceID)
	name := cmp.Or(src.Title, p.SourceID)
	n := len(s.Observations)
	if n == 1 {
		return M("why.one", name)
	}
	next := s.Observations[1]
	nsrc, _ := d.Source(next.SourceID)
	switch {
	case p.EditedFrom != nil:
		return M("why.correction", n, name)
	case p.Confidence != Low && next.Confidence == Low:
		return M("why.confidence", n, name)
	case tierRank(src.Tier) < tierRank(nsrc.Tier):
		return M("why.tier", n, name, tierMsg(src.Tier), tierMsg(nsrc.Tier))
	case src.Date > nsrc.Date:
		return M("why.newer", n, name)
	}
	return M("why.first", n, name)
}

// tierMsg names a tier as the subject of a sentence: "an official source".
func tierMsg(tier string) Msg {
	switch tier {
	case TierReport, TierOfficial, TierMedia:
		return M("tier.a." + tier)
	}
	return M("tier.a.other")
}

// AllStated lists every key with its observations (most preferred first),
// by region, metric, dimension, year and period.
func (d *DataSet) AllStated() iter.Seq[Stated] {
	return func(yield func(Stated) bool) {
		x := d.index()
		for g := range x.keys {
			if !yield(d.stated(x, g)) {
				return
			}
		}
	}
}

// AllPreferred lists every key's preferred observation, in key order
// (what inspect prints), decoding no other.
func (d *DataSet) AllPreferred() iter.Seq[Observation] {
	return func(yield func(Observation) bool) {
		x := d.index()
		for g := range x.keys {
			r := x.refs[x.starts[g]]
			if !yield(d.chunks[r.c].observation(int(r.i))) {
				return
			}
		}
	}
}

// KeyCount is the number of keys: what inspect prints a row for.
func (d *DataSet) KeyCount() int { return len(d.index().keys) }

// Lookup returns the observations of one key, most preferred first.
func (d *DataSet) Lookup(k Key) (Stated, bool) {
	x := d.index()
	gk, ok := x.keyOf(k)
	if !ok {
		return Stated{}, false
	}
	g := x.find(gk)
	if g < 0 {
		return Stated{}, false
	}
	return d.stated(x, g), true
}

// Conflicts lists every key whose sources disagree.
func (d *DataSet) Conflicts() []Stated {
	x := d.index()
	var out []Stated
	for g := range x.keys {
		if x.starts[g+1]-x.starts[g] < 2 {
			continue
		}
		if s := d.stated(x, g); s.Conflict() {
			out = append(out, s)
		}
	}
	return out
}
