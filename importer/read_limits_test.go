package importer

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// longCSV is a long table of n rows with one figure each.
func longCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("city,year,period,metric,value\n")
	cities := []string{"Chongqing", "Shanghai", "Guangzhou", "Wuhan"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s,%d,FY,production,%d\n", cities[i%4], 1950+i%70, i)
	}
	return b.Bytes()
}

func TestImportLimits(t *testing.T) {
	dir := t.TempDir()
	words := "a,b,c,d,e,f,g,h,i,j\n" + strings.Repeat("x,y,z,w,v,u,t,s,r,q\n", 3000)
	for _, c := range []struct {
		name    string
		file    []byte
		max     int
		want    error
		words   string
		quickly bool
	}{
		{"a file just over the limit is refused when it passes it", longCSV(1200), 1000, ErrTooManyRows, "the limit is 1,000 figures", false},
		{"a file just under the limit is read", longCSV(990), 1000, nil, "", false},
		{"a file far over the limit is refused from its first rows", longCSV(400_000), 10_000, ErrTooManyRows, "about 4", true},
		{"a sheet of words is stopped by the cells it reads", []byte(words), 100, ErrTooManyCells, "the limit is 1,000 cells", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := writeBytes(t, dir, "f.csv", c.file)
			start := time.Now()
			d, _, err := importPath(t, p, ImportOptions{MaxRows: c.max})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if err == nil {
				if d.Count() != 990 {
					t.Errorf("%d figures", d.Count())
				}
				return
			}
			msg := err.Error()
			if !strings.Contains(msg, c.words) || !strings.Contains(msg, "--max-rows") || !strings.Contains(msg, "Settings") {
				t.Errorf("the message does not say the limit and how to raise it: %s", msg)
			}
			if c.quickly && time.Since(start) > 2*time.Second {
				t.Errorf("refused after %v", time.Since(start))
			}
		})
	}
}

func TestRoundUpAndGroupDigits(t *testing.T) {
	for n, want := range map[int64]string{9_812_345: "9,900,000", 120: "120", 1001: "1,100", 99: "99"} {
		if got := groupDigits(roundUp(n)); got != want {
			t.Errorf("roundUp(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestZipBombs: a workbook that says it unzips to more than the limit is
// refused before anything is inflated; one that understates its size is
// stopped by what it really gives.
func TestZipBombs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bomb.xlsx")
	if err := writeBenchWorkbook(p, 100_000); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _, err := importPath(t, p, ImportOptions{MaxUnzippedBytes: 4 << 20})
	if !errors.Is(err, ErrTooLarge) || time.Since(start) > time.Second {
		t.Errorf("a workbook declaring more than the limit: %v after %v", err, time.Since(start))
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	understate(t, b, "xl/worksheets/sheet1.xml", 5000)
	liar := writeBytes(t, dir, "liar.xlsx", b)
	for _, c := range []struct {
		opts ImportOptions
		want error
	}{
		{ImportOptions{MaxUnzippedBytes: 4 << 20}, ErrTooLarge},
		{ImportOptions{MaxRows: 5000}, ErrTooManyRows},
	} {
		_, _, err = importPath(t, liar, c.opts)
		if !errors.Is(err, c.want) {
			t.Errorf("a workbook understating its size, %+v: %v, want %v", c.opts, err, c.want)
		}
	}
	if _, _, err = importPath(t, liar, ImportOptions{}); !errors.Is(err, ErrTruncated) {
		t.Errorf("read whole, a part whose size is not what the zip says: %v, want damaged", err)
	}
}

// understate writes a smaller uncompressed size into the central
// directory entry of a zip part.
func understate(t *testing.T, zip []byte, name string, size uint32) {
	t.Helper()
	sig := []byte{0x50, 0x4b, 0x01, 0x02}
	for i := bytes.Index(zip, sig); i >= 0; {
		n := int(binary.LittleEndian.Uint16(zip[i+28:]))
		if string(zip[i+46:i+46+n]) == name {
			binary.LittleEndian.PutUint32(zip[i+24:], size)
			return
		}
		j := bytes.Index(zip[i+4:], sig)
		if j < 0 {
			break
		}
		i += 4 + j
	}
	t.Fatalf("%s not in the zip", name)
}

func TestMixedEncodingCSV(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("重庆,2023,全年,汽车产量,231.8,万辆\n")
	if err != nil {
		t.Fatal(err)
	}
	text := "城市,年份,时期,指标,数值,单位\n重庆,2024,全年,汽车产量,254,万辆\n上海,2024,全年,汽车产量,150,万辆\n" + gbk
	p := writeBytes(t, t.TempDir(), "mixed.csv", []byte(text))
	d, rep, err := importPath(t, p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for o := range d.Observations() {
		if o.Region != "Chongqing" && o.Region != "Shanghai" {
			t.Errorf("a region read as %q", o.Region)
		}
	}
	if d.Count() != 3 {
		t.Errorf("%d figures, want 3", d.Count())
	}
	if layout := Say(rep.Layout[0]); !strings.Contains(layout, "mixed: 3 lines in UTF-8, 1 in GBK") {
		t.Errorf("layout %q does not say the encodings are mixed", layout)
	}
	found := false
	for _, is := range rep.Issues {
		if is.Msg.Code == "text.mixed_encoding" && is.Row == 4 {
			found = true
		}
	}
	if !found {
		t.Errorf("no issue at line 4 says the file mixes encodings: %v", rep.Issues)
	}
}

// TestPureGBKStaysGBK: a GBK file is not taken for mixed because a line
// happens to be valid UTF-8.
func TestPureGBKStaysGBK(t *testing.T) {
	text, err := simplifiedchinese.GBK.NewEncoder().String("城市,年份,汽车产量\n重庆,2024,254\n上海,2024,150\n广州,2024,200\n")
	if err != nil {
		t.Fatal(err)
	}
	p := writeBytes(t, t.TempDir(), "gbk.csv", []byte(text))
	d, rep, err := importPath(t, p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Count() != 3 || Say(rep.Layout[0]) != "CSV (GBK/GB18030, detected, comma)" {
		t.Errorf("%d figures, layout %q", d.Count(), Say(rep.Layout[0]))
	}
}

func TestHugeCellSaysSo(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 65 MB")
	}
	dir := t.TempDir()
	big := strings.Repeat("x", 65<<20)
	p := writeBytes(t, dir, "big.csv", []byte("city,year,value\nChongqing,2024,1\n\""+big+"\",2024,2\n"))
	if _, _, err := importPath(t, p, ImportOptions{}); !errors.Is(err, ErrCellTooLarge) {
		t.Errorf("CSV: %v", err)
	}
	// Excel cuts a cell at 32,767 characters; a file written by other
	// programs may hold more.
	x := writeXLSX(t, dir, "big.xlsx", sheetSpec{name: "Data", rows: [][]any{{"city", "year", "value"}, {"Chongqing", 2024, 1}}})
	replacePart(t, x, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("</sheetData>"), []byte(`<row r="3"><c r="A3" t="inlineStr"><is><t>`+big+`</t></is></c></row></sheetData>`), 1)
	})
	_, _, err := importPath(t, x, ImportOptions{})
	if !errors.Is(err, ErrCellTooLarge) || strings.Contains(err.Error(), "download") {
		t.Errorf("workbook: %v", err)
	}
}

// replacePart rewrites one part of a zip file.
func replacePart(t *testing.T, path, name string, edit func([]byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b = edit(b)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMixedEncodingFarIn: a GBK line after many buffers of UTF-8 is found
// at its line, and the UTF-8 around it reads right.
func TestMixedEncodingFarIn(t *testing.T) {
	var b strings.Builder
	b.WriteString("城市,年份,时期,指标,数值,单位\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "重庆,%d,全年,汽车产量,%d,万辆\n", 1900+i%100, i)
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("上海,2024,全年,汽车产量,150,万辆\n")
	b.WriteString(gbk)
	b.WriteString("广州,2024,全年,汽车产量,200,万辆\n")
	p := writeBytes(t, t.TempDir(), "far.csv", []byte(b.String()))
	d, rep, err := importPath(t, p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	regions := map[string]int{}
	for o := range d.Observations() {
		regions[o.Region]++
	}
	if regions["Chongqing"] != 20000 || regions["Shanghai"] != 1 || regions["Guangzhou"] != 1 || len(regions) != 3 {
		t.Errorf("regions %v", regions)
	}
	found := false
	for _, is := range rep.Issues {
		found = found || is.Msg.Code == "text.mixed_encoding" && is.Row == 20002
	}
	if !found || !strings.Contains(Say(rep.Layout[0]), "20002 lines in UTF-8, 1 in GBK") {
		t.Errorf("the GBK line is not reported at line 20002: %s", Say(rep.Layout[0]))
	}
}
