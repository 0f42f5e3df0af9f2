package charts

import (
	"math"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"
)

// lineSpec is what Timeline and Rank share: lines over years.
type lineSpec struct {
	text      Text
	series    []Series
	events    []Marker
	target    *TargetLine
	rank      bool   // inverted integer axis, points labelled with the rank
	highlight string // the one series in colour; "" all
}

const (
	lineWidth   = 2.5
	dotRadius   = 3.5
	hollowR     = 4.5
	maxLanes    = 2 // rows of event labels above the plot before numbering
	eventSize   = sizeSmall
	eventGap    = 10.0 // between event labels in one row
	labelMargin = 4.0  // between an event line and its label
)

func (f *frame) timeline(r surface, t *Timeline) error {
	return f.lines(r, lineSpec{text: t.Text, series: t.Series, events: t.Events, target: t.Target, highlight: t.Highlight})
}

// extent is the span of the data in years and values.
type extent struct {
	y0, y1 int
	lo, hi float64
	points int
}

func (s *lineSpec) extent() extent {
	e := extent{y0: math.MaxInt, y1: math.MinInt}
	for _, ser := range s.series {
		for _, p := range ser.Points {
			if !finite(p.Value) {
				continue
			}
			if e.points == 0 {
				e.lo, e.hi = p.Value, p.Value
			}
			e.points++
			e.y0, e.y1 = min(e.y0, p.Year), max(e.y1, p.Year)
			e.lo, e.hi = math.Min(e.lo, p.Value), math.Max(e.hi, p.Value)
		}
	}
	if e.points > 0 && s.target != nil && finite(s.target.Value) {
		e.lo, e.hi = math.Min(e.lo, s.target.Value), math.Max(e.hi, s.target.Value)
	}
	return e
}

// yearRange spans the data years and the target's, half a year either
// side: each year's band, where its events are drawn too.
func (s *lineSpec) yearRange(e extent) (lo, hi float64) {
	lo, hi = float64(e.y0)-0.5, float64(e.y1)+0.5
	if s.target != nil {
		lo, hi = math.Min(lo, float64(s.target.Year)-0.5), math.Max(hi, float64(s.target.Year)+0.5)
	}
	return lo, hi
}

// regions are the series' names, for their colours.
func (s *lineSpec) regions() []string {
	out := make([]string, len(s.series))
	for i, ser := range s.series {
		out[i] = ser.City
	}
	return out
}

// lineLayout is a line chart's frame: texts around the plot, axes, the
// plot box and where the events go.
type lineLayout struct {
	ch     chart.Chart
	d      decor
	xr, yr tickRange
	box    chart.Box
	ev     eventLayout
}

func (f *frame) lines(r surface, s lineSpec) error {
	e := s.extent()
	if e.points == 0 {
		f.noData(r, s.text)
		return nil
	}
	f.setColors(s.regions(), s.highlight)
	// Several lines are named at their ends where every name finds room;
	// otherwise a legend names them.
	direct := len(s.series) > 1
	lay := f.lineLayout(r, s, e, !direct && len(s.series) > 1)
	plan := f.planLines(s, lay, direct)
	if direct && !plan.named {
		lay = f.lineLayout(r, s, e, true)
		plan = f.planLines(s, lay, false)
	}
	lay.ch.Series = []chart.Series{plotSeries{func(r surface, box chart.Box) {
		if box != lay.box { // go-chart settled on another box: lay the plot out again
			lay.box = box
			plan = f.planLines(s, lay, plan.direct)
		}
		f.drawEvents(r, lay.ev, box)
		f.drawPlan(r, s, plan)
	}}}
	lay.ch.Elements = []chart.Renderable{func(rr chart.Renderer, _ chart.Box, _ chart.Style) {
		f.drawDecor(rr.(surface), &lay.d)
	}}
	return renderChart(lay.ch, r)
}

// lineLayout lays out texts, legend (if asked), axes and events.
func (f *frame) lineLayout(r surface, s lineSpec, e extent, legend bool) lineLayout {
	var items []legendItem
	if legend {
		for _, ser := range s.series {
			items = append(items, legendItem{label: ser.City, c: f.colorOf(ser.City), line: true})
		}
	}
	var lay lineLayout
	top := f.header(&lay.d, s.text, items)
	bottom := f.footer(&lay.d, s.text, nil)

	xlo, xhi := s.yearRange(e)
	lay.xr = tickRange{ContinuousRange: &chart.ContinuousRange{Min: xlo, Max: xhi}}
	lay.yr = f.lineValueRange(s, e, bottom-top)
	lay.ch = f.baseChart(lay.xr, lay.yr, f.lf.font)
	f.padding(&lay.ch, top, bottom)
	box := plotBox(&lay.ch, r)
	lay.xr.ticks = f.yearTicks(e, float64(box.Width())/(xhi-xlo))
	lay.ch.XAxis.Range = lay.xr
	box = plotBox(&lay.ch, r)

	lay.ev = f.placeEvents(s.events, lay.xr, box)
	if lay.ev.numbered {
		lay.d = decor{}
		top = f.header(&lay.d, s.text, items)
		bottom = f.footer(&lay.d, s.text, lay.ev.key)
	}
	top += float64(lay.ev.lanes) * lay.ev.laneH
	f.padding(&lay.ch, top, bottom)
	lay.box = plotBox(&lay.ch, r) // sets the ranges' domains for the final padding
	// Event lines move with the final box.
	for i := range lay.ev.items {
		p := &lay.ev.items[i]
		x := eventX(lay.xr, lay.box, p.At)
		p.bx += x - p.x
		p.l, p.r, p.x = p.l+x-p.x, p.r+x-p.x, x
	}
	return lay
}

// lineValueRange is the value axis: from zero for values, inverted whole
// ranks (1 at the top) for ranks.
func (f *frame) lineValueRange(s lineSpec, e extent, plotH float64) tickRange {
	if !s.rank {
		return f.valueRange(math.Min(0, e.lo), e.hi, plotH, s.text.Decimals, 0)
	}
	worst := math.Max(2, math.Ceil(e.hi))
	best := math.Max(1, math.Floor(e.lo))
	step := 1.0
	for (worst-best)/step > math.Max(4, plotH/40) {
		step = map[float64]float64{1: 2, 2: 5, 5: 10}[step]
		if step == 0 {
			step = 10
		}
	}
	var ticks []chart.Tick
	for v := best; v <= worst; v += step {
		ticks = append(ticks, chart.Tick{Value: v, Label: FormatValue(v, 0)})
	}
	return tickRange{
		ContinuousRange: &chart.ContinuousRange{Min: best - 0.6, Max: worst + 0.4, Descending: true},
		ticks:           ticks,
	}
}

// yearTicks labels whole years, every 1, 2, 5… years so labels never touch.
func (f *frame) yearTicks(e extent, pxPerYear float64) []chart.Tick {
	need := f.width("2000", sizeTick) + 14
	step := 1
	for _, st := range []int{1, 2, 5, 10, 20, 50} {
		step = st
		if float64(st)*pxPerYear >= need {
			break
		}
	}
	var ticks []chart.Tick
	for y := e.y0; y <= e.y1; y++ {
		if (y-e.y0)%step == 0 {
			ticks = append(ticks, chart.Tick{Value: float64(y), Label: itoa0(y)})
		}
	}
	return ticks
}

func itoa0(n int) string { return strings.ReplaceAll(itoa(n), ",", "") }
