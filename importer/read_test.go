package importer

import (
	"strings"
	"testing"
)

// importCase is one real-world shape: a file built by test code and the
// exact observations it must give.
type importCase struct {
	name   string
	build  func(t *testing.T, dir string) string
	want   []string // obsString of every observation, in order
	layout string   // a part of the report's layout line
	issues []string // parts of issues that must be reported
	check  func(t *testing.T, d *DataSet, rep *FileReport)
}

func csvFile(name, body string) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string { return writeBytes(t, dir, name, []byte(body)) }
}

func xlsxFile(name string, sheets ...sheetSpec) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string { return writeXLSX(t, dir, name, sheets...) }
}

func TestImportShapes(t *testing.T) {
	for _, tc := range importCases() {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.build(t, t.TempDir())
			d, rep, err := importPath(t, p, ImportOptions{})
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			var got []string
			for _, o := range obsList(d) {
				got = append(got, obsString(o))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("observations:\n got:\n  %s\nwant:\n  %s\nreport:\n%s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "), rep)
			}
			if layout := Say(joinMsgs(rep.Layout)); !strings.Contains(layout, tc.layout) {
				t.Errorf("layout %q does not contain %q", layout, tc.layout)
			}
			all := rep.String()
			for _, is := range tc.issues {
				if !strings.Contains(all, is) {
					t.Errorf("report lacks %q:\n%s", is, all)
				}
			}
			if tc.check != nil {
				tc.check(t, d, rep)
			}
		})
	}
}
