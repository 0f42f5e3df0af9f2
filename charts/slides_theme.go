package charts

// themeXML is the deck's theme: Office's colour and font scheme (Aptos is
// not on every system; Calibri falls back well), with the simplest fills,
// lines and effects the schema allows.
const themeXML = xmlHead + `<a:theme ` + nsA + ` name="Auto Cities"><a:themeElements>` +
	`<a:clrScheme name="Auto Cities">` +
	`<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
	`<a:dk2><a:srgbClr val="1F2937"/></a:dk2><a:lt2><a:srgbClr val="E5E7EB"/></a:lt2>` +
	`<a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="E69F00"/></a:accent2>` +
	`<a:accent3><a:srgbClr val="009E73"/></a:accent3><a:accent4><a:srgbClr val="CC79A7"/></a:accent4>` +
	`<a:accent5><a:srgbClr val="56B4E9"/></a:accent5><a:accent6><a:srgbClr val="D55E00"/></a:accent6>` +
	`<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>` +
	`<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>` +
	`<a:font script="Hans" typeface="等线 Light"/></a:majorFont>` +
	`<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme>` +
	`<a:fmtScheme name="Office"><a:fillStyleLst>` + phFill + phFill + phFill + `</a:fillStyleLst>` +
	`<a:lnStyleLst>` + phLine + phLine + phLine + `</a:lnStyleLst>` +
	`<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>` +
	`<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
	`<a:bgFillStyleLst>` + phFill + phFill + phFill + `</a:bgFillStyleLst></a:fmtScheme>` +
	`</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`

const (
	phFill = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`
	phLine = `<a:ln w="9525" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>`
)
