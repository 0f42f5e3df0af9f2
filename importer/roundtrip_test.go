package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"testing"
)

// obsFull is everything an export must carry back.
func obsFull(o Observation) string {
	s := obsString(o) + fmt.Sprintf(" q=%s c=%s src=%s note=%q", o.Qualifier, o.Confidence, o.SourceID, o.Note)
	if o.EditedFrom != nil {
		s += fmt.Sprintf(" edited=%v", *o.EditedFrom)
	}
	return s
}

// TestExportImportRoundTrip: the default data written as the canonical
// workbook and as CSV imports back unchanged.
func TestExportImportRoundTrip(t *testing.T) {
	d, _, err := LoadCanonical(os.DirFS("../assets/data"))
	if err != nil {
		t.Skipf("no default data: %v", err)
	}
	var book, csvOut bytes.Buffer
	if err := d.WriteWorkbook(&book, WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name string
		b    []byte
		all  bool // the workbook carries targets, events, terms and sources too
	}{{"autocities.xlsx", book.Bytes(), true}, {"observations.csv", csvOut.Bytes(), false}} {
		got, rep, err := Import(context.Background(), f.name, bytes.NewReader(f.b), int64(len(f.b)), ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if len(rep.Issues) > 0 {
			t.Errorf("%s: issues:\n%s", f.name, rep)
		}
		if got.Count() != d.Count() {
			t.Fatalf("%s: %d observations, want %d", f.name, got.Count(), d.Count())
		}
		for i := range obsList(d) {
			if a, b := obsFull(obsList(got)[i]), obsFull(obsList(d)[i]); a != b {
				t.Errorf("%s: observation %d:\n got %s\nwant %s", f.name, i, a, b)
			}
		}
		if !f.all {
			continue
		}
		if !reflect.DeepEqual(got.Targets, d.Targets) || !reflect.DeepEqual(got.Events, d.Events) ||
			!reflect.DeepEqual(got.Terms, d.Terms) || !reflect.DeepEqual(got.Sources, d.Sources) {
			t.Errorf("%s: targets/events/terms/sources differ", f.name)
		}
	}
}
