package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"testing"
	"time"
)

// checkFuzzResult: an import either gives data and a report or an error
// that is one line; it never panics or hangs.
func checkFuzzResult(t *testing.T, d *DataSet, rep *FileReport, err error, took time.Duration) {
	if took > 5*time.Second {
		t.Fatalf("import took %v", took)
	}
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Fatalf("error is not a *FileError: %v", err)
		}
		if bytes.ContainsAny([]byte(err.Error()), "\n") {
			t.Fatalf("error has several lines: %q", err)
		}
		return
	}
	if d == nil || rep == nil {
		t.Fatal("nil data set or report without an error")
	}
	_ = rep.String()
}

// fuzzChoices are the choices a fuzzed file is read with, from its length:
// none, or each kind of choice (a contradiction is a one-line error too).
func fuzzChoices(data []byte) Choices {
	switch len(data) % 6 {
	case 1:
		return Choices{Year: 2023}
	case 2:
		return Choices{Level: LevelCity, Metric: "民用汽车拥有量"}
	case 3:
		return Choices{Unit: "万辆", Source: "国家统计局", Level: LevelProvince}
	case 4:
		return Choices{Metric: Production, Roles: map[string]map[int]Role{"": {1: RoleRegion, 2: RoleDimension, 3: RoleIgnored}}}
	}
	return Choices{}
}

func FuzzImportCSV(f *testing.F) {
	f.Add([]byte("城市,年份,产量(万辆)\n重庆,2024,254\n"))
	f.Add(gbk(nbsExport))
	f.Add([]byte(cityPanel))
	f.Add([]byte("2024年12月全国汽车产销情况\n单位：万辆\n类别,产量,,销量,\n,本月,1-12月累计,本月,1-12月累计\n汽车,344.9,3128.2,335.0,3143.6\n新能源汽车,162.2,1288.8,159.6,1286.6\n"))
	f.Add([]byte("Entity,Code,Year,Electric car sales\nChina,CHN,2023,8100000\nEurope,,2023,3200000\n"))
	f.Add([]byte("企业名称,车型类别,2024年1月,15/2\n比亚迪,乘用车,201493,-5\n台湾省,0,0,0\n数据来源：国家统计局\n"))
	f.Add([]byte("City,Year,Period,Metric,Value,Unit\nChongqing,2024,FY,production,2540000,vehicles\n"))
	f.Add(gbk("城市;2023年;2024年\n重庆;231.8;254\n"))
	f.Add([]byte("\xef\xbb\xbf标题\n城市\t1月\t2月\n上海\t1,234\t２３４\n注：无\n"))
	f.Add([]byte("年份,重庆,上海\n2024,—,N/A\n"))
	f.Add([]byte("城市,时间,指标,数值,单位\n重庆,2025年1-11月,汽车产量,约230.1,万辆\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		d, rep, err := Import(context.Background(), "fuzz.csv", bytes.NewReader(data), int64(len(data)),
			ImportOptions{MaxUnzippedBytes: 8 << 20, Choices: fuzzChoices(data)})
		checkFuzzResult(t, d, rep, err, time.Since(start))
	})
}

// fuzzWorkbook wraps a sheet and a shared-strings part in a valid package,
// so that mutations reach the scanner and the layout reader.
func fuzzWorkbook(sheet, sst []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"_rels/.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="汽车产量" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", string(sheet)},
		{"xl/sharedStrings.xml", string(sst)},
	}
	for _, p := range parts {
		w, _ := zw.Create(p.name)
		w.Write([]byte(p.body))
	}
	zw.Close()
	return buf.Bytes()
}

func FuzzImportXLSX(f *testing.F) {
	sst := []byte(`<sst><si><t>城市</t></si><si><t>2024年</t></si><si><r><t>重</t></r><r><t>庆</t></r><rPh><t>x</t></rPh></si><si><t>上海&amp;</t></si></sst>`)
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>254</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A1"/></mergeCells></worksheet>`), sst, false)
	f.Add([]byte(`<x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>年份</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Chongqing</x:t></x:is></x:c></x:row><x:row><x:c><x:v>2023</x:v></x:c><x:c t="str"><x:v>1,234</x:v></x:c></x:row></x:sheetData></x:worksheet>`), []byte(``), false)
	f.Add([]byte(`<worksheet><sheetData><row r="3"><c r="C3" t="s"><v>99</v></c><c r="XFE3"><v>1e400</v></c><c r="B3" t="b"><v>1</v></c></row></sheetData></worksheet>`), sst, false)
	f.Add(fuzzWorkbook([]byte(`<worksheet/>`), nil), []byte{}, true)
	f.Add(bombXLSX(f, 64<<10), []byte{}, true)
	f.Fuzz(func(t *testing.T, sheet, sst []byte, raw bool) {
		file := sheet
		if !raw {
			file = fuzzWorkbook(sheet, sst)
		}
		start := time.Now()
		d, rep, err := Import(context.Background(), "fuzz.xlsx", bytes.NewReader(file), int64(len(file)),
			ImportOptions{MaxUnzippedBytes: 8 << 20})
		checkFuzzResult(t, d, rep, err, time.Since(start))
	})
}
