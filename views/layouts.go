package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// flowLayout places objects left to right at their minimum size and wraps
// to a new line where the next one does not fit, so that a row of controls
// is never cut off in a narrow window.
type flowLayout struct{}

var _ fyne.Layout = flowLayout{}

// flow is a container of controls that wrap.
func flow(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(flowLayout{}, objects...)
}

func (flowLayout) lines(objects []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	gap := theme.Padding()
	var lines [][]fyne.CanvasObject
	var line []fyne.CanvasObject
	x := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(line) > 0 && x+gap+w > width {
			lines, line, x = append(lines, line), nil, 0
		}
		if len(line) > 0 {
			x += gap
		}
		line = append(line, o)
		x += w
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// Layout is part of fyne.Layout.
func (f flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	y := float32(0)
	for _, line := range f.lines(objects, size.Width) {
		h := lineHeight(line)
		x := float32(0)
		for _, o := range line {
			m := o.MinSize()
			o.Resize(fyne.NewSize(m.Width, h))
			o.Move(fyne.NewPos(x, y))
			x += m.Width + gap
		}
		y += h + gap
	}
}

// MinSize is part of fyne.Layout: the widest object, on one line (the
// chart tab's layout asks Height for the width it gives).
func (f flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, f.Height(objects, 1<<20))
}

// Height is how tall the objects stand when wrapped at width.
func (f flowLayout) Height(objects []fyne.CanvasObject, width float32) float32 {
	lines := f.lines(objects, width)
	h := float32(0)
	for i, line := range lines {
		if i > 0 {
			h += theme.Padding()
		}
		h += lineHeight(line)
	}
	return h
}

func lineHeight(line []fyne.CanvasObject) float32 {
	h := float32(0)
	for _, o := range line {
		h = max(h, o.MinSize().Height)
	}
	return h
}

// labelled is a label and its control kept together on one line of a flow.
func labelled(code string, control fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(label(code), control)
}

// chartTabLayout places a chart tab: the controls on top (wrapping), the
// region panel on the right at full height, and the chart with what
// belongs under it in the rest. The panel narrows in a small window.
type chartTabLayout struct{}

// Objects: controls (a flow container), main, side.
func (chartTabLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	controls, main, side := objects[0].(*fyne.Container), objects[1], objects[2]
	pad := theme.Padding()
	sideW := sideWidth(size.Width)
	if !side.Visible() {
		sideW = 0
	}
	left := size.Width - sideW - pad
	if sideW == 0 {
		left = size.Width
	}
	ch := flowLayout{}.Height(controls.Objects, left)
	controls.Resize(fyne.NewSize(left, ch))
	controls.Move(fyne.NewPos(0, 0))
	main.Resize(fyne.NewSize(left, size.Height-ch-pad))
	main.Move(fyne.NewPos(0, ch+pad))
	if sideW > 0 {
		side.Resize(fyne.NewSize(sideW, size.Height))
		side.Move(fyne.NewPos(left+pad, 0))
	}
}

// MinSize fits an 800×600 window: the chart tab never asks for more.
func (chartTabLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := objects[1].MinSize()
	return fyne.NewSize(max(m.Width, 420)+sideWidth(0)+theme.Padding(), m.Height+flowLayout{}.Height(objects[0].(*fyne.Container).Objects, 560))
}

// sideWidth is the region panel's width in a window of width w.
func sideWidth(w float32) float32 {
	if w >= 1100 {
		return 250
	}
	return 190
}

// stackLayout puts a chart above what explains it (a note, a table, a
// list): the chart gets most of the height but never less than minChart,
// and what is below never less than its own minimum (five table rows).
// readableChart is the height a chart needs for its plot to be read once
// its title, event key and source lines are drawn; squeezedBelow the least
// left to what is under it in a small window.
const (
	readableChart = 330
	squeezedBelow = 120
)

type stackLayout struct {
	minChart float32
	share    float32 // the chart's share of the height when there is room
}

// Objects: chart, below.
func (l stackLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	chart, below := objects[0], objects[1]
	pad := theme.Padding()
	minBelow := below.MinSize().Height
	h := max(l.minChart, min(size.Height*l.share, size.Height-minBelow-pad))
	if h+pad+minBelow > size.Height { // a small window: what is below keeps its minimum
		h = max(l.minChart, size.Height-minBelow-pad)
	}
	// In a small window the chart keeps room to be read (its title, key and
	// sources take a fixed height, the plot what is left): what is below
	// gives up its minimum down to a few lines, and its lists scroll.
	h = max(h, min(readableChart, size.Height-squeezedBelow-pad))
	chart.Resize(fyne.NewSize(size.Width, h))
	chart.Move(fyne.NewPos(0, 0))
	below.Resize(fyne.NewSize(size.Width, max(0, size.Height-h-pad)))
	below.Move(fyne.NewPos(0, h+pad))
}

// MinSize is part of fyne.Layout.
func (l stackLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	b := objects[1].MinSize()
	return fyne.NewSize(max(objects[0].MinSize().Width, b.Width), l.minChart+b.Height+theme.Padding())
}

// atLeast holds objects at a width or a height of its own (what is under
// a chart keeps room for a few lines; a column keeps its width); 0 leaves
// that direction to the objects' own minimum.
type atLeast struct{ w, h float32 }

func (l atLeast) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l atLeast) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(l.w, l.h)
	for _, o := range objects {
		s := o.MinSize()
		if l.w == 0 {
			m.Width = max(m.Width, s.Width)
		}
		if l.h == 0 {
			m.Height = max(m.Height, s.Height)
		}
	}
	return m
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// fillStack stacks objects top to bottom at the width it is given: flows
// wrap at that width (in a VBox a flow gets the height of one line and
// what follows overlaps it), and the object at fill takes the height left.
type fillStack struct {
	fill  int
	width float32 // the width last laid out at, for MinSize
}

func (l *fillStack) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pad := theme.Padding()
	heights := make([]float32, len(objects))
	rest := size.Height
	shown := 0
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		shown++
		if i != l.fill {
			heights[i] = heightAt(o, size.Width)
			rest -= heights[i]
		}
	}
	rest -= pad * float32(max(0, shown-1))
	heights[l.fill] = max(0, rest)
	y := float32(0)
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(size.Width, heights[i]))
		o.Move(fyne.NewPos(0, y))
		y += heights[i] + pad
	}
}

func (l *fillStack) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w := l.width
	if w == 0 {
		w = 560
	}
	var m fyne.Size
	shown := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		shown++
		m.Width = max(m.Width, o.MinSize().Width)
		m.Height += heightAt(o, w)
	}
	m.Height += theme.Padding() * float32(max(0, shown-1))
	return m
}

// heightAt is how tall an object stands at width w: a flow as wrapped, a
// wrapping label as its lines at that width.
func heightAt(o fyne.CanvasObject, w float32) float32 {
	if c, ok := o.(*fyne.Container); ok {
		if f, ok := c.Layout.(flowLayout); ok {
			return f.Height(c.Objects, w)
		}
	}
	if o.Size().Width != w {
		o.Resize(fyne.NewSize(w, o.Size().Height))
	}
	return o.MinSize().Height
}
