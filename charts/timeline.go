package charts

import (
	"cmp"
	"fmt"
	"math"
	"sort"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// lineSpec is what Timeline and Rank share: lines over years.
type lineSpec struct {
	text   Text
	series []Series
	events []Marker
	target *TargetLine
	rank   bool // inverted integer axis, points labelled with the rank
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
	return f.lines(r, lineSpec{text: t.Text, series: t.Series, events: t.Events, target: t.Target})
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

// yearRange spans the data years, the target and the events, with half a
// year of room so the first and last points are not on the edge.
func (s *lineSpec) yearRange(e extent) (lo, hi float64) {
	lo, hi = float64(e.y0)-0.45, float64(e.y1)+0.45
	if s.target != nil {
		lo, hi = math.Min(lo, float64(s.target.Year)-0.6), math.Max(hi, float64(s.target.Year)+0.6)
	}
	for _, m := range s.events {
		if finite(m.At) {
			lo, hi = math.Min(lo, m.At-0.15), math.Max(hi, m.At+0.15)
		}
	}
	return lo, hi
}

func (f *frame) lines(r surface, s lineSpec) error {
	e := s.extent()
	if e.points == 0 {
		f.noData(r, s.text)
		return nil
	}
	var d decor
	var legend []legendItem
	if len(s.series) > 1 {
		for _, ser := range s.series {
			legend = append(legend, legendItem{label: ser.City, c: dcolor(CityColor(ser.City, f.theme)), line: true})
		}
	}
	top := f.header(&d, s.text, legend)
	bottom := f.footer(&d, s.text.Footer, nil)

	xlo, xhi := s.yearRange(e)
	xr := tickRange{ContinuousRange: &chart.ContinuousRange{Min: xlo, Max: xhi}}
	yr := f.lineValueRange(s, e, bottom-top)
	ch := f.baseChart(xr, yr, f.lf.font)
	f.padding(&ch, top, bottom)
	box := plotBox(&ch, r)
	xr.ticks = f.yearTicks(e, float64(box.Width())/(xhi-xlo))
	ch.XAxis.Range = xr
	box = plotBox(&ch, r)

	ev := f.placeEvents(s.events, xr, box)
	if ev.numbered {
		d = decor{}
		top = f.header(&d, s.text, legend)
		bottom = f.footer(&d, s.text.Footer, ev.key)
	}
	top += float64(ev.lanes) * ev.laneH
	f.padding(&ch, top, bottom)
	plotBox(&ch, r) // sets the ranges' domains for the final padding; go-chart hands the box to the series

	ch.Series = []chart.Series{plotSeries{func(r surface, box chart.Box) {
		f.drawEvents(r, ev, box)
		f.drawLines(r, s, xr, yr, box)
	}}}
	ch.Elements = []chart.Renderable{func(rr chart.Renderer, _ chart.Box, _ chart.Style) {
		f.drawDecor(rr.(surface), &d)
	}}
	return renderChart(ch, r)
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

// eventLayout is where event markers and their labels go.
type eventLayout struct {
	items    []placedEvent
	lanes    int
	laneH    float64
	numbered bool
	key      []keyItem
}

type placedEvent struct {
	Marker
	n      int
	x      float64
	bx     float64 // numbered: the badge's centre, moved aside when events crowd
	lane   int
	l, r   float64 // label extent
	anchor string
	label  string
}

// placeEvents puts event labels in rows above the plot, each next to its
// line and never over another label or another event's line. When they
// do not fit in maxLanes rows, markers get numbers and a key under the
// chart instead.
func (f *frame) placeEvents(events []Marker, xr tickRange, box chart.Box) eventLayout {
	var ev eventLayout
	sorted := make([]placedEvent, 0, len(events))
	for _, m := range events {
		if finite(m.At) {
			sorted = append(sorted, placedEvent{Marker: m, x: fx(xr, box, m.At), label: strings.TrimSpace(m.Label)})
		}
	}
	if len(sorted) == 0 {
		return ev
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].At < sorted[j].At })
	for i := range sorted {
		sorted[i].n = i + 1
	}
	ev.laneH = lh(eventSize) + 2
	if items, lanes, ok := f.laneEvents(sorted, func(p placedEvent) float64 { return f.width(p.label, eventSize) }); ok {
		ev.items, ev.lanes = items, lanes
		return ev
	}
	ev.numbered = true
	ev.laneH = 2*badgeRadius + 4
	ev.items, ev.lanes = f.spreadBadges(sorted), 1
	for _, p := range ev.items {
		if math.Abs(p.bx-p.x) > 0.5 { // room for slanted leaders to moved badges
			ev.laneH = 2*badgeRadius + 14
			break
		}
	}
	for _, p := range ev.items {
		ev.key = append(ev.key, keyItem{n: p.n, text: cmp.Or(p.Date, f.eventDate(p.At)) + "  " + p.label, highlight: p.Highlight})
	}
	return ev
}

// spreadBadges puts numbered badges in one row over their lines, moving
// crowded ones sideways (a short leader joins each to its line) so that no
// two badges ever overlap.
func (f *frame) spreadBadges(items []placedEvent) []placedEvent {
	step := 2*badgeRadius + 2
	lo, hi := badgeRadius+1, f.W-badgeRadius-1
	for i := range items {
		items[i].lane, items[i].anchor = 0, "middle"
		items[i].bx = math.Max(items[i].x, lo)
		if i > 0 {
			items[i].bx = math.Max(items[i].bx, items[i-1].bx+step)
		}
	}
	for i := len(items) - 1; i >= 0; i-- { // pull back from the right edge
		limit := hi
		if i < len(items)-1 {
			limit = items[i+1].bx - step
		}
		items[i].bx = math.Min(items[i].bx, limit)
	}
	for i := range items {
		items[i].l, items[i].r = items[i].bx-badgeRadius, items[i].bx+badgeRadius
	}
	return items
}

// laneEvents assigns rows; width nil means numbered badges centred on
// their lines (any number of rows), otherwise labels beside their lines.
func (f *frame) laneEvents(in []placedEvent, width func(placedEvent) float64) ([]placedEvent, int, bool) {
	items := append([]placedEvent(nil), in...)
	lanes := 0
	for i := range items {
		p := &items[i]
		var cands [][3]float64 // l, r, anchor (0 start, 1 end, 2 middle)
		if width == nil {
			cands = [][3]float64{{p.x - badgeRadius, p.x + badgeRadius, 2}}
		} else {
			w := width(*p)
			cands = [][3]float64{{p.x + labelMargin, p.x + labelMargin + w, 0}, {p.x - labelMargin - w, p.x - labelMargin, 1}}
		}
		lo, hi := margin, f.W-margin
		if width == nil { // a badge may sit over the side margins
			lo, hi = 1, f.W-1
		}
		placed := false
		for lane := 0; !placed && (width == nil || lane < maxLanes); lane++ {
			for _, c := range cands {
				if c[0] < lo || c[1] > hi {
					continue
				}
				if f.laneFree(items[:i], lane, c[0], c[1], p.x) {
					p.lane, p.l, p.r, p.anchor = lane, c[0], c[1], [...]string{"", "end", "middle"}[int(c[2])]
					placed = true
					lanes = max(lanes, lane+1)
					break
				}
			}
			if width == nil && !placed && lane > len(items) {
				// cannot happen with distinct lanes per badge; never drop one
				p.lane, p.l, p.r, p.anchor, placed = 0, p.x-badgeRadius, p.x+badgeRadius, "middle", true
				lanes = max(lanes, 1)
			}
		}
		if !placed {
			return nil, 0, false
		}
	}
	return items, lanes, true
}

// laneFree says whether a label from l to r in lane, for a line at x, is
// clear of the labels placed so far and of their lines (lanes count up
// from the plot; a line runs from the plot to its own lane).
func (f *frame) laneFree(placed []placedEvent, lane int, l, r, x float64) bool {
	for _, q := range placed {
		switch {
		case q.lane == lane && l < q.r+eventGap && q.l < r+eventGap:
			return false
		case q.lane < lane && x >= q.l-3 && x <= q.r+3: // our line through its label
			return false
		case q.lane > lane && q.x >= l-3 && q.x <= r+3: // its line through our label
			return false
		}
	}
	return true
}

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// eventDate writes a fractional year as "Jul 2025" (2025.5 is mid-year).
func (f *frame) eventDate(at float64) string {
	y := math.Floor(at)
	m := int(math.Floor((at - y) * 12))
	m = max(0, min(11, m))
	return fmt.Sprintf(f.words.MonthYear, f.words.Months[m], int(y))
}

func (f *frame) drawEvents(r surface, ev eventLayout, box chart.Box) {
	for _, p := range ev.items {
		c, w, dash := f.muted, 1.0, []float64{3, 3}
		if p.Highlight {
			c, w, dash = f.text, 1.6, []float64{5, 3}
		}
		laneTop := float64(box.Top) - float64(p.lane+1)*ev.laneH
		if ev.numbered {
			cy := laneTop + badgeRadius + 2
			line(r, p.x, float64(box.Bottom), p.x, float64(box.Top), w, c, dash)
			line(r, p.x, float64(box.Top), p.bx, cy+badgeRadius, w, c, nil)
			f.drawBadge(r, badge{n: p.n, x: p.bx, y: cy, highlight: p.Highlight})
			continue
		}
		line(r, p.x, float64(box.Bottom), p.x, laneTop+ev.laneH/2, w, c, dash)
		x := p.l
		if p.anchor == "end" {
			x = p.r
		}
		f.drawText(r, p.label, x, f.baseline(laneTop, eventSize), eventSize, c, p.anchor)
	}
}

// segment is a run of consecutive years of one series.
type segment []Point

// segments splits a series where a year is missing and drops NaNs.
func segments(points []Point) []segment {
	ps := make([]Point, 0, len(points))
	for _, p := range points {
		if finite(p.Value) {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Year < ps[j].Year })
	var out []segment
	for i, p := range ps {
		if i == 0 || p.Year != ps[i-1].Year+1 {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], p)
	}
	return out
}

func (f *frame) drawLines(r surface, s lineSpec, xr, yr tickRange, box chart.Box) {
	var taken []rect // points and labels placed so far
	pos := func(p Point) (float64, float64) {
		return fx(xr, box, float64(p.Year)), fy(yr, box, p.Value)
	}
	hasTarget := s.target != nil && finite(s.target.Value)
	var tx0, tx1, ty float64
	if hasTarget {
		tx0, tx1, ty = f.targetLine(r, s.target, xr, yr, box)
	}
	for _, ser := range s.series {
		c := dcolor(CityColor(ser.City, f.theme))
		for _, seg := range segments(ser.Points) {
			f.drawSegment(r, seg, c, pos)
		}
	}
	for _, ser := range s.series {
		c := dcolor(CityColor(ser.City, f.theme))
		for _, seg := range segments(ser.Points) {
			for _, p := range seg {
				x, y := pos(p)
				f.drawPoint(r, p, x, y, c, len(seg) == 1)
				taken = append(taken, rect{x - 5, y - 5, x + 5, y + 5})
			}
		}
	}
	var labels []placedText
	if hasTarget {
		labels = append(labels, f.targetLabel(s, tx0, tx1, ty, box, &taken)...)
	}
	seen := map[string]bool{} // one "Jan–Nov" per year is enough
	for _, ser := range s.series {
		for _, seg := range segments(ser.Points) {
			for _, p := range seg {
				x, y := pos(p)
				text := p.Label
				switch {
				case s.rank:
					text = p.Mark + FormatValue(p.Value, 0)
				case p.Partial:
					key := itoa0(p.Year) + "\x00" + text
					if text == "" || seen[key] {
						continue
					}
					seen[key] = true
				case p.Year == lastYear(ser.Points) || len(seg) == 1:
					// the latest value, and values with no line to read them by
					text = p.Mark + FormatValue(p.Value, s.text.Decimals)
				default:
					continue
				}
				if lt, ok := f.placeLabel(text, x, y, box, &taken); ok {
					labels = append(labels, lt)
				}
			}
		}
	}
	for i := range labels {
		labels[i].halo = true
	}
	f.drawTexts(r, labels)
}

// drawSegment draws one unbroken run; the step into a partial year is
// dashed and stops at the hollow circle.
func (f *frame) drawSegment(r surface, seg segment, c drawing.Color, pos func(Point) (float64, float64)) {
	for i := 1; i < len(seg); i++ {
		x0, y0 := pos(seg[i-1])
		x1, y1 := pos(seg[i])
		var dash []float64
		if seg[i].Partial || seg[i-1].Partial {
			dash = []float64{5, 4}
			x0, y0 = shorten(x1, y1, x0, y0, ifPartial(seg[i-1]))
			x1, y1 = shorten(x0, y0, x1, y1, ifPartial(seg[i]))
		}
		r.SetStrokeColor(c)
		r.SetStrokeWidth(lineWidth)
		r.SetStrokeDashArray(dash)
		r.moveToF(x0, y0)
		r.lineToF(x1, y1)
		r.Stroke()
	}
	r.SetStrokeDashArray(nil)
}

func ifPartial(p Point) float64 {
	if p.Partial {
		return hollowR
	}
	return 0
}

// shorten moves the end (x1, y1) of a segment back by d towards (x0, y0).
func shorten(x0, y0, x1, y1, d float64) (float64, float64) {
	l := math.Hypot(x1-x0, y1-y0)
	if d == 0 || l <= d {
		return x1, y1
	}
	return x1 - (x1-x0)*d/l, y1 - (y1-y0)*d/l
}

// drawPoint draws a full year as a filled dot, a partial one hollow.
func (f *frame) drawPoint(r surface, p Point, x, y float64, c drawing.Color, alone bool) {
	r.SetStrokeDashArray(nil)
	if p.Partial {
		if !f.transparent {
			r.SetFillColor(f.bg)
		} else {
			r.SetFillColor(drawing.Color{})
		}
		r.SetStrokeColor(c)
		r.SetStrokeWidth(2)
		r.circleF(hollowR, x, y)
		r.FillStroke()
		return
	}
	r.SetFillColor(c)
	r.SetStrokeColor(f.bg)
	r.SetStrokeWidth(1)
	if f.transparent {
		r.SetStrokeWidth(0)
	}
	radius := dotRadius
	if alone { // no line leads the eye to it
		radius = 5
	}
	r.circleF(radius, x, y)
	r.FillStroke()
}

// targetLine draws the target as a dashed line across its year.
func (f *frame) targetLine(r surface, t *TargetLine, xr, yr tickRange, box chart.Box) (x0, x1, y float64) {
	x0 = math.Max(float64(box.Left), fx(xr, box, float64(t.Year)-0.45))
	x1 = math.Min(float64(box.Right), fx(xr, box, float64(t.Year)+0.45))
	y = fy(yr, box, t.Value)
	line(r, x0, y, x1, y, 1.6, f.text, []float64{6, 4})
	return x0, x1, y
}

// targetLabel places the target's label by its line, clear of points.
func (f *frame) targetLabel(s lineSpec, x0, x1, y float64, box chart.Box, taken *[]rect) []placedText {
	label := strings.TrimSpace(s.target.Label)
	if label == "" {
		label = fmt.Sprintf(f.words.Target, FormatValue(s.target.Value, s.text.Decimals))
	}
	w := f.width(label, sizeSmall)
	ch := f.fm.capHeight(sizeSmall)
	for _, c := range []struct {
		x      float64
		y      float64
		anchor string
	}{{x1, y - 5, "end"}, {x0, y - 5, ""}, {x1, y + 5 + ch, "end"}, {x0 - 5, y + ch/2, "end"}, {x1 + 5, y + ch/2, ""},
		{x1, y - 10 - ch, "end"}, {x0, y - 10 - ch, ""}, {x1, y + 10 + 2*ch, "end"}, {x0, y + 10 + 2*ch, ""}} {
		b := textRect(c.x, c.y, w, ch, c.anchor)
		if b.inside(box, -30) && !b.hits(*taken) {
			*taken = append(*taken, b, rect{x0, y - 2, x1, y + 2})
			return []placedText{{s: label, x: c.x, y: c.y, size: sizeSmall, c: f.text, anchor: c.anchor}}
		}
	}
	// Nowhere free: a target line without its label is a stray dash, so the
	// label goes above the line's end all the same (its halo keeps it legible).
	*taken = append(*taken, textRect(x1, y-5, w, ch, "end"))
	return []placedText{{s: label, x: x1, y: y - 5, size: sizeSmall, c: f.text, anchor: "end"}}
}

// placeLabel puts a small label next to a point where it hits nothing.
func (f *frame) placeLabel(text string, x, y float64, box chart.Box, taken *[]rect) (placedText, bool) {
	w := f.width(text, sizeSmall)
	ch := f.fm.capHeight(sizeSmall)
	const d = 8.0
	for _, c := range []struct {
		x, y   float64
		anchor string
	}{
		{x, y - d, "middle"}, {x + d, y + ch/2, ""}, {x, y + d + ch, "middle"}, {x - d, y + ch/2, "end"},
		{x + d, y - d, ""}, {x - d, y - d, "end"}, {x + d, y + d + ch, ""}, {x - d, y + d + ch, "end"},
	} {
		b := textRect(c.x, c.y, w, ch, c.anchor)
		if b.inside(box, 0) && !b.hits(*taken) {
			*taken = append(*taken, b)
			return placedText{s: text, x: c.x, y: c.y, size: sizeSmall, c: f.text, anchor: c.anchor}, true
		}
	}
	return placedText{}, false
}

type rect struct{ l, t, r, b float64 }

func textRect(x, baseline, w, capH float64, anchor string) rect {
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	return rect{x - 2, baseline - capH - 2, x + w + 2, baseline + 3}
}

func (a rect) hits(others []rect) bool {
	for _, o := range others {
		if a.l < o.r && o.l < a.r && a.t < o.b && o.t < a.b {
			return true
		}
	}
	return false
}

// inside says whether a is within box, allowing slack pixels over its top
// and right edges.
func (a rect) inside(box chart.Box, slack float64) bool {
	s := math.Abs(slack)
	return a.l >= float64(box.Left) && a.r <= float64(box.Right)+s && a.t >= float64(box.Top)-s && a.b <= float64(box.Bottom)
}

func lastYear(ps []Point) int {
	y := math.MinInt
	for _, p := range ps {
		if finite(p.Value) {
			y = max(y, p.Year)
		}
	}
	return y
}
