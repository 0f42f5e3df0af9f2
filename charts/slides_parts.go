package charts

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The fixed parts of the deck, written after what PowerPoint itself saves,
// cut to what the package rules require (ECMA-376 part 1, PresentationML).

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsA   = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	nsP   = `xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	nsAll = nsA + " " + nsR + " " + nsP

	relBase  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	typeBase = "application/vnd.openxmlformats-officedocument.presentationml."
)

func xmlEscape(w io.Writer, s string) error { return xml.EscapeText(w, []byte(s)) }

func contentTypes(slides int, notes []bool) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="png" ContentType="image/png"/>` +
		`<Override PartName="/ppt/presentation.xml" ContentType="` + typeBase + `presentation.main+xml"/>` +
		`<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="` + typeBase + `slideMaster+xml"/>` +
		`<Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="` + typeBase + `slideLayout+xml"/>` +
		`<Override PartName="/ppt/slideLayouts/slideLayout2.xml" ContentType="` + typeBase + `slideLayout+xml"/>` +
		`<Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="` + typeBase + `notesMaster+xml"/>` +
		`<Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
		`<Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
		`<Override PartName="/ppt/presProps.xml" ContentType="` + typeBase + `presProps+xml"/>` +
		`<Override PartName="/ppt/viewProps.xml" ContentType="` + typeBase + `viewProps+xml"/>` +
		`<Override PartName="/ppt/tableStyles.xml" ContentType="` + typeBase + `tableStyles+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := 1; i <= slides; i++ {
		fmt.Fprintf(&b, `<Override PartName="/ppt/slides/slide%d.xml" ContentType="`+typeBase+`slide+xml"/>`, i)
		if i < len(notes) && notes[i] {
			fmt.Fprintf(&b, `<Override PartName="/ppt/notesSlides/notesSlide%d.xml" ContentType="`+typeBase+`notesSlide+xml"/>`, i)
		}
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const rootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="ppt/presentation.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const coreXML = xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
	`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<dc:title>%s</dc:title><dc:subject>%s</dc:subject><dc:creator>Auto Cities</dc:creator></cp:coreProperties>`

const appXML = xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
	`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
	`<Application>Auto Cities</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>%d</Slides></Properties>`

// Relationship IDs of presentation.xml: rId1 master, rId2 theme, rId3–5
// properties and table styles, rId6 the notes master, then the slides
// from rId10.
const firstSlideRel = 10

func presentationXML(slides int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<p:presentation ` + nsAll + ` saveSubsetFonts="1">` +
		`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
		`<p:notesMasterIdLst><p:notesMasterId r:id="rId6"/></p:notesMasterIdLst><p:sldIdLst>`)
	for i := 0; i < slides; i++ {
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, firstSlideRel+i)
	}
	b.WriteString(`</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>` +
		`<p:defaultTextStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr></p:defaultTextStyle></p:presentation>`)
	return b.String()
}

func presentationRels(slides int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relBase + `slideMaster" Target="slideMasters/slideMaster1.xml"/>` +
		`<Relationship Id="rId2" Type="` + relBase + `theme" Target="theme/theme1.xml"/>` +
		`<Relationship Id="rId3" Type="` + relBase + `presProps" Target="presProps.xml"/>` +
		`<Relationship Id="rId4" Type="` + relBase + `viewProps" Target="viewProps.xml"/>` +
		`<Relationship Id="rId5" Type="` + relBase + `tableStyles" Target="tableStyles.xml"/>` +
		`<Relationship Id="rId6" Type="` + relBase + `notesMaster" Target="notesMasters/notesMaster1.xml"/>`)
	for i := 0; i < slides; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="`+relBase+`slide" Target="slides/slide%d.xml"/>`, firstSlideRel+i, i+1)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

const presPropsXML = xmlHead + `<p:presentationPr ` + nsAll + `/>`

const viewPropsXML = xmlHead + `<p:viewPr ` + nsAll + `><p:normalViewPr><p:restoredLeft sz="15620"/>` +
	`<p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`

const tableStylesXML = xmlHead + `<a:tblStyleLst ` + nsA + ` def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`

// slideRels links a slide to its layout (1: title slide, 2: title only),
// its picture and its notes, where it has them.
func slideRels(layout, image, notes int) string {
	s := xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		fmt.Sprintf(`<Relationship Id="%s" Type="`+relBase+`slideLayout" Target="../slideLayouts/slideLayout%d.xml"/>`, layoutRel, layout)
	if image > 0 {
		s += fmt.Sprintf(`<Relationship Id="%s" Type="`+relBase+`image" Target="../media/image%d.png"/>`, imageRel, image)
	}
	if notes > 0 {
		s += fmt.Sprintf(`<Relationship Id="%s" Type="`+relBase+`notesSlide" Target="../notesSlides/notesSlide%d.xml"/>`, notesRel, notes)
	}
	return s + `</Relationships>`
}

const masterRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `slideLayout" Target="../slideLayouts/slideLayout1.xml"/>` +
	`<Relationship Id="rId2" Type="` + relBase + `slideLayout" Target="../slideLayouts/slideLayout2.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `theme" Target="../theme/theme1.xml"/>` +
	`</Relationships>`

const layoutRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `slideMaster" Target="../slideMasters/slideMaster1.xml"/>` +
	`</Relationships>`

const groupProps = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

// xfrm places a shape; a rectangle is the only geometry used.
func xfrm(x, y, cx, cy int64) string {
	return fmt.Sprintf(`<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>`, x, y, cx, cy)
}

// placeholder is a text shape bound to a layout placeholder (ph: e.g.
// `type="title"`), holding one paragraph.
func placeholder(id int, name, ph, spPr, para string) string {
	return fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>`+
		`<p:nvPr><p:ph %s/></p:nvPr></p:nvSpPr><p:spPr>%s</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>%s</p:txBody></p:sp>`,
		id, name, ph, spPr, para)
}

// para is one paragraph; rPr holds run attributes (size in hundredths of
// a point) and children such as a fill. An empty paragraph keeps them, so
// it is as tall as its text would be.
func para(text, attrs, children string) string {
	if text == "" {
		return fmt.Sprintf(`<a:p><a:endParaRPr lang="en-US" dirty="0"%s>%s</a:endParaRPr></a:p>`, attrs, children)
	}
	return fmt.Sprintf(`<a:p><a:r><a:rPr lang="en-US" altLang="zh-CN" dirty="0"%s>%s</a:rPr><a:t>%s</a:t></a:r></a:p>`, attrs, children, esc(text))
}

// para is a paragraph of the slides' own text: in the charts' font, named
// on the run for Latin and East Asian text alike. LibreOffice takes no
// font from the master's styles for a text box and would fall back to
// its default (DejaVu Sans), which has no Chinese.
func (l deckLook) para(text, attrs, fill string) string {
	return para(text, attrs, fill+l.typefaces())
}

// typefaces name the deck's font for Latin and East Asian text, as the
// children of a run's properties (after its fill, as the schema orders
// them).
func (l deckLook) typefaces() string {
	if l.font == "" {
		return ""
	}
	f := esc(l.font)
	return `<a:latin typeface="` + f + `"/><a:ea typeface="` + f + `"/>`
}

const masterTitle = `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
	`<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="365760" y="228600"/><a:ext cx="11460480" cy="731520"/></a:xfrm>` +
	`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert="horz" lIns="0" rIns="0" anchor="b"><a:normAutofit/></a:bodyPr>` +
	`<a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Title</a:t></a:r></a:p></p:txBody></p:sp>`

const masterBody = `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Text Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
	`<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="365760" y="1143000"/><a:ext cx="11460480" cy="5029200"/></a:xfrm>` +
	`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr vert="horz" lIns="0" rIns="0"><a:normAutofit/></a:bodyPr>` +
	`<a:lstStyle/><a:p><a:pPr lvl="0"/><a:r><a:rPr lang="en-US"/><a:t>Text</a:t></a:r></a:p></p:txBody></p:sp>`

func textStyle(tag, size, font string) string {
	return fmt.Sprintf(`<p:%s><a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/><a:defRPr sz="%s" kern="1200">`+
		`<a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="%s"/><a:ea typeface="%s"/><a:cs typeface="%s"/>`+
		`</a:defRPr></a:lvl1pPr></p:%s>`, tag, size, font+"-lt", font+"-ea", font+"-cs", tag)
}

// clrMap maps the theme's colours: dark text on a light background, or
// (the dark theme) light text on the charts' dark background.
func clrMap(look deckLook) string {
	if look.theme == Dark {
		return `<p:clrMap bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2" accent1="accent1" accent2="accent2" accent3="accent3" ` +
			`accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`
	}
	return `<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ` +
		`accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`
}

func masterXML(look deckLook) string {
	return xmlHead + `<p:sldMaster ` + nsAll + `><p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>` +
		`<p:spTree>` + groupProps + masterTitle + masterBody + `</p:spTree></p:cSld>` + clrMap(look) +
		`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/></p:sldLayoutIdLst>` +
		`<p:txStyles>` + textStyle("titleStyle", "3200", "+mj") + textStyle("bodyStyle", "2000", "+mn") +
		textStyle("otherStyle", "1800", "+mn") + `</p:txStyles></p:sldMaster>`
}

func layoutXML(typ, name, shapes string) string {
	return xmlHead + `<p:sldLayout ` + nsAll + ` type="` + typ + `" preserve="1"><p:cSld name="` + name + `"><p:spTree>` +
		groupProps + shapes + `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
}

var layoutTitleXML = layoutXML("title", "Title Slide",
	placeholder(2, "Title 1", `type="ctrTitle"`, xfrm(slideMargin, 2130000, slideContentW, 1470000), para("Title", ` sz="4400"`, ""))+
		placeholder(3, "Subtitle 2", `type="subTitle" idx="1"`, xfrm(slideMargin, 3700000, slideContentW, 900000), para("Subtitle", ` sz="2400"`, "")))

var layoutTitleOnlyXML = layoutXML("titleOnly", "Title Only",
	placeholder(2, "Title 1", `type="title"`, xfrm(slideMargin, slideTitleTop, slideContentW, slideTitleH), para("Title", "", "")))

// mutedFill is the colour of footnotes and slide numbers.
func mutedFill(look deckLook) string {
	c := MutedTextColor(look.theme)
	return fmt.Sprintf(`<a:solidFill><a:srgbClr val="%02X%02X%02X"/></a:solidFill>`, c.R, c.G, c.B)
}

func slideXML(shapes string) string {
	return xmlHead + `<p:sld ` + nsAll + `><p:cSld><p:spTree>` + groupProps + shapes +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`
}

// textBox is a text shape of paragraphs (built with para).
func textBox(id int, name string, x, y, cx, cy int64, anchor, paras string) string {
	return fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`+
		`<p:spPr>%s<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="%s"><a:noAutofit/></a:bodyPr>`+
		`<a:lstStyle/>%s</p:txBody></p:sp>`, id, name, xfrm(x, y, cx, cy), anchor, paras)
}

func titleSlideXML(d Deck, look deckLook) string {
	return slideXML(
		placeholder(2, "Title 1", `type="ctrTitle"`, xfrm(slideMargin, 2130000, slideContentW, 1470000), look.para(d.Title, ` sz="4400" b="1"`, "")) +
			placeholder(3, "Subtitle 2", `type="subTitle" idx="1"`, xfrm(slideMargin, 3700000, slideContentW, 900000), look.para(d.Subtitle, ` sz="2400"`, mutedFill(look))) +
			textBox(4, "As of", slideMargin, 4750000, slideContentW, 500000, "t", look.para(d.AsOf, ` sz="1800"`, mutedFill(look))))
}

// slideNumber is the slide's number, bottom right, as a field PowerPoint
// keeps up to date.
func slideNumber(n int, look deckLook) string {
	return fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="9" name="Slide Number"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`+
		`<p:spPr>%s<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"><a:noAutofit/></a:bodyPr>`+
		`<a:lstStyle/><a:p><a:pPr algn="r"/><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">`+
		`<a:rPr lang="en-US" sz="%d">%s</a:rPr><a:t>%d</a:t></a:fld></a:p></p:txBody></p:sp>`,
		xfrm(slideW-slideMargin-slideInch, slideH-slideInch/8-slideInch/4, slideInch, slideInch/4), slideFootnotePt*100, mutedFill(look)+look.typefaces(), n)
}

// footnote is the source line at the bottom of a slide, left of the
// slide number.
func footnote(text string, look deckLook) string {
	return textBox(4, "Footnote", slideMargin, slideNoteTop, slideContentW-slideInch-slideInch/4, slideNoteH, "t",
		look.para(text, fmt.Sprintf(` sz="%d"`, slideFootnotePt*100), mutedFill(look)))
}

// slideTitle is the slide's title as titleLayout laid it out: its size,
// and its lines joined by line breaks.
func slideTitle(s deckSlide, look deckLook) string {
	lines, pt := s.TitleLines, cmp.Or(s.TitlePt, slideTitlePt)
	if len(lines) == 0 {
		lines = []string{s.Title}
	}
	p := look.paraLines(lines, fmt.Sprintf(` sz="%d"`, pt*100), "")
	return placeholder(2, "Title 1", `type="title"`, xfrm(slideMargin, slideTitleTop, slideContentW, slideTitleH), p)
}

// paraLines is one paragraph of lines laid out already, joined by line
// breaks.
func (l deckLook) paraLines(lines []string, attrs, fill string) string {
	if len(lines) < 2 {
		return l.para(strings.Join(lines, ""), attrs, fill)
	}
	rPr := fmt.Sprintf(`<a:rPr lang="en-US" altLang="zh-CN" dirty="0"%s>%s</a:rPr>`, attrs, fill+l.typefaces())
	var runs []string
	for _, line := range lines {
		runs = append(runs, `<a:r>`+rPr+`<a:t>`+esc(line)+`</a:t></a:r>`)
	}
	return `<a:p>` + strings.Join(runs, `<a:br>`+rPr+`</a:br>`) + `</a:p>`
}

// chartSlideXML: the title, the chart picture fitted below it, the source
// line as a footnote, the slide number.
func chartSlideXML(s deckSlide, look deckLook) string {
	x, y, cx, cy := fit(s.Size[0], s.Size[1])
	pic := fmt.Sprintf(`<p:pic><p:nvPicPr><p:cNvPr id="3" name="Chart %d" descr="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
		`<p:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>%s</p:spPr></p:pic>`,
		s.Number, esc(s.Title), imageRel, xfrm(x, y, cx, cy))
	return slideXML(slideTitle(s, look) + pic + footnote(s.Footnote, look) + slideNumber(s.Number, look))
}

// headlineSlideXML: the title, then the key figures side by side, each a
// big value over what it is, its change and its target. Every card has the
// same lines: an empty unit keeps its line, and a label shorter than the
// longest is followed by empty lines, so the changes and targets are level.
func headlineSlideXML(s deckSlide, look deckLook) string {
	shapes := slideTitle(s, look)
	n := max(1, len(s.Headline.Figures))
	gap := int64(cardGap)
	w := (int64(slideContentW) - gap*int64(n-1)) / int64(n)
	top, h := int64(slidePictTop+slideInch/2), int64(slidePictH-slideInch)
	small, change := fmt.Sprintf(` sz="%d"`, cardLabelPt*100), fmt.Sprintf(` sz="%d" b="1"`, cardChangePt*100)
	most := 1
	for _, c := range s.Cards {
		most = max(most, len(c.label))
	}
	for i, f := range s.Headline.Figures {
		c := cardText{[]string{f.Label}, []string{f.Change}, []string{f.Note}}
		if i < len(s.Cards) {
			c = s.Cards[i]
		}
		paras := look.para(f.Value, ` sz="5400" b="1"`, "") + look.para(f.Unit, ` sz="2000"`, "") +
			look.paraLines(c.label, small, mutedFill(look)) + strings.Repeat(look.para("", small, ""), max(0, most-max(1, len(c.label)))) +
			look.para("", small, "") + look.paraLines(c.change, change, "") + look.paraLines(c.note, small, "")
		shapes += textBox(10+i, fmt.Sprintf("Figure %d", i+1), slideMargin+int64(i)*(w+gap), top, w, h, "t", paras)
	}
	return slideXML(shapes + footnote(s.Footnote, look) + slideNumber(s.Number, look))
}

// The notes master and notes slides: the slide's picture above, the
// speaker notes below.
var notesMasterXML = xmlHead + `<p:notesMaster ` + nsAll + `><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` + groupProps +
	`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>` +
	`<p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>` + xfrm(381000, 685800, 6096000, 3429000) + `<a:noFill/></p:spPr></p:sp>` +
	`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
	`<p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr><p:spPr>` + xfrm(685800, 4343400, 5486400, 4114800) + `</p:spPr>` +
	`<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Notes</a:t></a:r></a:p></p:txBody></p:sp>` +
	`</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ` +
	`accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>` +
	`<p:notesStyle><a:lvl1pPr marL="0" algn="l"><a:defRPr sz="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>` +
	`<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>`

const notesMasterRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `theme" Target="../theme/theme2.xml"/></Relationships>`

// notesSlideXML holds the notes, one paragraph per line.
func notesSlideXML(notes string, look deckLook) string {
	var paras strings.Builder
	for _, l := range strings.Split(notes, "\n") {
		paras.WriteString(look.para(l, ` sz="1200"`, ""))
	}
	return xmlHead + `<p:notes ` + nsAll + `><p:cSld><p:spTree>` + groupProps +
		`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>` +
		`<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>` +
		`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
		`<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>` + paras.String() +
		`</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
}

func notesSlideRels(slide int) string {
	return xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relBase + `notesMaster" Target="../notesMasters/notesMaster1.xml"/>` +
		fmt.Sprintf(`<Relationship Id="rId2" Type="`+relBase+`slide" Target="../slides/slide%d.xml"/>`, slide) +
		`</Relationships>`
}
