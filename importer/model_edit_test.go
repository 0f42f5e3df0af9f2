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
