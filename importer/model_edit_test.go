package importer

import "testing"

func TestCorrectKeepsOriginalAndWins(t *testing.T) {
	d := sample()
	k := Key{"B", 2024, FY, Production, ""}
	s, _ := d.Lookup(k)
	orig := s.Preferred()
	e := d.Correct(orig, 12.5, Approx, "checked against the bureau's table")
	if d.Count() != 10 {
		t.Fatal("Correct changed the data set it was called on")
	}
	s, _ = e.Lookup(k)
	p := s.Preferred()
	if p.Value != 12.5 || p.SourceID != UserSource || p.EditedFrom == nil || *p.EditedFrom != orig.Value || p.Qualifier != Approx {
		t.Fatalf("preferred after the edit: %+v", p)
	}
	if len(s.Observations) != 3 || !s.Conflict() {
		t.Errorf("the original values must stay, shown as a conflict: %d observations", len(s.Observations))
	}
	if src, ok := e.Source(UserSource); !ok || src.Title == "" {
		t.Error("no source for the user's corrections")
	}
	// A second correction replaces the first and remembers the original.
	e2 := e.Correct(p, 13, Exact, "")
	s, _ = e2.Lookup(k)
	if len(s.Observations) != 3 || s.Preferred().Value != 13 || *s.Preferred().EditedFrom != orig.Value {
		t.Errorf("second correction: %d observations, %+v", len(s.Observations), s.Preferred())
	}
}

func TestChartTitlesAreUndoableCopies(t *testing.T) {
	d := &DataSet{}
	e := d.WithChartTitle(ChartTitle{Chart: "rank · production_rank · Chongqing", Title: "Back to first"})
	if _, ok := d.ChartTitle("rank · production_rank · Chongqing"); ok {
		t.Fatal("WithChartTitle changed the data set it was called on")
	}
	if got, _ := e.ChartTitle("rank · production_rank · Chongqing"); got.Title != "Back to first" {
		t.Fatalf("title = %+v", got)
	}
	f := e.WithChartTitle(ChartTitle{Chart: "rank · production_rank · Chongqing", Note: "stated ranks"})
	if got, _ := f.ChartTitle("rank · production_rank · Chongqing"); got.Title != "" || got.Note != "stated ranks" || len(f.Titles) != 1 {
		t.Fatalf("replaced title = %+v (%d entries)", got, len(f.Titles))
	}
	if g := f.WithChartTitle(ChartTitle{Chart: "rank · production_rank · Chongqing"}); len(g.Titles) != 0 || len(f.Titles) != 1 {
		t.Fatalf("an empty entry should remove the words: %d, %d", len(g.Titles), len(f.Titles))
	}
	if c := e.Clone(); len(c.Titles) != 1 {
		t.Fatal("Clone lost the titles")
	}
	m := &DataSet{}
	m.Merge(e)
	if _, ok := m.ChartTitle("rank · production_rank · Chongqing"); !ok {
		t.Fatal("Merge lost the titles")
	}
}
