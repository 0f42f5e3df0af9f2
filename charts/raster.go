package charts

import (
	"image"
	"image/color"
	"io"
	"math"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/draw"
)

// rasterRenderer is go-chart's Renderer drawing straight into an
// *image.RGBA, so the screen gets pixels without a PNG round trip. go-chart
// lays out in layout pixels; the renderer scales everything by scale
// (Options.Scale times the size factor), so a bigger scale gives more
// pixels with the same layout. Flat axis-aligned rectangles and lines
// (background, bars, grid lines) are filled with draw.Draw instead of
// going through the path rasterizer, which costs most of a stock render.
type rasterRenderer struct {
	img   *image.RGBA
	gc    *drawing.RasterGraphicContext
	scale float64
	fm    *fontMetrics

	s    chart.Style
	halo drawing.Color // outline drawn under text, if visible
	rot  *float64
	path []pathOp // the current path, in layout pixels
	pure bool     // the path has only MoveTo/LineTo/Close
}

type pathOp struct {
	x, y float64
	move bool
}

var _ chart.Renderer = (*rasterRenderer)(nil)

func newRasterRenderer(img *image.RGBA, scale float64, f *truetype.Font) *rasterRenderer {
	gc, _ := drawing.NewRasterGraphicContext(img) // never fails for *image.RGBA
	gc.SetDPI(72)
	rr := &rasterRenderer{img: img, gc: gc, scale: scale, fm: metricsFor(f), pure: true}
	rr.s.Font = f
	gc.SetMatrixTransform(rr.base())
	return rr
}

func (rr *rasterRenderer) base() drawing.Matrix { return drawing.NewScaleMatrix(rr.scale, rr.scale) }

func (rr *rasterRenderer) setHalo(c drawing.Color) { rr.halo = c }

func (rr *rasterRenderer) ResetStyle() {
	rr.s = chart.Style{Font: rr.s.Font}
	rr.ClearTextRotation()
}

func (rr *rasterRenderer) GetDPI() float64     { return 72 }
func (rr *rasterRenderer) SetDPI(float64)      {} // layout is in pixels at 72 dpi: 1 pt = 1 px
func (rr *rasterRenderer) SetClassName(string) {}

func (rr *rasterRenderer) SetStrokeColor(c drawing.Color)    { rr.s.StrokeColor = c }
func (rr *rasterRenderer) SetFillColor(c drawing.Color)      { rr.s.FillColor = c }
func (rr *rasterRenderer) SetStrokeWidth(w float64)          { rr.s.StrokeWidth = w }
func (rr *rasterRenderer) SetStrokeDashArray(dash []float64) { rr.s.StrokeDashArray = dash }
func (rr *rasterRenderer) SetFont(f *truetype.Font)          { rr.s.Font = f }
func (rr *rasterRenderer) SetFontColor(c drawing.Color)      { rr.s.FontColor = c }
func (rr *rasterRenderer) SetFontSize(size float64)          { rr.s.FontSize = size }
func (rr *rasterRenderer) SetTextRotation(radians float64)   { rr.rot = &radians }
func (rr *rasterRenderer) ClearTextRotation()                { rr.rot = nil }
func (rr *rasterRenderer) MeasureText(body string) chart.Box {
	return rr.metrics().box(body, rr.s.FontSize, rr.rot)
}
func (rr *rasterRenderer) Save(w io.Writer) error {
	if c, ok := w.(chart.RGBACollector); ok {
		c.SetRGBA(rr.img)
	}
	return nil
}

func (rr *rasterRenderer) metrics() *fontMetrics {
	if rr.s.Font != nil && rr.s.Font != rr.fm.f {
		return metricsFor(rr.s.Font)
	}
	return rr.fm
}

func (rr *rasterRenderer) MoveTo(x, y int) { rr.moveToF(float64(x), float64(y)) }
func (rr *rasterRenderer) LineTo(x, y int) { rr.lineToF(float64(x), float64(y)) }

func (rr *rasterRenderer) moveToF(x, y float64) {
	rr.path = append(rr.path, pathOp{x, y, true})
	rr.gc.MoveTo(x, y)
}

func (rr *rasterRenderer) lineToF(x, y float64) {
	rr.path = append(rr.path, pathOp{x, y, false})
	rr.gc.LineTo(x, y)
}

func (rr *rasterRenderer) QuadCurveTo(cx, cy, x, y int) {
	rr.pure = false
	rr.gc.QuadCurveTo(float64(cx), float64(cy), float64(x), float64(y))
}

func (rr *rasterRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	rr.pure = false
	rr.gc.ArcTo(float64(cx), float64(cy), rx, ry, startAngle, delta)
}

func (rr *rasterRenderer) Close() {
	if len(rr.path) > 0 {
		first := rr.path[0]
		rr.path = append(rr.path, pathOp{first.x, first.y, false})
	}
	rr.gc.Close()
}

// Circle adds a full circle to the path (go-chart's raster renderer uses
// four quadratic curves, visibly not round at the sizes of our dots).
func (rr *rasterRenderer) Circle(radius float64, x, y int) {
	rr.circleF(radius, float64(x), float64(y))
}

func (rr *rasterRenderer) circleF(radius, x, y float64) {
	rr.pure = false
	rr.gc.MoveTo(x+radius, y)
	rr.gc.ArcTo(x, y, radius, radius, 0, 2*math.Pi)
	rr.gc.Close()
}

func (rr *rasterRenderer) endPath() {
	rr.path = rr.path[:0]
	rr.pure = true
	rr.gc.BeginPath()
}

func (rr *rasterRenderer) Stroke() {
	if visible(rr.s.StrokeColor) && rr.s.StrokeWidth > 0 && !rr.fastStroke() {
		rr.strokePath()
	}
	rr.endPath()
}

func (rr *rasterRenderer) Fill() {
	if visible(rr.s.FillColor) && !rr.fastFill() {
		rr.gc.SetFillColor(rr.s.FillColor)
		rr.gc.Fill()
	}
	rr.endPath()
}

func (rr *rasterRenderer) FillStroke() {
	fill := visible(rr.s.FillColor)
	stroke := visible(rr.s.StrokeColor) && rr.s.StrokeWidth > 0
	if fill && rr.fastFill() {
		fill = false
	}
	if stroke && rr.fastStroke() {
		stroke = false
	}
	switch {
	case fill && stroke:
		rr.gc.SetFillColor(rr.s.FillColor)
		rr.gc.SetStrokeColor(rr.s.StrokeColor)
		rr.gc.SetLineWidth(rr.s.StrokeWidth)
		rr.gc.SetLineDash(rr.s.StrokeDashArray, 0)
		rr.gc.FillStroke()
	case fill:
		rr.gc.SetFillColor(rr.s.FillColor)
		rr.gc.Fill()
	case stroke:
		rr.strokePath()
	}
	rr.endPath()
}

func (rr *rasterRenderer) strokePath() {
	rr.gc.SetStrokeColor(rr.s.StrokeColor)
	rr.gc.SetLineWidth(rr.s.StrokeWidth)
	rr.gc.SetLineDash(rr.s.StrokeDashArray, 0)
	rr.gc.Stroke()
}

func visible(c drawing.Color) bool { return c.A != 0 }

// rect returns the bounds of the path if it is an axis-aligned rectangle
// made of straight lines.
func (rr *rasterRenderer) rect() (x0, y0, x1, y1 float64, ok bool) {
	p := rr.path
	if !rr.pure || len(p) < 4 || len(p) > 5 || !p[0].move {
		return
	}
	if len(p) == 5 && (p[4].x != p[0].x || p[4].y != p[0].y) {
		return
	}
	for i := 1; i < 4; i++ {
		a, b := p[i-1], p[i]
		if b.move || (a.x != b.x && a.y != b.y) {
			return
		}
	}
	if (p[3].x != p[0].x && p[3].y != p[0].y) || (p[0].x == p[1].x) == (p[1].x == p[2].x) {
		return
	}
	x0, x1 = math.Min(p[0].x, p[2].x), math.Max(p[0].x, p[2].x)
	y0, y1 = math.Min(p[0].y, p[2].y), math.Max(p[0].y, p[2].y)
	return x0, y0, x1, y1, true
}

func (rr *rasterRenderer) fastFill() bool {
	x0, y0, x1, y1, ok := rr.rect()
	if !ok {
		return false
	}
	s := rr.scale
	rr.fillPixels(image.Rect(iround(x0*s), iround(y0*s), iround(x1*s), iround(y1*s)), rr.s.FillColor)
	return true
}

// fastStroke draws a single horizontal or vertical segment, dashed or not,
// as pixel-aligned rectangles: crisp one-pixel grid lines instead of the
// rasterizer's two half-tone rows.
func (rr *rasterRenderer) fastStroke() bool {
	p := rr.path
	if !rr.pure || len(p) != 2 || !p[0].move || (p[0].x != p[1].x && p[0].y != p[1].y) {
		return false
	}
	s := rr.scale
	w := math.Max(1, math.Round(rr.s.StrokeWidth*s))
	horizontal := p[0].y == p[1].y
	from, to := p[0].x*s, p[1].x*s
	across := p[0].y * s
	if !horizontal {
		from, to, across = p[0].y*s, p[1].y*s, p[0].x*s
	}
	if from > to {
		from, to = to, from
	}
	lo := int(math.Floor(across - w/2 + 0.5))
	seg := func(a, b float64) {
		r := image.Rect(iround(a), lo, iround(b), lo+int(w))
		if !horizontal {
			r = image.Rect(lo, iround(a), lo+int(w), iround(b))
		}
		rr.fillPixels(r, rr.s.StrokeColor)
	}
	dash := rr.s.StrokeDashArray
	if len(dash) == 0 {
		seg(from, to)
		return true
	}
	on, i := true, 0
	for pos := from; pos < to; i = (i + 1) % len(dash) {
		l := math.Max(dash[i]*s, 1)
		if on {
			seg(pos, math.Min(pos+l, to))
		}
		pos += l
		on = !on
	}
	return true
}

func (rr *rasterRenderer) fillPixels(r image.Rectangle, c drawing.Color) {
	op := draw.Over
	if c.A == 255 {
		op = draw.Src
	}
	draw.Draw(rr.img, r, image.NewUniform(color.Color(c)), image.Point{}, op)
}

func iround(v float64) int { return int(math.Floor(v + 0.5)) }

// Text draws body with its baseline's left end at x, y (layout pixels).
func (rr *rasterRenderer) Text(body string, x, y int) {
	rr.textF(body, float64(x), float64(y), "")
}

// textF draws text; anchor is "", "middle" or "end" (unrotated text only).
func (rr *rasterRenderer) textF(body string, x, y float64, anchor string) {
	if body == "" || !visible(rr.s.FontColor) || rr.s.Font == nil {
		return
	}
	switch anchor {
	case "middle":
		x -= rr.metrics().width(body, rr.s.FontSize) / 2
	case "end":
		x -= rr.metrics().width(body, rr.s.FontSize)
	}
	rr.gc.BeginPath()
	rr.gc.SetFont(rr.s.Font)
	// drawing's raster context takes ppem = size·dpi/64 (26.6 fixed point).
	rr.gc.SetFontSize(rr.s.FontSize * 64 / 72)
	rr.gc.SetFillColor(rr.s.FontColor)
	if rr.rot != nil {
		m := rr.base()
		m.Translate(x, y)
		m.Rotate(*rr.rot)
		rr.gc.SetMatrixTransform(m)
		x, y = 0, 0
	}
	if visible(rr.halo) {
		_, _ = rr.gc.CreateStringPath(body, x, y)
		rr.gc.SetStrokeColor(rr.halo)
		rr.gc.SetLineWidth(3)
		rr.gc.SetLineDash(nil, 0)
		rr.gc.Stroke()
	}
	_, _ = rr.gc.CreateStringPath(body, x, y)
	rr.gc.Fill()
	if rr.rot != nil {
		rr.gc.SetMatrixTransform(rr.base())
	}
	rr.endPath()
}
