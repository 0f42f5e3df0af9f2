package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The preference rule (shared/data/README.md): when several observations
// share a key, the report's own figure comes first; then official statistics;
// then wire services and major media; then everything else; low-confidence
// rows last. Within a tier the more recent publication wins; ties go to the
// earlier row. A user's correction always wins: it is the user's word.

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

// preferenceLess orders observations of one key from most to least
// preferred.
func (d *DataSet) preferenceLess(a, b Observation) int {
	sa, _ := d.Source(a.SourceID)
	sb, _ := d.Source(b.SourceID)
	return cmp.Or(
		cmp.Compare(boolRank(a.EditedFrom == nil), boolRank(b.EditedFrom == nil)),
		cmp.Compare(boolRank(a.Confidence == Low), boolRank(b.Confidence == Low)),
		cmp.Compare(tierRank(sa.Tier), tierRank(sb.Tier)),
		-strings.Compare(sa.Date, sb.Date), // ISO dates: later sorts higher
		cmp.Compare(a.seq, b.seq),
	)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
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

// Why explains the choice to the user: "2 sources; showing X because …".
func (d *DataSet) Why(s Stated) string {
	p := s.Preferred()
	src, _ := d.Source(p.SourceID)
	name := cmp.Or(src.Title, p.SourceID, "an unnamed source")
	if len(s.Observations) == 1 {
		return "1 source: " + name
	}
	var reason string
	next := s.Observations[1]
	nsrc, _ := d.Source(next.SourceID)
	switch {
	case p.EditedFrom != nil:
		reason = "it is your correction"
	case p.Confidence != Low && next.Confidence == Low:
		reason = "the other sources are marked low confidence"
	case tierRank(src.Tier) < tierRank(nsrc.Tier):
		reason = fmt.Sprintf("a %s source ranks above %s sources", tierName(src.Tier), tierName(nsrc.Tier))
	case src.Date > nsrc.Date:
		reason = "it is the more recent publication of the same tier"
	default:
		reason = "it was listed first among equally ranked sources"
	}
	return fmt.Sprintf("%d sources; showing %s because %s", len(s.Observations), name, reason)
}

func tierName(t string) string {
	switch t {
	case TierReport:
		return "the report's own"
	case TierOfficial:
		return "an official"
	case TierMedia:
		return "a media"
	}
	return "another"
}

// All groups every observation by key, each group ordered by preference, the
// groups sorted by city, metric, year and period.
func (d *DataSet) All() []Stated {
	byKey := map[Key][]Observation{}
	for _, o := range d.Observations {
		byKey[o.Key()] = append(byKey[o.Key()], o)
	}
	out := make([]Stated, 0, len(byKey))
	for k, obs := range byKey {
		slices.SortStableFunc(obs, d.preferenceLess)
		out = append(out, Stated{Key: k, Observations: obs})
	}
	slices.SortFunc(out, func(a, b Stated) int { return compareKeys(a.Key, b.Key) })
	return out
}

// compareKeys sorts as inspect prints: city, metric, year, period.
func compareKeys(a, b Key) int {
	return cmp.Or(strings.Compare(a.City, b.City), strings.Compare(a.Metric, b.Metric),
		cmp.Compare(a.Year, b.Year), strings.Compare(a.Period, b.Period))
}

// Lookup returns the observations of one key, most preferred first.
func (d *DataSet) Lookup(k Key) (Stated, bool) {
	var obs []Observation
	for _, o := range d.Observations {
		if o.Key() == k {
			obs = append(obs, o)
		}
	}
	if len(obs) == 0 {
		return Stated{}, false
	}
	slices.SortStableFunc(obs, d.preferenceLess)
	return Stated{Key: k, Observations: obs}, true
}

// Conflicts lists every key whose sources disagree.
func (d *DataSet) Conflicts() []Stated {
	var out []Stated
	for _, s := range d.All() {
		if s.Conflict() {
			out = append(out, s)
		}
	}
	return out
}
