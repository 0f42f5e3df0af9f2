package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
)

// Label placement. Every label drawn on a plot (values, periods, marks,
// the target, events) goes through a scene: it holds what is already on
// the plot — markers, lines, bars and the labels placed so far — and a
// label takes the first of its candidate places that is inside the plot
// and touches none of them. A label with no free place is left out rather
// than drawn over something: a value that cannot be read beside its own
// point is better read off the axis than off the wrong point.

// rect is a box in layout pixels.
type rect struct{ l, t, r, b float64 }

func (a rect) overlaps(o rect) bool { return a.l < o.r && o.l < a.r && a.t < o.b && o.t < a.b }

func (a rect) grow(d float64) rect { return rect{a.l - d, a.t - d, a.r + d, a.b + d} }

func (a rect) within(o rect) bool { return a.l >= o.l && a.r <= o.r && a.t >= o.t && a.b <= o.b }

func boxRect(b chart.Box) rect {
	return rect{float64(b.Left), float64(b.Top), float64(b.Right), float64(b.Bottom)}
}

// textRect is the box of a line of text with its baseline at y; anchor is
// "", "middle" or "end".
func textRect(x, baseline, w, capH float64, anchor string) rect {
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	return rect{x - 2, baseline - capH - 2, x + w + 2, baseline + 3}
}

// seg is a straight stroke with its half width; no label lies over one,
// an event's guide line included. A leader (lead) leads from a point to
// its label; no two leaders cross.
type seg struct {
	x0, y0, x1, y1, hw float64
	lead               bool
}

// crosses reports whether two strokes' centre lines cross (touching at an
// end, or running along each other, is not crossing).
func (s seg) crosses(o seg) bool {
	side := func(ax, ay, bx, by, cx, cy float64) float64 { return (bx-ax)*(cy-ay) - (by-ay)*(cx-ax) }
	d1 := side(o.x0, o.y0, o.x1, o.y1, s.x0, s.y0)
	d2 := side(o.x0, o.y0, o.x1, o.y1, s.x1, s.y1)
	d3 := side(s.x0, s.y0, s.x1, s.y1, o.x0, o.y0)
	d4 := side(s.x0, s.y0, s.x1, s.y1, o.x1, o.y1)
	return d1*d2 < 0 && d3*d4 < 0
}

// hits reports whether the stroke passes through r (Liang–Barsky clipping
// of the segment against r grown by the half width).
func (s seg) hits(r rect) bool {
	r = r.grow(s.hw)
	t0, t1 := 0.0, 1.0
	dx, dy := s.x1-s.x0, s.y1-s.y0
	for _, e := range [4][2]float64{{-dx, s.x0 - r.l}, {dx, r.r - s.x0}, {-dy, s.y0 - r.t}, {dy, r.b - s.y0}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// Kinds of things a layout trace records.
const (
	traceLabel  = "label"
	traceMarker = "marker"
	traceBar    = "bar"
	traceLine   = "line"
)

// layoutTrace records what a chart placed, for the overlap tests.
type layoutTrace struct {
	plot    rect
	labels  []tracedLabel
	rects   []tracedRect // markers and bars
	strokes []seg        // lines, event lines, target, leaders
	dropped []string     // labels left out for want of room
}

type tracedLabel struct {
	text  string
	box   rect
	owner rect // the point or bar it belongs to (zero for none)
}

type tracedRect struct {
	kind string
	box  rect
}

// scene is the plot being labelled.
type scene struct {
	plot    rect
	rects   []rect // markers, bars and labels placed so far
	markers []rect // the points, for the nearest-point rule
	strokes []seg
	trace   *layoutTrace
}

// newScene starts the labelling of a plot (a new trace for the tests:
// a chart may be laid out more than once before it is drawn).
func newScene(box chart.Box, trace *layoutTrace) *scene {
	s := &scene{plot: boxRect(box), trace: trace}
	if trace != nil {
		*trace = layoutTrace{plot: s.plot}
	}
	return s
}

// free reports whether a label box fits the plot and touches nothing.
func (s *scene) free(b rect) bool {
	if !b.within(s.plot) {
		return false
	}
	for _, o := range s.rects {
		if b.overlaps(o) {
			return false
		}
	}
	for _, l := range s.strokes {
		if l.hits(b) {
			return false
		}
	}
	return true
}

// block adds an obstacle: a marker or a bar.
func (s *scene) block(kind string, b rect) {
	s.rects = append(s.rects, b)
	if kind == traceMarker {
		s.markers = append(s.markers, b)
	}
	if s.trace != nil {
		s.trace.rects = append(s.trace.rects, tracedRect{kind, b})
	}
}

// stroke adds a line labels must not cross.
func (s *scene) stroke(l seg) {
	s.strokes = append(s.strokes, l)
	if s.trace != nil {
		s.trace.strokes = append(s.trace.strokes, l)
	}
}

// take records a placed label.
func (s *scene) take(text string, b, owner rect) {
	s.rects = append(s.rects, b)
	if s.trace != nil {
		s.trace.labels = append(s.trace.labels, tracedLabel{text, b, owner})
	}
}

func (s *scene) drop(text string) {
	if s.trace != nil {
		s.trace.dropped = append(s.trace.dropped, text)
	}
}

// spot is a candidate place for a label: its anchor point and alignment,
// and where a leader line from the point would end (none when near).
type spot struct {
	x, y   float64 // baseline anchor
	anchor string
	leader bool
}

// pointSpots are the places around a point of radius rad for a label of
// width w, nearest first: right, above, below, left, then the diagonals,
// then the same again further out with a leader line back to the point,
// and last a ring of sixteen directions further still (a crowded band of
// points: the leader may leave at any angle). end puts the right side
// first (the end of a line); start the left.
func pointSpots(x, y, rad, capH float64, side int) []spot {
	out := compassSpots(x, y, rad, capH, side)
	for _, d := range []float64{rad + 44, rad + 62, rad + 84} {
		for k := range 16 {
			a := float64(k) * math.Pi / 8
			dx, dy := math.Cos(a)*d, math.Sin(a)*d
			sp := spot{x + dx, y + dy + capH/2, "middle", true}
			switch {
			case dx > d/3:
				sp.anchor = ""
			case dx < -d/3:
				sp.anchor = "end"
			case dy > 0:
				sp.y += capH / 2
			default:
				sp.y -= capH / 2
			}
			out = append(out, sp)
		}
	}
	return out
}

// compassSpots are the eight places around a point, near and further out.
func compassSpots(x, y, rad, capH float64, side int) []spot {
	var out []spot
	for i, d := range []float64{rad + 4, rad + 14, rad + 28} {
		lead := i > 0
		right := spot{x + d, y + capH/2, "", lead}
		left := spot{x - d, y + capH/2, "end", lead}
		above := spot{x, y - d, "middle", lead}
		below := spot{x, y + d + capH, "middle", lead}
		ar, al := spot{x + d*0.7, y - d*0.7, "", lead}, spot{x - d*0.7, y - d*0.7, "end", lead}
		br, bl := spot{x + d*0.7, y + d*0.7 + capH, "", lead}, spot{x - d*0.7, y + d*0.7 + capH, "end", lead}
		switch {
		case side > 0:
			out = append(out, right, ar, br, above, below, left, al, bl)
		case side < 0:
			out = append(out, left, al, bl, above, below, right, ar, br)
		default:
			out = append(out, above, right, below, left, ar, al, br, bl)
		}
	}
	return out
}

// placed is a label laid out on the plot, with its leader if it has one.
type placed struct {
	placedText
	leader *seg
}

// placeAt puts text at the first free spot; ok is false when none is free
// (the label is left out). A far spot's leader runs from what the label
// belongs to (lead gives it for the label's box) to the label.
func (s *scene) placeAt(f *frame, text string, size float64, lead func(rect) seg, spots []spot, owner rect) (placed, bool) {
	w := f.width(text, size)
	capH := f.fm.capHeight(size)
	for _, sp := range spots {
		b := textRect(sp.x, sp.y, w, capH, sp.anchor)
		if !s.free(b) || !sp.leader && s.nearerOther(b, owner) {
			continue
		}
		var ld *seg
		if sp.leader {
			l := lead(b)
			if s.leaderBlocked(l, b) {
				continue
			}
			ld = &l
		}
		s.take(text, b, owner)
		if ld != nil {
			s.stroke(*ld)
		}
		return placed{placedText{s: text, x: sp.x, y: sp.y, size: size, c: f.text, anchor: sp.anchor, halo: true}, ld}, true
	}
	s.drop(text)
	return placed{}, false
}

// pointLeader leads from the edge of a point (radius rad) to its label.
func pointLeader(x, y, rad float64) func(rect) seg {
	return func(b rect) seg { return leaderTo(x, y, rad, b) }
}

// lineLeader leads from the nearest point of a horizontal line to its label.
func lineLeader(x0, x1, y float64) func(rect) seg {
	return func(b rect) seg {
		x := math.Max(x0, math.Min(x1, (b.l+b.r)/2))
		return leaderTo(x, y, 0, b)
	}
}

// leaderTo is a thin line from the edge of a point to the nearest edge of
// its label's box.
func leaderTo(x, y, rad float64, b rect) seg {
	tx := math.Max(b.l, math.Min(x, b.r))
	ty := math.Max(b.t, math.Min(y, b.b))
	d := math.Hypot(tx-x, ty-y)
	sx, sy := x, y
	if d > 0 {
		sx, sy = x+(tx-x)*(rad+1)/d, y+(ty-y)*(rad+1)/d
	}
	return seg{sx, sy, tx, ty, 0.5, true}
}

// nearerOther reports whether a label box next to its point (owner) is
// nearer another point, where it would be read as that point's.
func (s *scene) nearerOther(b, owner rect) bool {
	if owner == (rect{}) {
		return false
	}
	own := rectGap(b, owner)
	for _, m := range s.markers {
		if m != owner && rectGap(b, m) < own+0.5 {
			return true
		}
	}
	return false
}

// rectGap is the distance between two boxes (0 when they touch).
func rectGap(a, b rect) float64 {
	dx := math.Max(0, math.Max(a.l-b.r, b.l-a.r))
	dy := math.Max(0, math.Max(a.t-b.b, b.t-a.b))
	return math.Hypot(dx, dy)
}

// leaderBlocked reports whether a leader would cross a label or another
// leader on its way (touching its own label's box is fine).
func (s *scene) leaderBlocked(l seg, own rect) bool {
	// The leader's ends touch its own point's marker and its own label.
	n := math.Hypot(l.x1-l.x0, l.y1-l.y0)
	f := math.Min(0.25, 3/math.Max(n, 1))
	inner := seg{l.x0 + (l.x1-l.x0)*f, l.y0 + (l.y1-l.y0)*f, l.x0 + (l.x1-l.x0)*(1-f), l.y0 + (l.y1-l.y0)*(1-f), l.hw, false}
	for _, o := range s.rects {
		if o != own && inner.hits(o) {
			return true
		}
	}
	for _, o := range s.strokes {
		if o.lead && l.crosses(o) {
			return true
		}
	}
	return false
}

func (f *frame) drawLeaders(r surface, ps []placed) {
	for _, p := range ps {
		if p.leader != nil {
			line(r, p.leader.x0, p.leader.y0, p.leader.x1, p.leader.y1, 1, f.muted, nil)
		}
	}
}

func (f *frame) drawPlaced(r surface, ps []placed) {
	f.drawLeaders(r, ps)
	ts := make([]placedText, len(ps))
	for i, p := range ps {
		ts[i] = p.placedText
	}
	f.drawTexts(r, ts)
}
