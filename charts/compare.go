package charts

import (
	"fmt"
	"image/color"
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// compareLayout holds the decisions that depend on the plot width.
type compareLayout struct {
	groups     int
	valueSize  float64
	valueFrom  int // first group whose bars get value labels; groups = none
	nameSize   float64
	nameRows   int // 1, or 2 for staggered city names
	names      []string
	namesBelow float64 // layout pixels under the plot for city names
}

// Grouped bars tell groups (years) apart by shades of the city's colour,
// oldest lightest, rather than by a palette per group: the city keeps its
// colour in every chart, the newest year stands out, and the legend's grey
// ramp reads the same for every city.
func groupTint(g, groups int) float64 {
	if groups < 2 {
		return 0
	}
	return 0.6 * float64(groups-1-g) / float64(groups-1)
}

func (f *frame) shade(c drawing.Color, g, groups int) drawing.Color {
	return dcolor(mix(rgbaOf(c), Background(f.theme), groupTint(g, groups)))
}

func (f *frame) compare(r surface, c *Compare) error {
	groups := len(c.Groups)
	lo, hi, ok := 0.0, 0.0, false
	for _, b := range c.Bars {
		groups = max(groups, len(b.Values))
		for _, v := range b.Values {
			if finite(v) {
				lo, hi, ok = math.Min(lo, v), math.Max(hi, v), true
			}
		}
	}
	if !ok {
		f.noData(r, c.Text)
		return nil
	}
	var d decor
	var legend []legendItem
	if groups > 1 {
		neutral := dcolor(MutedTextColor(f.theme))
		for g := 0; g < groups; g++ {
			name := ""
			if g < len(c.Groups) {
				name = c.Groups[g]
			}
			// Bars are shades of each city's colour; the grey swatches
			// only show the order, so the words say which shade is which.
			switch g {
			case 0:
				name = fmt.Sprintf(f.words.Lighter, name)
			case groups - 1:
				name = fmt.Sprintf(f.words.Darker, name)
			}
			legend = append(legend, legendItem{label: name, c: f.shade(neutral, g, groups)})
		}
	}
	top := f.header(&d, c.Text, legend)
	bottom := f.footer(&d, c.Footer, nil)

	var ch chart.Chart
	var box chart.Box
	var yr tickRange
	var lay compareLayout
	nameH := lh(sizeTick) + 10
	extra := 0.0 // steps of headroom added for value labels
	for attempt := 0; attempt < 3; attempt++ {
		plotH := bottom - top - nameH
		yr = f.valueRange(lo, hi, plotH, c.Decimals, extra)
		xr := tickRange{ContinuousRange: &chart.ContinuousRange{Min: 0, Max: float64(len(c.Bars))}}
		ch = f.baseChart(xr, yr, f.lf.font)
		ch.XAxis.Style = chart.Hidden()
		f.padding(&ch, top, bottom-nameH)
		box = plotBox(&ch, r)
		lay = f.compareLayout(c, groups, float64(box.Width())/float64(len(c.Bars)))
		if lay.namesBelow != nameH {
			nameH = lay.namesBelow
			f.padding(&ch, top, bottom-nameH)
			box = plotBox(&ch, r)
		}
		// Room above the highest bar for its label, else one more step.
		room := fy(yr, box, hi) - float64(box.Top)
		if hi <= 0 || room >= lh(lay.valueSize)+4 {
			break
		}
		extra++
	}
	ch.Series = []chart.Series{plotSeries{func(r surface, box chart.Box) {
		f.drawBars(r, c, lay, yr, box)
	}}}
	ch.Elements = []chart.Renderable{func(rr chart.Renderer, _ chart.Box, _ chart.Style) {
		f.drawDecor(rr.(surface), &d)
	}}
	return renderChart(ch, r)
}

// valueRange is the value axis from zero (or the lowest negative value),
// with ticks about every 55 layout pixels and extra steps of headroom.
func (f *frame) valueRange(lo, hi, plotH float64, decimals int, extra float64) tickRange {
	n := int(math.Max(2, math.Min(8, plotH/55)))
	min, max, step, dec := niceScale(lo, hi, n, decimals)
	max += extra * step
	var ticks []chart.Tick
	for v := min; v <= max+step/1e6; v += step {
		v = math.Round(v/step) * step
		ticks = append(ticks, chart.Tick{Value: v, Label: FormatValue(v, dec)})
	}
	return tickRange{ContinuousRange: &chart.ContinuousRange{Min: min, Max: max}, ticks: ticks}
}

// compareLayout fits value labels and city names into slots of a width:
// smaller type first, then value labels on the newest group only, then
// none; city names staggered in two rows, then shortened.
func (f *frame) compareLayout(c *Compare, groups int, slot float64) compareLayout {
	lay := compareLayout{groups: groups, valueSize: sizeLabel, nameSize: sizeTick, nameRows: 1}
	groupW, barW := barWidths(slot, groups)
	widest := 0.0
	for _, size := range []float64{sizeLabel, 11, 10} {
		lay.valueSize = size
		widest = 0
		for _, b := range c.Bars {
			for g, v := range b.Values {
				if finite(v) {
					widest = math.Max(widest, f.width(b.mark(g)+FormatValue(v, c.Decimals), size))
				}
			}
		}
		if widest+4 <= barW+gapOf(groupW, barW, groups) {
			break
		}
	}
	switch {
	case widest+4 <= barW+gapOf(groupW, barW, groups) || groups == 1 && widest <= slot-4:
		lay.valueFrom = 0
	case widest+4 <= groupW:
		lay.valueFrom = groups - 1
	default:
		lay.valueFrom = groups
	}
	names := make([]string, len(c.Bars))
	for i, b := range c.Bars {
		names[i] = b.City
	}
	fits := func(size, w float64) bool {
		for _, n := range names {
			if f.width(n, size) > w {
				return false
			}
		}
		return true
	}
	switch {
	case fits(sizeTick, slot-6):
	case fits(11, slot-6):
		lay.nameSize = 11
	default:
		lay.nameSize, lay.nameRows = 11, 2
		for i := range names {
			names[i] = f.fit(names[i], 11, 2*slot-8, "…")
		}
	}
	lay.names = names
	lay.namesBelow = 10 + float64(lay.nameRows)*lh(lay.nameSize)
	return lay
}

func gapOf(groupW, barW float64, groups int) float64 {
	if groups < 2 {
		return 0
	}
	return (groupW - barW*float64(groups)) / float64(groups-1)
}

// barWidths gives the width of a city's group of bars and of one bar.
func barWidths(slot float64, groups int) (groupW, barW float64) {
	if groups <= 1 {
		groupW = math.Min(slot*0.64, 110)
		return groupW, groupW
	}
	groupW = math.Min(slot*0.78, float64(groups)*60)
	gap := math.Min(2, groupW/float64(groups)/4)
	return groupW, (groupW - gap*float64(groups-1)) / float64(groups)
}

func (f *frame) drawBars(r surface, c *Compare, lay compareLayout, yr tickRange, box chart.Box) {
	n := float64(len(c.Bars))
	slot := float64(box.Width()) / n
	groupW, barW := barWidths(slot, lay.groups)
	gap := 0.0
	if lay.groups > 1 {
		gap = (groupW - barW*float64(lay.groups)) / float64(lay.groups-1)
	}
	zero := fy(yr, box, 0)
	var labels []placedText
	for i, b := range c.Bars {
		base := dcolor(CityColor(b.City, f.theme))
		left := float64(box.Left) + float64(i)*slot + (slot-groupW)/2
		for g := 0; g < lay.groups; g++ {
			x0 := left + float64(g)*(barW+gap)
			cx := x0 + barW/2
			v := math.NaN()
			if g < len(b.Values) {
				v = b.Values[g]
			}
			if !finite(v) {
				labels = append(labels, placedText{s: f.words.NotAvailable, x: cx, y: zero - 4, size: 10, c: f.muted, anchor: "middle"})
				continue
			}
			y := fy(yr, box, v)
			fillRect(r, x0, math.Min(y, zero), x0+barW, math.Max(y, zero), f.shade(base, g, lay.groups))
			if g < lay.valueFrom {
				continue
			}
			ly := y - 5
			if v < 0 {
				ly = y + 5 + f.fm.capHeight(lay.valueSize)
			}
			labels = append(labels, placedText{s: b.mark(g) + FormatValue(v, c.Decimals), x: cx, y: ly, size: lay.valueSize, c: f.text, anchor: "middle"})
		}
		row := float64(i % lay.nameRows)
		ny := float64(box.Bottom) + 8 + f.fm.capHeight(lay.nameSize) + row*lh(lay.nameSize)
		labels = append(labels, placedText{s: lay.names[i], x: left + groupW/2, y: ny, size: lay.nameSize, c: f.text, anchor: "middle"})
	}
	line(r, float64(box.Left), zero, float64(box.Right), zero, 1, f.axis, nil)
	f.drawTexts(r, labels)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func rgbaOf(c drawing.Color) color.RGBA {
	return color.RGBA{c.R, c.G, c.B, 255}
}
