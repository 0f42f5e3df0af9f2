package importer

import (
	"bytes"
	"context"
	"testing"
	"time"
)

// FuzzImportHTML feeds web pages to the importer. Unless raw, the input
// is put after "<html>", so that mutations reach the HTML reader rather
// than the CSV one.
func FuzzImportHTML(f *testing.F) {
	f.Add([]byte(cnkiPage("2023年主要城市汽车产量")), false)
	f.Add(gbk(cnkiPage("主要城市汽车产量")), true)
	f.Add([]byte(twoLevelPage), true)
	f.Add([]byte(`<table><caption>汽车产量（万辆）</caption><tr><th>城市<th>2023年<th>2024年<tr><td>重庆<td x:num="231.8">231.8<td>254</table>`), false)
	f.Add([]byte(`<table><tr><td><table><tr><td rowspan=3 colspan=2>地区</td><td>2024</td></tr><tr><td>深圳</td><td>289.4`), false)
	f.Add([]byte("\ufeff<table><tr><td>City<td>Year<td>Sales (units)<tr><td>Haikou<td>2024<td>1,200</table>"), true)
	f.Add([]byte(twoLevelNoYear), true)
	f.Add([]byte(`<p>2024年全国汽车产销情况</p><table><tr><td rowspan=2>类别<td colspan=2>产量(万辆)<td colspan=2>地区生产总值(亿美元)`+
		`<tr><td>本月<td>累计<td>全市<td>市辖区<tr><td>乘用车<td>313<td>2747.7<td>-1<td>0<tr><td>台湾省<td>0<td>0<td>0<td>0</table><p>资料来源：国家统计局</p>`), false)
	f.Fuzz(func(t *testing.T, page []byte, raw bool) {
		file := page
		if !raw {
			file = append([]byte("<html>"), page...)
		}
		start := time.Now()
		d, rep, err := Import(context.Background(), "fuzz.xls", bytes.NewReader(file), int64(len(file)),
			ImportOptions{MaxUnzippedBytes: 8 << 20, Choices: fuzzChoices(page)})
		checkFuzzResult(t, d, rep, err, time.Since(start))
	})
}
