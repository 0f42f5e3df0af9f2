package charts

import (
	"bytes"
	"io"
	"math"
	"strconv"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// svgFontFamily lists fonts that have Chinese and Latin, so the text stays
// readable in browsers, PowerPoint and Inkscape on any system.
const svgFontFamily = `'WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC','Noto Sans CJK SC',SimHei,sans-serif`

// svgRenderer is go-chart's Renderer writing SVG. Unlike go-chart's own it
// escapes text, names CJK-capable fonts, draws rectangles as <rect>, and
// measures text with the shared cached metrics instead of building a new
// font face for every measurement (go-chart's costs ~100 MB per chart).
type svgRenderer struct {
	b      bytes.Buffer
	fm     *fontMetrics
	s      chart.Style
	halo   drawing.Color
	rot    *float64
	path   []byte // the "d" attribute being built
	rectOK bool
	pts    []pathOp
}

var _ chart.Renderer = (*svgRenderer)(nil)

func newSVGRenderer(layoutW, layoutH, pixelW, pixelH int, f *truetype.Font) *svgRenderer {
	vr := &svgRenderer{fm: metricsFor(f), rectOK: true}
	vr.s.Font = f
	vr.b.Grow(64 << 10)
	b := &vr.b
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="`)
	b.WriteString(strconv.Itoa(pixelW))
	b.WriteString(`" height="`)
	b.WriteString(strconv.Itoa(pixelH))
	b.WriteString(`" viewBox="0 0 `)
	b.WriteString(strconv.Itoa(layoutW) + " " + strconv.Itoa(layoutH))
	b.WriteString(`" font-family="` + svgFontFamily + `">` + "\n")
	return vr
}

func (vr *svgRenderer) setHalo(c drawing.Color) { vr.halo = c }

func (vr *svgRenderer) ResetStyle() {
	vr.s = chart.Style{Font: vr.s.Font}
	vr.rot = nil
}

func (vr *svgRenderer) GetDPI() float64                   { return 72 }
func (vr *svgRenderer) SetDPI(float64)                    {}
func (vr *svgRenderer) SetClassName(string)               {}
func (vr *svgRenderer) SetStrokeColor(c drawing.Color)    { vr.s.StrokeColor = c }
func (vr *svgRenderer) SetFillColor(c drawing.Color)      { vr.s.FillColor = c }
func (vr *svgRenderer) SetStrokeWidth(w float64)          { vr.s.StrokeWidth = w }
func (vr *svgRenderer) SetStrokeDashArray(dash []float64) { vr.s.StrokeDashArray = dash }
func (vr *svgRenderer) SetFont(f *truetype.Font)          { vr.s.Font = f }
func (vr *svgRenderer) SetFontColor(c drawing.Color)      { vr.s.FontColor = c }
func (vr *svgRenderer) SetFontSize(size float64)          { vr.s.FontSize = size }
func (vr *svgRenderer) SetTextRotation(radians float64)   { vr.rot = &radians }
func (vr *svgRenderer) ClearTextRotation()                { vr.rot = nil }
func (vr *svgRenderer) MeasureText(body string) chart.Box {
	return vr.metrics().box(body, vr.s.FontSize, vr.rot)
}

func (vr *svgRenderer) metrics() *fontMetrics {
	if vr.s.Font != nil && vr.s.Font != vr.fm.f {
		return metricsFor(vr.s.Font)
	}
	return vr.fm
}

// Save is go-chart's end of drawing; the document is written by finish
// once everything around the plot is drawn too.
func (vr *svgRenderer) Save(io.Writer) error { return nil }

func (vr *svgRenderer) finish(w io.Writer) error {
	vr.b.WriteString("</svg>\n")
	_, err := w.Write(vr.b.Bytes())
	return err
}

func (vr *svgRenderer) cmd(c byte, vals ...float64) {
	if len(vr.path) > 0 {
		vr.path = append(vr.path, ' ')
	}
	vr.path = append(vr.path, c)
	for _, v := range vals {
		vr.path = append(vr.path, ' ')
		vr.path = appendNum(vr.path, v)
	}
}

func (vr *svgRenderer) MoveTo(x, y int) { vr.moveToF(float64(x), float64(y)) }
func (vr *svgRenderer) LineTo(x, y int) { vr.lineToF(float64(x), float64(y)) }

func (vr *svgRenderer) moveToF(x, y float64) {
	vr.pts = append(vr.pts, pathOp{x, y, true})
	vr.cmd('M', x, y)
}

func (vr *svgRenderer) lineToF(x, y float64) {
	vr.pts = append(vr.pts, pathOp{x, y, false})
	vr.cmd('L', x, y)
}

func (vr *svgRenderer) QuadCurveTo(cx, cy, x, y int) {
	vr.rectOK = false
	vr.cmd('Q', float64(cx), float64(cy), float64(x), float64(y))
}

// ArcTo follows drawing.Path's convention (angles from the x axis,
// clockwise on screen) rather than go-chart's SVG renderer, which rounds
// the end points to whole pixels.
func (vr *svgRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	vr.rectOK = false
	fx, fy := float64(cx), float64(cy)
	sx, sy := fx+math.Cos(startAngle)*rx, fy+math.Sin(startAngle)*ry
	if len(vr.path) == 0 {
		vr.cmd('M', sx, sy)
	} else {
		vr.cmd('L', sx, sy)
	}
	vr.arc(fx, fy, rx, ry, startAngle, delta)
}

func (vr *svgRenderer) arc(cx, cy, rx, ry, start, delta float64) {
	if math.Abs(delta) >= 2*math.Pi-1e-9 { // SVG cannot draw a full turn in one arc
		half := math.Copysign(math.Pi, delta)
		vr.arc(cx, cy, rx, ry, start, half)
		vr.arc(cx, cy, rx, ry, start+half, delta-half)
		return
	}
	end := start + delta
	large, sweep := 0.0, 1.0
	if math.Abs(delta) > math.Pi {
		large = 1
	}
	if delta < 0 {
		sweep = 0
	}
	vr.cmd('A', rx, ry, 0, large, sweep, cx+math.Cos(end)*rx, cy+math.Sin(end)*ry)
}

func (vr *svgRenderer) Close() {
	vr.cmd('Z')
	if len(vr.pts) > 0 {
		vr.pts = append(vr.pts, pathOp{vr.pts[0].x, vr.pts[0].y, false})
	}
}

func (vr *svgRenderer) Circle(radius float64, x, y int) {
	vr.circleF(radius, float64(x), float64(y))
}

func (vr *svgRenderer) circleF(radius, x, y float64) {
	vr.rectOK = false
	vr.cmd('M', x+radius, y)
	vr.arc(x, y, radius, radius, 0, 2*math.Pi)
	vr.cmd('Z')
}

func (vr *svgRenderer) Stroke()     { vr.emit(false, true) }
func (vr *svgRenderer) Fill()       { vr.emit(true, false) }
func (vr *svgRenderer) FillStroke() { vr.emit(true, true) }

func (vr *svgRenderer) emit(fill, stroke bool) {
	fill = fill && visible(vr.s.FillColor)
	stroke = stroke && visible(vr.s.StrokeColor) && vr.s.StrokeWidth > 0
	if (fill || stroke) && len(vr.path) > 0 {
		b := &vr.b
		if x0, y0, x1, y1, ok := vr.rect(); ok && !stroke {
			b.WriteString(`<rect x="`)
			b.Write(appendNum(nil, x0))
			b.WriteString(`" y="`)
			b.Write(appendNum(nil, y0))
			b.WriteString(`" width="`)
			b.Write(appendNum(nil, x1-x0))
			b.WriteString(`" height="`)
			b.Write(appendNum(nil, y1-y0))
			b.WriteString(`"`)
		} else {
			b.WriteString(`<path d="`)
			b.Write(vr.path)
			b.WriteString(`"`)
		}
		if fill {
			writePaint(b, "fill", vr.s.FillColor)
		} else {
			b.WriteString(` fill="none"`)
		}
		if stroke {
			writePaint(b, "stroke", vr.s.StrokeColor)
			b.WriteString(` stroke-width="`)
			b.Write(appendNum(nil, vr.s.StrokeWidth))
			b.WriteString(`" stroke-linejoin="round" stroke-linecap="round"`)
			if len(vr.s.StrokeDashArray) > 0 {
				b.WriteString(` stroke-dasharray="`)
				for i, d := range vr.s.StrokeDashArray {
					if i > 0 {
						b.WriteByte(' ')
					}
					b.Write(appendNum(nil, d))
				}
				b.WriteString(`"`)
			}
		}
		b.WriteString("/>\n")
	}
	vr.path = vr.path[:0]
	vr.pts = vr.pts[:0]
	vr.rectOK = true
}

func (vr *svgRenderer) rect() (x0, y0, x1, y1 float64, ok bool) {
	rr := rasterRenderer{path: vr.pts, pure: vr.rectOK}
	return rr.rect()
}

func hexColor(c drawing.Color) []byte {
	const hex = "0123456789abcdef"
	return []byte{hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15]}
}

func writePaint(b *bytes.Buffer, attr string, c drawing.Color) {
	b.WriteString(` ` + attr + `="#`)
	b.Write(hexColor(c))
	b.WriteByte('"')
	if c.A != 255 {
		b.WriteString(` ` + attr + `-opacity="`)
		b.Write(strconv.AppendFloat(nil, float64(c.A)/255, 'f', 3, 64))
		b.WriteByte('"')
	}
}

// Text writes body with its baseline's left end at x, y.
func (vr *svgRenderer) Text(body string, x, y int) {
	vr.textF(body, float64(x), float64(y), "")
}

// textF writes text; anchor is "", "middle" or "end". Browsers measure
// with their own font, so centred and right-aligned labels are anchored
// rather than placed from our measurement.
func (vr *svgRenderer) textF(body string, x, y float64, anchor string) {
	if body == "" || !visible(vr.s.FontColor) {
		return
	}
	if visible(vr.halo) {
		c := vr.s.FontColor
		vr.s.FontColor, vr.halo = vr.halo, drawing.Color{}
		vr.b.WriteString(`<g stroke="#`)
		vr.b.Write(hexColor(vr.s.FontColor))
		vr.b.WriteString(`" stroke-width="3" stroke-linejoin="round">`)
		vr.textF(body, x, y, anchor)
		vr.b.WriteString("</g>")
		vr.s.FontColor, vr.halo = c, vr.s.FontColor
	}
	b := &vr.b
	b.WriteString(`<text x="`)
	b.Write(appendNum(nil, x))
	b.WriteString(`" y="`)
	b.Write(appendNum(nil, y))
	b.WriteString(`" font-size="`)
	b.Write(appendNum(nil, vr.s.FontSize))
	b.WriteString(`"`)
	writePaint(b, "fill", vr.s.FontColor)
	if anchor != "" {
		b.WriteString(` text-anchor="` + anchor + `"`)
	}
	if vr.rot != nil {
		b.WriteString(` transform="rotate(`)
		b.Write(appendNum(nil, chart.RadiansToDegrees(*vr.rot)))
		b.WriteByte(' ')
		b.Write(appendNum(nil, x))
		b.WriteByte(' ')
		b.Write(appendNum(nil, y))
		b.WriteString(`)"`)
	}
	b.WriteByte('>')
	escapeXML(b, body)
	b.WriteString("</text>\n")
}

func escapeXML(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r < 0x20 && r != '\t' {
				continue // not allowed in XML 1.0
			}
			b.WriteRune(r)
		}
	}
}

// appendNum writes v with at most two decimals and no trailing zeros.
func appendNum(dst []byte, v float64) []byte {
	v = math.Round(v*100) / 100
	if v == math.Trunc(v) {
		return strconv.AppendInt(dst, int64(v), 10)
	}
	return strconv.AppendFloat(dst, v, 'f', -1, 64)
}
