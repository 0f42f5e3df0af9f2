package charts

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// surface is what our own drawing needs beyond go-chart's Renderer: float
// coordinates and anchored text. Both renderers provide it.
type surface interface {
	chart.Renderer
	moveToF(x, y float64)
	lineToF(x, y float64)
	circleF(radius, x, y float64)
	textF(body string, x, y float64, anchor string)
	setHalo(c drawing.Color) // outline under following text; invisible: none
}

// Layout sizes, in layout pixels. The layout is made for about 1000×600;
// bigger and smaller charts scale it (see newFrame), so text stays in
// proportion on a 1920×1080 slide and on a small window.
const (
	margin       = 20.0
	topMargin    = 16.0
	bottomMargin = 12.0
	sizeTitle    = 21.0
	sizeSubtitle = 14.0
	sizeLabel    = 12.5 // legend, axis title, value labels
	sizeTick     = 12.0
	sizeSmall    = 11.0 // footer, n/a, event labels, key
	sizeNoData   = 16.0
	lineSpacing  = 1.3
)

// frame is one chart being drawn: sizes, font and colours.
type frame struct {
	W, H        float64 // layout size
	pxW, pxH    int     // image size
	scale       float64 // image pixels per layout pixel
	theme       Theme
	transparent bool
	lf          *loadedFont
	fm          *fontMetrics
	words       Words
	colors      map[string]drawing.Color // by cityKey: the regions of the chart being drawn
	trace       *layoutTrace             // tests

	bg, text, muted, grid, axis drawing.Color
}

// setColors gives the chart's regions their colours (see Colors); with a
// highlight, every other region is grey.
func (f *frame) setColors(regions []string, highlight string) {
	f.colors = map[string]drawing.Color{}
	cs := Colors(regions, f.theme)
	for i, r := range regions {
		c := dcolor(cs[i])
		if highlight != "" && cityKey(r) != cityKey(highlight) {
			c = dcolor(otherColor(f.theme))
		}
		f.colors[cityKey(r)] = c
	}
}

// colorOf is a region's colour in the chart being drawn.
func (f *frame) colorOf(region string) drawing.Color {
	if c, ok := f.colors[cityKey(region)]; ok {
		return c
	}
	return dcolor(otherColor(f.theme))
}

func dcolor(c interface{ RGBA() (r, g, b, a uint32) }) drawing.Color {
	r, g, b, a := c.RGBA()
	return drawing.Color{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(a >> 8)}
}

// lh is the height of one line of text of a size.
func lh(size float64) float64 { return math.Round(size * lineSpacing) }

// baseline is where text of a size sits in a line starting at top.
func (f *frame) baseline(top, size float64) float64 {
	return top + (lh(size)+f.fm.capHeight(size))/2
}

func (f *frame) width(s string, size float64) float64 { return f.textWidth(s, size) }

// drawText draws one line of text with its baseline at y.
func (f *frame) drawText(r surface, s string, x, y, size float64, c drawing.Color, anchor string) {
	r.ClearTextRotation()
	r.SetFont(f.lf.font)
	r.SetFontSize(size)
	r.SetFontColor(c)
	if !strings.Contains(s, Pencil) {
		r.textF(s, x, y, anchor)
		return
	}
	switch anchor {
	case "middle":
		x -= f.width(s, size) / 2
	case "end":
		x -= f.width(s, size)
	}
	f.drawPencilText(r, s, x, y, size, c)
}

// placedText is a line of text laid out before drawing.
type placedText struct {
	s      string
	x, y   float64 // baseline
	size   float64
	c      drawing.Color
	anchor string
	halo   bool // outlined in the background colour, to read over lines
}

func (f *frame) drawTexts(r surface, ts []placedText) {
	for _, t := range ts {
		if t.halo && !f.transparent {
			r.setHalo(f.bg)
		}
		f.drawText(r, t.s, t.x, t.y, t.size, t.c, t.anchor)
		r.setHalo(drawing.Color{})
	}
}

// wrap breaks s into lines no wider than maxW, at spaces or between CJK
// characters, at most maxLines (the last one cut with "…").
func (f *frame) wrap(s string, size, maxW float64, maxLines int) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var lines []string
	line := ""
	for _, tok := range tokens(s) {
		word := strings.TrimLeft(tok, " ")
		try := line + tok
		if line == "" {
			try = word
		}
		if f.width(try, size) <= maxW || line == "" && f.width(word, size) <= maxW {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = word
		for f.width(line, size) > maxW { // a single word wider than the line
			cut := f.fit(line, size, maxW, "")
			if cut == "" {
				break
			}
			lines = append(lines, cut)
			line = strings.TrimPrefix(line, cut)
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = f.fit(lines[maxLines-1]+"…", size, maxW, "…")
	}
	return lines
}

// tokens splits text into words (with their leading space) and single CJK
// characters, the places a line may break.
func tokens(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if i == start {
			continue
		}
		prev := []rune(s[start:i])
		last := prev[len(prev)-1]
		if r == ' ' && last != ' ' || isCJK(r) || isCJK(last) {
			out = append(out, s[start:i])
			start = i
		}
	}
	return append(out, s[start:])
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// fit returns the longest prefix of s (plus suffix) no wider than maxW.
func (f *frame) fit(s string, size, maxW float64, suffix string) string {
	if f.width(s, size) <= maxW {
		return s
	}
	rs := []rune(strings.TrimSuffix(s, suffix))
	for n := len(rs) - 1; n > 0; n-- {
		if c := strings.TrimRight(string(rs[:n]), " ") + suffix; f.width(c, size) <= maxW {
			return c
		}
	}
	return ""
}

// legendItem is a coloured key entry; line swatches are for line charts.
type legendItem struct {
	label string
	c     drawing.Color
	line  bool
}

// decor is everything around the plot, laid out in layout pixels: texts,
// legend swatches and event badges.
type decor struct {
	texts    []placedText
	swatches []swatch
	badges   []badge
}

type swatch struct {
	x, y, w, h float64 // box; a line swatch is drawn through its middle
	c          drawing.Color
	line       bool
}

type badge struct {
	n         int
	x, y      float64 // centre
	highlight bool
}

const badgeRadius = 8.5

// header lays out title, subtitle, legend and the value-axis title from
// the top, and returns where the space below them starts.
func (f *frame) header(d *decor, t Text, legend []legendItem) float64 {
	y := topMargin
	maxW := f.W - 2*margin
	for _, l := range f.wrap(t.Title, sizeTitle, maxW, 2) {
		d.texts = append(d.texts, placedText{s: l, x: margin, y: f.baseline(y, sizeTitle), size: sizeTitle, c: f.text})
		y += lh(sizeTitle)
	}
	for _, l := range f.wrap(t.Subtitle, sizeSubtitle, maxW, 2) {
		d.texts = append(d.texts, placedText{s: l, x: margin, y: f.baseline(y, sizeSubtitle), size: sizeSubtitle, c: f.muted})
		y += lh(sizeSubtitle)
	}
	if len(legend) > 0 {
		y += 6
		y = f.legend(d, legend, y)
	}
	if t.ValueAxis != "" {
		y += 8
		for _, l := range f.wrap(t.ValueAxis, sizeLabel, maxW, 1) {
			d.texts = append(d.texts, placedText{s: l, x: margin, y: f.baseline(y, sizeLabel), size: sizeLabel, c: f.muted})
			y += lh(sizeLabel)
		}
		y += 6 // the top tick label reaches above the plot
	} else {
		y += 8
	}
	return y
}

// legend flows the items in rows from y and returns the y below them.
func (f *frame) legend(d *decor, items []legendItem, y float64) float64 {
	const gap, itemGap = 6.0, 18.0
	rowH := lh(sizeLabel)
	x := margin
	for _, it := range items {
		sw := 12.0
		if it.line {
			sw = 20
		}
		label := f.fit(it.label, sizeLabel, f.W-2*margin-sw-gap, "…")
		w := sw + gap + f.width(label, sizeLabel)
		if x > margin && x+w > f.W-margin {
			x = margin
			y += rowH
		}
		cy := y + rowH/2
		if it.line {
			d.swatches = append(d.swatches, swatch{x: x, y: cy - 1.5, w: sw, h: 3, c: it.c, line: true})
		} else {
			d.swatches = append(d.swatches, swatch{x: x, y: cy - 6, w: sw, h: 12, c: it.c})
		}
		d.texts = append(d.texts, placedText{s: label, x: x + sw + gap, y: f.baseline(y, sizeLabel), size: sizeLabel, c: f.text})
		x += w + itemGap
	}
	return y + rowH
}

// keyItem is an entry of the numbered-marker key under the plot.
type keyItem struct {
	n         int
	text      string
	highlight bool
}

// footer lays out, from the bottom up, the source line (wrapped over as
// many lines as it needs, up to a third of the chart), the user's note and
// the marker key, and returns where the space above them ends.
func (f *frame) footer(d *decor, t Text, key []keyItem) float64 {
	maxW := f.W - 2*margin
	lines := f.wrap(t.Footer, sizeSmall, maxW, max(2, int(f.H/3/lh(sizeSmall))))
	notes := f.wrap(t.Note, sizeLabel, maxW, 3)
	y := f.H - bottomMargin - float64(len(lines))*lh(sizeSmall)
	for i, l := range lines {
		top := y + float64(i)*lh(sizeSmall)
		d.texts = append(d.texts, placedText{s: l, x: margin, y: f.baseline(top, sizeSmall), size: sizeSmall, c: f.muted})
	}
	if len(notes) > 0 {
		y -= 4 + float64(len(notes))*lh(sizeLabel)
		for i, l := range notes {
			top := y + float64(i)*lh(sizeLabel)
			d.texts = append(d.texts, placedText{s: l, x: margin, y: f.baseline(top, sizeLabel), size: sizeLabel, c: f.text})
		}
	}
	if len(key) == 0 {
		return y - 10
	}
	rows := f.keyRows(key, maxW)
	rowH := math.Max(lh(sizeSmall), 2*badgeRadius+3)
	y -= 4 + float64(len(rows))*rowH
	for i, row := range rows {
		top := y + float64(i)*rowH
		for _, it := range row {
			d.badges = append(d.badges, badge{n: it.n, x: it.x + badgeRadius, y: top + rowH/2, highlight: it.highlight})
			d.texts = append(d.texts, placedText{s: it.text, x: it.x + 2*badgeRadius + 5, y: f.baseline(top+(rowH-lh(sizeSmall))/2, sizeSmall), size: sizeSmall, c: f.text})
		}
	}
	return y - 10
}

type placedKey struct {
	keyItem
	x float64
}

func (f *frame) keyRows(key []keyItem, maxW float64) [][]placedKey {
	var rows [][]placedKey
	var row []placedKey
	x := margin
	for _, k := range key {
		k.text = f.fit(k.text, sizeSmall, maxW-2*badgeRadius-5, "…")
		w := 2*badgeRadius + 5 + f.width(k.text, sizeSmall)
		if len(row) > 0 && x+w > margin+maxW {
			rows = append(rows, row)
			row, x = nil, margin
		}
		row = append(row, placedKey{k, x})
		x += w + 20
	}
	return append(rows, row)
}

func (f *frame) drawDecor(r surface, d *decor) {
	for _, s := range d.swatches {
		if s.line {
			r.SetStrokeColor(s.c)
			r.SetStrokeWidth(s.h)
			r.SetStrokeDashArray(nil)
			r.moveToF(s.x, s.y+s.h/2)
			r.lineToF(s.x+s.w, s.y+s.h/2)
			r.Stroke()
			r.SetFillColor(s.c)
			r.SetStrokeWidth(0)
			r.circleF(3.5, s.x+s.w/2, s.y+s.h/2)
			r.Fill()
			continue
		}
		fillRect(r, s.x, s.y, s.x+s.w, s.y+s.h, s.c)
	}
	for _, b := range d.badges {
		f.drawBadge(r, b)
	}
	f.drawTexts(r, d.texts)
}

// drawBadge draws a numbered circle; the highlighted marker's is darker.
func (f *frame) drawBadge(r surface, b badge) {
	fill := f.muted
	if b.highlight {
		fill = f.text
	}
	r.SetFillColor(fill)
	r.SetStrokeWidth(0)
	r.circleF(badgeRadius, b.x, b.y)
	r.Fill()
	size := sizeSmall
	f.drawText(r, itoa(b.n), b.x, b.y+f.fm.capHeight(size)/2, size, dcolor(Background(f.theme)), "middle")
}

func fillRect(r surface, x0, y0, x1, y1 float64, c drawing.Color) {
	r.SetFillColor(c)
	r.SetStrokeWidth(0)
	r.SetStrokeColor(drawing.Color{})
	r.moveToF(x0, y0)
	r.lineToF(x1, y0)
	r.lineToF(x1, y1)
	r.lineToF(x0, y1)
	r.lineToF(x0, y0)
	r.Fill()
}

func line(r surface, x0, y0, x1, y1, w float64, c drawing.Color, dash []float64) {
	r.SetStrokeColor(c)
	r.SetStrokeWidth(w)
	r.SetStrokeDashArray(dash)
	r.moveToF(x0, y0)
	r.lineToF(x1, y1)
	r.Stroke()
	r.SetStrokeDashArray(nil)
}

func itoa(n int) string { return FormatValue(float64(n), 0) }

// noData draws title, subtitle and footer around a centred "No data for …".
func (f *frame) noData(r surface, t Text) {
	var d decor
	top := f.header(&d, Text{Title: t.Title, Subtitle: t.Subtitle}, nil)
	bottom := f.footer(&d, Text{Footer: t.Footer, Note: t.Note}, nil)
	what := t.Subtitle
	if what == "" {
		what = t.Title
	}
	msg := f.words.NoDataAtAll
	if what != "" {
		msg = fmt.Sprintf(f.words.NoData, what)
	}
	lines := f.wrap(msg, sizeNoData, f.W-4*margin, 3)
	y := (top+bottom)/2 - float64(len(lines))*lh(sizeNoData)/2
	for i, l := range lines {
		d.texts = append(d.texts, placedText{s: l, x: f.W / 2, y: f.baseline(y+float64(i)*lh(sizeNoData), sizeNoData), size: sizeNoData, c: f.muted, anchor: "middle"})
	}
	f.drawDecor(r, &d)
}
