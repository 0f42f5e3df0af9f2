package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
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

// TestUserIndicatorsAndLevelsRoundTrip: what the real shapes give (user
// indicators with their units and English names, dimensions, regions of
// every level and names no gazetteer knows, with the level their import
// gave them) comes back the same from the canonical workbook and CSV.
func TestUserIndicatorsAndLevelsRoundTrip(t *testing.T) {
	d := realShapes(t)
	if in, ok := d.Indicator("地区生产总值"); !ok || in.English != "GDP" {
		t.Errorf("English name from the header: %+v", in)
	}
	var book, csvOut bytes.Buffer
	if err := d.WriteWorkbook(&book, WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteCSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"autocities.xlsx": book.Bytes(), "observations.csv": csvOut.Bytes()} {
		got, rep, err := Import(context.Background(), name, bytes.NewReader(b), int64(len(b)), ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a, b := strings.Join(obsStrings(got), "\n"), strings.Join(obsStrings(d), "\n"); a != b {
			t.Errorf("%s: observations differ:\n%s\nwant\n%s\n%s", name, a, b, rep)
		}
		sameIndicatorsAndLevels(t, name, got, d)
	}
}

// realShapes is the data set of several real shapes read together.
func realShapes(t *testing.T) *DataSet {
	d := &DataSet{}
	for _, f := range []struct {
		name, body string
		ch         Choices
	}{
		{"gdp.csv", "城市,年份,地区生产总值 GDP(亿元)\n重庆,2023,30145.79\n", Choices{}},
		{"panel.csv", cityPanel, Choices{}},
		{"nbs.csv", nbsExport, Choices{}},
		{"owid.csv", "Entity,Code,Year,Electric car sales\nChina,CHN,2023,8100000\nWorld,OWID_WRL,2023,13800000\n", Choices{}},
		{"districts.csv", "名称,2023\n渝北区,100\n", Choices{Metric: "工业增加值", Unit: "亿元", Level: LevelCity,
			Roles: map[string]map[int]Role{"": {1: RoleRegion}}}},
		{"two.xls", twoLevelPage, Choices{}},
	} {
		fd, _, err := importWith(t, f.name, f.body, f.ch)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		fd.AttachFileSource(f.name)
		d.Merge(fd)
	}
	return d
}

func sameIndicatorsAndLevels(t *testing.T, name string, got, d *DataSet) {
	for _, in := range d.Indicators {
		back, ok := got.Indicator(in.Metric)
		if !ok || back.Unit != in.Unit || back.Kind != in.Kind || name == "autocities.xlsx" && back.English != in.English {
			t.Errorf("%s: indicator %+v came back as %+v", name, in, back)
		}
	}
	for _, r := range []string{"渝北区", "Jilin City", "Jilin", "China", "World"} {
		if got.Level(r) != d.Level(r) || d.Level(r) == LevelUnknown {
			t.Errorf("%s: %s level %v, want %v", name, r, got.Level(r), d.Level(r))
		}
	}
}
