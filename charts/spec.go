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
	Theme         Theme
	Transparent   bool   // no background fill (PNG exports)
	FontPath      string // a TrueType font to use instead of the one found on the system
	Words         Words  // the texts charts write themselves; zero: English

	font *loadedFont // tests: draw with this font (portable goldens)
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
}

// Text is what every chart carries besides its data.
type Text struct {
	Title     string
	Subtitle  string // metric, period, display unit
	ValueAxis string // axis title with its unit, e.g. "Vehicles (million)"
	Footer    string // "Source: …"
	Decimals  int    // decimals for value labels and ticks
}

// Compare is a bar chart of one metric across cities; several Groups (years)
// make grouped bars.
type Compare struct {
	Text
	Groups []string     // e.g. ["2024"], or ["2023", "2024"] for grouped bars
	Bars   []CompareBar // in the order drawn
}

// Texts is part of Spec.
func (c Compare) Texts() Text { return c.Text }

// WithTexts is part of Spec.
func (c Compare) WithTexts(t Text) Spec { c.Text = t; return c }

func (c Compare) draw(f *frame, r surface) error { return f.compare(r, &c) }

// CompareBar is one city's values, one per group; NaN is a missing value.
type CompareBar struct {
	City   string
	Values []float64
	Marks  []string // optional, per value: a prefix for its label, "~" (approximate) or ">" (more than)
}

// mark is the label prefix of value g, if any.
func (b CompareBar) mark(g int) string {
	if g < len(b.Marks) {
		return b.Marks[g]
	}
	return ""
}

// Timeline is one or several cities' values over years, with events and an
// optional target line.
type Timeline struct {
	Text
	Series []Series
	Events []Marker
	Target *TargetLine
}

// Texts is part of Spec.
func (t Timeline) Texts() Text { return t.Text }

// WithTexts is part of Spec.
func (t Timeline) WithTexts(x Text) Spec { t.Text = x; return t }

func (t Timeline) draw(f *frame, r surface) error { return f.timeline(r, &t) }

// Series is one city's line. Years missing from Points break the line.
type Series struct {
	City   string
	Points []Point
}

// Point is one value on a timeline. Partial points (a year with only
// Jan–Nov, say) are drawn hollow and labelled.
type Point struct {
	Year    int
	Value   float64
	Partial bool
	Label   string // e.g. "Jan–Nov" for partial points
	Mark    string // a prefix for the value's label: "~" (approximate) or ">" (more than)
}

// Marker is an event on a timeline at a fractional year (2025.5 = mid-2025).
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
	Lighter      string     // "%s (lighter)": legend of the first of grouped bars
	Darker       string     // "%s (darker)": legend of the last of grouped bars
}
