// Package charts turns chart specs into pictures and files: go-chart
// rendering to images, PNG and SVG at any size, the city palette, fonts,
// footers, and the slide-deck export. It never imports Fyne or importer: its
// callers (views/chartspec) translate the data into these small types.
package charts

// Theme selects the light or dark variant of every colour.
type Theme int

const (
	Light Theme = iota
	Dark
)

// Options say how big and in which style a chart is drawn.
type Options struct {
	Width, Height int     // in pixels, before Scale
	Scale         float64 // 0 or 1: as is; 2: twice the pixels, same layout
	Theme         Theme   // the text and colour variants: Dark for dark backgrounds, transparent or not
	Transparent   bool    // no background fill: the picture goes on a slide of the theme's shade
	FontPath      string  // a TrueType font to use instead of the one found on the system
	Words         Words   // the texts charts write themselves; zero: English

	font  *loadedFont  // tests: draw with this font (portable goldens)
	unit  float64      // layout pixels per pixel fixed by the caller (slides: text in points); 0: from the size
	trace *layoutTrace // tests: record every label and obstacle placed
}

// Spec is a chart this package draws: a Compare, Timeline or Rank (as a
// value or a pointer). The interface is sealed: only those types have the
// unexported draw method, so Render, WritePNG, WriteSVG and WriteDeck take
// nothing else, and a new kind of chart is a new type here with its own
// drawing file.
type Spec interface {
	// Texts are the chart's title, subtitle, axis title and footer.
	Texts() Text
	// WithTexts is a copy of the chart with other texts: a slide draws its
	// chart without the title and source line it shows as text.
	WithTexts(Text) Spec
	draw(f *frame, r surface) error
	// empty reports a chart with nothing to draw (it draws "No data for …").
	empty() bool
}

// HasData reports whether a chart has at least one value to draw: a chart
// without any draws a "No data for …" picture, which an export leaves out.
func HasData(spec Spec) bool { return !isNil(spec) && !spec.empty() }

// Text is what every chart carries besides its data.
type Text struct {
	Title     string
	Subtitle  string // metric, period, display unit
	ValueAxis string // axis title with its unit, e.g. "Vehicles (million)"
	Note      string // the user's note, under the plot above the sources
	Footer    string // "Sources: …" and the key to the marks, wrapped over as many lines as it needs
	Decimals  int    // decimals for value labels and ticks
}

// Compare is a bar chart of one metric across cities; several Groups (years)
// make grouped bars.
type Compare struct {
	Text
	Groups    []string     // e.g. ["2024"], or ["2023", "2024"] for grouped bars
	Bars      []CompareBar // in the order drawn
	Highlight string       // a city drawn in its colour, the others grey; "" all in colour
}

// Texts is part of Spec.
func (c Compare) Texts() Text { return c.Text }

// WithTexts is part of Spec.
func (c Compare) WithTexts(t Text) Spec { c.Text = t; return c }

func (c Compare) draw(f *frame, r surface) error { return f.compare(r, &c) }

func (c Compare) empty() bool {
	for _, b := range c.Bars {
		for _, v := range b.Values {
			if finite(v) {
				return false
			}
		}
	}
	return true
}

// CompareBar is one city's values, one per group; NaN is a missing value.
type CompareBar struct {
	City   string
	Values []float64
	Marks  []string // optional, per value: a prefix for its label, "~" (approximate) or ">" (more than)
	Flags  []string // optional, per value: marks after it: "?" low confidence, "✎" corrected, "*" imported
}

// mark is the label prefix of value g, if any.
func (b CompareBar) mark(g int) string {
	if g < len(b.Marks) {
		return b.Marks[g]
	}
	return ""
}

// flag is what follows value g's label, if anything.
func (b CompareBar) flag(g int) string {
	if g < len(b.Flags) {
		return b.Flags[g]
	}
	return ""
}

// Timeline is one or several cities' values over years, with events and an
// optional target line.
type Timeline struct {
	Text
	Series    []Series
	Events    []Marker
	Target    *TargetLine
	Highlight string // a city drawn in its colour, the others grey; "" all in colour
}

// Texts is part of Spec.
func (t Timeline) Texts() Text { return t.Text }

// WithTexts is part of Spec.
func (t Timeline) WithTexts(x Text) Spec { t.Text = x; return t }

func (t Timeline) draw(f *frame, r surface) error { return f.timeline(r, &t) }

func (t Timeline) empty() bool { return seriesEmpty(t.Series) }

func seriesEmpty(series []Series) bool {
	for _, s := range series {
		for _, p := range s.Points {
			if finite(p.Value) {
				return false
			}
		}
	}
	return true
}

// Series is one city's values over years. A line joins consecutive years
// of one period only: full years with full years, and part years of the
// same period (the same Label, e.g. Jan–Nov) with each other. A part year
// is never joined to a full year, and a missing year breaks the line.
type Series struct {
	City   string
	Points []Point
}

// Point is one value on a timeline. Partial points (a year with only
// Jan–Nov, say) are drawn hollow and labelled with their period.
type Point struct {
	Year    int
	Value   float64
	Partial bool
	Label   string // the period of a partial point, e.g. "Jan–Nov"
	Mark    string // a prefix for the value's label: "~" (approximate) or ">" (more than)
	Flag    string // marks after the value: "?" low confidence, "✎" corrected by the user, "*" imported
}

// Marker is an event on a timeline at a fractional year (2025.5 = mid-2025).
// A year's value is drawn at the middle of its year, so an event sits in
// its year's band: mid-2025 at the 2025 point, January 2025 half a year
// before it.
type Marker struct {
	At        float64
	Label     string
	Highlight bool
	Date      string // as shown in the key, e.g. "2016" for a year-only date; empty: month and year from At
}

// TargetLine is a stated goal drawn as a horizontal line over its year.
type TargetLine struct {
	Year  int
	Value float64
	Label string
}

// Words are the few texts the charts write themselves. Empty fields keep
// the English defaults, so the views can pass their translations.
type Words struct {
	NoData       string     // "No data for %s" (%s: the subtitle or title)
	NoDataAtAll  string     // "No data", when there is no title either
	NotAvailable string     // "n/a", under a missing bar
	AsStated     string     // "as stated by sources", added to rank axes
	Rank         string     // "National rank", the default rank axis title
	Target       string     // "Target %s", a target line without a label
	Months       [12]string // "Jan" … "Dec", for the event key
	MonthYear    string     // "%[1]s %[2]d": month name, year
	Lighter      string     // "%s (lighter)": legend of the lighter of grouped bars (the oldest on light backgrounds, the newest on dark)
	Darker       string     // "%s (darker)": legend of the darker of grouped bars
	// SourcesInNotes ends a slide's source line cut for room: "(all
	// sources in the notes)".
	SourcesInNotes string
}
