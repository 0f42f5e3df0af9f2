package chartspec

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"autocities/charts"
	"autocities/importer"
)

func TestWorkbookChartsFollowTheViews(t *testing.T) {
	d := defaultData(t)
	cmp := Defaults(d, KindCompare)
	cmp.Years = []int{2023, 2024}
	tl := Defaults(d, KindTimeline)
	tl.Cities = []string{"Chongqing", "Guangzhou"}
	got := WorkbookCharts(d, cmp, tl)
	if len(got) != 2 || got[0].Kind != "bar" || got[1].Kind != "line" {
		t.Fatalf("charts %+v", got)
	}
	bar, spec := got[0], Compare(d, cmp)
	if len(bar.Series) != 2 || bar.Series[1].Name != "2024" || len(bar.Categories) != len(spec.Bars) {
		t.Fatalf("bar chart %+v", bar)
	}
	if bar.Categories[0] != spec.Bars[0].City || bar.Series[1].Values[0] != spec.Bars[0].Values[1] {
		t.Errorf("first bar %s %v, want %s %v", bar.Categories[0], bar.Series[1].Values[0], spec.Bars[0].City, spec.Bars[0].Values[1])
	}
	if bar.NumberFormat != "#,##0.00" || !strings.Contains(strings.ToLower(bar.ValueAxis), "million vehicles") || len(bar.CategoryColors) != len(bar.Categories) {
		t.Errorf("bar format %q, axis %q, colours %v", bar.NumberFormat, bar.ValueAxis, bar.CategoryColors)
	}
	checkLineChart(t, got[1])
	checkTimelineValues(t, Timeline(d, tl), got[1])
}

// checkLineChart: a series of full years per city, in its colour, and part
// years in series of their own; one value per year.
func checkLineChart(t *testing.T, line importer.WorkbookChart) {
	t.Helper()
	var full []string
	for _, s := range line.Series {
		if len(s.Values) != len(line.Categories) {
			t.Fatalf("%s: %d values for %d years", s.Name, len(s.Values), len(line.Categories))
		}
		if !strings.Contains(s.Name, ", ") {
			full = append(full, s.Name)
		} else if !s.Dashed {
			t.Errorf("part-year series %s is not dashed", s.Name)
		}
	}
	if !slices.Equal(full, []string{"Chongqing", "Guangzhou"}) || line.Series[0].Color == "" || line.Source == "" {
		t.Fatalf("line chart series %+v, source %q", line.Series, line.Source)
	}
}

// checkTimelineValues: Chongqing's 2024 value is 2.54 million, and every
// year with a partial figure says so in its label.
func checkTimelineValues(t *testing.T, spec charts.Timeline, line importer.WorkbookChart) {
	t.Helper()
	partial := map[string]bool{}
	for _, s := range spec.Series {
		for _, p := range s.Points {
			if p.Partial {
				partial[strconv.Itoa(p.Year)] = true
			}
		}
	}
	for i, c := range line.Categories {
		if c == "2024" && math.Abs(line.Series[0].Values[i]-2.54) > 1e-9 {
			t.Errorf("Chongqing 2024 = %v, want 2.54", line.Series[0].Values[i])
		}
		year, _, _ := strings.Cut(c, " ")
		if partial[year] != strings.Contains(c, "(") {
			t.Errorf("year %s partial %v, labelled %q", year, partial[year], c)
		}
	}
}

func TestWorkbookChartsLabelPartialYears(t *testing.T) {
	d := defaultData(t)
	tl := Defaults(d, KindTimeline)
	tl.Metric = importer.ExportValue
	line := WorkbookCharts(d, Defaults(d, KindCompare), tl)[1]
	if len(line.Categories) == 0 || !strings.Contains(strings.Join(line.Categories, ","), "(") {
		t.Errorf("export value years %v: the default data's 2025 export value is Jan–Nov", line.Categories)
	}
}

func TestDefaultDeckAndWorkbook(t *testing.T) {
	d := defaultData(t)
	job := Export{Data: d, Version: "test"}
	deck, left, err := job.deck()
	if err != nil {
		t.Fatal(err)
	}
	if len(deck.Slides) != 4 || len(left) != 0 || !strings.HasPrefix(deck.Slides[2].Chart.Texts().Footer, "Source") ||
		deck.Slides[0].Chart.Texts().Title == "" || deck.Slides[3].Headline == nil {
		t.Fatalf("deck of %d slides (%v left out), want Compare, Timeline, Rank and the headline with titles and sources", len(deck.Slides), left)
	}
	if !strings.HasPrefix(deck.Slides[1].Notes, "Sources of this slide:") || !strings.Contains(deck.Slides[1].Notes, "https://asiacity.news/?p=200814") {
		t.Errorf("timeline notes %q", deck.Slides[1].Notes)
	}
	dir := t.TempDir()
	for _, name := range []string{"out.pptx", "out.xlsx", "out.csv", "out.png", "out.svg"} {
		if err := job.Save(filepath.Join(dir, name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	back, _, err := importer.ImportFile(context.Background(), filepath.Join(dir, "out.xlsx"), importer.ImportOptions{})
	if err != nil || back.Count() != d.Count() {
		t.Fatalf("read back %v observations, %v", back.Count(), err)
	}
	if err := job.Save(filepath.Join(dir, "out.pdf")); !errors.Is(err, ErrExportType) {
		t.Errorf("a .pdf export: %v", err)
	}
	job.Protect = []string{filepath.Join(dir, "out.csv")}
	if err := job.Save(filepath.Join(dir, "out.csv")); !errors.Is(err, importer.ErrExportOntoSource) {
		t.Errorf("an export onto the imported file: %v", err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string][2]int{"1600x900": {1600, 900}, " 1920 X 1080 ": {1920, 1080}, "800×600": {800, 600}} {
		if w, h, err := ParseSize(in); err != nil || w != want[0] || h != want[1] {
			t.Errorf("%q: %d×%d, %v", in, w, h, err)
		}
	}
	for _, in := range []string{"", "1600", "99x100", "8001x100", "axb", "1600x900x2"} {
		if _, _, err := ParseSize(in); !errors.Is(err, ErrSize) {
			t.Errorf("%q: err %v, want ErrSize", in, err)
		}
	}
}

func TestWorkbookLineChartKeepsMissingYears(t *testing.T) {
	d := defaultData(t)
	c := Choice{Kind: KindTimeline, Metric: importer.Production, Cities: []string{"Chongqing"}, Event: -1}
	line := WorkbookCharts(d, Defaults(d, KindCompare), c)[1]
	i := slices.Index(line.Categories, "2018")
	if i < 0 {
		t.Fatalf("2018 (no figure) is not a category, so Excel would join 2017 to 2019: %v", line.Categories)
	}
	if !math.IsNaN(line.Series[0].Values[i]) {
		t.Errorf("2018 has value %v, want a blank", line.Series[0].Values[i])
	}
}

// TestWorkbookChartsCarryMarksAndKeys: the native charts' values carry the
// pictures' marks (Guangzhou's 2024 "~…?", Chongqing's approximate 2014),
// and grouped bars, coloured city by city, give each year's series a grey
// as light as its bars, so the legend's keys match them.
func TestWorkbookChartsCarryMarksAndKeys(t *testing.T) {
	d := defaultData(t)
	cmp := Choice{Kind: KindCompare, Metric: importer.Production, Years: []int{2023, 2024}, Event: -1}
	tl := Defaults(d, KindTimeline)
	got := WorkbookCharts(d, cmp, tl)
	bar := got[0]
	gz := slices.Index(bar.Categories, "Guangzhou")
	if gz < 0 || at(bar.Series[1].Marks, gz) != "~" || at(bar.Series[1].Flags, gz) != "?" {
		t.Errorf("Guangzhou 2024 in the workbook: marks %q flags %q, want ~ and ?", bar.Series[1].Marks, bar.Series[1].Flags)
	}
	if bar.Series[0].Color == "" || bar.Series[1].Color == "" || bar.Series[0].Color <= bar.Series[1].Color {
		t.Errorf("legend greys %q (2023) and %q (2024): want the older year lighter", bar.Series[0].Color, bar.Series[1].Color)
	}
	marked := 0
	for _, p := range Timeline(d, tl).Series[0].Points {
		if p.Mark+p.Flag == "" || p.Partial {
			continue
		}
		marked++
		k := slices.Index(got[1].Categories, strconv.Itoa(p.Year))
		if at(got[1].Series[0].Marks, k) != p.Mark || at(got[1].Series[0].Flags, k) != p.Flag {
			t.Errorf("%d: workbook marks %q %q, picture %q %q", p.Year, at(got[1].Series[0].Marks, k), at(got[1].Series[0].Flags, k), p.Mark, p.Flag)
		}
	}
	if marked == 0 {
		t.Error("no marked full year in the default timeline: the test checks nothing")
	}
}
