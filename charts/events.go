package charts

import (
	"cmp"
	"fmt"
	"math"
	"sort"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"
)

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
			sorted = append(sorted, placedEvent{Marker: m, x: eventX(xr, box, m.At), label: strings.TrimSpace(m.Label)})
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
	ev.items, ev.lanes = f.spreadBadges(sorted, box), 1
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

// spreadBadges puts numbered badges in one row over their lines. Crowded
// badges are spread apart around the middle of their cluster (a short
// leader joins each to its line), so events of one year fan out over the
// plot instead of piling up at an edge, and no two badges ever touch.
func (f *frame) spreadBadges(items []placedEvent, box chart.Box) []placedEvent {
	step := 2*badgeRadius + 8
	xs := make([]float64, len(items))
	for i := range items {
		items[i].lane, items[i].anchor = 0, "middle"
		xs[i] = items[i].x
	}
	lo := math.Max(badgeRadius+1, float64(box.Left))
	hi := math.Min(f.W-badgeRadius-1, float64(box.Right))
	for i, x := range spreadApart(xs, step, lo, hi) {
		items[i].bx = x
		items[i].l, items[i].r = x-badgeRadius, x+badgeRadius
	}
	return items
}

// spreadApart moves sorted positions the least (in the squares sense) so
// that neighbours are at least step apart, within lo…hi where they fit:
// each run of crowded positions is centred on the mean of its wishes.
func spreadApart(xs []float64, step, lo, hi float64) []float64 {
	type block struct {
		first, n int
		at       float64 // where the block's first position goes
	}
	var blocks []block
	for i, x := range xs {
		blocks = append(blocks, block{i, 1, x})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.at+float64(a.n)*step <= b.at {
				break
			}
			n := a.n + b.n
			at := (a.at*float64(a.n) + (b.at-float64(a.n)*step)*float64(b.n)) / float64(n)
			blocks = append(blocks[:len(blocks)-2], block{a.first, n, at})
		}
	}
	out := make([]float64, len(xs))
	for _, b := range blocks {
		for k := 0; k < b.n; k++ {
			out[b.first+k] = b.at + float64(k)*step
		}
	}
	for i := range out { // keep within the plot, then apart again
		out[i] = math.Max(lo, math.Min(hi, out[i]))
	}
	for i := 1; i < len(out); i++ {
		out[i] = math.Max(out[i], out[i-1]+step)
	}
	for i := len(out) - 2; i >= 0; i-- {
		if out[i+1] > hi {
			out[i+1] = hi
		}
		out[i] = math.Min(out[i], out[i+1]-step)
	}
	return out
}

// eventX is where an event's line runs: a year's value sits at the middle
// of its year, so the fractional year At is drawn half a year earlier
// (mid-2025 at the 2025 point).
func eventX(xr tickRange, box chart.Box, at float64) float64 {
	return fx(xr, box, at-0.5)
}

// laneEvents assigns rows to labels beside their lines: each label goes to
// the right of its line, else to its left, in the lowest row where it
// touches no other label or line; ok is false when some label finds no
// place in maxLanes rows.
func (f *frame) laneEvents(in []placedEvent, width func(placedEvent) float64) ([]placedEvent, int, bool) {
	items := append([]placedEvent(nil), in...)
	lanes := 0
	for i := range items {
		p := &items[i]
		w := width(*p)
		cands := []struct {
			l, r   float64
			anchor string
		}{{p.x + labelMargin, p.x + labelMargin + w, ""}, {p.x - labelMargin - w, p.x - labelMargin, "end"}}
		placed := false
		for lane := 0; !placed && lane < maxLanes; lane++ {
			for _, c := range cands {
				if c.l >= margin && c.r <= f.W-margin && f.laneFree(items[:i], lane, c.l, c.r, p.x) {
					p.lane, p.l, p.r, p.anchor = lane, c.l, c.r, c.anchor
					placed, lanes = true, max(lanes, lane+1)
					break
				}
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
