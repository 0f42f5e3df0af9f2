package chartspec

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"autocities/charts"
	"autocities/importer"
)

// TestTimelineKeepsPeriodsApart: Wuhan's 2017 is known for Jan–Mar only;
// it is a part-year point, so the full years 2016 and 2018 are not joined
// through it; the same-period view adds Chongqing's Jan–Nov of 2024 and
// 2025 as their own line.
func TestTimelineKeepsPeriodsApart(t *testing.T) {
	d := defaultData(t)
	tl := Timeline(d, Choice{Kind: KindTimeline, Metric: importer.Production, Cities: []string{"Wuhan"}, Event: -1})
	for _, p := range tl.Series[0].Points {
		if p.Year == 2017 && (!p.Partial || p.Label != "Jan–Mar") {
			t.Errorf("Wuhan 2017 %+v, want a Jan–Mar part year", p)
		}
	}
	same := Timeline(d, Choice{Kind: KindTimeline, Metric: importer.Production, Cities: []string{"Chongqing"}, SamePeriod: true, Event: -1})
	var janNov []int
	for _, p := range same.Series[0].Points {
		if p.Partial && p.Label == "Jan–Nov" {
			janNov = append(janNov, p.Year)
		}
	}
	if len(janNov) != 2 || janNov[0] != 2024 || janNov[1] != 2025 {
		t.Errorf("Jan–Nov years %v, want 2024 and 2025", janNov)
	}
	if !strings.Contains(same.Subtitle, "dashed: the same part of each year") {
		t.Errorf("subtitle %q", same.Subtitle)
	}
	// Five cities' NEV production, Jan–Nov: no city has Jan–Nov in two
	// years running, so nothing is dashed and the subtitle does not say so.
	five := Choice{Kind: KindTimeline, Metric: importer.NEVProduction, Cities: []string{"Chongqing", "Shanghai", "Hefei", "Guangzhou", "Shenzhen"},
		SamePeriod: true, Period: importer.YTD(11), Event: -1}
	nev := Timeline(d, five)
	if charts.JoinsPartYears(nev.Series) || strings.Contains(nev.Subtitle, "dashed") || !strings.Contains(nev.Subtitle, "hollow points are part years") {
		t.Errorf("five cities, same period: subtitle %q", nev.Subtitle)
	}
}

// TestRankOnePeriodPerYear: in 2024 Shenzhen has a full-year rank, so
// Chongqing's Jan–Jun "1" is not drawn beside it.
func TestRankOnePeriodPerYear(t *testing.T) {
	d := defaultData(t)
	r, _ := rankSpec(d, Choice{Kind: KindRank, Metric: importer.ProductionRank, Cities: []string{"Chongqing", "Shenzhen"}, Event: -1})
	for _, s := range r.Series {
		for _, p := range s.Points {
			if p.Year == 2024 && p.Partial {
				t.Errorf("%s 2024 is a part-year rank (%s) beside a full-year one", s.City, p.Label)
			}
		}
	}
	alone, _ := rankSpec(d, Choice{Kind: KindRank, Metric: importer.ProductionRank, Cities: []string{"Chongqing"}, Event: -1})
	if !strings.Contains(alone.Title, "2024: Jan–Jun") {
		t.Errorf("title %q does not say that 2024 is Jan–Jun", alone.Title)
	}
}

func TestTitlesKeepCapitals(t *testing.T) {
	d := defaultData(t)
	ev := Compare(d, Choice{Kind: KindCompare, Metric: importer.EVExportValue, Years: []int{2025}, Period: importer.YTD(11), Event: -1})
	if !strings.HasPrefix(ev.Title, "Chongqing: EV export value") {
		t.Errorf("title %q", ev.Title)
	}
	nev := Timeline(d, Choice{Kind: KindTimeline, Metric: importer.NEVProduction, Cities: []string{"Chongqing"}, Event: -1})
	if !strings.Contains(nev.Title, ": NEV production") {
		t.Errorf("title %q", nev.Title)
	}
}

// TestWeakFiguresAreMarked: approximate, more than, low confidence,
// corrected and imported figures each carry their mark, and the key
// explains every mark used.
func TestWeakFiguresAreMarked(t *testing.T) {
	d := defaultData(t)
	var orig importer.Observation
	for o := range d.Observations() {
		if o.Region == "Chongqing" && o.Year == 2023 && o.Period == importer.FY && o.Metric == importer.Production {
			orig = o
		}
	}
	d = d.Correct(orig, 2320000, importer.Exact, "checked")
	d.AddObservation(importer.Observation{Region: "Chongqing", Year: 2012, Period: importer.FY, Metric: importer.Production,
		Value: 1e6, Qualifier: importer.Exact, Confidence: importer.Normal, SourceID: importer.FileSourcePrefix + "mine.xlsx"})
	tl := Timeline(d, Choice{Kind: KindTimeline, Metric: importer.Production, Cities: []string{"Chongqing"}, Event: -1})
	marks := map[int]string{}
	for _, p := range tl.Series[0].Points {
		marks[p.Year] = p.Mark + p.Flag
	}
	if marks[2023] != charts.Pencil || marks[2012] != "*" {
		t.Errorf("marks %v: 2023 corrected, 2012 imported", marks)
	}
	for _, key := range []string{"corrected by you", "from an imported file"} {
		if !strings.Contains(tl.Footer, key) {
			t.Errorf("footer %q lacks %q", tl.Footer, key)
		}
	}
	cmp := Compare(d, Choice{Kind: KindCompare, Metric: importer.Production, Years: []int{2023, 2024}, Event: -1})
	var gz charts.CompareBar
	for _, b := range cmp.Bars {
		if b.City == "Guangzhou" {
			gz = b
		}
	}
	if gz.Marks[1] != "~" || gz.Flags[1] != "?" {
		t.Errorf("Guangzhou 2024 marks %q flags %q, want ~ and ?", gz.Marks, gz.Flags)
	}
}

func TestUserTitlesAndSignature(t *testing.T) {
	d := defaultData(t)
	c := Defaults(d, KindTimeline)
	d = d.WithChartTitle(importer.ChartTitle{Chart: c.Signature(), Title: "Chongqing is back on top", Note: "2025: commission figures"})
	spec, err := Build(d, c)
	if err != nil {
		t.Fatal(err)
	}
	if tx := spec.Texts(); tx.Title != "Chongqing is back on top" || tx.Note != "2025: commission figures" || !strings.Contains(tx.Subtitle, "million vehicles") {
		t.Errorf("texts %+v", tx)
	}
	if DefaultTexts(d, c).Title == "Chongqing is back on top" {
		t.Error("the default title shows the user's")
	}
	c.Unit = "10k"
	if spec, _ := Build(d, c); spec.Texts().Title != "Chongqing is back on top" {
		t.Error("another unit loses the user's title")
	}
	if got := c.Signature(); got != "timeline · production · Chongqing" {
		t.Errorf("signature %q", got)
	}
}

func TestHeadlineFigures(t *testing.T) {
	d := defaultData(t)
	h, sources := Headline(d, Defaults(d, KindTimeline))
	if len(h.Figures) < 3 || len(sources) == 0 {
		t.Fatalf("headline %+v", h)
	}
	prod, exp := h.Figures[0], h.Figures[2]
	if prod.Value != "2.79" || prod.Unit != "million vehicles" || !strings.HasPrefix(prod.Change, "+9.7% on 2025") && !strings.HasPrefix(prod.Change, "+9.7% on 2024") ||
		prod.Note != "Target of 2.60 million vehicles met" {
		t.Errorf("production %+v", prod)
	}
	if exp.Value+" "+exp.Unit != "45.98 billion yuan" || !strings.Contains(exp.Label, "Jan–Nov 2025") || !strings.HasPrefix(exp.Change, "+16.8%") {
		t.Errorf("exports %+v", exp)
	}
}

func TestFileNamesAndFlags(t *testing.T) {
	d := defaultData(t)
	c := Choice{Kind: KindCompare, Metric: importer.Production, Years: []int{2023, 2024}, Event: -1}
	if got := FileName(d, c); got != "vehicle-production-2023-2024" {
		t.Errorf("compare file name %q", got)
	}
	if got := FileName(d, Defaults(d, KindTimeline)); got != "chongqing-vehicle-production-2014-2025" {
		t.Errorf("timeline file name %q", got)
	}
	if got := IgnoredFlags(KindTimeline, []string{"period", "cities", "o"}, false); len(got) != 1 || got[0] != "period" {
		t.Errorf("timeline ignores %v", got)
	}
	if got := IgnoredFlags(KindTimeline, []string{"period"}, true); len(got) != 0 {
		t.Errorf("timeline with --same-period ignores %v", got)
	}
	if got := IgnoredFlags(KindRank, []string{"year", "unit"}, false); len(got) != 2 {
		t.Errorf("rank ignores %v", got)
	}
}

func TestDeckLeavesOutEmptyCharts(t *testing.T) {
	d := defaultData(t)
	job := Export{Data: d, Choices: []Choice{{Kind: KindRank, Metric: importer.ProductionRank, Cities: []string{"Ningbo"}, Event: -1}},
		Slides: []string{KindRank, SlideHeadline}}
	deck, left, err := job.deck()
	if err != nil {
		t.Fatal(err)
	}
	if len(deck.Slides) != 1 || deck.Slides[0].Headline == nil || len(left) != 1 || !strings.Contains(left[0], "Rank") {
		t.Errorf("%d slides, left out %v", len(deck.Slides), left)
	}
	// A deck whose only slide asked for has no data is not written.
	job.Slides = []string{KindRank}
	if _, left, err := job.deck(); !errors.Is(err, ErrEmptyDeck) || len(left) != 0 || !strings.Contains(err.Error(), "Rank") {
		t.Errorf("rank alone with no rank data: %v (left out %v), want ErrEmptyDeck naming the Rank chart", err, left)
	}
	if err := job.Save(filepath.Join(t.TempDir(), "rank.pptx")); !errors.Is(err, ErrEmptyDeck) {
		t.Errorf("saving a deck of no slide: %v", err)
	}
	if _, err := ParseSlides("compare, headline"); err != nil {
		t.Error(err)
	}
	if _, err := ParseSlides("compare,pie"); err == nil {
		t.Error("a pie slide was accepted")
	}
}
