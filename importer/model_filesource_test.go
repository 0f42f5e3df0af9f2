package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAttachFileSource(t *testing.T) {
	f := filepath.Join(t.TempDir(), "yearbook.csv")
	os.WriteFile(f, []byte("x"), 0o644)
	d := &DataSet{Sources: []Source{{ID: "report", Tier: TierReport}}}
	d.AddObservation(Observation{Region: "A", Year: 2024, Period: FY, Metric: Production, Value: 1})
	d.AddObservation(Observation{Region: "B", Year: 2024, Period: FY, Metric: Production, Value: 2, SourceID: "report"})
	d.AttachFileSource(f)
	if obsList(d)[0].SourceID != "file:yearbook.csv" || obsList(d)[1].SourceID != "report" {
		t.Errorf("sources %q, %q", obsList(d)[0].SourceID, obsList(d)[1].SourceID)
	}
	s, ok := d.Source("file:yearbook.csv")
	if !ok || s.Title != "yearbook.csv" || !strings.HasPrefix(s.URL, "file://") || s.Tier != TierOther || s.Date == "" {
		t.Errorf("file source %+v", s)
	}
	d.AttachFileSource(f)
	if len(d.Sources) != 2 {
		t.Errorf("attaching twice added %d sources", len(d.Sources))
	}
}
