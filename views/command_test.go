package views

import (
	"archive/zip"
	"autocities/importer"
	"bytes"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code, ok := RunCommand(args, &out, &errb)
	if !ok {
		t.Fatalf("%v is not a command", args)
	}
	return code, out.String(), errb.String()
}

func TestInspectDefaultData(t *testing.T) {
	code, out, errs := run(t, "inspect")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "region,year,period,metric,value,unit,level" {
		t.Errorf("header %q", lines[0])
	}
	for _, want := range []string{
		"Chongqing,2024,FY,production,2540000,vehicles,municipality",
		"Chongqing,2025,YTD11,production,2498100,vehicles,municipality",
		"Chongqing,2019,FY,production,1383000,vehicles,municipality",
		"Chongqing,2024,FY,nev_production,950000,vehicles,municipality",
		"Chongqing,2025,YTD11,export_value,45980000000,CNY,municipality",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("inspect lacks %s", want)
		}
	}
	if strings.Contains(out, "e+") {
		t.Error("a value is printed with an exponent")
	}
	// One row per key, sorted by city, metric, year, period.
	seen := map[string]bool{}
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		key := strings.Join(f[:4], ",")
		if seen[key] {
			t.Errorf("key printed twice: %s", key)
		}
		seen[key] = true
	}
	if !strings.Contains(errs, "targets") || !strings.Contains(errs, "events") {
		t.Errorf("stderr lacks the counts: %q", errs)
	}
}

func TestInspectUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "old.xls")
	if err := os.WriteFile(bad, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "inspect", bad)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); !strings.HasPrefix(lines[0], bad+": ") && !strings.HasPrefix(lines[0], "old.xls") {
		t.Errorf("error line %q does not start with the file", lines[0])
	}
}

func TestChartCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "c.png")
	code, _, errs := run(t, "chart", "--preset", "4:3", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 1600 || cfg.Height != 1200 {
		t.Errorf("PNG %dx%d (%v), want 1600x1200", cfg.Width, cfg.Height, err)
	}
	svg := filepath.Join(dir, "t.svg")
	if code, _, errs := run(t, "chart", "--kind", "timeline", "-o", svg); code != 0 {
		t.Fatalf("timeline svg: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(svg); !bytes.Contains(b, []byte("<svg")) {
		t.Error("the SVG file is not SVG")
	}
}

func TestChartCommandBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"chart"},
		{"chart", "--size", "big", "-o", "x.png"},
		{"chart", "--theme", "pink", "-o", "x.png"},
		{"chart", "--preset", "3:2", "-o", "x.png"},
	} {
		if code, _, errs := run(t, args...); code != 2 || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args, code, errs)
		}
	}
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"data.xlsx", "deck.pptx", "obs.csv"} {
		out := filepath.Join(dir, name)
		if code, _, errs := run(t, "export", "-o", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() < 100 {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The workbook reads back as the same data.
	code, back, errs := run(t, "inspect", filepath.Join(dir, "data.xlsx"))
	_, orig, _ := run(t, "inspect")
	if code != 0 || back != orig {
		t.Errorf("inspect of the exported workbook differs from the default data (exit %d): %s", code, errs)
	}
	// Never onto the file being exported.
	src := filepath.Join(dir, "obs.csv")
	if code, _, errs := run(t, "export", "--data", src, "-o", src); code != 2 || !strings.Contains(errs, "never overwrites") {
		t.Errorf("export onto its source: exit %d, %q", code, errs)
	}
	if code, _, _ := run(t, "export", "-o", filepath.Join(dir, "x.doc")); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}

// TestExportCommandRefusesAnEmptyDeck: a deck whose every slide asked for
// has no data (ranks, from a file of production figures) is not written:
// exit 1, one line, no file.
func TestExportCommandRefusesAnEmptyDeck(t *testing.T) {
	dir := t.TempDir()
	mini, out := filepath.Join(dir, "mini.csv"), filepath.Join(dir, "rank.pptx")
	if err := os.WriteFile(mini, []byte(miniCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errs := run(t, "export", "--data", mini, "--slides", "rank", "-o", out)
	if code != 1 || stdout != "" || strings.Count(strings.TrimSpace(errs), "\n") > 0 || !strings.Contains(errs, "nothing written") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and one line", code, stdout, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a deck of a cover alone was written")
	}
}

// TestExportCreditsTheChosenSource: a file's source given with --source
// is credited on the chart and in the deck's notes, not "Imported file".
func TestExportCreditsTheChosenSource(t *testing.T) {
	dir := t.TempDir()
	mini, out := filepath.Join(dir, "mini.csv"), filepath.Join(dir, "mini.pptx")
	if err := os.WriteFile(mini, []byte(miniCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "export", "--data", mini, "--source", "Shanghai Statistics Bureau", "--slides", "compare", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, name := range []string{"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml"} {
		r, err := z.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		if !bytes.Contains(b, []byte("Shanghai Statistics Bureau")) || bytes.Contains(b, []byte("Imported file")) {
			t.Errorf("%s does not credit the source given", name)
		}
	}
}

// miniCSV is a small file of production figures, without ranks.
const miniCSV = "region,year,period,metric,value,unit\nChongqing,2024,FY,production,2540000,vehicles\n" +
	"Shanghai,2024,FY,production,1810000,vehicles\nChongqing,2025,FY,production,2788000,vehicles\n" +
	"Shanghai,2025,FY,production,1823000,vehicles\n"

func TestChartCitiesAnySpelling(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "c.svg")
	if code, _, errs := run(t, "chart", "--cities", "重庆,沪", "--year", "2024", "-o", svg); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(svg)
	if !bytes.Contains(b, []byte("Chongqing")) || !bytes.Contains(b, []byte("Shanghai")) {
		t.Error("--cities 重庆,沪 did not draw Chongqing and Shanghai")
	}
}

// TestInspectChoices: the flags say what a file leaves unsaid; a flag the
// file says otherwise about fails it with one line and no CSV.
func TestInspectChoices(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "ChinaVehicleOwnership.csv")
	nbs := filepath.Join(dir, "nbs.csv")
	if err := os.WriteFile(own, []byte("地区,2022,2023\n北京,712.8,735.6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(nbs, []byte("指标：汽车产量(万辆)\n地区,2023年\n河北省,95.31\n吉林省,258.57\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "inspect", own, "--metric", "民用汽车拥有量", "--unit", "万辆", "--level", "province", "--source", "公安部")
	want := "region,year,period,metric,value,unit,level\nBeijing,2022,FY,民用汽车拥有量,7128000,vehicles,municipality\n" +
		"Beijing,2023,FY,民用汽车拥有量,7356000,vehicles,municipality\n"
	if code != 0 || out != want || !strings.Contains(errs, "read with your choices: indicator 民用汽车拥有量; unit 万辆; regions: provinces; source 公安部") {
		t.Errorf("exit %d\n%s\nwant\n%s\nstderr %s", code, out, want, errs)
	}
	for _, args := range [][]string{
		{"inspect", "--year", "2024", nbs},
		{"inspect", "--level", "city", nbs},
		{"inspect", "--metric", "sales", nbs, own},
		{"export", "--data", nbs, "--year", "2024", "-o", filepath.Join(dir, "x.csv")},
		{"chart", "--data", nbs, "--data-year", "2024", "-o", filepath.Join(dir, "x.png")},
	} {
		code, out, errs := run(t, args...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code != 2 || out != "" || !strings.HasPrefix(lines[0], "nbs.csv contradicts a choice made for it (") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	if code, out, errs := run(t, "inspect", "--level", "town", nbs); code != 2 || out != "" || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
		t.Errorf("bad level: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestInspectFailurePrintsNoCSV: when a file cannot be read, stdout stays
// empty, even if other files could be.
func TestInspectFailurePrintsNoCSV(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(good, []byte("城市,年份,汽车产量(辆)\n重庆,2024,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "inspect", good, filepath.Join(dir, "missing.xlsx"))
	if code != 2 || out != "" || !strings.Contains(errs, "missing.xlsx cannot be read") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestInspectReadsAWorkspace: inspect of the app's storage folder, or of
// the workspace folder in it, prints the workspace's current data, and
// changes nothing on disk.
func TestInspectReadsAWorkspace(t *testing.T) {
	root := t.TempDir()
	ws := newWorkspaceAt(root, importer.OS)
	r := ws.open(false)
	s := NewState(&importer.DataSet{}, nil)
	s.persist(ws.store, r.undo, r.redo, ws.loadSnapshot)
	d := &importer.DataSet{}
	d.AddObservation(importer.Observation{Region: "Wuhu", Year: 2024, Period: importer.FY, Metric: importer.Production,
		Value: 1234, Qualifier: importer.Exact, Confidence: importer.Normal})
	d.Seal()
	s.Change(d, nil, "import of wuhu.csv")
	ws.wait()
	before := listFiles(t, root)
	for _, dir := range []string{root, filepath.Join(root, workspaceDir)} {
		code, out, errs := run(t, "inspect", dir)
		if code != 0 || !strings.Contains(out, "\nWuhu,2024,FY,production,1234,vehicles,city\n") {
			t.Errorf("inspect %s: exit %d, %s\n%s", dir, code, errs, out)
		}
	}
	if after := listFiles(t, root); !slices.Equal(before, after) {
		t.Errorf("inspect changed the workspace: %v, then %v", before, after)
	}
	if code, _, errs := run(t, "inspect", t.TempDir()); code == 0 || !strings.Contains(errs, "is a folder") {
		t.Errorf("inspect of an empty folder: exit %d, %q", code, errs)
	}
}

func listFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, _ os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
		return nil
	})
	return out
}
