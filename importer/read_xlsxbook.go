package importer

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// xlsxSheet is one sheet as the workbook lists it.
type xlsxSheet struct {
	name  string
	state string // "", "visible", "hidden", "veryHidden"
	kind  string // worksheet, chartsheet, dialogsheet, macrosheet
	file  *zip.File
}

// xlsxBook is a workbook's structure: its sheets and where its shared
// strings and styles live. Only the small parts are decoded with
// encoding/xml; sheets are scanned by sheetScan.
type xlsxBook struct {
	files    map[string]*zip.File
	sheets   []xlsxSheet
	sst      *zip.File
	styles   *zip.File
	date1904 bool
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		State string     `xml:"state,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// smallPartLimit bounds the parts decoded whole (workbook, rels, styles).
const smallPartLimit = 32 << 20

func readSmallPart(b *zipBudget, f *zip.File, v any) error {
	rc, err := b.open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, smallPartLimit+1))
	if err != nil {
		return err
	}
	if len(data) > smallPartLimit {
		return ErrTooLarge
	}
	return xml.Unmarshal(data, v)
}

// openBook reads the workbook's structure. ok is false when the zip is not
// a workbook at all.
func openBook(zr *zip.Reader, b *zipBudget) (*xlsxBook, bool, error) {
	bk := &xlsxBook{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		bk.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wbPath, err := bk.workbookPath(b)
	if err != nil {
		return nil, false, err
	}
	wbFile := bk.files[wbPath]
	if wbFile == nil {
		return nil, false, nil
	}
	var wb xmlWorkbook
	if err := readSmallPart(b, wbFile, &wb); err != nil {
		return nil, true, err
	}
	bk.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	rels, err := bk.rels(b, wbPath)
	if err != nil {
		return nil, true, err
	}
	bk.sheets = bookSheets(&wb, rels)
	for _, r := range rels {
		switch r.kind {
		case "sharedStrings":
			bk.sst = r.file
		case "styles":
			bk.styles = r.file
		}
	}
	return bk, true, nil
}

// workbookPath is where the package's root relationships (_rels/.rels)
// put the workbook: xl/workbook.xml when they do not say.
func (bk *xlsxBook) workbookPath(b *zipBudget) (string, error) {
	wbPath := "xl/workbook.xml"
	f := bk.files["_rels/.rels"]
	if f == nil {
		return wbPath, nil
	}
	var root xmlRels
	if err := readSmallPart(b, f, &root); err != nil {
		return "", err
	}
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = strings.TrimPrefix(r.Target, "/")
		}
	}
	return wbPath, nil
}

// bookSheets lists the workbook's sheets in order, each with the kind and
// part its relationship ID (r:id) names; a sheet whose ID names nothing is
// a worksheet with no part.
func bookSheets(wb *xmlWorkbook, rels map[string]bookRel) []xlsxSheet {
	var sheets []xlsxSheet
	for _, s := range wb.Sheets {
		sh := xlsxSheet{name: s.Name, state: s.State, kind: "worksheet"}
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				if r, ok := rels[a.Value]; ok {
					sh.kind, sh.file = r.kind, r.file
				}
			}
		}
		sheets = append(sheets, sh)
	}
	return sheets
}

type bookRel struct {
	kind string
	file *zip.File
}

// rels maps the workbook's relationship IDs to their parts.
func (bk *xlsxBook) rels(b *zipBudget, wbPath string) (map[string]bookRel, error) {
	dir, base := path.Split(wbPath)
	out := map[string]bookRel{}
	f := bk.files[dir+"_rels/"+base+".rels"]
	if f == nil {
		return out, nil
	}
	var rs xmlRels
	if err := readSmallPart(b, f, &rs); err != nil {
		return nil, err
	}
	for _, r := range rs.Rels {
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Clean(dir + target)
		}
		kind := r.Type[strings.LastIndexByte(r.Type, '/')+1:]
		out[r.ID] = bookRel{kind: kind, file: bk.files[target]}
	}
	return out, nil
}

type xmlStyles struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Xfs []struct {
		NumFmt int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// styleKind is what a cell style's number format shows.
type styleKind byte

const (
	styleNumber styleKind = iota
	styleDate
	stylePercent
)

// cellStyles says, for each cell style index, whether it shows a date or a
// percentage.
func (bk *xlsxBook) cellStyles(b *zipBudget) []styleKind {
	if bk.styles == nil {
		return nil
	}
	var st xmlStyles
	if readSmallPart(b, bk.styles, &st) != nil {
		return nil
	}
	custom := map[int]styleKind{}
	for _, f := range st.NumFmts {
		custom[f.ID] = formatKind(f.Code)
	}
	out := make([]styleKind, len(st.Xfs))
	for i, x := range st.Xfs {
		k, ok := custom[x.NumFmt]
		switch {
		case ok:
		case isBuiltinDate(x.NumFmt):
			k = styleDate
		case x.NumFmt == 9 || x.NumFmt == 10:
			k = stylePercent
		}
		out[i] = k
	}
	return out
}

func formatKind(code string) styleKind {
	switch {
	case isDateFormat(code):
		return styleDate
	case strings.Contains(strings.ReplaceAll(code, "\\%", ""), "%"):
		return stylePercent
	}
	return styleNumber
}

func isBuiltinDate(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || (id >= 50 && id <= 58)
}

// isDateFormat reports whether a number format code shows a date: it has
// year or day codes outside quotes and brackets.
func isDateFormat(code string) bool {
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == '\\':
			i++
		case c == 'y' || c == 'Y' || c == 'd' || c == 'D':
			return true
		}
	}
	return strings.Contains(code, "年") || strings.Contains(code, "日")
}
