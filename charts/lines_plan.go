package charts

import (
	"math"
	"sort"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// linePlan is everything drawn on a line chart's plot, laid out before
// any of it is drawn: where each point goes, which points are joined, and
// where each label goes.
type linePlan struct {
	direct bool // lines are named at their ends, no legend
	named  bool // every end name found a place
	series []plannedSeries
	target *plannedTarget
	labels []placed
}

type plannedSeries struct {
	name   string
	c      drawing.Color
	grey   bool // not the highlighted one
	points []plannedPoint
	runs   [][]int // indexes into points joined by a line, oldest first
}

type plannedPoint struct {
	Point
	x, y  float64
	alone bool // no line leads the eye to it
}

type plannedTarget struct {
	x0, x1, y float64
}

// markerRadius is the room a point's marker takes.
func (p plannedPoint) markerRadius() float64 {
	switch {
	case p.Partial:
		return hollowR + 1
	case p.alone:
		return 5
	}
	return dotRadius
}

func (p plannedPoint) box() rect {
	r := p.markerRadius() + 1
	return rect{p.x - r, p.y - r, p.x + r, p.y + r}
}

// sameRun reports whether two points of consecutive years are joined: full
// years with full years, part years with part years of the same period.
func sameRun(a, b Point) bool {
	if a.Partial != b.Partial {
		return false
	}
	return !a.Partial || a.Label == b.Label
}

// JoinsPartYears reports whether any of the series draws a dashed line:
// part years of one period in consecutive years (Jan–Nov 2024 to Jan–Nov
// 2025), so a chart's words say "dashed" only when there is one.
func JoinsPartYears(series []Series) bool {
	type partYear struct {
		label string
		year  int
	}
	for _, s := range series {
		drawn := map[partYear]bool{}
		for _, p := range s.Points {
			if p.Partial && finite(p.Value) {
				drawn[partYear{p.Label, p.Year}] = true
			}
		}
		for k := range drawn {
			if drawn[partYear{k.label, k.year + 1}] {
				return true
			}
		}
	}
	return false
}

// planSeries puts a series' points on the plot and splits them into runs.
func planSeries(ser Series, pos func(Point) (float64, float64)) plannedSeries {
	ps := make([]Point, 0, len(ser.Points))
	for _, p := range ser.Points {
		if finite(p.Value) {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Year != ps[j].Year {
			return ps[i].Year < ps[j].Year
		}
		return !ps[i].Partial && ps[j].Partial
	})
	out := plannedSeries{name: ser.City}
	open := map[string]int{} // run index by period ("" full years)
	for _, p := range ps {
		x, y := pos(p)
		out.points = append(out.points, plannedPoint{Point: p, x: x, y: y})
		i := len(out.points) - 1
		key := "\x00"
		if p.Partial {
			key = p.Label
		}
		if r, ok := open[key]; ok {
			last := out.points[out.runs[r][len(out.runs[r])-1]]
			if last.Year == p.Year-1 && sameRun(last.Point, p) {
				out.runs[r] = append(out.runs[r], i)
				continue
			}
		}
		open[key] = len(out.runs)
		out.runs = append(out.runs, []int{i})
	}
	for _, run := range out.runs {
		if len(run) == 1 {
			out.points[run[0]].alone = true
		}
	}
	return out
}

// dodge moves points of one year that would hide each other sideways, so
// that every point stays visible.
func dodge(series []plannedSeries) {
	type ref struct{ s, p int }
	byX := map[float64][]ref{}
	for s := range series {
		for p := range series[s].points {
			x := series[s].points[p].x
			byX[x] = append(byX[x], ref{s, p})
		}
	}
	for _, refs := range byX {
		sort.Slice(refs, func(i, j int) bool {
			return series[refs[i].s].points[refs[i].p].y < series[refs[j].s].points[refs[j].p].y
		})
		for i := 0; i < len(refs); {
			j := i + 1
			for j < len(refs) && series[refs[j].s].points[refs[j].p].y-series[refs[j-1].s].points[refs[j-1].p].y < 2*hollowR+2 {
				j++
			}
			n := j - i
			for k := i; k < j; k++ {
				series[refs[k].s].points[refs[k].p].x += (float64(k-i) - float64(n-1)/2) * (2*hollowR + 3)
			}
			i = j
		}
	}
}

// planLines lays out points, lines and labels in the layout's plot box.
// direct names each line at its end; named tells whether all found room.
func (f *frame) planLines(s lineSpec, lay lineLayout, direct bool) linePlan {
	box := lay.box
	pos := func(p Point) (float64, float64) {
		return fx(lay.xr, box, float64(p.Year)), fy(lay.yr, box, p.Value)
	}
	plan := linePlan{direct: direct, named: true}
	for _, ser := range s.series {
		ps := planSeries(ser, pos)
		ps.c, ps.grey = f.colorOf(ser.City), s.highlight != "" && cityKey(ser.City) != cityKey(s.highlight)
		plan.series = append(plan.series, ps)
	}
	dodge(plan.series)
	sc := newScene(box, f.trace)
	for _, p := range lay.ev.items {
		sc.stroke(seg{p.x, float64(box.Top), p.x, float64(box.Bottom), 1, false})
	}
	for _, ps := range plan.series {
		for _, run := range ps.runs {
			for k := 1; k < len(run); k++ {
				a, b := ps.points[run[k-1]], ps.points[run[k]]
				sc.stroke(seg{a.x, a.y, b.x, b.y, lineWidth / 2, false})
			}
		}
		for _, p := range ps.points {
			sc.block(traceMarker, p.box())
		}
	}
	if s.target != nil && finite(s.target.Value) {
		plan.target = f.planTarget(s, lay, sc, &plan)
	}
	f.labelLines(s, sc, &plan)
	return plan
}

// drawPlan draws the plot: the target, the lines (grey ones under the
// coloured), the points, then the labels over them.
func (f *frame) drawPlan(r surface, s lineSpec, plan linePlan) {
	if t := plan.target; t != nil {
		line(r, t.x0, t.y, t.x1, t.y, 1.6, f.text, []float64{6, 4})
	}
	order := make([]int, 0, len(plan.series))
	for i, ps := range plan.series {
		if ps.grey {
			order = append(order, i)
		}
	}
	for i, ps := range plan.series {
		if !ps.grey {
			order = append(order, i)
		}
	}
	for _, i := range order {
		f.drawRuns(r, plan.series[i])
	}
	for _, i := range order {
		ps := plan.series[i]
		for _, p := range ps.points {
			f.drawPoint(r, p, ps.c)
		}
	}
	f.drawPlaced(r, plan.labels)
}

// drawRuns draws a series' lines: full years solid; a line of part years
// (the same period each year) dashed, stopping at the hollow circles.
func (f *frame) drawRuns(r surface, ps plannedSeries) {
	w := lineWidth
	if ps.grey {
		w = 1.5
	}
	for _, run := range ps.runs {
		for k := 1; k < len(run); k++ {
			a, b := ps.points[run[k-1]], ps.points[run[k]]
			x0, y0, x1, y1 := a.x, a.y, b.x, b.y
			var dash []float64
			if a.Partial {
				dash = []float64{5, 4}
				x0, y0 = shorten(x1, y1, x0, y0, hollowR)
				x1, y1 = shorten(x0, y0, x1, y1, hollowR)
			}
			line(r, x0, y0, x1, y1, w, ps.c, dash)
		}
	}
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
func (f *frame) drawPoint(r surface, p plannedPoint, c drawing.Color) {
	r.SetStrokeDashArray(nil)
	if p.Partial {
		r.SetFillColor(f.bg)
		if f.transparent {
			r.SetFillColor(drawing.Color{})
		}
		r.SetStrokeColor(c)
		r.SetStrokeWidth(2)
		r.circleF(hollowR, p.x, p.y)
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
	if p.alone { // no line leads the eye to it
		radius = 5
	}
	r.circleF(radius, p.x, p.y)
	r.FillStroke()
}
