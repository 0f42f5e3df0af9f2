package chartspec

import (
	"context"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"autocities/charts"
	"autocities/importer"
)

func defaultData(t *testing.T) *importer.DataSet {
	t.Helper()
	d, _, err := importer.LoadCanonical(os.DirFS("../../assets/data"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCompareDefaults(t *testing.T) {
	d := defaultData(t)
	c := Defaults(d, KindCompare)
	spec := Compare(d, c)
	if len(spec.Bars) < 3 {
		t.Fatalf("default compare has %d bars, want every city with data (≥3)", len(spec.Bars))
	}
	for i := 1; i < len(spec.Bars); i++ {
		if spec.Bars[i].Values[0] > spec.Bars[i-1].Values[0] {
			t.Errorf("bars not sorted largest first: %v", spec.Bars)
		}
	}
	if !strings.Contains(spec.Subtitle, "full year") || !strings.Contains(spec.Subtitle, "million vehicles") {
		t.Errorf("subtitle %q lacks period or unit", spec.Subtitle)
	}
	if !strings.HasPrefix(spec.Footer, "Source") {
		t.Errorf("footer %q", spec.Footer)
	}
}

// TestCompareDefaultsAreCities: the default data holds China's national
// totals and province figures; a Compare with no region chosen draws the
// cities only, and the others when they are asked for. A data set with no
// city draws its first level (provinces).
func TestCompareDefaultsAreCities(t *testing.T) {
	d := defaultData(t)
	t.Run("default bars", func(t *testing.T) { checkDefaultBarsAreCities(t, d) })
	t.Run("default year", func(t *testing.T) { checkDefaultYearHasCities(t, d) })
	t.Run("asked for", func(t *testing.T) { checkAskedRegionsDrawn(t, d) })
	t.Run("no city", checkNoCityDrawsProvinces)
	t.Run("titles", func(t *testing.T) { checkCompareTitleNamesLevel(t, d) })
}

// checkDefaultBarsAreCities: every year's default Compare of production
// and NEV production draws cities only.
func checkDefaultBarsAreCities(t *testing.T, d *importer.DataSet) {
	for _, m := range []importer.Metric{importer.Production, importer.NEVProduction} {
		for _, y := range d.Years(m, importer.FY) {
			for _, b := range Compare(d, Choice{Metric: m, Years: []int{y}, Period: importer.FY}).Bars {
				if !d.Level(b.City).IsCity() {
					t.Errorf("%s %d: the default compare draws %s (%s)", m, y, b.City, d.Level(b.City))
				}
			}
		}
	}
}

// checkDefaultYearHasCities: the default year is the latest with three
// cities' figures: China's national total of a later year would not make
// it.
func checkDefaultYearHasCities(t *testing.T, d *importer.DataSet) {
	y := DefaultYear(d, importer.Production, importer.FY)
	cities := func(y int) (n int) {
		for _, s := range d.Compare(importer.Production, y, importer.FY) {
			if d.Level(s.Key.Region).IsCity() {
				n++
			}
		}
		return n
	}
	if cities(y) < 3 {
		t.Errorf("default year %d has %d cities' figures, want at least 3", y, cities(y))
	}
	for _, later := range d.Years(importer.Production, importer.FY) {
		if later > y && cities(later) >= 3 {
			t.Errorf("default year %d, but %d also has three cities", y, later)
		}
	}
}

// checkAskedRegionsDrawn: China and a province are drawn when asked for.
func checkAskedRegionsDrawn(t *testing.T, d *importer.DataSet) {
	asked := Compare(d, Choice{Metric: importer.Production, Years: []int{2016}, Period: importer.FY, Cities: []string{"China", "Guangdong", "Chongqing"}})
	if len(asked.Bars) != 3 || asked.Bars[0].City != "China" || asked.Bars[1].City != "Guangdong" {
		t.Errorf("China and Guangdong asked for: %+v", asked.Bars)
	}
}

// checkNoCityDrawsProvinces: a data set of China and provinces defaults to
// its provinces.
func checkNoCityDrawsProvinces(t *testing.T) {
	provinces := "region,year,period,metric,value,unit\nChina,2024,FY,production,31282000,vehicles\n" +
		"Guangdong,2024,FY,production,5707400,vehicles\nAnhui,2024,FY,production,2620300,vehicles\n"
	p, _, err := importer.Import(context.Background(), "provinces.csv", strings.NewReader(provinces), int64(len(provinces)), importer.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := DefaultRegions(p, importer.Production, importer.FY); !slices.Equal(got, []string{"Anhui", "Guangdong"}) {
		t.Errorf("no city: default regions %v, want the provinces", got)
	}
}

// checkCompareTitleNamesLevel: the title says what the bars are: cities,
// provinces or regions of several levels.
func checkCompareTitleNamesLevel(t *testing.T, d *importer.DataSet) {
	for _, c := range []struct {
		regions []string
		want    string
	}{
		{[]string{"Chongqing", "Shanghai", "Liuzhou"}, "Vehicle production by city, 2016"},
		{[]string{"Guangdong", "Jilin", "Shanghai"}, "Vehicle production by province, 2016"},
		{[]string{"China", "Guangdong", "Chongqing"}, "Vehicle production by region, 2016"},
	} {
		spec := Compare(d, Choice{Metric: importer.Production, Years: []int{2016}, Period: importer.FY, Cities: c.regions})
		if spec.Title != c.want {
			t.Errorf("%v: title %q, want %q", c.regions, spec.Title, c.want)
		}
	}
}

func TestCompareUnitsAndPeriods(t *testing.T) {
	d := defaultData(t)
	spec := Compare(d, Choice{Metric: importer.Production, Years: []int{2025}, Period: importer.YTD(11), Unit: "10k", Cities: []string{"Chongqing"}})
	if len(spec.Bars) != 1 || spec.Bars[0].Values[0] != 249.81 {
		t.Fatalf("Chongqing Jan–Nov 2025 in 万辆: %+v, want 249.81", spec.Bars)
	}
	if !strings.Contains(spec.Subtitle, "Jan–Nov") || spec.Decimals != 1 {
		t.Errorf("subtitle %q decimals %d", spec.Subtitle, spec.Decimals)
	}
	money := Compare(d, Choice{Metric: importer.ExportValue, Years: []int{2025}, Period: importer.YTD(11)})
	if money.Bars[0].Values[0] != 45.98 || money.ValueAxis != "Billion yuan" {
		t.Errorf("export value %v in %q, want 45.98 billion yuan", money.Bars[0].Values, money.ValueAxis)
	}
}

func TestCompareGroupedYears(t *testing.T) {
	d := defaultData(t)
	spec := Compare(d, Choice{Metric: importer.Production, Years: []int{2023, 2024}, Period: importer.FY})
	if len(spec.Groups) != 2 {
		t.Fatalf("groups %v", spec.Groups)
	}
	for _, b := range spec.Bars {
		if len(b.Values) != 2 {
			t.Errorf("%s has %d values", b.City, len(b.Values))
		}
		if b.City == "Hefei" && !math.IsNaN(b.Values[0]) && b.Values[0] != 1.34 {
			t.Errorf("Hefei 2023 = %v", b.Values[0])
		}
	}
}

func TestTimelinePartialYearAndTarget(t *testing.T) {
	d := defaultData(t)
	spec := Timeline(d, Choice{Metric: importer.Production, Cities: []string{"Chongqing"}, Event: -1})
	if spec.Target == nil || spec.Target.Value != 2.6 || spec.Target.Year != 2025 {
		t.Fatalf("target %+v, want 2.6 million in 2025", spec.Target)
	}
	var y2024 *charts.Point
	for i, p := range spec.Series[0].Points {
		if p.Year == 2024 {
			y2024 = &spec.Series[0].Points[i]
		}
	}
	if y2024 == nil || y2024.Value != 2.54 || y2024.Partial {
		t.Errorf("2024 point %+v, want 2.54 full year", y2024)
	}
	if len(spec.Events) == 0 {
		t.Error("no events on Chongqing's timeline")
	}
	checkJanNov2025(t, d)
}

// checkJanNov2025: with only Jan–Nov 2025 loaded, 2025 is a hollow
// "Jan–Nov" point.
func checkJanNov2025(t *testing.T, d *importer.DataSet) {
	t.Helper()
	partial := d.Clone()
	partial.Remove(func(o importer.Observation) bool {
		return o.Region == "Chongqing" && o.Year == 2025 && o.Period == importer.FY
	})
	spec := Timeline(partial, Choice{Metric: importer.Production, Cities: []string{"Chongqing"}, Event: -1})
	last := spec.Series[0].Points[len(spec.Series[0].Points)-1]
	if last.Year != 2025 || !last.Partial || last.Label != "Jan–Nov" || last.Value != 2.4981 {
		t.Errorf("2025 point %+v, want partial Jan–Nov 2.4981", last)
	}
}

func TestTimelineHighlightsEvent(t *testing.T) {
	d := defaultData(t)
	events := Events(d, []string{"Chongqing"})
	pick := 0
	for i, e := range events {
		if e.Date == "2025-07-29" {
			pick = i
		}
	}
	spec := Timeline(d, Choice{Metric: importer.Production, Cities: []string{"Chongqing"}, Event: pick})
	n := 0
	for _, m := range spec.Events {
		if m.Highlight {
			n++
			if m.Label != events[pick].Title {
				t.Errorf("highlighted %q, want %q", m.Label, events[pick].Title)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d highlighted markers, want 1", n)
	}
	for _, m := range spec.Events {
		if m.At < 2014 || m.At >= 2026 {
			t.Errorf("event %q at %v lies outside the years drawn", m.Label, m.At)
		}
	}
}

func TestRank(t *testing.T) {
	d := defaultData(t)
	spec, _ := rankSpec(d, Choice{Kind: KindRank, Cities: []string{"Chongqing"}})
	got := map[int]float64{}
	for _, p := range spec.Series[0].Points {
		got[p.Year] = p.Value
	}
	if got[2016] != 1 || got[2019] != 7 || got[2025] != 1 {
		t.Errorf("ranks %v", got)
	}
	if !strings.Contains(spec.Subtitle, "as stated by sources") {
		t.Errorf("subtitle %q", spec.Subtitle)
	}
}

func TestSourceLineNamesEverySourceStrongestFirst(t *testing.T) {
	d := &importer.DataSet{}
	var ids []string
	for _, n := range []string{"A", "B", "C", "D", "E", "F"} {
		d.Sources = append(d.Sources, importer.Source{ID: n, Publisher: "Pub " + n, Tier: importer.TierMedia})
		ids = append(ids, n, n)
	}
	d.Sources = append(d.Sources, importer.Source{ID: "report", Publisher: "Asia City News", Tier: importer.TierReport},
		importer.Source{ID: "copy", Publisher: "Repost (uscntv.com) of Yangcheng Evening News", Original: "Yangcheng Evening News", Tier: importer.TierOther})
	if got := (Choice{}).sourceLine(d, ids[:2]); got != "Source: Pub A" {
		t.Errorf("one source: %q", got)
	}
	want := "Sources: Asia City News; Pub A; Pub B; Pub C; Pub D; Pub E; Pub F; Yangcheng Evening News (via a repost)"
	if got := (Choice{}).sourceLine(d, append(ids, "copy", "report")); got != want {
		t.Errorf("many sources: %q, want %q", got, want)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		d    int
		want string
	}{{2540000, 0, "2,540,000"}, {2.5401, 2, "2.54"}, {249.81, 1, "249.8"}, {-1234.5, 1, "-1,234.5"}, {999, 0, "999"}} {
		if got := FormatNumber(tt.v, tt.d); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %s, want %s", tt.v, tt.d, got, tt.want)
		}
	}
}

func TestUnitFallsBackToTheKindsDefault(t *testing.T) {
	for _, tt := range []struct {
		kind      importer.UnitKind
		key, lang string
		want      string
	}{
		{importer.KindCNY, "10k", "en", "billion"}, // a vehicle unit for money: the default
		{importer.KindCNY, "", "zh", "100m"},       // Chinese readers count money in 亿元
		{importer.KindVehicles, "", "en", "million"},
		{importer.KindVehicles, "", "zh", "10k"}, // and vehicles in 万辆
		{importer.KindVehicles, "vehicles", "zh", "vehicles"},
		{importer.KindRank, "million", "en", "rank"},
		{importer.KindPeople, "", "zh", "10k_people"},
		{importer.KindOther, "", "en", "other"},
	} {
		if u := Unit(tt.kind, tt.key, tt.lang); u.Key != tt.want {
			t.Errorf("%s %q in %s: %s, want %s", tt.kind, tt.key, tt.lang, u.Key, tt.want)
		}
	}
}

func TestTargetProgress(t *testing.T) {
	d := defaultData(t)
	got := TargetProgress(d, "Chongqing", importer.Production)
	if len(got) != 1 || !got[0].Met() || got[0].Period != importer.FY || math.Round(got[0].Share) != 107 {
		t.Fatalf("2025 with the full year loaded: %+v, want met at 107%%", got)
	}
	// Only Jan–Nov loaded: 2.4981 of 2.6 million = 96% by November, and a
	// projection at the same pace, labelled as such.
	partial := d.Clone()
	partial.Remove(func(o importer.Observation) bool {
		return o.Region == "Chongqing" && o.Year == 2025 && o.Period == importer.FY
	})
	got = TargetProgress(partial, "Chongqing", importer.Production)
	if len(got) != 1 || got[0].Period != importer.YTD(11) || math.Round(got[0].Share) != 96 || got[0].Met() {
		t.Fatalf("Jan–Nov only: %+v, want 96%% by November", got)
	}
	if p := got[0].Projected; math.Abs(p-2498100*12/11.0) > 1 {
		t.Errorf("projection %v", p)
	}
}

func TestChineseChartText(t *testing.T) {
	d := defaultData(t)
	spec := Compare(d, Choice{Metric: importer.Production, Years: []int{2025}, Period: importer.YTD(11), Unit: "10k", Lang: "zh"})
	if spec.Title != "汽车产量（按城市），2025年1–11月" || !strings.Contains(spec.Subtitle, "1–11月") || spec.ValueAxis != "万辆" {
		t.Errorf("Chinese compare text: %q / %q / %q", spec.Title, spec.Subtitle, spec.ValueAxis)
	}
	if spec.Bars[0].City != "重庆" || !strings.HasPrefix(spec.Footer, "来源：") {
		t.Errorf("bars %v footer %q", spec.Bars, spec.Footer)
	}
	tl := Timeline(d, Choice{Metric: importer.Production, Cities: []string{"Chongqing"}, Event: -1, Lang: "zh"})
	if !strings.HasPrefix(tl.Title, "重庆：汽车产量") || tl.Target == nil || !strings.Contains(tl.Target.Label, "2025年目标") {
		t.Errorf("Chinese timeline: %q, target %+v", tl.Title, tl.Target)
	}
}
