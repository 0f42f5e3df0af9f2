package charts

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// Slide is one chart slide of a deck: its title and footnote are the
// chart's title and source line, shown as slide text; the picture is the
// chart drawn without them, at the shape of the slide's picture area.
type Slide struct {
	Chart Spec
}

// Deck is a 16:9 slide deck: a title slide, then one slide per chart,
// drawn with Options (theme, font, words; the size is the slide's).
type Deck struct {
	Title, Subtitle string
	Slides          []Slide
	Options         Options
}

// deckSlide is a slide ready to write: texts and the picture as PNG.
type deckSlide struct {
	Title, Footnote string
	Picture         []byte
	Size            [2]int
}

// The slide is 13.333 × 7.5 inches (16:9); sizes are in EMU (914,400 an
// inch).
const (
	slideInch     = 914400
	slideW        = 12192000
	slideH        = 6858000
	slideMargin   = slideInch * 4 / 10
	slideTitleTop = slideInch / 4
	slideTitleH   = slideInch * 8 / 10
	slideNoteH    = slideInch * 4 / 10
	slideNoteTop  = slideH - slideNoteH - slideInch/8
	slidePictTop  = slideTitleTop + slideTitleH + slideInch/10
	slidePictH    = slideNoteTop - slidePictTop - slideInch/10
	slideContentW = slideW - 2*slideMargin
	layoutRel     = "rId1"
	imageRel      = "rId2"
)

// The picture area is drawn at 800×350 layout pixels (its shape on the
// slide) with 3× the pixels: text the size of a slide's body text.
const (
	slidePictureW, slidePictureH = 800, 350
	slidePictureScale            = 3
)

// WriteDeck writes the deck as a PowerPoint file (.pptx, Office Open XML):
// presentation, slide master, two layouts (title slide, title only),
// theme, one slide per chart with its title, the picture fitted below it
// and the footnote at the bottom.
func WriteDeck(w io.Writer, d Deck) error {
	opts := d.Options
	opts.Width, opts.Height, opts.Scale, opts.Transparent = slidePictureW, slidePictureH, slidePictureScale, false
	slides := make([]deckSlide, len(d.Slides))
	for i, s := range d.Slides {
		if isNil(s.Chart) {
			return fmt.Errorf("slide %d: %w", i+2, ErrNoSpec)
		}
		text := s.Chart.Texts()
		var b bytes.Buffer
		bare := text
		bare.Title, bare.Footer = "", ""
		if err := WritePNG(&b, s.Chart.WithTexts(bare), opts); err != nil {
			return fmt.Errorf("slide %d (%s): %w", i+2, text.Title, err)
		}
		slides[i] = deckSlide{Title: text.Title, Footnote: text.Footer, Picture: b.Bytes(),
			Size: [2]int{slidePictureW * slidePictureScale, slidePictureH * slidePictureScale}}
	}
	zw := zip.NewWriter(w)
	now := time.Now()
	for _, p := range deckParts(d, slides) {
		if err := writePart(zw, p, now); err != nil {
			return fmt.Errorf("writing %s: %w", p.name, err)
		}
	}
	return zw.Close()
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

// deckParts lists every part, [Content_Types].xml first.
func deckParts(d Deck, slides []deckSlide) []part {
	n := len(d.Slides) + 1 // the title slide is slide 1
	parts := []part{
		{name: "[Content_Types].xml", data: []byte(contentTypes(n))},
		{name: "_rels/.rels", data: []byte(rootRels)},
		{name: "docProps/core.xml", data: []byte(fmt.Sprintf(coreXML, esc(d.Title), esc(d.Subtitle)))},
		{name: "docProps/app.xml", data: []byte(fmt.Sprintf(appXML, n))},
		{name: "ppt/presentation.xml", data: []byte(presentationXML(n))},
		{name: "ppt/_rels/presentation.xml.rels", data: []byte(presentationRels(n))},
		{name: "ppt/presProps.xml", data: []byte(presPropsXML)},
		{name: "ppt/viewProps.xml", data: []byte(viewPropsXML)},
		{name: "ppt/tableStyles.xml", data: []byte(tableStylesXML)},
		{name: "ppt/theme/theme1.xml", data: []byte(themeXML)},
		{name: "ppt/slideMasters/slideMaster1.xml", data: []byte(masterXML)},
		{name: "ppt/slideMasters/_rels/slideMaster1.xml.rels", data: []byte(masterRels)},
		{name: "ppt/slideLayouts/slideLayout1.xml", data: []byte(layoutTitleXML)},
		{name: "ppt/slideLayouts/_rels/slideLayout1.xml.rels", data: []byte(layoutRels)},
		{name: "ppt/slideLayouts/slideLayout2.xml", data: []byte(layoutTitleOnlyXML)},
		{name: "ppt/slideLayouts/_rels/slideLayout2.xml.rels", data: []byte(layoutRels)},
		{name: "ppt/slides/slide1.xml", data: []byte(titleSlideXML(d))},
		{name: "ppt/slides/_rels/slide1.xml.rels", data: []byte(slideRels(1, 0))},
	}
	for i, s := range slides {
		k := i + 2
		parts = append(parts,
			part{name: fmt.Sprintf("ppt/slides/slide%d.xml", k), data: []byte(chartSlideXML(s, i+1))},
			part{name: fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", k), data: []byte(slideRels(2, i+1))},
			part{name: fmt.Sprintf("ppt/media/image%d.png", i+1), data: s.Picture, store: true})
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
