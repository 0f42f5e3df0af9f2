package charts

import (
	"fmt"
	"strings"
	"testing"
)

// crowded are the charts that used to collide, at the sizes they were
// reviewed at.
func crowded() []struct {
	name string
	spec Spec
	w, h int
} {
	return []struct {
		name string
		spec Spec
		w, h int
	}{
		{"five-city NEV timeline", nevFiveCities(), 1920, 1080},
		{"ten-city timeline at 4:3", tenCities(), 1600, 1200},
		{"export value timeline", exportValue(), 1920, 1080},
		{"rank of five cities", rankFiveCities(), 1920, 1080},
		{"grouped compare at 1:1", compareTwoYears(), 1080, 1080},
		{"same-period timeline", productionSamePeriod(), 1920, 1080},
		{"same-period timeline of five cities", nevFiveCitiesSamePeriod(), 1920, 1080},
		{"same-period timeline of five cities on a screen", nevFiveCitiesSamePeriod(), 1000, 600},
		{"five-city NEV timeline on a screen", nevFiveCities(), 900, 560},
		{"ten-city timeline on a screen", tenCities(), 1000, 600},
		{"Chongqing's timeline with events and target", chongqingTimeline(), 1000, 600},
	}
}

// TestLabelsNeverCollide draws the crowded charts and checks every label's
// box, geometrically: inside the plot, clear of every other label, line,
// marker and bar (events' guide lines included), nearer its own point
// than any other, no weak figure's mark left out, and no two leaders
// crossing.
func TestLabelsNeverCollide(t *testing.T) {
	for _, tc := range crowded() {
		for _, th := range []Theme{Light, Dark} {
			name := fmt.Sprintf("%s (%s)", tc.name, map[Theme]string{Light: "light", Dark: "dark"}[th])
			t.Run(name, func(t *testing.T) {
				tr := &layoutTrace{}
				o := Options{Width: tc.w, Height: tc.h, Theme: th, trace: tr}
				if _, err := Render(tc.spec, o); err != nil {
					t.Fatal(err)
				}
				if len(tr.labels) == 0 {
					t.Fatal("no label traced")
				}
				checkTrace(t, tr)
			})
		}
	}
}

func checkTrace(t *testing.T, tr *layoutTrace) {
	t.Helper()
	for i, l := range tr.labels {
		if !l.box.within(tr.plot) {
			t.Errorf("label %q %v reaches over the plot's edge %v", l.text, l.box, tr.plot)
		}
		for _, m := range tr.labels[i+1:] {
			if l.box.overlaps(m.box) {
				t.Errorf("labels %q and %q overlap", l.text, m.text)
			}
		}
		checkClear(t, tr, l)
		checkNearestOwn(t, tr, l)
	}
	for _, d := range tr.dropped {
		if strings.Trim(d, "~>?*"+Pencil) == "" {
			t.Errorf("the mark %q of a weak figure was left out", d)
		}
	}
	checkLeadersApart(t, tr)
}

// checkLeadersApart: no two leader lines cross (an X of leaders reads as
// labels swapped).
func checkLeadersApart(t *testing.T, tr *layoutTrace) {
	t.Helper()
	for i, a := range tr.strokes {
		for _, b := range tr.strokes[i+1:] {
			if a.lead && b.lead && a.crosses(b) {
				t.Errorf("leaders %v and %v cross", a, b)
			}
		}
	}
}

// checkClear: a label overlaps no marker or bar (a label inside its own
// bar aside) and no line but its own leader.
func checkClear(t *testing.T, tr *layoutTrace, l tracedLabel) {
	t.Helper()
	for _, r := range tr.rects {
		if l.box.overlaps(r.box) && !(r.kind == traceBar && r.box == l.owner && l.box.within(r.box)) {
			t.Errorf("label %q overlaps a %s at %v", l.text, r.kind, r.box)
		}
	}
	for _, s := range tr.strokes {
		if s.hits(l.box) && !leaderOf(s, l.box) {
			t.Errorf("label %q is crossed by a line %v", l.text, s)
		}
	}
}

// leaderOf reports whether a stroke is a label's own leader: thin, ending
// on the label's box.
func leaderOf(s seg, b rect) bool {
	if s.hw > 0.5 {
		return false
	}
	near := func(x, y float64) bool { return x >= b.l-0.01 && x <= b.r+0.01 && y >= b.t-0.01 && y <= b.b+0.01 }
	return near(s.x1, s.y1) || near(s.x0, s.y0)
}

// checkNearestOwn: a label without a leader is nearer its own point than
// any other point, so it cannot be read as another's.
func checkNearestOwn(t *testing.T, tr *layoutTrace, l tracedLabel) {
	t.Helper()
	if l.owner == (rect{}) {
		return
	}
	for _, s := range tr.strokes {
		if leaderOf(s, l.box) {
			return
		}
	}
	own := rectGap(l.box, l.owner)
	for _, r := range tr.rects {
		if r.kind == traceMarker && r.box != l.owner && rectGap(l.box, r.box) <= own {
			t.Errorf("label %q is as near another point %v (%.1f) as its own %v (%.1f)", l.text, r.box, rectGap(l.box, r.box), l.owner, own)
		}
	}
}

// TestCrowdedPointsStayVisible: points of one year with (nearly) the same
// value are moved apart, so neither hides the other.
func TestCrowdedPointsStayVisible(t *testing.T) {
	tr := &layoutTrace{}
	tl := Timeline{Text: Text{Title: "Tie"}, Series: []Series{
		{City: "Chongqing", Points: []Point{{Year: 2023, Value: 2.32}, {Year: 2024, Value: 2.54}}},
		{City: "Guangzhou", Points: []Point{{Year: 2023, Value: 3.18}, {Year: 2024, Value: 2.54, Mark: "~"}}},
	}}
	if _, err := Render(tl, latin(Options{trace: tr})); err != nil {
		t.Fatal(err)
	}
	var markers []rect
	for _, r := range tr.rects {
		if r.kind == traceMarker {
			markers = append(markers, r.box)
		}
	}
	for i, a := range markers {
		for _, b := range markers[i+1:] {
			if a.overlaps(b) {
				t.Errorf("markers %v and %v overlap", a, b)
			}
		}
	}
}

// TestTargetLabelClearOfEvents: the target's label touches no line at all,
// event guide lines included.
func TestTargetLabelClearOfEvents(t *testing.T) {
	tr := &layoutTrace{}
	if _, err := Render(chongqingTimeline(), latin(Options{trace: tr})); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range tr.labels {
		if l.text != "2025 target 2.6" {
			continue
		}
		found = true
		for _, s := range tr.strokes {
			if s.hits(l.box) && !leaderOf(s, l.box) {
				t.Errorf("the target's label is crossed by %v", s)
			}
		}
	}
	if !found {
		t.Error("the target has no label")
	}
}

// TestSamePeriodLabelsEveryPartYear: in the five cities' same-period
// timeline, each hollow Jan–Nov point of the crowded 2025 band has its
// period and value written (Hefei's was left with its "~" alone), and no
// label is left out.
func TestSamePeriodLabelsEveryPartYear(t *testing.T) {
	tr := &layoutTrace{}
	if _, err := Render(nevFiveCitiesSamePeriod(), Options{Width: 1920, Height: 1080, trace: tr}); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, l := range tr.labels {
		have[l.text] = true
	}
	for _, want := range []string{"Jan–Nov ~1.20", "Jan–Nov 1.04", "Jan–Nov 1.12?", "Jan–Nov 0.39", "Jan–Nov 0.28"} {
		if !have[want] {
			t.Errorf("no label %q", want)
		}
	}
	if len(tr.dropped) > 0 {
		t.Errorf("labels left out: %q", tr.dropped)
	}
}

// TestLinesNamedAtTheirEnds: a line whose series goes on to a point of its
// own (Shanghai's 2021–2023 line, then 2025 alone) is named at the line's
// end too, not only at the lone point.
func TestLinesNamedAtTheirEnds(t *testing.T) {
	tr := &layoutTrace{}
	if _, err := Render(nevFiveCities(), Options{Width: 1920, Height: 1080, trace: tr}); err != nil {
		t.Fatal(err)
	}
	owners := map[rect]bool{}
	for _, l := range tr.labels {
		if strings.HasPrefix(l.text, "Shanghai ") {
			owners[l.owner] = true
		}
	}
	if len(owners) != 2 {
		t.Errorf("Shanghai is named at %d points, want 2 (its line's end and its 2025 point)", len(owners))
	}
}
