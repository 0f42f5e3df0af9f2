package charts

import (
	"math"
	"sync"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// fontMetrics measures text the same way for the raster and the SVG
// renderer, so both lay a chart out identically. Sizes are in layout
// pixels (ppem). Widths come from advance widths (no glyph loading, no new
// font.Face per call); heights from the font's cap height, so labels of
// one size share a baseline whatever their letters.
type fontMetrics struct {
	f        *truetype.Font
	capRatio float64 // cap height / em
}

var metricsCache sync.Map // *truetype.Font → *fontMetrics

func metricsFor(f *truetype.Font) *fontMetrics {
	if m, ok := metricsCache.Load(f); ok {
		return m.(*fontMetrics)
	}
	m := &fontMetrics{f: f, capRatio: 0.7}
	em := float64(f.FUnitsPerEm())
	var gb truetype.GlyphBuf
	if idx := f.Index('H'); idx != 0 && gb.Load(f, fixed.Int26_6(f.FUnitsPerEm()), idx, font.HintingNone) == nil {
		if h := float64(gb.Bounds.Max.Y) / em; h > 0.3 && h < 1 {
			m.capRatio = h
		}
	}
	actual, _ := metricsCache.LoadOrStore(f, m)
	return actual.(*fontMetrics)
}

// width is the advance width of s at size px.
func (m *fontMetrics) width(s string, size float64) float64 {
	scale := fixed.Int26_6(math.Round(size * 64))
	var w fixed.Int26_6
	prev, hasPrev := truetype.Index(0), false
	for _, r := range s {
		idx := m.f.Index(r)
		if hasPrev {
			w += m.f.Kern(scale, prev, idx)
		}
		w += m.f.HMetric(scale, idx).AdvanceWidth
		prev, hasPrev = idx, true
	}
	return float64(w) / 64
}

func (m *fontMetrics) capHeight(size float64) float64 { return m.capRatio * size }

// box is what chart.Renderer.MeasureText returns: advance width by cap
// height, rotated like go-chart's own renderers do.
func (m *fontMetrics) box(s string, size float64, rot *float64) chart.Box {
	b := chart.Box{
		Right:  int(math.Ceil(m.width(s, size))),
		Bottom: int(math.Ceil(m.capHeight(size))),
	}
	if rot == nil {
		return b
	}
	return b.Corners().Rotate(chart.RadiansToDegrees(*rot)).Box()
}
