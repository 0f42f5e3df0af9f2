package importer

import (
	"os"
	"strings"
	"testing"
)

// defaultData reads the app's default data files from the repository.
func defaultData(t *testing.T) *DataSet {
	t.Helper()
	d, rep, err := LoadCanonical(os.DirFS("../assets/data"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Issues) > 0 {
		t.Errorf("the default data has unreadable rows:\n%s", rep)
	}
	return d
}

func TestDefaultDataPreferred(t *testing.T) {
	d := defaultData(t)
	tests := []struct {
		key  Key
		want float64
	}{
		{Key{"Chongqing", 2024, FY, Production, ""}, 2540000},
		{Key{"Chongqing", 2025, YTD(11), Production, ""}, 2498100},
		{Key{"Chongqing", 2019, FY, Production, ""}, 1383000},
		{Key{"Chongqing", 2024, FY, NEVProduction, ""}, 950000},
		{Key{"Chongqing", 2025, FY, Production, ""}, 2788000},
		{Key{"Chongqing", 2025, YTD(11), ExportValue, ""}, 45980000000},
		{Key{"Chongqing", 2025, YTD(11), EVExportValue, ""}, 13410000000},
		{Key{"Guangzhou", 2017, FY, Production, ""}, 3108000},
	}
	for _, tt := range tests {
		s, ok := d.Lookup(tt.key)
		if !ok {
			t.Errorf("%v: missing", tt.key)
			continue
		}
		if got := s.Preferred().Value; got != tt.want {
			t.Errorf("%v: preferred %v, want %v (%s)", tt.key, got, tt.want, d.Why(s))
		}
	}
}

// TestDefaultDataLevels: every region of the default data is one the
// gazetteer knows, China's national totals and the province figures
// included; their notes say national or province; a rank stated among
// provinces is other_rank, never a city rank; and the national series
// follows the preference rule (an official source over the others, media
// over trade sites, CAAM and MIIT/CATARC conflicts kept).
func TestDefaultDataLevels(t *testing.T) {
	d := defaultData(t)
	t.Run("levels", func(t *testing.T) { checkDefaultLevels(t, d) })
	t.Run("notes and ranks", func(t *testing.T) { checkLevelNotes(t, d) })
	t.Run("preferred", func(t *testing.T) { checkPreferredSeries(t, d) })
}

// checkDefaultLevels: the gazetteer gives the default data's regions their
// levels, China and the provinces included.
func checkDefaultLevels(t *testing.T, d *DataSet) {
	want := map[string]Level{"China": LevelCountry, "Guangdong": LevelProvince, "Anhui": LevelProvince, "Jilin": LevelProvince,
		"Guangxi": LevelProvince, "Hubei": LevelProvince, "Beijing": LevelMunicipality, "Shanghai": LevelMunicipality,
		"Chongqing": LevelMunicipality, "Zhengzhou": LevelCity}
	for r, l := range want {
		if got := d.Level(r); got != l {
			t.Errorf("%s is %s, want %s", r, got, l)
		}
	}
}

// checkLevelNotes: every figure's region is known; a national or province
// figure's note says so; a rank among provinces is other_rank with its
// scope, never a city rank.
func checkLevelNotes(t *testing.T, d *DataSet) {
	for _, o := range obsList(d) {
		l := d.Level(o.Region)
		switch {
		case l == LevelUnknown:
			t.Errorf("%v: a region the gazetteer does not know", o.Key())
		case l == LevelCountry && !strings.Contains(o.Note, "national"):
			t.Errorf("%v: a national figure whose note does not say so: %q", o.Key(), o.Note)
		case l == LevelProvince && !strings.Contains(o.Note, "province"):
			t.Errorf("%v: a province figure whose note does not say so: %q", o.Key(), o.Note)
		case !l.IsCity() && (o.Metric == ProductionRank || o.Metric == NEVProductionRank):
			t.Errorf("%v: a %s's rank drawn as a city rank", o.Key(), l)
		case o.Metric == OtherRank && !strings.HasPrefix(o.Note, "Scope: "):
			t.Errorf("%v: other_rank without its scope: %q", o.Key(), o.Note)
		}
	}
}

// checkPreferredSeries: the national and province series follow the
// preference rule and keep all their sources.
func checkPreferredSeries(t *testing.T, d *DataSet) {
	for _, tt := range []struct {
		key     Key
		want    float64
		sources int
	}{
		{Key{"China", 2020, FY, Production, ""}, 25230000, 3}, // gov.cn (official) over SteelOrbis and a weak repost
		{Key{"China", 2014, FY, NEVProduction, ""}, 78500, 3}, // CAAM; MIIT 83,900 and CATARC 84,900 kept
		{Key{"China", 2024, FY, NEVProduction, ""}, 12890000, 3},
		{Key{"Guangdong", 2016, FY, OtherRank, ""}, 1, 1},
	} {
		s, ok := d.Lookup(tt.key)
		if !ok || s.Preferred().Value != tt.want || len(s.Observations) != tt.sources {
			t.Errorf("%v: %+v, want %v of %d sources", tt.key, s.Observations, tt.want, tt.sources)
		}
	}
}

func TestDefaultDataIsSourced(t *testing.T) {
	d := defaultData(t)
	for _, o := range obsList(d) {
		s, ok := d.Source(o.SourceID)
		if !ok || s.URL == "" || s.Title == "" {
			t.Errorf("%v: source %q has no title or URL", o.Key(), o.SourceID)
		}
	}
	for _, e := range d.Events {
		if _, ok := d.Source(e.SourceID); !ok {
			t.Errorf("event %s %q: unknown source %q", e.Date, e.Title, e.SourceID)
		}
	}
	if len(d.Targets) == 0 || d.Targets[0].Value != 2600000 {
		t.Errorf("Chongqing's 2.6 million target missing: %+v", d.Targets)
	}
}

func TestDefaultDataKeepsKnownConflicts(t *testing.T) {
	d := defaultData(t)
	for _, k := range []Key{
		{"Chongqing", 2019, FY, Production, ""},
		{"Chongqing", 2016, FY, Production, ""},
		{"Shenzhen", 2022, FY, NEVProduction, ""},
		{"Xi'an", 2022, FY, NEVProduction, ""},
	} {
		if s, ok := d.Lookup(k); !ok || !s.Conflict() {
			t.Errorf("%v: the sources' disagreement is lost", k)
		}
	}
}

func TestDefaultDataChangAnSenses(t *testing.T) {
	var senses []string
	for _, term := range defaultData(t).Terms {
		if term.Term == "Chang'an" {
			senses = append(senses, term.Sense+": "+term.Summary)
		}
	}
	if len(senses) != 2 {
		t.Fatalf("Chang'an has %d senses, want 2 (the carmaker and the ancient capital)", len(senses))
	}
	if !strings.Contains(strings.Join(senses, " "), "report") {
		t.Errorf("neither sense says which one the report means: %q", senses)
	}
}

func TestCompareNeverMixesPeriods(t *testing.T) {
	d := defaultData(t)
	for _, s := range d.Compare(Production, 2025, FY) {
		if s.Key.Period != FY {
			t.Errorf("full-year compare includes %v", s.Key)
		}
	}
	rows := d.Compare(Production, 2025, YTD(11))
	var cities []string
	for _, s := range rows {
		cities = append(cities, s.Key.Region)
	}
	if !strings.Contains(strings.Join(cities, ","), "Chongqing") {
		t.Errorf("Jan–Nov 2025 compare lacks Chongqing: %v", cities)
	}
}

func TestTimelineFlagsPartialYears(t *testing.T) {
	d := &DataSet{}
	d.AddObservation(Observation{Region: "X", Year: 2024, Period: FY, Metric: Production, Value: 10})
	d.AddObservation(Observation{Region: "X", Year: 2025, Period: YTD(6), Metric: Production, Value: 4})
	d.AddObservation(Observation{Region: "X", Year: 2025, Period: YTD(11), Metric: Production, Value: 9})
	d.AddObservation(Observation{Region: "X", Year: 2025, Period: Month(11), Metric: Production, Value: 1})
	tl := d.Timeline("X", Production)
	if len(tl) != 2 {
		t.Fatalf("timeline has %d points, want 2: %+v", len(tl), tl)
	}
	if tl[0].Partial || tl[0].Preferred().Value != 10 {
		t.Errorf("2024: %+v, want the full year", tl[0])
	}
	if !tl[1].Partial || tl[1].Key.Period != YTD(11) {
		t.Errorf("2025: %+v, want the longest partial period, flagged", tl[1])
	}
	d.AddObservation(Observation{Region: "X", Year: 2025, Period: FY, Metric: Production, Value: 11})
	if tl := d.Timeline("X", Production); tl[1].Partial || tl[1].Preferred().Value != 11 {
		t.Errorf("a full year must replace the partial one: %+v", tl[1])
	}
}

func TestStatedRanks(t *testing.T) {
	d := defaultData(t)
	ranks := map[int]float64{}
	for _, p := range d.Ranks("Chongqing", ProductionRank) {
		ranks[p.Key.Year] = p.Preferred().Value
	}
	for year, want := range map[int]float64{2014: 1, 2015: 1, 2016: 1, 2019: 7, 2025: 1} {
		if ranks[year] != want {
			t.Errorf("Chongqing's stated rank in %d = %v, want %v", year, ranks[year], want)
		}
	}
	for _, o := range obsList(d) {
		if o.Metric == OtherRank && o.Note == "" {
			t.Errorf("%v: a rank of another scope must name its scope in the note", o.Key())
		}
	}
}

func TestYoY(t *testing.T) {
	d := &DataSet{}
	d.AddObservation(Observation{Region: "X", Year: 2024, Period: FY, Metric: Production, Value: 100})
	d.AddObservation(Observation{Region: "X", Year: 2025, Period: FY, Metric: Production, Value: 112})
	if g, ok := d.YoY(Key{"X", 2025, FY, Production, ""}); !ok || g < 11.99 || g > 12.01 {
		t.Errorf("YoY = %v, %v; want 12", g, ok)
	}
	if _, ok := d.YoY(Key{"X", 2024, FY, Production, ""}); ok {
		t.Error("YoY without the earlier year must not be computed")
	}
}

func TestPeriodWords(t *testing.T) {
	en, zh := VocabularyFor("en"), VocabularyFor("zh")
	for p, want := range map[Period][2]string{FY: {"full year", "全年"}, YTD(11): {"Jan–Nov", "1–11月"},
		YTD(6): {"Jan–Jun", "1–6月"}, Month(11): {"Nov", "11月"}, YTD(1): {"Jan", "1月"}} {
		if got := [2]string{en.Period(p), zh.Period(p)}; got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
}

func TestTimelinePrefersFirmPartialPeriods(t *testing.T) {
	d := &DataSet{}
	d.AddObservation(Observation{Region: "X", Year: 2024, Period: YTD(6), Metric: ProductionRank, Value: 1, Confidence: Normal})
	d.AddObservation(Observation{Region: "X", Year: 2024, Period: YTD(9), Metric: ProductionRank, Value: 3, Confidence: Low})
	if tl := d.Ranks("X", ProductionRank); len(tl) != 1 || tl[0].Key.Period != YTD(6) {
		t.Errorf("a low-confidence Jan–Sep rank hid the firm H1 one: %+v", tl)
	}
}
