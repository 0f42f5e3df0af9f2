package charts

// themeXML is the deck's theme: the charts' colours (dk1 is the dark
// charts' background, so a dark deck's slides match its pictures) and the
// charts' font for every text, so slide and chart read as one; the
// simplest fills, lines and effects the schema allows.
func themeXML(look deckLook) string {
	font := esc(look.font)
	return xmlHead + `<a:theme ` + nsA + ` name="Auto Cities"><a:themeElements>` +
		`<a:clrScheme name="Auto Cities">` +
		`<a:dk1><a:srgbClr val="1E1E1E"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
		`<a:dk2><a:srgbClr val="1F2937"/></a:dk2><a:lt2><a:srgbClr val="E5E7EB"/></a:lt2>` +
		`<a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="E69F00"/></a:accent2>` +
		`<a:accent3><a:srgbClr val="009E73"/></a:accent3><a:accent4><a:srgbClr val="CC79A7"/></a:accent4>` +
		`<a:accent5><a:srgbClr val="56B4E9"/></a:accent5><a:accent6><a:srgbClr val="D55E00"/></a:accent6>` +
		`<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>` +
		`<a:fontScheme name="Auto Cities"><a:majorFont><a:latin typeface="` + font + `"/><a:ea typeface="` + font + `"/><a:cs typeface=""/>` +
		`<a:font script="Hans" typeface="` + font + `"/></a:majorFont>` +
		`<a:minorFont><a:latin typeface="` + font + `"/><a:ea typeface="` + font + `"/><a:cs typeface=""/><a:font script="Hans" typeface="` + font + `"/></a:minorFont></a:fontScheme>` +
		`<a:fmtScheme name="Office"><a:fillStyleLst>` + phFill + phFill + phFill + `</a:fillStyleLst>` +
		`<a:lnStyleLst>` + phLine + phLine + phLine + `</a:lnStyleLst>` +
		`<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>` +
		`<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
		`<a:bgFillStyleLst>` + phFill + phFill + phFill + `</a:bgFillStyleLst></a:fmtScheme>` +
		`</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
}

const (
	phFill = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`
	phLine = `<a:ln w="9525" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>`
)
