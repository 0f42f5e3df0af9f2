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
	names := make([]string, len(c.Bars))
	for i, b := range c.Bars {
		names[i] = b.City
	}
	f.setColors(names, c.Highlight)
	var d decor
	top := f.header(&d, c.Text, f.groupLegend(c, groups))
	bottom := f.footer(&d, c.Text, nil)

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
		f.drawBars(r, f.planBars(c, lay, yr, box), box)
	}}}
	ch.Elements = []chart.Renderable{func(rr chart.Renderer, _ chart.Box, _ chart.Style) {
		f.drawDecor(rr.(surface), &d)
	}}
	return renderChart(ch, r)
}

// groupLegend says which shade is which year. Bars are shades of each
// city's colour, the oldest faded toward the background: lighter on a
// light background, darker on a dark one, so the words follow the theme.
// The grey swatches show the same shades.
func (f *frame) groupLegend(c *Compare, groups int) []legendItem {
	if groups < 2 {
		return nil
	}
	faded, strong := f.words.Lighter, f.words.Darker
	if f.theme == Dark {
		faded, strong = strong, faded
	}
	var legend []legendItem
	neutral := dcolor(MutedTextColor(f.theme))
	for g := 0; g < groups; g++ {
		name := ""
		if g < len(c.Groups) {
			name = c.Groups[g]
		}
		switch g {
		case 0:
			name = fmt.Sprintf(faded, name)
		case groups - 1:
			name = fmt.Sprintf(strong, name)
		}
		legend = append(legend, legendItem{label: name, c: f.shade(neutral, g, groups)})
	}
	return legend
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
	lay := compareLayout{groups: groups}
	lay.valueSize, lay.valueFrom = f.valueLabels(c, groups, slot)
	lay.nameSize, lay.nameRows, lay.names = f.barNames(c, slot)
	lay.namesBelow = 10 + float64(lay.nameRows)*lh(lay.nameSize)
	return lay
}

// valueLabels picks the size of the value labels and the first group that
// gets them: a label is never wider than its bar plus half the gaps beside
// it, so it never reaches over a neighbouring bar.
func (f *frame) valueLabels(c *Compare, groups int, slot float64) (size float64, from int) {
	groupW, barW := barWidths(slot, groups)
	room := barW + gapOf(groupW, barW, groups)
	if groups == 1 {
		room = slot - 4
	}
	widest := 0.0
	for _, size = range []float64{sizeLabel, sizeSmall} {
		widest = f.widestValue(c, size)
		if widest+4 <= room {
			return size, 0
		}
	}
	if widest+4 <= groupW {
		return size, groups - 1
	}
	return size, groups
}

func (f *frame) widestValue(c *Compare, size float64) float64 {
	widest := 0.0
	for _, b := range c.Bars {
		for g, v := range b.Values {
			if finite(v) {
				widest = math.Max(widest, f.width(b.mark(g)+FormatValue(v, c.Decimals)+b.flag(g), size))
			}
		}
	}
	return widest
}

// barNames fits the city names under their bars.
func (f *frame) barNames(c *Compare, slot float64) (size float64, rows int, names []string) {
	names = make([]string, len(c.Bars))
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
		return sizeTick, 1, names
	case fits(sizeSmall, slot-6):
		return sizeSmall, 1, names
	}
	for i := range names {
		names[i] = f.fit(names[i], sizeSmall, 2*slot-8, "…")
	}
	return sizeSmall, 2, names
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

// barPlan is a bar chart's plot laid out: the bars and their labels.
type barPlan struct {
	bars   []plannedBar
	labels []placed
	names  []placedText
	zero   float64
}

type plannedBar struct {
	box rect
	c   drawing.Color
}

func (f *frame) planBars(c *Compare, lay compareLayout, yr tickRange, box chart.Box) barPlan {
	slot := float64(box.Width()) / float64(len(c.Bars))
	groupW, barW := barWidths(slot, lay.groups)
	gap := gapOf(groupW, barW, lay.groups)
	plan := barPlan{zero: fy(yr, box, 0)}
	sc := newScene(box, f.trace)
	type pending struct {
		bar        int
		value      string // the label: marks and value, or the marks alone
		markOnly   bool
		cx, y      float64
		neg        bool
		barW, barH float64
	}
	var labels []pending
	for i, b := range c.Bars {
		base := f.colorOf(b.City)
		left := float64(box.Left) + float64(i)*slot + (slot-groupW)/2
		for g := 0; g < lay.groups; g++ {
			x0 := left + float64(g)*(barW+gap)
			v := math.NaN()
			if g < len(b.Values) {
				v = b.Values[g]
			}
			if !finite(v) {
				labels = append(labels, pending{bar: -1, value: f.words.NotAvailable, cx: x0 + barW/2, y: plan.zero})
				continue
			}
			y := fy(yr, box, v)
			bb := rect{x0, math.Min(y, plan.zero), x0 + barW, math.Max(y, plan.zero)}
			plan.bars = append(plan.bars, plannedBar{bb, f.shade(base, g, lay.groups)})
			sc.block(traceBar, bb)
			p := pending{bar: len(plan.bars) - 1, cx: x0 + barW/2, y: y, neg: v < 0, barW: barW, barH: bb.b - bb.t}
			switch marks := b.mark(g) + b.flag(g); {
			case g >= lay.valueFrom:
				p.value = b.mark(g) + FormatValue(v, c.Decimals) + b.flag(g)
			case marks != "":
				p.value, p.markOnly = marks, true
			default:
				continue
			}
			labels = append(labels, p)
		}
		row := float64(i % lay.nameRows)
		ny := float64(box.Bottom) + 8 + f.fm.capHeight(lay.nameSize) + row*lh(lay.nameSize)
		plan.names = append(plan.names, placedText{s: lay.names[i], x: left + groupW/2, y: ny, size: lay.nameSize, c: f.text, anchor: "middle"})
	}
	for _, p := range labels {
		size, c := lay.valueSize, f.text
		if p.bar < 0 || p.markOnly {
			size, c = sizeSmall, f.muted
		}
		if p.bar < 0 {
			c = f.muted
		}
		pl, ok := f.placeBarLabel(sc, p.value, size, p.cx, p.y, p.neg, p.bar, plan.bars)
		if ok {
			pl.c = c
			if pl.inside {
				pl.c = onColor(plan.bars[p.bar].c)
			}
			plan.labels = append(plan.labels, pl.placed)
		}
	}
	return plan
}

type barLabel struct {
	placed
	inside bool
}

// placeBarLabel puts a label above its bar (below a negative one), else
// just inside the bar's end; "n/a" (bar -1) sits on the zero line.
func (f *frame) placeBarLabel(sc *scene, text string, size, cx, y float64, neg bool, bar int, bars []plannedBar) (barLabel, bool) {
	capH := f.fm.capHeight(size)
	var owner rect
	spots := []spot{{cx, y - 5, "middle", false}}
	if neg {
		spots = []spot{{cx, y + 5 + capH, "middle", false}}
	}
	if bar >= 0 {
		owner = bars[bar].box
		sc.rects = removeRect(sc.rects, owner) // a label may sit on its own bar
		defer func() { sc.rects = append(sc.rects, owner) }()
	}
	for _, sp := range spots {
		b := textRect(sp.x, sp.y, f.width(text, size), capH, sp.anchor)
		if sc.free(b) && (bar < 0 || !b.overlaps(owner)) {
			sc.take(text, b, owner)
			return barLabel{placed{placedText{s: text, x: sp.x, y: sp.y, size: size, anchor: sp.anchor}, nil}, false}, true
		}
	}
	if bar >= 0 && owner.b-owner.t > capH+10 {
		by := owner.t + 4 + capH
		if neg {
			by = owner.b - 5
		}
		b := textRect(cx, by, f.width(text, size), capH, "middle")
		if b.within(owner) && sc.free(b) {
			sc.take(text, b, owner)
			return barLabel{placed{placedText{s: text, x: cx, y: by, size: size, anchor: "middle"}, nil}, true}, true
		}
	}
	sc.drop(text)
	return barLabel{}, false
}

func removeRect(rs []rect, r rect) []rect {
	for i, o := range rs {
		if o == r {
			return append(rs[:i:i], rs[i+1:]...)
		}
	}
	return rs
}

// onColor is the text colour that reads best on a fill.
func onColor(fill drawing.Color) drawing.Color {
	c := rgbaOf(fill)
	if contrast(c, rgb(0xFFFFFF)) >= contrast(c, rgb(0x1A1A1A)) {
		return dcolor(rgb(0xFFFFFF))
	}
	return dcolor(rgb(0x1A1A1A))
}

func (f *frame) drawBars(r surface, plan barPlan, box chart.Box) {
	for _, b := range plan.bars {
		fillRect(r, b.box.l, b.box.t, b.box.r, b.box.b, b.c)
	}
	line(r, float64(box.Left), plan.zero, float64(box.Right), plan.zero, 1, f.axis, nil)
	f.drawPlaced(r, plan.labels)
	f.drawTexts(r, plan.names)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func rgbaOf(c drawing.Color) color.RGBA {
	return color.RGBA{c.R, c.G, c.B, 255}
}
