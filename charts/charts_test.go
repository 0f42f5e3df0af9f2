package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	chart "github.com/wcharczuk/go-chart/v2"
)

// latin draws with go-chart's built-in Roboto so the goldens of Latin-only
// charts are the same on every machine, whatever fonts it has.
func latin(o Options) Options {
	o.font = builtinFont()
	if o.Width == 0 {
		o.Width, o.Height = 1000, 600
	}
	return o
}

func TestGoldens(t *testing.T) {
	oneCity := compare2024()
	oneCity.Title = "Chongqing alone"
	oneCity.Bars = oneCity.Bars[1:2]
	equal := compare2024()
	equal.Title, equal.Subtitle = "All equal", "Made-up values, all 2.54 million"
	for i := range equal.Bars {
		equal.Bars[i].Values = []float64{2.54}
	}
	oneYear := chongqingTimeline()
	oneYear.Title = "One year only"
	oneYear.Series[0].Points = oneYear.Series[0].Points[4:5]
	oneYear.Events, oneYear.Target = nil, nil
	empty := compare2024()
	empty.Bars = nil
	empty.Title = "Production by city"
	tests := []struct {
		name string
		spec Spec
		opts Options
	}{
		{"compare_light", compare2024(), Options{}},
		{"compare_dark", compare2024(), Options{Theme: Dark}},
		{"compare_grouped", compareGrouped(), Options{}},
		{"timeline_events", chongqingTimeline(), Options{}},
		{"timeline_cities", citiesTimeline(), Options{}},
		{"rank", chongqingRank(), Options{}},
		{"nodata", &empty, Options{}},
		{"all_equal", equal, Options{}},
		{"one_city", oneCity, Options{}},
		{"one_year", oneYear, Options{Theme: Dark}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Render(tt.spec, latin(tt.opts))
			if err != nil {
				t.Fatal(err)
			}
			assertGolden(t, tt.name, img)
		})
	}
}

func citiesTimeline() Timeline {
	tl := Timeline{
		Text: Text{
			Title:     "Three cities, 2019–2024",
			Subtitle:  "Vehicle production, million vehicles",
			ValueAxis: "Vehicles (million)",
			Footer:    "Source: municipal statistics bureaus",
			Decimals:  2,
		},
		Series: []Series{
			{City: "Chongqing", Points: []Point{{Year: 2019, Value: 1.383}, {Year: 2020, Value: 1.58}, {Year: 2022, Value: 2.0918}, {Year: 2023, Value: 2.32}, {Year: 2024, Value: 2.54}}},
			{City: "Shanghai", Points: []Point{{Year: 2019, Value: 2.75}, {Year: 2020, Value: 2.65}, {Year: 2021, Value: 2.83}, {Year: 2022, Value: 3.02}, {Year: 2023, Value: 2.16}, {Year: 2024, Value: 1.81}}},
			{City: "Hefei", Points: []Point{{Year: 2021, Value: 0.4}, {Year: 2022, Value: 0.75}, {Year: 2023, Value: 1.32}, {Year: 2024, Value: 1.9109}}},
		},
		Events: []Marker{{At: 2020.2, Label: "NEV subsidies extended"}, {At: 2022.5, Label: "Shanghai lockdown ends", Highlight: true}},
	}
	return tl
}

// cjkFont returns the system's CJK font, failing on CI (CI=true) when
// there is none and skipping elsewhere.
func cjkFont(t *testing.T) *loadedFont {
	t.Helper()
	lf := findFont("")
	if !lf.cjk {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no CJK-capable font found (tried %s and %q); Chinese city names would draw as boxes", EnvFont, fontCandidates())
		}
		t.Skip("no CJK-capable font on this machine")
	}
	return lf
}

func TestChineseCityNames(t *testing.T) {
	lf := cjkFont(t)
	for _, r := range "重庆广州深圳上海合肥" {
		if lf.font.Index(r) == 0 {
			t.Errorf("%s has no glyph for %q: it would draw as an empty box", lf.name, r)
		}
	}
	c := compare2024()
	c.Title, c.Subtitle = "重庆与广州并列", "汽车产量，2024年，百万辆"
	c.ValueAxis = "产量（百万辆）"
	c.Footer = "来源：各市统计局"
	c.Bars = []CompareBar{
		{City: "深圳", Values: []float64{2.9353}},
		{City: "重庆", Values: []float64{2.54}},
		{City: "广州", Values: []float64{2.54}},
		{City: "合肥", Values: []float64{1.9109}},
		{City: "上海", Values: []float64{1.81}},
	}
	img, err := Render(c, Options{Width: 1000, Height: 600})
	if err != nil {
		t.Fatal(err)
	}
	if Colors([]string{"重庆"}, Light)[0] != Colors([]string{"Chongqing"}, Light)[0] {
		t.Error("重庆 and Chongqing have different colours")
	}
	if lf.name != "WenQuanYi Micro Hei" {
		t.Skipf("golden was drawn with WenQuanYi Micro Hei, this machine uses %s", lf.name)
	}
	assertGolden(t, "compare_chinese", img)
}

func TestFontFallback(t *testing.T) {
	lf := findFont(filepath.Join(t.TempDir(), "missing.ttf"))
	if lf == nil || lf.font == nil {
		t.Fatal("no font at all")
	}
	if findFont("").name == "" {
		t.Error("the font found has no name")
	}
	bad := filepath.Join(t.TempDir(), "bad.ttf")
	os.WriteFile(bad, []byte("not a font"), 0o644)
	if lf := findFont(bad); lf == nil || lf.path == bad {
		t.Errorf("an unparsable font file was used: %+v", lf)
	}
	t.Setenv(EnvFont, bad)
	if _, err := Render(compare2024(), Options{Width: 400, Height: 300}); err != nil {
		t.Fatal(err)
	}
}

func TestFormatValue(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		d    int
		want string
	}{
		{2540000, 0, "2,540,000"}, {2.5353, 2, "2.54"}, {2.54, 2, "2.54"}, {999, 0, "999"},
		{1000, 0, "1,000"}, {-1234.5, 1, "-1,234.5"}, {-0.001, 2, "0.00"}, {0, 0, "0"},
		{1234567.891, 2, "1,234,567.89"}, {math.NaN(), 2, "n/a"},
	} {
		if got := FormatValue(tt.v, tt.d); got != tt.want {
			t.Errorf("FormatValue(%v, %d) = %q, want %q", tt.v, tt.d, got, tt.want)
		}
	}
}

func TestNiceScale(t *testing.T) {
	for _, tt := range []struct {
		lo, hi       float64
		n, dec       int
		min, max, st float64
	}{
		{0, 2.9353, 6, 2, 0, 3, 0.5},
		{0, 2540000, 6, 0, 0, 3000000, 500000},
		{0, 0, 5, 2, 0, 1, 0.2},
		{0, 3, 8, 0, 0, 3, 1}, // never finer than the decimals allow
		{-1.2, 3.1, 5, 1, -2, 4, 1},
	} {
		min, max, st, _ := niceScale(tt.lo, tt.hi, tt.n, tt.dec)
		if math.Abs(min-tt.min) > 1e-9 || math.Abs(max-tt.max) > 1e-9 || math.Abs(st-tt.st) > 1e-9 {
			t.Errorf("niceScale(%v, %v, %d, %d) = %v, %v, %v; want %v, %v, %v", tt.lo, tt.hi, tt.n, tt.dec, min, max, st, tt.min, tt.max, tt.st)
		}
	}
}

func TestRenderErrorsAndEdges(t *testing.T) {
	if _, err := Render(nil, latin(Options{})); !errors.Is(err, ErrNoSpec) {
		t.Errorf("no spec: err = %v", err)
	}
	if _, err := Render((*Compare)(nil), latin(Options{})); !errors.Is(err, ErrNoSpec) {
		t.Errorf("nil *Compare: err = %v", err)
	}
	if err := WriteSVG(io.Discard, (*Timeline)(nil), latin(Options{})); !errors.Is(err, ErrNoSpec) {
		t.Errorf("nil *Timeline as SVG: err = %v", err)
	}
	if _, err := Render(compare2024(), Options{Width: 0, Height: 600}); !errors.Is(err, ErrSize) {
		t.Errorf("zero width: err = %v", err)
	}
	// Edge cases draw, never fail.
	nan := compare2024()
	for i := range nan.Bars {
		nan.Bars[i].Values = []float64{math.NaN()}
	}
	zero := compare2024()
	for i := range zero.Bars {
		zero.Bars[i].Values = []float64{0}
	}
	for name, spec := range map[string]Spec{
		"all NaN": nan, "all zero": zero, "empty timeline": Timeline{}, "empty rank": &Rank{},
		"one point":   Timeline{Series: []Series{{City: "Hefei", Points: []Point{{Year: 2024, Value: 1.9}}}}},
		"only events": Timeline{Events: []Marker{{At: 2020, Label: "x"}}},
		"huge values": Compare{Bars: []CompareBar{{City: "A", Values: []float64{1e15}}, {City: "B", Values: []float64{-3e14}}}},
		"many cities": manyCities(30),
	} {
		for _, size := range [][2]int{{1000, 600}, {320, 200}, {1920, 1080}} {
			img, err := Render(spec, latin(Options{Width: size[0], Height: size[1]}))
			if err != nil || img.Bounds().Dx() != size[0] {
				t.Errorf("%s at %v: %v", name, size, err)
			}
		}
	}
}

func manyCities(n int) Compare {
	c := compare2024()
	c.Bars = nil
	for i := 0; i < n; i++ {
		c.Bars = append(c.Bars, CompareBar{City: "City number " + itoa(i), Values: []float64{float64(i) * 12345.678}})
	}
	return c
}

func TestScaleKeepsLayout(t *testing.T) {
	one, err := Render(chongqingTimeline(), latin(Options{Width: 500, Height: 300}))
	if err != nil {
		t.Fatal(err)
	}
	two, err := Render(chongqingTimeline(), latin(Options{Width: 500, Height: 300, Scale: 2}))
	if err != nil {
		t.Fatal(err)
	}
	if two.Bounds().Dx() != 1000 || two.Bounds().Dy() != 600 {
		t.Fatalf("scale 2 gave %v", two.Bounds())
	}
	// Downsampled, the scale-2 image matches the scale-1 one closely.
	differ := 0
	for y := 0; y < 300; y++ {
		for x := 0; x < 500; x++ {
			a := one.RGBAAt(x, y)
			var sum int
			for dy := 0; dy < 2; dy++ {
				for dx := 0; dx < 2; dx++ {
					sum += int(two.RGBAAt(2*x+dx, 2*y+dy).G)
				}
			}
			if d := int(a.G) - sum/4; d > 100 || d < -100 {
				differ++
			}
		}
	}
	if differ > 500*300/50 {
		t.Errorf("%d of %d pixels differ strongly between scale 1 and 2", differ, 500*300)
	}
}

func TestTransparent(t *testing.T) {
	img, err := Render(compare2024(), latin(Options{Transparent: true}))
	if err != nil {
		t.Fatal(err)
	}
	if a := img.RGBAAt(2, 2).A; a != 0 {
		t.Errorf("corner alpha %d, want 0", a)
	}
	opaque, _ := Render(compare2024(), latin(Options{}))
	if a := opaque.RGBAAt(2, 2).A; a != 255 {
		t.Errorf("corner alpha %d, want 255", a)
	}
}

func TestSVG(t *testing.T) {
	tl := chongqingTimeline()
	tl.Title = `Output <&> "quoted"`
	for name, spec := range map[string]Spec{"timeline": tl, "compare": compareGrouped(), "rank": chongqingRank(), "nodata": Timeline{}} {
		var b bytes.Buffer
		if err := WriteSVG(&b, spec, Options{Width: 1000, Height: 600}); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: SVG is not well-formed XML: %v", name, err)
			}
		}
		s := b.String()
		if !strings.Contains(s, "Microsoft YaHei") || !strings.Contains(s, "<text") {
			t.Errorf("%s: no text or font list", name)
		}
	}
}

func TestWriteByExtension(t *testing.T) {
	for _, name := range []string{"c.png", "C.PNG", "c.svg", "c.SVG"} {
		var b bytes.Buffer
		if err := Write(&b, name, compare2024(), latin(Options{})); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		isPNG := bytes.HasPrefix(b.Bytes(), []byte("\x89PNG"))
		if want := strings.EqualFold(filepath.Ext(name), ".png"); isPNG != want {
			t.Errorf("%s: PNG %v, want %v", name, isPNG, want)
		}
		if !isPNG && !bytes.Contains(b.Bytes(), []byte("<svg")) {
			t.Errorf("%s: neither PNG nor SVG", name)
		}
	}
	if err := Write(io.Discard, "c.jpg", compare2024(), latin(Options{})); !errors.Is(err, ErrFormat) {
		t.Errorf(".jpg: err = %v", err)
	}
}

func TestEventLanes(t *testing.T) {
	f, _ := newFrame(latin(Options{}))
	tl := chongqingTimeline()
	// Wide chart: the four events need numbering at 1000 px (three rows).
	s := lineSpec{text: tl.Text, series: tl.Series, events: tl.Events, target: tl.Target}
	e := s.extent()
	lo, hi := s.yearRange(e)
	xr := tickRange{ContinuousRange: &chart.ContinuousRange{Min: lo, Max: hi}}
	_ = xr
	ev := f.placeEvents(tl.Events, tickRange{ContinuousRange: &chart.ContinuousRange{Min: lo, Max: hi}}, chart.Box{Left: 60, Top: 120, Right: 960, Bottom: 520})
	if !ev.numbered || len(ev.key) != 4 {
		t.Fatalf("numbered=%v key=%d, want numbered with 4 key entries", ev.numbered, len(ev.key))
	}
	if ev.key[0].text != "Jan 2019  Auto upgrade guidance" || !ev.key[1].highlight {
		t.Errorf("key = %+v", ev.key)
	}
	// Two far-apart events get labels in one row.
	ev = f.placeEvents(tl.Events[:2], tickRange{ContinuousRange: &chart.ContinuousRange{Min: lo, Max: hi}}, chart.Box{Left: 60, Top: 120, Right: 960, Bottom: 520})
	if ev.numbered || ev.lanes != 1 {
		t.Errorf("two events: numbered=%v lanes=%d", ev.numbered, ev.lanes)
	}
}

func TestWords(t *testing.T) {
	zh := Words{NoData: "无%s数据", AsStated: "据来源所述", Rank: "全国排名", Target: "目标 %s",
		Months: [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}, MonthYear: "%[2]d年%[1]s"}
	f, err := newFrame(latin(Options{Words: zh}))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.eventDate(2025.58); got != "2025年7月" {
		t.Errorf("eventDate = %q", got)
	}
	if got := (Words{}).withDefaults(); got.NoData != "No data for %s" || got.Months[11] != "Dec" {
		t.Errorf("defaults = %+v", got)
	}
	if _, err := Render(Rank{}, latin(Options{Words: zh})); err != nil {
		t.Fatal(err)
	}
}
