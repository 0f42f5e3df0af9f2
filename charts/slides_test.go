package charts

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func testDeck(t testing.TB) Deck {
	return Deck{Title: "Auto Cities: 重庆 & friends", Subtitle: "China's car industry, city by city",
		Slides: []Slide{
			{Chart: Compare{Text: Text{Title: "Production by city, 2024", Footer: "Sources: NBS; <Xinhua> & co"},
				Groups: []string{"2024"}, Bars: []CompareBar{{City: "Chongqing", Values: []float64{2.54}}}}},
			{Chart: Timeline{Text: Text{Title: "Chongqing over time"}}},
			{Chart: Rank{Text: Text{Footer: "Source: report"}}},
		}, Options: latin(Options{})}
}

// readPackage unzips a deck into part name → bytes.
func readPackage(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first part %s, want [Content_Types].xml", zr.File[0].Name)
	}
	return parts
}

type xmlTypes struct {
	Defaults []struct {
		Ext  string `xml:"Extension,attr"`
		Type string `xml:"ContentType,attr"`
	} `xml:"Default"`
	Overrides []struct {
		Part string `xml:"PartName,attr"`
		Type string `xml:"ContentType,attr"`
	} `xml:"Override"`
}

type xmlRelationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func TestDeckPackage(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDeck(&buf, testDeck(t)); err != nil {
		t.Fatal(err)
	}
	parts := readPackage(t, buf.Bytes())
	checkWellFormed(t, parts)
	checkContentTypes(t, parts)
	rels := checkRelationships(t, parts)
	want := map[string]string{
		"ppt/presentation.xml":              "slideMaster theme presProps viewProps tableStyles notesMaster slide slide slide slide",
		"ppt/slides/slide1.xml":             "slideLayout",
		"ppt/slides/slide2.xml":             "slideLayout image",
		"ppt/slideMasters/slideMaster1.xml": "slideLayout slideLayout theme",
	}
	for p, w := range want {
		if rels[p] != w {
			t.Errorf("%s relates to %q, want %q", p, rels[p], w)
		}
	}
	pres := string(parts["ppt/presentation.xml"])
	if strings.Count(pres, "<p:sldId ") != 4 || !strings.Contains(pres, `<p:sldSz cx="12192000" cy="6858000"/>`) {
		t.Errorf("presentation.xml: %s", pres)
	}
	s2 := string(parts["ppt/slides/slide2.xml"])
	for _, w := range []string{"Production by city, 2024", "Sources: NBS; &lt;Xinhua&gt; &amp; co", `r:embed="rId2"`, `type="title"`} {
		if !strings.Contains(s2, w) {
			t.Errorf("slide 2 lacks %s", w)
		}
	}
	if !strings.Contains(string(parts["ppt/slides/slide1.xml"]), "重庆 &amp; friends") {
		t.Error("title slide lacks the title")
	}
}

func checkWellFormed(t *testing.T, parts map[string][]byte) {
	t.Helper()
	for name, b := range parts {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s is not well-formed: %v", name, err)
				break
			}
		}
	}
}

// checkContentTypes: every part has a content type, every override names
// a part.
func checkContentTypes(t *testing.T, parts map[string][]byte) {
	t.Helper()
	var ct xmlTypes
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
		t.Fatal(err)
	}
	typed := map[string]bool{}
	for _, o := range ct.Overrides {
		name := strings.TrimPrefix(o.Part, "/")
		if parts[name] == nil {
			t.Errorf("content type for missing part %s", o.Part)
		}
		typed[name] = true
	}
	exts := map[string]bool{}
	for _, d := range ct.Defaults {
		exts[d.Ext] = true
	}
	for name := range parts {
		ext := strings.TrimPrefix(path.Ext(name), ".")
		if name != "[Content_Types].xml" && !typed[name] && !exts[ext] {
			t.Errorf("%s has no content type", name)
		}
		if strings.HasPrefix(name, "ppt/slides/slide") && !typed[name] {
			t.Errorf("%s has no slide content type", name)
		}
	}
}

// checkRelationships: every target exists and IDs are unique; returns
// each source part's relationship types, by short name.
func checkRelationships(t *testing.T, parts map[string][]byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, b := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels xmlRelationships
		if err := xml.Unmarshal(b, &rels); err != nil {
			t.Fatal(name, err)
		}
		dir, file := path.Split(strings.TrimSuffix(name, ".rels"))
		source := path.Join(path.Dir(strings.TrimSuffix(dir, "/")), file)
		ids := map[string]bool{}
		var types []string
		for _, r := range rels.Rels {
			target := path.Join(path.Dir(source), r.Target)
			if source == "" || strings.HasPrefix(name, "_rels/") {
				target = r.Target
			}
			if parts[target] == nil {
				t.Errorf("%s: %s points at missing %s", name, r.ID, target)
			}
			if ids[r.ID] {
				t.Errorf("%s: duplicate id %s", name, r.ID)
			}
			ids[r.ID] = true
			types = append(types, path.Base(r.Type))
		}
		out[source] = strings.Join(types, " ")
	}
	return out
}

func TestDeckReferencesMatch(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDeck(&buf, testDeck(t)); err != nil {
		t.Fatal(err)
	}
	parts := readPackage(t, buf.Bytes())
	for name, b := range parts {
		if !strings.HasSuffix(name, ".xml") || strings.Contains(name, "_rels") {
			continue
		}
		var rels xmlRelationships
		dir, file := path.Split(name)
		_ = xml.Unmarshal(parts[dir+"_rels/"+file+".rels"], &rels)
		have := map[string]bool{}
		for _, r := range rels.Rels {
			have[r.ID] = true
		}
		for _, m := range strings.Split(string(b), `r:`)[1:] {
			if id, ok := strings.CutPrefix(m, `id="`); ok {
				checkRelID(t, name, id, have)
			} else if id, ok := strings.CutPrefix(m, `embed="`); ok {
				checkRelID(t, name, id, have)
			}
		}
	}
}

func checkRelID(t *testing.T, part, rest string, have map[string]bool) {
	id, _, _ := strings.Cut(rest, `"`)
	if !have[id] {
		t.Errorf("%s uses %s, which its relationships lack", part, id)
	}
}

func TestDeckPictureFits(t *testing.T) {
	for _, size := range [][2]int{{1920, 1080}, {1000, 1000}, {400, 100}, {100, 4000}} {
		x, y, cx, cy := fit(size[0], size[1])
		ratio := float64(cx) / float64(cy) / (float64(size[0]) / float64(size[1]))
		if x < slideMargin-1 || y < slidePictTop || x+cx > slideW-slideMargin+1 || y+cy > slideNoteTop || ratio < 0.999 || ratio > 1.001 {
			t.Errorf("%v placed at %d,%d %dx%d", size, x, y, cx, cy)
		}
	}
}

func TestDeckRejectsASlideWithoutChart(t *testing.T) {
	d := testDeck(t)
	d.Slides[1].Chart = (*Timeline)(nil)
	err := WriteDeck(io.Discard, d)
	if !errors.Is(err, ErrNoSpec) || !strings.Contains(err.Error(), "slide 3") {
		t.Errorf("err %v", err)
	}
}

func TestDeckTitleOnly(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDeck(&buf, Deck{}); err != nil {
		t.Fatal(err)
	}
	parts := readPackage(t, buf.Bytes())
	checkContentTypes(t, parts)
	checkRelationships(t, parts)
	if n := strings.Count(string(parts["ppt/presentation.xml"]), "<p:sldId "); n != 1 {
		t.Errorf("%d slides, want the title slide", n)
	}
}

// renderedDeck is a deck of real charts, as the app exports it.
func renderedDeck() Deck {
	return Deck{Title: "Auto Cities", Subtitle: "China's car industry, city by city",
		Slides: []Slide{{Chart: compare2024()}, {Chart: chongqingTimeline()}, {Chart: compareGrouped()}}}
}

// TestDeckTextIsReadable: no text on a slide is under 12 pt: the slide's
// own runs, and the charts' smallest text on the picture (measured on the
// 13.333 in × 7.5 in slide).
func TestDeckTextIsReadable(t *testing.T) {
	d := renderedDeck()
	d.AsOf = "As of 3 December 2026"
	d.Slides = append(d.Slides, Slide{Headline: &Headline{Title: "Chongqing in figures",
		Figures: []KeyFigure{{Value: "2.79", Unit: "million vehicles", Label: "Vehicle production, 2025", Change: "+9.7% on 2024", Note: "Target met"}},
		Footer:  "Source: iChongqing"}, Notes: "Sources of this slide:\n1. iChongqing"})
	d.Slides[0].Notes = "Sources of this slide:\n1. Yicai"
	var buf bytes.Buffer
	if err := WriteDeck(&buf, d); err != nil {
		t.Fatal(err)
	}
	parts := readPackage(t, buf.Bytes())
	checkWellFormed(t, parts)
	checkContentTypes(t, parts)
	checkRelationships(t, parts)
	size := regexp.MustCompile(`sz="(\d+)"`)
	for name, b := range parts {
		if !strings.HasPrefix(name, "ppt/slides/slide") || strings.Contains(name, "_rels") {
			continue
		}
		for _, m := range size.FindAllStringSubmatch(string(b), -1) {
			if n, _ := strconv.Atoi(m[1]); n < 1200 {
				t.Errorf("%s has text of %d/100 pt", name, n)
			}
		}
		if name != "ppt/slides/slide1.xml" && !strings.Contains(string(b), `type="slidenum"`) {
			t.Errorf("%s has no slide number", name)
		}
	}
	if !strings.Contains(string(parts["ppt/slides/slide1.xml"]), "As of 3 December 2026") {
		t.Error("the cover has no as-of date")
	}
	if !strings.Contains(string(parts["ppt/notesSlides/notesSlide5.xml"]), "1. iChongqing") || parts["ppt/notesSlides/notesSlide2.xml"] == nil {
		t.Error("the notes are missing")
	}
	// The picture's layout: sizeSmall layout pixels across a picture as
	// wide as the slide's content area.
	w, _, unit := slidePicture()
	layoutW := float64(w) / unit
	pt := sizeSmall * float64(slideContentW) / slidePoint / layoutW
	if pt < 11.99 {
		t.Errorf("the charts' smallest text is %.1f pt on the slide", pt)
	}
}

// TestDeckRunsNameTheChartsFont: every run of the slides' own text names
// the charts' font for Latin and East Asian text.
func TestDeckRunsNameTheChartsFont(t *testing.T) {
	d := testDeck(t)
	d.AsOf = "As of 3 December 2026"
	d.Slides = append(d.Slides, Slide{Headline: &Headline{Title: "重庆 in figures",
		Figures: []KeyFigure{{Value: "No. 1", Label: "National rank"}}, Footer: "Source: 重庆"}, Notes: "Sources:\n1. 重庆"})
	var buf bytes.Buffer
	if err := WriteDeck(&buf, d); err != nil {
		t.Fatal(err)
	}
	font := d.Options.font.name
	want := `<a:latin typeface="` + font + `"/><a:ea typeface="` + font + `"/>`
	rPr := regexp.MustCompile(`<a:(rPr|endParaRPr)\b[^>]*?(/>|>.*?</a:(rPr|endParaRPr)>)`)
	for name, b := range readPackage(t, buf.Bytes()) {
		if !strings.HasPrefix(name, "ppt/slides/slide") && !strings.HasPrefix(name, "ppt/notesSlides/notesSlide") || strings.Contains(name, "_rels") {
			continue
		}
		runs := rPr.FindAllString(string(b), -1)
		for _, r := range runs {
			if !strings.Contains(r, want) {
				t.Errorf("%s: a run without the charts' font %q: %s", name, font, r)
			}
		}
		if len(runs) == 0 {
			t.Errorf("%s has no runs", name)
		}
	}
}

// TestSlideTitlesKeepPhrasesWhole: a title too long for one line at 28 pt
// shrinks to fit (measured in the deck's font); one too long even so is
// broken at a space, outside its parentheses, never after a dash
// ("Jan–" / "Jun)"), each line fitting the title box.
func TestSlideTitlesKeepPhrasesWhole(t *testing.T) {
	room := float64(slideContentW) / slidePoint
	for _, lf := range []*loadedFont{builtinFont(), findFont("")} {
		for _, c := range []struct {
			title string
			lines int
		}{
			{"Chongqing: vehicle production, 2014–2025", 1},
			{"Chongqing: national rank in vehicle production, 2014–2025 (2024: Jan–Jun)", 1},
			{"Chongqing, Shanghai, Hefei, Guangzhou and Shenzhen: new-energy vehicle production, 2014–2025 (2025: Jan–Nov)", 2},
		} {
			lines, pt := titleLayout(c.title, lf)
			if len(lines) != c.lines || strings.Join(lines, " ") != c.title {
				t.Errorf("%s: %q laid out as %q", lf.name, c.title, lines)
			}
			for _, l := range lines {
				if w := metricsFor(lf.font).width(l, float64(pt)); w > room*0.95 || pt < titleMinPt {
					t.Errorf("%s: %q at %d pt is %.0f pt wide, the box %.0f", lf.name, l, pt, w, room)
				}
				if strings.HasSuffix(l, "–") || strings.Count(l, "(") != strings.Count(l, ")") {
					t.Errorf("%s: line %q breaks a phrase", lf.name, l)
				}
			}
			xml := slideTitle(deckSlide{Title: c.title, TitleLines: lines, TitlePt: pt}, deckLook{font: lf.name})
			if strings.Count(xml, "<a:br>") != c.lines-1 || !strings.Contains(xml, fmt.Sprintf(`sz="%d"`, pt*100)) {
				t.Errorf("%s: title XML %s", lf.name, xml)
			}
		}
	}
}

// TestHeadlineCardsInLine: every card of the headline slide has the same
// paragraphs at the same sizes, an empty one (the rank's missing unit)
// included and a short label padded to the longest's lines, so each
// card's lines, changes and targets included, are level with the others'.
func TestHeadlineCardsInLine(t *testing.T) {
	h := Headline{Title: "Chongqing in figures", Figures: []KeyFigure{
		{Value: "2.79", Unit: "million vehicles", Label: "Vehicle production, 2025", Change: "+9.7% on 2024", Note: "Target met"},
		{Value: "1.30", Unit: "million vehicles", Label: "NEV production, 2025", Change: "+36.0% on 2024"},
		{Value: "45.98", Unit: "billion yuan", Label: "Vehicle export value, Jan–Nov 2025", Change: "+16.8% on Jan–Nov 2024"},
		{Value: "No. 1", Label: "National rank in vehicle production, 2025", Note: "as stated by sources"}}}
	var buf bytes.Buffer
	if err := WriteDeck(&buf, Deck{Slides: []Slide{{Headline: &h}}, Options: latin(Options{})}); err != nil {
		t.Fatal(err)
	}
	xml := string(readPackage(t, buf.Bytes())["ppt/slides/slide2.xml"])
	cards := regexp.MustCompile(`name="Figure \d+".*?</p:sp>`).FindAllString(xml, -1)
	if len(cards) != 4 {
		t.Fatalf("%d cards", len(cards))
	}
	sizes := func(card string) []string {
		var out []string
		for _, p := range regexp.MustCompile(`<a:p>.*?</a:p>`).FindAllString(card, -1) {
			m := regexp.MustCompile(`<a:(?:rPr|endParaRPr)[^>]*\bsz="(\d+)"`).FindStringSubmatch(p)
			if m == nil {
				out = append(out, "none")
				continue
			}
			out = append(out, m[1])
		}
		return out
	}
	// Lines down to the change: the label's paragraph counts as the lines
	// it wraps into.
	var labels []int
	for _, c := range layCards(h, builtinFont()) {
		labels = append(labels, max(1, len(c.label)))
	}
	if slices.Max(labels) < 2 || slices.Min(labels) > 1 {
		t.Fatalf("labels of %v lines: the case should mix one- and two-line labels", labels)
	}
	var level []int
	for i, c := range cards {
		ps := sizes(c)
		if slices.Contains(ps, "none") || ps[0] != "5400" || ps[1] != "2000" {
			t.Errorf("card %d: paragraph sizes %v", i+1, ps)
		}
		change := slices.Index(ps[2:], "2000") + 2
		level = append(level, change-1+labels[i])
	}
	if slices.Min(level) != slices.Max(level) {
		t.Errorf("the cards' changes start on lines %v", level)
	}
}
