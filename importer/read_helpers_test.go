package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetSpec is a sheet a test builds: rows of values from A1, merged
// ranges such as "B1:C1", and whether it is hidden.
type sheetSpec struct {
	name   string
	rows   [][]any
	merges []string
	hidden bool
}

// writeXLSX builds a workbook the way Excel stores it (shared strings).
func writeXLSX(t testing.TB, dir, name string, sheets ...sheetSpec) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			if len(row) == 0 {
				continue
			}
			cellRef, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cellRef, &row); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, s := range sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := filepath.Join(dir, name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeBytes(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// obsString is an observation as the tests expect it:
// "Chongqing 2024 FY production[ · 纯电动] 2318000 [yoy 5.2] [approx]".
func obsString(o Observation) string {
	metric := string(o.Metric)
	if o.Dimension != "" {
		metric += " · " + o.Dimension
	}
	s := fmt.Sprintf("%s %d %s %s %s", o.Region, o.Year, o.Period, metric,
		strconv.FormatFloat(o.Value, 'f', -1, 64))
	if o.YoY != nil {
		s += " yoy " + strconv.FormatFloat(*o.YoY, 'f', -1, 64)
	}
	if o.Qualifier != Exact && o.Qualifier != "" {
		s += " " + o.Qualifier
	}
	return s
}

func importPath(t testing.TB, p string, opts ImportOptions) (*DataSet, *FileReport, error) {
	t.Helper()
	return ImportFile(context.Background(), p, opts)
}

// obsList lists a data set's observations in the order they arrived.
func obsList(d *DataSet) []Observation { return slices.Collect(d.Observations()) }
