package charts

import (
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"golang.org/x/image/draw"
)

// Errors returned by Render, WritePNG, WriteSVG and Write. Data problems
// are never errors: they draw a "No data for …" picture.
var (
	ErrNoSpec = errors.New("charts: no chart to draw")
	ErrSize   = errors.New("charts: width and height must be between 16 and 16384 pixels")
	ErrFormat = errors.New("charts: file name must end in .png or .svg")
)

// maxPixels caps one side of the image (a mistaken size must not take
// gigabytes).
const maxPixels = 16384

// newFrame works out sizes, font and colours. The layout is made for
// about 1000×600 layout pixels: a chart of another size gets a size
// factor u (the square root of its area ratio, kept within 0.8–1.8) so
// its text and strokes stay in proportion; Options.Scale multiplies the
// pixels on top without changing the layout.
func newFrame(opts Options) (*frame, error) {
	s := opts.Scale
	if s <= 0 || math.IsNaN(s) || math.IsInf(s, 0) {
		s = 1
	}
	pxW, pxH := int(math.Round(float64(opts.Width)*s)), int(math.Round(float64(opts.Height)*s))
	if opts.Width < 16 || opts.Height < 16 || pxW > maxPixels || pxH > maxPixels {
		return nil, fmt.Errorf("%w (got %d×%d at scale %g)", ErrSize, opts.Width, opts.Height, s)
	}
	u := math.Sqrt(float64(opts.Width) * float64(opts.Height) / (1000 * 600))
	u = math.Max(0.8, math.Min(1.8, u))
	if opts.unit > 0 {
		u = opts.unit
	}
	lf := opts.font
	if lf == nil {
		lf = findFont(opts.FontPath)
	}
	f := &frame{
		words: opts.Words.withDefaults(),
		W:     math.Round(float64(opts.Width) / u), H: math.Round(float64(opts.Height) / u),
		pxW: pxW, pxH: pxH, scale: s * u,
		theme: opts.Theme, transparent: opts.Transparent, trace: opts.trace,
		lf: lf, fm: metricsFor(lf.font),
		bg: dcolor(Background(opts.Theme)), text: dcolor(TextColor(opts.Theme)),
		muted: dcolor(MutedTextColor(opts.Theme)), grid: dcolor(GridColor(opts.Theme)),
		axis: dcolor(axisColor(opts.Theme)),
	}
	return f, nil
}

// Render draws a chart into a new image of Width×Height×Scale pixels.
func Render(spec Spec, opts Options) (*image.RGBA, error) {
	if isNil(spec) {
		return nil, ErrNoSpec
	}
	f, err := newFrame(opts)
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, f.pxW, f.pxH))
	if !f.transparent {
		draw.Draw(img, img.Bounds(), image.NewUniform(Background(f.theme)), image.Point{}, draw.Src)
	}
	if err := spec.draw(f, newRasterRenderer(img, f.scale, f.lf.font)); err != nil {
		return nil, err
	}
	return img, nil
}

// isNil reports a missing chart: no spec, or a nil *Compare, *Timeline or
// *Rank.
func isNil(spec Spec) bool {
	if spec == nil {
		return true
	}
	v := reflect.ValueOf(spec)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// WritePNG renders spec and writes it as PNG (EncodePNG: one row filter
// and fast compression).
func WritePNG(w io.Writer, spec Spec, opts Options) error {
	img, err := Render(spec, opts)
	if err != nil {
		return err
	}
	return EncodePNG(w, img)
}

// WriteSVG renders spec as SVG: the same layout as the PNG, with text kept
// as text in a CJK-capable font list.
func WriteSVG(w io.Writer, spec Spec, opts Options) error {
	if isNil(spec) {
		return ErrNoSpec
	}
	f, err := newFrame(opts)
	if err != nil {
		return err
	}
	vr := newSVGRenderer(int(f.W), int(f.H), f.pxW, f.pxH, f.lf.font)
	if !f.transparent {
		fillRect(vr, 0, 0, f.W, f.H, f.bg)
	}
	if err := spec.draw(f, vr); err != nil {
		return err
	}
	return vr.finish(w)
}

// Write renders spec as PNG or SVG, chosen by a file name's extension.
func Write(w io.Writer, name string, spec Spec, opts Options) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".png":
		return WritePNG(w, spec, opts)
	case ".svg":
		return WriteSVG(w, spec, opts)
	}
	return fmt.Errorf("%w: %s", ErrFormat, filepath.Base(name))
}

// tickRange is a continuous range that brings its own ticks, so go-chart
// keeps our bounds (it resets them to the tick extremes when ticks are
// set on the axis).
type tickRange struct {
	*chart.ContinuousRange
	ticks []chart.Tick
}

func (t tickRange) GetTicks(chart.Renderer, chart.Style, chart.ValueFormatter) []chart.Tick {
	return t.ticks
}

// fx and fy map values to layout pixels in float, for our own drawing.
func fx(xr tickRange, box chart.Box, v float64) float64 {
	return float64(box.Left) + (v-xr.Min)/(xr.Max-xr.Min)*float64(box.Width())
}

func fy(yr tickRange, box chart.Box, v float64) float64 {
	t := (v - yr.Min) / (yr.Max - yr.Min) * float64(box.Height())
	if yr.Descending {
		return float64(box.Top) + t
	}
	return float64(box.Bottom) - t
}

// plotBox is the plot area go-chart will use for c: its own two-pass
// layout (Chart.Render's getAxesAdjustedCanvasBox), redone with its
// exported pieces so that we know the plot area before drawing.
func plotBox(c *chart.Chart, r chart.Renderer) chart.Box {
	bounds := c.Box()
	box := bounds
	defaults := chart.Style{Font: c.Font, FontSize: sizeTick}
	for pass := 0; pass < 2; pass++ {
		c.XAxis.Range.SetDomain(box.Width())
		c.YAxisSecondary.Range.SetDomain(box.Height())
		outer := box.Clone()
		if !c.XAxis.Style.Hidden {
			xt := c.XAxis.GetTicks(r, c.XAxis.Range, defaults, nil)
			outer = outer.Grow(c.XAxis.Measure(r, box, c.XAxis.Range, defaults, xt))
		}
		yt := c.YAxisSecondary.GetTicks(r, c.YAxisSecondary.Range, defaults, nil)
		outer = outer.Grow(c.YAxisSecondary.Measure(r, box, c.YAxisSecondary.Range, defaults, yt))
		box = box.OuterConstrain(bounds, outer)
	}
	c.XAxis.Range.SetDomain(box.Width())
	c.YAxisSecondary.Range.SetDomain(box.Height())
	return box
}

// plotSeries is a go-chart series that runs our drawing with the final
// plot area and ranges.
type plotSeries struct {
	render func(r surface, box chart.Box)
}

func (s plotSeries) GetName() string           { return "" }
func (s plotSeries) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (s plotSeries) GetStyle() chart.Style     { return chart.Style{} }
func (s plotSeries) Validate() error           { return nil }
func (s plotSeries) Render(r chart.Renderer, box chart.Box, _, _ chart.Range, _ chart.Style) {
	s.render(r.(surface), box)
}

// baseChart is the go-chart Chart every plot shares: value axis on the
// left (go-chart's secondary axis) with grid lines, no background of its
// own (Render fills it), our font and colours.
func (f *frame) baseChart(xr, yr tickRange, font *truetype.Font) chart.Chart {
	invisible := chart.Style{StrokeColor: f.bg.WithAlpha(0), FillColor: f.bg.WithAlpha(0)}
	tick := chart.Style{Font: font, FontSize: sizeTick, FontColor: f.muted, StrokeColor: f.axis, StrokeWidth: 1}
	grid := make([]chart.GridLine, 0, len(yr.ticks))
	for _, t := range yr.ticks {
		grid = append(grid, chart.GridLine{Value: t.Value})
	}
	yStyle := tick
	yStyle.StrokeColor = f.bg.WithAlpha(0) // no vertical axis line or tick marks
	return chart.Chart{
		Width: int(f.W), Height: int(f.H), DPI: 72, Font: font,
		Background: invisible, Canvas: invisible,
		XAxis: chart.XAxis{Style: tick, Range: xr},
		YAxis: chart.YAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: 0, Max: 1}},
		YAxisSecondary: chart.YAxis{
			AxisType: chart.YAxisSecondary, Style: yStyle, Range: yr, GridLines: grid,
			GridMajorStyle: chart.Style{StrokeColor: f.grid, StrokeWidth: 1},
			Zero:           chart.GridLine{Style: chart.Hidden()},
		},
	}
}

// padding sets the chart's outer box: everything between top and bottom
// (layout pixels) is plot area and axes.
func (f *frame) padding(c *chart.Chart, top, bottom float64) {
	c.Background.Padding = chart.Box{
		Top: int(math.Ceil(top)), Left: int(margin), Right: int(margin),
		Bottom: int(math.Max(1, math.Ceil(f.H-bottom))),
	}
}

// renderChart draws c with r (go-chart asks a provider for its renderer).
func renderChart(c chart.Chart, r surface) error {
	return c.Render(func(int, int) (chart.Renderer, error) { return r, nil }, io.Discard)
}

func (w Words) withDefaults() Words {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&w.NoData, "No data for %s")
	def(&w.NoDataAtAll, "No data")
	def(&w.NotAvailable, "n/a")
	def(&w.AsStated, AsStated)
	def(&w.Rank, "National rank")
	def(&w.Target, "Target %s")
	def(&w.MonthYear, "%[1]s %[2]d")
	def(&w.Lighter, "%s (lighter)")
	def(&w.Darker, "%s (darker)")
	def(&w.SourcesInNotes, "(all sources in the notes)")
	for i := range w.Months {
		def(&w.Months[i], monthNames[i])
	}
	return w
}
