package views

import (
	"image"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"autocities/charts"
	"autocities/views/chartspec"
)

// FirstChart, when set, is called once, on the UI goroutine, when the
// first chart has been drawn into the window (start-up timing).
var FirstChart func()

var firstChart sync.Once

// settleDelay is how long a size must hold before the chart redraws at it;
// meanwhile the previous picture is shown stretched.
const settleDelay = 120 * time.Millisecond

// Chart shows a chart rendered at the widget's real pixel size (canvas
// scale included), off the UI goroutine.
type Chart struct {
	widget.BaseWidget

	spec  func() func() charts.Spec // on the UI goroutine: a builder for the spec, run off it
	theme func() charts.Theme
	image *canvas.Image

	mu      sync.Mutex
	gen     int // bumps on every request; stale renders are dropped
	timer   *time.Timer
	pending jobs
	last    image.Image

	OnDoubleTapped    func()                 // a double click on the chart (its titles)
	OnSecondaryTapped func(*fyne.PointEvent) // a right click: the chart's menu
}

var (
	_ fyne.Widget            = (*Chart)(nil)
	_ fyne.DoubleTappable    = (*Chart)(nil)
	_ fyne.SecondaryTappable = (*Chart)(nil)
)

// DoubleTapped is part of fyne.DoubleTappable.
func (c *Chart) DoubleTapped(*fyne.PointEvent) {
	if c.OnDoubleTapped != nil {
		c.OnDoubleTapped()
	}
}

// TappedSecondary is part of fyne.SecondaryTappable.
func (c *Chart) TappedSecondary(ev *fyne.PointEvent) {
	if c.OnSecondaryTapped != nil {
		c.OnSecondaryTapped(ev)
	}
}

// NewChart makes a chart widget. spec runs on the UI goroutine and returns
// a builder that holds copies of the choices it needs, so the render
// goroutine never reads state the UI is changing.
func NewChart(spec func() func() charts.Spec, theme func() charts.Theme) *Chart {
	c := &Chart{spec: spec, theme: theme}
	c.image = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleSmooth}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer is part of fyne.Widget.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.image)
}

// MinSize keeps charts readable.
func (c *Chart) MinSize() fyne.Size { return fyne.NewSize(480, 300) }

// Resize schedules a redraw once the size has settled.
func (c *Chart) Resize(size fyne.Size) {
	if size == c.Size() {
		return
	}
	c.BaseWidget.Resize(size)
	c.schedule(settleDelay)
}

// Update redraws at once, for a new choice or new data.
func (c *Chart) Update() { c.schedule(0) }

func (c *Chart) schedule(delay time.Duration) {
	// Everything the render needs is read here, on the UI goroutine: the
	// choices (copied by spec), the theme and the size in device pixels.
	// The render goroutine touches no widget state; only the swap of the
	// finished picture goes back through fyne.Do.
	build := c.spec()
	opts := charts.Options{Theme: c.theme(), Words: chartspec.Words(uiLang())}
	opts.Width, opts.Height = c.pixelSize()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	gen := c.gen
	if c.timer != nil && c.timer.Stop() {
		c.pending.Done()
	}
	c.pending.Add(1)
	c.timer = time.AfterFunc(delay, func() {
		defer c.pending.Done()
		c.render(gen, build, opts)
	})
}

// pixelSize is the widget's size in device pixels; called on the UI
// goroutine only.
func (c *Chart) pixelSize() (int, int) {
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		scale = cv.Scale()
	}
	s := c.Size()
	return int(s.Width * scale), int(s.Height * scale)
}

// render runs off the UI goroutine with what schedule captured; only the
// image swap goes through fyne.Do.
func (c *Chart) render(gen int, build func() charts.Spec, opts charts.Options) {
	if opts.Width < 10 || opts.Height < 10 || !c.current(gen) {
		return
	}
	img, err := charts.Render(build(), opts)
	if err != nil {
		log.Printf("chart: %v", err)
		return
	}
	onUIWait(func() {
		if !c.current(gen) {
			return
		}
		c.last = img
		c.image.Image = img
		c.image.Refresh()
		if FirstChart != nil {
			firstChart.Do(FirstChart)
		}
	})
}

// current reports whether no newer render has been asked for since gen.
func (c *Chart) current(gen int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return gen == c.gen
}

// specLater copies the choice and the data now, on the UI goroutine, to
// build the chart's spec later on the render goroutine.
func (s *State) specLater(c chartspec.Choice) func() charts.Spec {
	d := s.Data()
	c.Lang = uiLang()
	return func() charts.Spec {
		spec, err := chartspec.Build(d, c)
		if err != nil {
			log.Printf("chart: %v", err)
		}
		return spec
	}
}
