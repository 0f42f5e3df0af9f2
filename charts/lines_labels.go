package charts

import (
	"fmt"
	"math"
	"strings"
)

// valueText is a point's value as labelled: marks around the number.
func (f *frame) valueText(p Point, decimals int) string {
	return p.Mark + FormatValue(p.Value, decimals) + p.Flag
}

// endPoint is the point a series is named at: its latest full year, else
// its latest point.
func (ps plannedSeries) endPoint() int {
	end := -1
	for i, p := range ps.points {
		if !p.Partial && (end < 0 || p.Year >= ps.points[end].Year) {
			end = i
		}
	}
	if end < 0 {
		end = len(ps.points) - 1
	}
	return end
}

// labelLines places the labels, most important first: the target (placed
// before), the line ends (names and latest values), part years and lone
// points (period and value), ranks, then the marks of weak figures not
// labelled yet.
func (f *frame) labelLines(s lineSpec, sc *scene, plan *linePlan) {
	done := map[[2]int]bool{} // points whose label shows their marks
	for i := range plan.series {
		f.labelEnd(s, sc, plan, i, done)
	}
	for i, ps := range plan.series {
		if !ps.grey {
			f.labelValues(s, sc, plan, i, done)
		}
	}
	for i, ps := range plan.series {
		for j, p := range ps.points {
			if mark := p.Mark + p.Flag; mark != "" && !done[[2]int{i, j}] {
				f.labelPoint(sc, plan, p, mark, 0, [2]int{i, j}, done)
			}
		}
	}
}

// labelValues labels a series' points that need their value written: all
// of a rank chart's, and part years and lone points on a value chart.
func (f *frame) labelValues(s lineSpec, sc *scene, plan *linePlan, i int, done map[[2]int]bool) {
	for j, p := range plan.series[i].points {
		if done[[2]int{i, j}] || !(s.rank || p.Partial || p.alone) {
			continue
		}
		text := f.valueText(p.Point, s.text.Decimals)
		if p.Partial && !s.rank && p.Label != "" {
			text = p.Label + " " + text
		}
		f.labelPoint(sc, plan, p, text, 0, [2]int{i, j}, done)
	}
}

// endText is what a series' end says: its name (named lines), the period
// of a part year, and the value (not on rank charts, whose points carry
// their rank, nor for the greyed lines of a highlight).
func (f *frame) endText(s lineSpec, plan *linePlan, ps plannedSeries, p plannedPoint) string {
	var parts []string
	if plan.direct {
		parts = append(parts, ps.name)
	}
	if !s.rank && !ps.grey {
		if p.Partial && p.Label != "" {
			parts = append(parts, p.Label)
		}
		parts = append(parts, f.valueText(p.Point, s.text.Decimals))
	}
	return strings.Join(parts, " ")
}

// labelEnd labels a series at its end point, and, named lines, also at
// the end of its latest line when the end point stands alone (Shanghai's
// 2021–2023 line and its separate 2025 point).
func (f *frame) labelEnd(s lineSpec, sc *scene, plan *linePlan, i int, done map[[2]int]bool) {
	ps := plan.series[i]
	if len(ps.points) == 0 {
		return
	}
	ends := []int{ps.endPoint()}
	if k := ps.lineEnd(); plan.direct && k >= 0 && k != ends[0] && ps.points[ends[0]].alone {
		ends = append(ends, k)
	}
	for _, j := range ends {
		text := f.endText(s, plan, ps, ps.points[j])
		if text == "" {
			return
		}
		ok := f.labelPoint(sc, plan, ps.points[j], text, 1, [2]int{i, j}, done)
		if plan.direct && !ok {
			plan.named = false
		}
		if ok && ps.grey {
			plan.labels[len(plan.labels)-1].c = f.muted
		}
		if s.rank || ps.grey { // the rank or the marks are still to be shown
			delete(done, [2]int{i, j})
		}
	}
}

// lineEnd is the last point of a series' latest line of full years (two
// points or more), -1 when it has none.
func (ps plannedSeries) lineEnd() int {
	end := -1
	for _, run := range ps.runs {
		last := run[len(run)-1]
		if len(run) > 1 && !ps.points[last].Partial && (end < 0 || ps.points[last].Year > ps.points[end].Year) {
			end = last
		}
	}
	return end
}

// labelPoint places one label beside its point (side 1: the right first);
// done records that the point's marks are shown.
func (f *frame) labelPoint(sc *scene, plan *linePlan, p plannedPoint, text string, side int, key [2]int, done map[[2]int]bool) bool {
	spots := pointSpots(p.x, p.y, p.markerRadius(), f.fm.capHeight(sizeSmall), side)
	pl, ok := sc.placeAt(f, text, sizeSmall, pointLeader(p.x, p.y, p.markerRadius()), spots, p.box())
	if ok {
		plan.labels = append(plan.labels, pl)
		done[key] = true
	}
	return ok
}

// planTarget draws the target as a dashed line across its year's band and
// puts its label beside it, clear of lines, points and events.
func (f *frame) planTarget(s lineSpec, lay lineLayout, sc *scene, plan *linePlan) *plannedTarget {
	t := s.target
	box := lay.box
	x0 := math.Max(float64(box.Left), fx(lay.xr, box, float64(t.Year)-0.45))
	x1 := math.Min(float64(box.Right), fx(lay.xr, box, float64(t.Year)+0.45))
	y := fy(lay.yr, box, t.Value)
	label := strings.TrimSpace(t.Label)
	if label == "" {
		label = fmt.Sprintf(f.words.Target, FormatValue(t.Value, s.text.Decimals))
	}
	capH := f.fm.capHeight(sizeSmall)
	// Beside the line first, then further up or down and to either side,
	// with a leader back to the line's nearer end.
	var spots []spot
	for i, d := range []float64{5, 12, 22, 34, 48, 64, 84} {
		far := i > 1
		spots = append(spots,
			spot{x1, y - d, "end", far}, spot{x0, y - d, "", far},
			spot{x1, y + d + capH, "end", far}, spot{x0, y + d + capH, "", far})
		if !far { // on the line's own level, just past an end
			spots = append(spots, spot{x0 - d, y + capH/2, "end", false}, spot{x1 + d, y + capH/2, "", false})
		}
	}
	for _, dx := range []float64{40, 80, 120, 160} {
		for _, d := range []float64{12, 26, 44} {
			spots = append(spots, spot{x0 - dx, y - d, "end", true}, spot{x0 - dx, y + d + capH, "end", true},
				spot{x1 + dx, y - d, "", true}, spot{x1 + dx, y + d + capH, "", true})
		}
	}
	// The label comes first: only the lines and points are on the plot yet.
	pl, ok := sc.placeAt(f, label, sizeSmall, lineLeader(x0, x1, y), spots, rect{x0, y - 1, x1, y + 1})
	if ok {
		pl.c = f.text
		plan.labels = append(plan.labels, pl)
	}
	sc.stroke(seg{x0, y, x1, y, 1, false})
	return &plannedTarget{x0, x1, y}
}
