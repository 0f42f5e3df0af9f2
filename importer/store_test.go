package importer

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func storeData(t testing.TB, n int) *DataSet {
	t.Helper()
	d := &DataSet{}
	yoy := 5.5
	for i := 0; i < n; i++ {
		o := Observation{Region: []string{"Chongqing", "Shanghai", "未知市"}[i%3], Year: 2000 + i%25, Period: Period(i % 25),
			Metric: Production, Value: float64(i) * 1.5, Qualifier: Exact, Confidence: Normal, SourceID: "report",
			Note: "note " + string(rune('a'+i%26))}
		if i%7 == 0 {
			o.YoY = &yoy
		}
		d.AddObservation(o)
	}
	d.Sources = []Source{{ID: "report", Title: "The report", Tier: TierReport}, {ID: "repost", Title: "A repost", Tier: TierMedia, Original: "The publisher"}}
	d.Titles = []ChartTitle{{Chart: "compare|production|2024", Title: "Chongqing leads", Note: "A note"}}
	d.Events = []Event{{Date: "2024-05", City: "Chongqing", Kind: KindPolicy, Title: "A plan"}}
	d.Terms = []Term{{Term: "Chang'an", Aliases: []string{"长安"}}}
	d.Targets = []Target{{City: "Chongqing", Year: 2025, Metric: Production, Value: 2.6e6}}
	d.AddIndicator(Indicator{Metric: "GDP", Unit: UnitCNY, Kind: KindCNY})
	d.SetLevel("未知市", LevelCity)
	d.Seal()
	return d
}

func sameData(t *testing.T, got, want *DataSet) {
	t.Helper()
	g, w := obsList(got), obsList(want)
	if len(g) != len(w) {
		t.Fatalf("%d observations, want %d", len(g), len(w))
	}
	for i := range g {
		if !reflect.DeepEqual(g[i], w[i]) {
			t.Fatalf("observation %d: %+v, want %+v", i, g[i], w[i])
		}
	}
	if !reflect.DeepEqual(got.Events, want.Events) || !reflect.DeepEqual(got.Terms, want.Terms) ||
		!reflect.DeepEqual(got.Sources, want.Sources) || !reflect.DeepEqual(got.Targets, want.Targets) ||
		!reflect.DeepEqual(got.Indicators, want.Indicators) || !reflect.DeepEqual(got.Levels(), want.Levels()) ||
		!reflect.DeepEqual(got.Titles, want.Titles) {
		t.Error("the tables did not come back as they were")
	}
}

func TestStoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	d := storeData(t, 3000)
	ref, err := NewStore(dir, OS).Put(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := NewStore(dir, OS).Get(ref) // a new store: read from the files
	if err != nil {
		t.Fatal(err)
	}
	sameData(t, got, d)
	if o := obsList(got)[1]; o.YoY != nil || !math.IsNaN(got.chunks[0].recs[1].yoy) {
		t.Error("an unstated growth came back stated")
	}
}

// TestStoreWritesWhatChanged: a correction writes its own small chunk and
// the tables; an undo (a data set already saved) writes nothing.
func TestStoreWritesWhatChanged(t *testing.T) {
	dir := t.TempDir()
	s := NewStore(dir, OS)
	d := storeData(t, 20000)
	if _, err := s.Put(d); err != nil {
		t.Fatal(err)
	}
	before := dirFiles(t, dir)
	edited := d.Correct(obsList(d)[5], 42, Approx, "checked")
	edited.Seal()
	ref, err := s.Put(edited)
	if err != nil {
		t.Fatal(err)
	}
	added, size := 0, int64(0)
	for name, n := range dirFiles(t, dir) {
		if _, ok := before[name]; !ok {
			added++
			size += n
		}
	}
	if added != 2 || size > 4096 {
		t.Errorf("a correction wrote %d files, %d bytes; want its chunk and tables, a few hundred bytes", added, size)
	}
	if len(ref.Chunks) != 2 || ref.Count != 20001 {
		t.Errorf("ref %+v", ref)
	}
	if _, err := s.Put(d); err != nil || len(dirFiles(t, dir)) != len(before)+added {
		t.Errorf("putting a data set again wrote files: %v", err)
	}
}

func dirFiles(t *testing.T, dir string) map[string]int64 {
	es, err := os.ReadDir(dir)
	if err != nil && t != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, e := range es {
		info, _ := e.Info()
		out[e.Name()] = info.Size()
	}
	return out
}

func TestStoreFindsDamage(t *testing.T) {
	dir := t.TempDir()
	ref, err := NewStore(dir, OS).Put(storeData(t, 100))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, ref.Chunks[0]+chunkExt)
	b, _ := os.ReadFile(p)
	b[len(b)/2] ^= 1
	os.WriteFile(p, b, 0o644)
	_, err = NewStore(dir, OS).Get(ref)
	var fe *StoreFileError
	if !errors.As(err, &fe) || fe.File != p || !errors.Is(err, ErrStoreDamaged) {
		t.Errorf("a damaged chunk: %v", err)
	}
	os.Remove(p)
	if _, err = NewStore(dir, OS).Get(ref); !errors.As(err, &fe) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing chunk: %v", err)
	}
}

func TestStoreSweep(t *testing.T) {
	dir := t.TempDir()
	s := NewStore(dir, OS)
	old, _ := s.Put(storeData(t, 10))
	keep, _ := s.Put(storeData(t, 20))
	os.WriteFile(filepath.Join(dir, ".abc.chunk.123.tmp"), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	temps, err := s.Sweep([]SetRef{keep})
	if err != nil || temps != 1 {
		t.Fatalf("swept %d temporary files: %v", temps, err)
	}
	files := dirFiles(t, dir)
	if _, ok := files[old.Chunks[0]+chunkExt]; ok {
		t.Error("an unused chunk was kept")
	}
	if _, ok := files["notes.txt"]; !ok || len(files) != 3 {
		t.Errorf("left %v; want the kept chunk and tables, and the file it does not know", files)
	}
	if _, err := NewStore(dir, OS).Get(keep); err != nil {
		t.Error(err)
	}
}

func FuzzReadChunk(f *testing.F) {
	var b strings.Builder
	storeData(f, 5).chunks[0].writeTo(&b)
	f.Add([]byte(b.String()))
	f.Add([]byte(chunkMagic + "\x05"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := readChunk(b)
		if err == nil {
			for i := range c.recs {
				c.observation(i) // every ID points into the table
			}
		}
	})
}

// BenchmarkStoreCorrection saves one correction of a 360,000-observation
// data set: the target is at most 1 MB written and 300 ms a step.
func BenchmarkStoreCorrection(b *testing.B) {
	dir := b.TempDir()
	s := NewStore(dir, OS)
	d := storeData(b, benchRows)
	if _, err := s.Put(d); err != nil {
		b.Fatal(err)
	}
	size := func() (n int64) {
		for _, v := range dirFiles(nil, dir) {
			n += v
		}
		return n
	}
	first, before := obsList(d)[7], size()
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		next := d.Correct(first, float64(i), Exact, "")
		next.Seal()
		if _, err := s.Put(next); err != nil {
			b.Fatal(err)
		}
		d = next
	}
	b.ReportMetric(float64(size()-before)/float64(i), "bytes-written/op")
}

func TestTidyJoinsCorrections(t *testing.T) {
	d := storeData(t, 10000)
	want := obsList(d)
	for i := 0; i < 40; i++ {
		d = d.Correct(obsList(d)[i], float64(i), Exact, "")
		want = obsList(d)
	}
	if len(d.chunks) <= tidyAfter {
		t.Fatalf("only %d chunks", len(d.chunks))
	}
	if !d.Tidy() || len(d.chunks) != 2 {
		t.Fatalf("%d chunks after Tidy, want the big one and the corrections joined", len(d.chunks))
	}
	if got := obsList(d); !reflect.DeepEqual(got, want) {
		t.Error("Tidy changed the observations or their order")
	}
}
