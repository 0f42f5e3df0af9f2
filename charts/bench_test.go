package charts

import (
	"bytes"
	"image/png"
	"io"
	"testing"

	chart "github.com/wcharczuk/go-chart/v2"
)

// benchTimeline is a busy screen chart: 6 cities × 12 years, 5 events.
func benchTimeline() Timeline {
	cities := []string{"Chongqing", "Shenzhen", "Guangzhou", "Shanghai", "Hefei", "Xi'an"}
	var tl Timeline
	tl.Text = Text{
		Title: "Six car-making cities, 2014–2025", Subtitle: "Vehicle production, million vehicles",
		ValueAxis: "Vehicles (million)", Footer: "Source: municipal statistics bureaus", Decimals: 2,
	}
	for i, c := range cities {
		s := Series{City: c}
		for y := 2014; y <= 2025; y++ {
			v := 0.5 + float64(i)*0.3 + float64(y-2014)*0.12 + float64((y*7+i*3)%5)*0.05
			s.Points = append(s.Points, Point{Year: y, Value: v, Partial: y == 2025, Label: map[bool]string{true: "Jan–Nov"}[y == 2025]})
		}
		tl.Series = append(tl.Series, s)
	}
	tl.Events = []Marker{
		{At: 2015.5, Label: "Made in China 2025"}, {At: 2017.3, Label: "NEV credits"},
		{At: 2019.04, Label: "Auto upgrade guidance"}, {At: 2022.5, Label: "Lockdown ends"},
		{At: 2025.58, Label: "Changan Group HQ in Chongqing", Highlight: true},
	}
	tl.Target = &TargetLine{Year: 2025, Value: 2.6, Label: "Target 2.6"}
	return tl
}

// stockTimeline is the same chart drawn the stock go-chart way.
func stockTimeline() chart.Chart {
	tl := benchTimeline()
	c := chart.Chart{
		Title: tl.Title, Width: 1000, Height: 600,
		Background: chart.Style{Padding: chart.Box{Top: 60, Left: 20, Right: 20, Bottom: 20}},
		YAxis: chart.YAxis{Name: tl.ValueAxis, Range: &chart.ContinuousRange{Min: 0, Max: 3.5},
			GridMajorStyle: chart.Style{StrokeColor: chart.ColorAlternateGray, StrokeWidth: 1}},
		XAxis: chart.XAxis{Name: "Year"},
	}
	colors := Colors((&lineSpec{series: tl.Series}).regions(), Light)
	for i, s := range tl.Series {
		var xs, ys []float64
		for _, p := range s.Points {
			xs, ys = append(xs, float64(p.Year)), append(ys, p.Value)
		}
		col := dcolor(colors[i])
		c.Series = append(c.Series, chart.ContinuousSeries{Name: s.City, XValues: xs, YValues: ys,
			Style: chart.Style{StrokeColor: col, StrokeWidth: 2.5, DotColor: col, DotWidth: 3.5}})
	}
	var lines []chart.GridLine
	for _, e := range tl.Events {
		lines = append(lines, chart.GridLine{Value: e.At})
	}
	c.XAxis.GridLines = lines
	c.XAxis.GridMajorStyle = chart.Style{StrokeColor: chart.ColorBlack, StrokeWidth: 1, StrokeDashArray: []float64{3, 3}}
	c.Elements = []chart.Renderable{chart.Legend(&c)}
	return c
}

func BenchmarkRenderScreen(b *testing.B) {
	tl := benchTimeline()
	opts := Options{Width: 1000, Height: 600}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(&tl, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderStockPNG(b *testing.B) {
	c := stockTimeline()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := c.Render(chart.PNG, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportPNG1080p(b *testing.B) {
	tl := benchTimeline()
	opts := Options{Width: 1920, Height: 1080}
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePNG(io.Discard, &tl, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportPNG1080pStockEncoder is the baseline for the one above:
// the same picture through image/png at BestSpeed, as exports were written
// before EncodePNG.
func BenchmarkExportPNG1080pStockEncoder(b *testing.B) {
	tl := benchTimeline()
	opts := Options{Width: 1920, Height: 1080}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	b.ReportAllocs()
	for b.Loop() {
		img, err := Render(&tl, opts)
		if err != nil {
			b.Fatal(err)
		}
		if err := enc.Encode(io.Discard, img); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportSVG(b *testing.B) {
	tl := benchTimeline()
	opts := Options{Width: 1920, Height: 1080}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteSVG(io.Discard, &tl, opts); err != nil {
			b.Fatal(err)
		}
	}
}
