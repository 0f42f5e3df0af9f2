package charts

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Slide is one chart slide of a deck.
type Slide struct {
	Title    string
	Picture  []byte // the chart as PNG, best at 1920×1080 or more
	Footnote string // the source line, e.g. "Sources: NBS; Xinhua"
}

// Deck is a 16:9 slide deck: a title slide, then one slide per chart.
type Deck struct {
	Title, Subtitle string
	Slides          []Slide
}

// ErrSlidePicture says that a slide's picture is not a PNG image.
var ErrSlidePicture = errors.New("picture is not a PNG image; render the chart with WritePNG")

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

// WriteDeck writes the deck as a PowerPoint file (.pptx, Office Open XML):
// presentation, slide master, two layouts (title slide, title only),
// theme, one slide per chart with its title, the picture fitted below it
// and the footnote at the bottom. The picture keeps its aspect ratio.
func WriteDeck(w io.Writer, d Deck) error {
	sizes := make([][2]int, len(d.Slides))
	for i, s := range d.Slides {
		cfg, err := png.DecodeConfig(bytes.NewReader(s.Picture))
		if err != nil || cfg.Width == 0 || cfg.Height == 0 {
			return fmt.Errorf("slide %d (%s): %w", i+2, s.Title, ErrSlidePicture)
		}
		sizes[i] = [2]int{cfg.Width, cfg.Height}
	}
	zw := zip.NewWriter(w)
	now := time.Now()
	for _, p := range deckParts(d, sizes) {
		if err := writePart(zw, p, now); err != nil {
			return fmt.Errorf("writing %s: %w", p.name, err)
		}
	}
	return zw.Close()
}

// SaveDeck writes the deck to path through a temporary file in the same
// folder, renamed over path when complete: a failed export leaves an
// existing file untouched.
func SaveDeck(path string, d Deck) error {
	if !strings.EqualFold(filepath.Ext(path), ".pptx") {
		return fmt.Errorf("%s: a slide deck's name must end in .pptx", filepath.Base(path))
	}
	return saveAtomic(path, func(w io.Writer) error { return WriteDeck(w, d) })
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
func deckParts(d Deck, sizes [][2]int) []part {
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
	for i, s := range d.Slides {
		k := i + 2
		parts = append(parts,
			part{name: fmt.Sprintf("ppt/slides/slide%d.xml", k), data: []byte(chartSlideXML(s, sizes[i], i+1))},
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

// saveAtomic writes through write into a temporary file beside path and
// renames it over path only when all is written and synced.
func saveAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s (%w); choose a folder you can write to", filepath.Dir(path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace %s (%w); close it in the program that has it open and try again", filepath.Base(path), err)
	}
	return nil
}
