package importer

import (
	"strings"
	"testing"
)

// sample builds a data set with the preference rule's cases: tiers, dates,
// low confidence, ties and a user's correction.
func sample() *DataSet {
	d := &DataSet{Sources: []Source{
		{ID: "report", Tier: TierReport, Date: "2026-01", Title: "The report"},
		{ID: "bureau", Tier: TierOfficial, Date: "2025-02-01", Title: "Statistics bureau"},
		{ID: "wire-old", Tier: TierMedia, Date: "2024-01-23", Title: "Old wire"},
		{ID: "wire-new", Tier: TierMedia, Date: "2025-06-30", Title: "New wire"},
		{ID: "blog", Tier: TierOther, Date: "2026-01-05", Title: "A blog"},
	}}
	add := func(city string, year int, v float64, src, conf string) {
		d.AddObservation(Observation{Region: city, Year: year, Period: FY, Metric: Production,
			Value: v, Qualifier: Exact, Confidence: conf, SourceID: src})
	}
	add("A", 2024, 1, "blog", Normal)
	add("A", 2024, 2, "wire-old", Normal)
	add("A", 2024, 3, "bureau", Normal)
	add("A", 2024, 4, "report", Low) // low confidence loses even from the report
	add("B", 2024, 10, "wire-old", Normal)
	add("B", 2024, 11, "wire-new", Normal)
	add("C", 2024, 20, "wire-old", Normal)
	add("C", 2024, 21, "wire-old", Normal)
	add("D", 2024, 30, "blog", Normal)
	add("D", 2024, 30, "wire-new", Normal)
	return d
}

func TestPreferenceRule(t *testing.T) {
	d := sample()
	tests := []struct {
		city     string
		want     float64
		conflict bool
		why      string
	}{
		{"A", 3, true, "an official source ranks above a media source"},
		{"B", 11, true, "more recent publication"},
		{"C", 20, true, "listed first"},
		{"D", 30, false, "a media source ranks above another"},
	}
	for _, tt := range tests {
		s, ok := d.Lookup(Key{tt.city, 2024, FY, Production, ""})
		if !ok {
			t.Fatalf("%s: no observations", tt.city)
		}
		if got := s.Preferred().Value; got != tt.want {
			t.Errorf("%s: preferred %v, want %v", tt.city, got, tt.want)
		}
		if s.Conflict() != tt.conflict {
			t.Errorf("%s: conflict %v, want %v", tt.city, s.Conflict(), tt.conflict)
		}
		if why := d.Why(s); !strings.Contains(Say(why), tt.why) {
			t.Errorf("%s: why = %q, want it to say %q", tt.city, why, tt.why)
		}
	}
}

func TestLowConfidenceLast(t *testing.T) {
	d := sample()
	s, _ := d.Lookup(Key{"A", 2024, FY, Production, ""})
	if last := s.Observations[len(s.Observations)-1]; last.Confidence != Low {
		t.Errorf("low-confidence row not last: %+v", last)
	}
}

func TestUserCorrectionWins(t *testing.T) {
	d := sample()
	orig := 3.0
	d.AddObservation(Observation{Region: "A", Year: 2024, Period: FY, Metric: Production, Value: 5,
		Confidence: Normal, SourceID: "user", EditedFrom: &orig})
	s, _ := d.Lookup(Key{"A", 2024, FY, Production, ""})
	if s.Preferred().Value != 5 || !strings.Contains(Say(d.Why(s)), "your correction") {
		t.Errorf("correction not preferred: %v, %q", s.Preferred().Value, d.Why(s))
	}
}

func TestConflictsListsOnlyDisagreements(t *testing.T) {
	var cities []string
	for _, s := range sample().Conflicts() {
		cities = append(cities, s.Key.Region)
	}
	if got := strings.Join(cities, ","); got != "A,B,C" {
		t.Errorf("conflicts = %s, want A,B,C", got)
	}
}
