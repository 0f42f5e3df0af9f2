package charts

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// Slide is one slide of a deck: a chart, or the headline figures. A chart
// slide shows the chart's title as the slide's title and its source line
// as a footnote; the picture is the chart drawn without them, at the shape
// of the slide's picture area. Notes are the speaker notes (the full list
// of sources).
type Slide struct {
	Chart    Spec
	Headline *Headline
	Notes    string
}

// Headline is a slide of key figures: each big, with what it is, its
// change and how it stands against a target.
type Headline struct {
	Title   string
	Figures []KeyFigure
	Footer  string // the sources
}

// KeyFigure is one figure of a headline slide, all in words already:
// "2.79", "million vehicles", "Vehicle production, 2025", "+9.7% on
// 2024, as stated", "Target of 2.60 million vehicles met".
type KeyFigure struct {
	Value, Unit, Label, Change, Note string
}

// Deck is a 16:9 slide deck: a cover (title, subtitle, the "as of" date),
// then the slides, numbered, drawn with Options (theme, font, words; the
// size is the slide's). Slide text uses the charts' font, so a chart and
// its slide read as one.
type Deck struct {
	Title, Subtitle string
	AsOf            string // "As of 3 December 2026", on the cover
	Slides          []Slide
	Options         Options
}

// deckSlide is a slide ready to write: texts and the picture as PNG.
type deckSlide struct {
	Title, Footnote, Notes string
	TitleLines             []string // the title as laid out, line by line
	TitlePt                int
	Picture                []byte
	Size                   [2]int
	Headline               *Headline
	Cards                  []cardText // a headline slide's cards, laid out
	Number                 int
}

// The slide is 13.333 × 7.5 inches (16:9); sizes are in EMU (914,400 an
// inch, 12,700 a point).
const (
	slideInch     = 914400
	slidePoint    = 12700
	slideW        = 12192000
	slideH        = 6858000
	slideMargin   = slideInch * 4 / 10
	slideTitleTop = slideInch / 4
	slideTitleH   = slideInch * 8 / 10
	slideNoteH    = slideInch * 6 / 10
	slideNoteTop  = slideH - slideNoteH - slideInch/8
	slidePictTop  = slideTitleTop + slideTitleH + slideInch/10
	slidePictH    = slideNoteTop - slidePictTop - slideInch/10
	slideContentW = slideW - 2*slideMargin
	layoutRel     = "rId1"
	imageRel      = "rId2"
	notesRel      = "rId3"
)

// Slide text sizes in points: nothing on a slide is under 12 pt, chart
// text included.
const (
	slideMinPt      = 12.0
	slideFootnotePt = 12
	slideTitlePt    = 28
	cardLabelPt     = 18 // what a headline figure is, and its note
	cardChangePt    = 20 // its change, in bold
)

// cardGap is the space between headline cards.
const cardGap = slideInch / 4

// The picture fills the picture area: 2400 pixels across, laid out so
// that the charts' smallest text (sizeSmall layout pixels) is 12 pt on
// the slide.
const slidePictureW = 2400

func slidePicture() (w, h int, unit float64) {
	w = slidePictureW
	h = int(math.Round(float64(slidePictureW) * float64(slidePictH) / float64(slideContentW)))
	widthPt := float64(slideContentW) / slidePoint
	layoutW := widthPt / (slideMinPt / sizeSmall) // layout pixels across the picture
	return w, h, float64(w) / layoutW
}

// WriteDeck writes the deck as a PowerPoint file (.pptx, Office Open XML):
// presentation, slide master, two layouts (title slide, title only), a
// notes master, theme, a cover, then each slide with its number and notes.
func WriteDeck(w io.Writer, d Deck) error {
	opts := d.Options
	opts.Words = opts.Words.withDefaults()
	pw, ph, unit := slidePicture()
	opts.Width, opts.Height, opts.Scale, opts.Transparent, opts.unit = pw, ph, 1, false, unit
	lf := opts.font
	if lf == nil {
		lf = findFont(opts.FontPath)
	}
	slides := make([]deckSlide, len(d.Slides))
	for i, s := range d.Slides {
		ds, err := prepareSlide(s, opts, lf)
		if err != nil {
			return fmt.Errorf("slide %d: %w", i+2, err)
		}
		ds.Number = i + 2
		slides[i] = ds
	}
	zw := zip.NewWriter(w)
	now := time.Now()
	for _, p := range deckParts(d, slides, deckLook{font: lf.name, theme: opts.Theme}) {
		if err := writePart(zw, p, now); err != nil {
			return fmt.Errorf("writing %s: %w", p.name, err)
		}
	}
	return zw.Close()
}

// prepareSlide draws a chart slide's picture and wraps its source line.
func prepareSlide(s Slide, opts Options, lf *loadedFont) (deckSlide, error) {
	if s.Headline != nil {
		h := *s.Headline
		lines, pt := titleLayout(h.Title, lf)
		return deckSlide{Title: h.Title, TitleLines: lines, TitlePt: pt, Footnote: slideFootnote(h.Footer, lf, opts.Words.SourcesInNotes),
			Notes: s.Notes, Headline: &h, Cards: layCards(h, lf)}, nil
	}
	if isNil(s.Chart) {
		return deckSlide{}, ErrNoSpec
	}
	text := s.Chart.Texts()
	var b bytes.Buffer
	bare := text
	bare.Title, bare.Footer = "", ""
	if err := WritePNG(&b, s.Chart.WithTexts(bare), opts); err != nil {
		return deckSlide{}, fmt.Errorf("%s: %w", text.Title, err)
	}
	lines, pt := titleLayout(text.Title, lf)
	return deckSlide{Title: text.Title, TitleLines: lines, TitlePt: pt, Footnote: slideFootnote(text.Footer, lf, opts.Words.SourcesInNotes),
		Notes: s.Notes, Picture: b.Bytes(), Size: [2]int{opts.Width, opts.Height}}, nil
}

// cardText is a headline card's wrapped texts, line by line.
type cardText struct{ label, change, note []string }

// layCards wraps each headline card's label, change and note at spaces,
// measured in the deck's font a little narrower than the card (for
// another renderer's widths, and the change's bold): the slide breaks the
// lines there itself, never after a dash ("Jan–" / "Nov 2025"), and the
// cards' lines below the labels can be kept level.
func layCards(h Headline, lf *loadedFont) []cardText {
	n := max(1, len(h.Figures))
	w := (float64(slideContentW) - float64(cardGap)*float64(n-1)) / float64(n) / slidePoint
	f := &frame{lf: lf, fm: metricsFor(lf.font)}
	out := make([]cardText, len(h.Figures))
	for i, fig := range h.Figures {
		out[i] = cardText{f.wrap(fig.Label, cardLabelPt, w*0.95, 10), f.wrap(fig.Change, cardChangePt, w*0.9, 10),
			f.wrap(fig.Note, cardLabelPt, w*0.95, 10)}
	}
	return out
}

// slideFootnote is the source line as the slide shows it: whole when it
// fits three lines at 12 pt, else cut after the strongest sources (listed
// first) with a pointer to the notes, which hold every source.
func slideFootnote(footer string, lf *loadedFont, notesPointer string) string {
	fm := metricsFor(lf.font)
	widthPt := float64(slideContentW) / slidePoint
	if fm.width(footer, slideFootnotePt) <= 3*widthPt*0.95 {
		return footer
	}
	more := " … " + notesPointer
	cut := []rune(footer)
	for len(cut) > 0 && fm.width(string(cut)+more, slideFootnotePt) > 3*widthPt*0.95 {
		cut = cut[:len(cut)-1]
	}
	s := string(cut)
	if i := strings.LastIndexAny(s, ";；,，"); i > 0 {
		s = s[:i]
	}
	return s + more
}

// part is one file of the package.
type part struct {
	name  string
	data  []byte
	store bool // already compressed (PNG)
}

func writePart(zw *zip.Writer, p part, modified time.Time) error {
	method := zip.Deflate
	if p.store {
		method = zip.Store
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: modified})
	if err != nil {
		return err
	}
	_, err = fw.Write(p.data)
	return err
}

// deckLook is what the deck's parts share: the font and the theme.
type deckLook struct {
	font  string
	theme Theme
}

// deckParts lists every part, [Content_Types].xml first.
func deckParts(d Deck, slides []deckSlide, look deckLook) []part {
	n := len(slides) + 1 // the cover is slide 1
	notes := make([]bool, n+1)
	for _, s := range slides {
		notes[s.Number] = s.Notes != ""
	}
	parts := []part{
		{name: "[Content_Types].xml", data: []byte(contentTypes(n, notes))},
		{name: "_rels/.rels", data: []byte(rootRels)},
		{name: "docProps/core.xml", data: []byte(fmt.Sprintf(coreXML, esc(d.Title), esc(d.Subtitle)))},
		{name: "docProps/app.xml", data: []byte(fmt.Sprintf(appXML, n))},
		{name: "ppt/presentation.xml", data: []byte(presentationXML(n))},
		{name: "ppt/_rels/presentation.xml.rels", data: []byte(presentationRels(n))},
		{name: "ppt/presProps.xml", data: []byte(presPropsXML)},
		{name: "ppt/viewProps.xml", data: []byte(viewPropsXML)},
		{name: "ppt/tableStyles.xml", data: []byte(tableStylesXML)},
		{name: "ppt/theme/theme1.xml", data: []byte(themeXML(look))},
		{name: "ppt/theme/theme2.xml", data: []byte(themeXML(look))},
		{name: "ppt/slideMasters/slideMaster1.xml", data: []byte(masterXML(look))},
		{name: "ppt/slideMasters/_rels/slideMaster1.xml.rels", data: []byte(masterRels)},
		{name: "ppt/slideLayouts/slideLayout1.xml", data: []byte(layoutTitleXML)},
		{name: "ppt/slideLayouts/_rels/slideLayout1.xml.rels", data: []byte(layoutRels)},
		{name: "ppt/slideLayouts/slideLayout2.xml", data: []byte(layoutTitleOnlyXML)},
		{name: "ppt/slideLayouts/_rels/slideLayout2.xml.rels", data: []byte(layoutRels)},
		{name: "ppt/notesMasters/notesMaster1.xml", data: []byte(notesMasterXML)},
		{name: "ppt/notesMasters/_rels/notesMaster1.xml.rels", data: []byte(notesMasterRels)},
		{name: "ppt/slides/slide1.xml", data: []byte(titleSlideXML(d, look))},
		{name: "ppt/slides/_rels/slide1.xml.rels", data: []byte(slideRels(1, 0, 0))},
	}
	image := 0
	for _, s := range slides {
		k := s.Number
		var body string
		img := 0
		if s.Headline != nil {
			body = headlineSlideXML(s, look)
		} else {
			image++
			img = image
			body = chartSlideXML(s, look)
			parts = append(parts, part{name: fmt.Sprintf("ppt/media/image%d.png", image), data: s.Picture, store: true})
		}
		note := 0
		if s.Notes != "" {
			note = k
			parts = append(parts,
				part{name: fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", k), data: []byte(notesSlideXML(s.Notes, look))},
				part{name: fmt.Sprintf("ppt/notesSlides/_rels/notesSlide%d.xml.rels", k), data: []byte(notesSlideRels(k))})
		}
		parts = append(parts,
			part{name: fmt.Sprintf("ppt/slides/slide%d.xml", k), data: []byte(body)},
			part{name: fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", k), data: []byte(slideRels(2, img, note))})
	}
	return parts
}

// fit places a w×h picture as large as it goes in the picture area,
// centred.
func fit(w, h int) (x, y, cx, cy int64) {
	cx, cy = slideContentW, int64(float64(slideContentW)*float64(h)/float64(w))
	if cy > slidePictH {
		cy = slidePictH
		cx = int64(float64(slidePictH) * float64(w) / float64(h))
	}
	return (slideW - cx) / 2, slidePictTop + (slidePictH-cy)/2, cx, cy
}

// esc makes text safe inside XML; characters XML cannot carry become
// U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xmlEscape(&b, s)
	return b.String()
}
