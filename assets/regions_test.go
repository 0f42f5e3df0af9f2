package assets

import (
	"encoding/csv"
	"strings"
	"testing"
	"unicode"
)

// readRegions reads data/regions.csv from the embedded files.
func readRegions(t *testing.T) (header []string, rows []map[string]string) {
	t.Helper()
	b, err := files.ReadFile("data/regions.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(b) >= 3 && string(b[:3]) == "\ufeff" {
		t.Fatal("regions.csv starts with a BOM")
	}
	if strings.Contains(string(b), "\r") {
		t.Fatal("regions.csv has CR line ends")
	}
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 {
		t.Fatal("regions.csv has no rows")
	}
	header = recs[0]
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return header, rows
}

// regionKey is how names are compared: case-insensitive, spaces removed.
func regionKey(s string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

func splitAliases(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func TestRegionsShape(t *testing.T) {
	header, rows := readRegions(t)
	if got := strings.Join(header, ","); got != "code,level,zh,en,parent,aliases" {
		t.Fatalf("header = %q", got)
	}
	byCode := checkLevelsAndCodes(t, rows)
	for _, r := range rows {
		checkChineseRow(t, r)
		checkParent(t, r, byCode)
		if r["en"] == "" {
			t.Errorf("%s: no English name", r["code"])
		}
	}
}

// checkLevelsAndCodes: known levels, 34 province-level units of which 4
// municipalities, 330 or more cities, codes unique (only aggregates may
// have none); it returns the rows by code.
func checkLevelsAndCodes(t *testing.T, rows []map[string]string) map[string]map[string]string {
	levels := map[string]int{}
	byCode := map[string]map[string]string{}
	for _, r := range rows {
		switch r["level"] {
		case "province", "municipality", "city", "country", "aggregate":
		default:
			t.Errorf("%s %s: unknown level %q", r["code"], r["en"], r["level"])
		}
		levels[r["level"]]++
		if r["code"] == "" {
			if r["level"] != "aggregate" {
				t.Errorf("%s: only an aggregate may have no code", r["en"])
			}
			continue
		}
		if _, dup := byCode[r["code"]]; dup {
			t.Errorf("code %s twice", r["code"])
		}
		byCode[r["code"]] = r
	}
	if n := levels["province"] + levels["municipality"]; n != 34 {
		t.Errorf("%d province-level units, want 34", n)
	}
	if levels["municipality"] != 4 {
		t.Errorf("%d municipalities, want 4", levels["municipality"])
	}
	if levels["city"] < 330 {
		t.Errorf("%d city rows, want at least 330", levels["city"])
	}
	return byCode
}

// checkChineseRow: a Chinese region has a 6-digit GB/T 2260 code and its
// official suffix.
func checkChineseRow(t *testing.T, r map[string]string) {
	if r["level"] != "province" && r["level"] != "municipality" && r["level"] != "city" {
		return
	}
	if len(r["code"]) != 6 || strings.Trim(r["code"], "0123456789") != "" {
		t.Errorf("%s: code %q is not a 6-digit GB/T 2260 code", r["en"], r["code"])
	}
	for _, suf := range []string{"省", "市", "自治区", "特别行政区", "自治州", "地区", "盟"} {
		if strings.HasSuffix(r["zh"], suf) {
			return
		}
	}
	t.Errorf("%s: zh %q has no official suffix", r["en"], r["zh"])
}

// checkParent: a city's parent is the province it lies in; only cities
// have one.
func checkParent(t *testing.T, r map[string]string, byCode map[string]map[string]string) {
	if r["level"] != "city" {
		if r["parent"] != "" {
			t.Errorf("%s: only city rows have a parent", r["en"])
		}
		return
	}
	p := byCode[r["parent"]]
	switch {
	case p == nil || p["level"] != "province":
		t.Errorf("city %s: parent %q is not a province row", r["en"], r["parent"])
	case r["code"][:2] != r["parent"][:2]:
		t.Errorf("city %s %s lies outside its parent %s", r["code"], r["en"], r["parent"])
	}
}

func TestRegionsNamesUnique(t *testing.T) {
	_, rows := readRegions(t)
	ens := map[string]string{}
	for _, r := range rows {
		k := strings.ToLower(r["en"])
		if prev, dup := ens[k]; dup {
			t.Errorf("en %q twice (%s, %s)", r["en"], prev, r["code"])
		}
		ens[k] = r["code"]
	}
	// Every zh, en and alias names one row only.
	owner := map[string]int{}
	for i, r := range rows {
		names := append([]string{r["zh"], r["en"]}, splitAliases(r["aliases"])...)
		for _, n := range names {
			k := regionKey(n)
			if k == "" {
				continue
			}
			if j, seen := owner[k]; seen && j != i {
				t.Errorf("%q names both %s and %s", n, rows[j]["en"], r["en"])
				continue
			}
			owner[k] = i
		}
	}
}

// TestRegionsSpotChecks are pairs checked by hand: heteronyms, apostrophes,
// Shaanxi/Shanxi, the places sharing a pinyin, and the established English
// names of Tibetan, Xinjiang and Inner Mongolian places.
func TestRegionsSpotChecks(t *testing.T) {
	_, rows := readRegions(t)
	byZh := map[string]map[string]string{}
	for _, r := range rows {
		if r["zh"] != "" {
			byZh[r["zh"]] = r
		}
	}
	want := map[string]string{
		// heteronyms
		"重庆市": "Chongqing", "长春市": "Changchun", "长沙市": "Changsha", "长治市": "Changzhi",
		"厦门市": "Xiamen", "蚌埠市": "Bengbu", "六安市": "Lu'an", "亳州市": "Bozhou",
		"丽水市": "Lishui", "乐山市": "Leshan", "朝阳市": "Chaoyang", "大理白族自治州": "Dali",
		"莆田市": "Putian", "儋州市": "Danzhou", "漯河市": "Luohe", "济南市": "Jinan",
		"济宁市": "Jining", "曲靖市": "Qujing", "景德镇市": "Jingdezhen", "佛山市": "Foshan",
		"成都市": "Chengdu", "吕梁市": "Lüliang",
		// apostrophes
		"西安市": "Xi'an", "吉安市": "Ji'an", "泰安市": "Tai'an", "延安市": "Yan'an",
		"淮安市": "Huai'an", "马鞍山市": "Ma'anshan", "雅安市": "Ya'an", "广安市": "Guang'an",
		"普洱市": "Pu'er", "大兴安岭地区": "Daxing'anling",
		// provinces
		"陕西省": "Shaanxi", "山西省": "Shanxi", "内蒙古自治区": "Inner Mongolia",
		"广西壮族自治区": "Guangxi", "宁夏回族自治区": "Ningxia", "新疆维吾尔自治区": "Xinjiang",
		"西藏自治区": "Tibet", "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao",
		"台湾省": "Taiwan", "吉林省": "Jilin", "海南省": "Hainan",
		// places that share a pinyin
		"吉林市": "Jilin City", "福州市": "Fuzhou", "抚州市": "Fuzhou (Jiangxi)",
		"苏州市": "Suzhou", "宿州市": "Suzhou (Anhui)", "泰州市": "Taizhou (Jiangsu)",
		"台州市": "Taizhou", "伊春市": "Yichun", "宜春市": "Yichun (Jiangxi)",
		"玉林市": "Yulin", "榆林市": "Yulin (Shaanxi)", "海南藏族自治州": "Hainan (Qinghai)",
		// Tibet
		"拉萨市": "Lhasa", "日喀则市": "Shigatse", "林芝市": "Nyingchi", "昌都市": "Qamdo",
		"山南市": "Shannan", "那曲市": "Nagqu", "阿里地区": "Ngari",
		// Xinjiang
		"乌鲁木齐市": "Urumqi", "克拉玛依市": "Karamay", "吐鲁番市": "Turpan", "哈密市": "Hami",
		"昌吉回族自治州": "Changji", "博尔塔拉蒙古自治州": "Bortala", "巴音郭楞蒙古自治州": "Bayingolin",
		"阿克苏地区": "Aksu", "克孜勒苏柯尔克孜自治州": "Kizilsu", "喀什地区": "Kashgar",
		"和田地区": "Hotan", "伊犁哈萨克自治州": "Ili", "塔城地区": "Tacheng", "阿勒泰地区": "Altay",
		// Inner Mongolia and the north-east
		"呼和浩特市": "Hohhot", "包头市": "Baotou", "鄂尔多斯市": "Ordos", "呼伦贝尔市": "Hulunbuir",
		"锡林郭勒盟": "Xilingol", "阿拉善盟": "Alxa", "兴安盟": "Hinggan", "哈尔滨市": "Harbin",
		"齐齐哈尔市": "Qiqihar", "延边朝鲜族自治州": "Yanbian",
		// countries and aggregates
		"中国": "China", "美国": "United States", "德国": "Germany", "日本": "Japan",
		"韩国": "South Korea", "世界": "World",
	}
	checkNames(t, byZh, want)
	checkCodes(t, rows)
}

func checkNames(t *testing.T, byZh map[string]map[string]string, want map[string]string) {
	for zh, en := range want {
		r := byZh[zh]
		if r == nil {
			t.Errorf("%s: no row", zh)
			continue
		}
		if r["en"] != en {
			t.Errorf("%s: en = %q, want %q", zh, r["en"], en)
		}
	}
}

// checkCodes: codes and aggregates checked by hand, and aliases people
// write, each on its row.
func checkCodes(t *testing.T, rows []map[string]string) {
	codes := map[string]string{
		"Chongqing": "500000", "Hebei": "130000", "Xi'an": "610100", "Hong Kong": "810000",
		"Macao": "820000", "Taiwan": "710000", "China": "CHN", "United States": "USA",
		"Germany": "DEU", "World": "OWID_WRL", "Czechia": "CZE", "European Union (27)": "OWID_EU27",
	}
	byEn := map[string]map[string]string{}
	for _, r := range rows {
		byEn[r["en"]] = r
	}
	for en, code := range codes {
		if r := byEn[en]; r == nil || r["code"] != code {
			t.Errorf("%s: want code %s, row %v", en, code, r)
		}
	}
	for _, en := range []string{"Asia", "Europe", "High-income countries", "Rest of World"} {
		if r := byEn[en]; r == nil || r["level"] != "aggregate" {
			t.Errorf("%s: want an aggregate row, got %v", en, r)
		}
	}
	// A few aliases people write, each on its row.
	aliases := map[string]string{
		"渝": "Chongqing", "重庆": "Chongqing", "冀": "Hebei", "内蒙": "Inner Mongolia",
		"新疆": "Xinjiang", "巴音郭楞": "Bayingolin", "延边": "Yanbian", "穗": "Guangzhou",
		"深": "Shenzhen", "Xian": "Xi'an", "Macau": "Macao", "Hong Kong SAR": "Hong Kong",
		"Xizang": "Tibet", "全国": "China", "全国总计": "China", "CN": "China", "世界": "World",
		"吉林": "Jilin", "海南": "Hainan", "宁": "Ningxia",
	}
	owner := map[string]string{}
	for _, r := range rows {
		for _, n := range append([]string{r["zh"], r["en"]}, splitAliases(r["aliases"])...) {
			owner[regionKey(n)] = r["en"]
		}
	}
	for a, en := range aliases {
		if got := owner[regionKey(a)]; got != en {
			t.Errorf("alias %q names %q, want %q", a, got, en)
		}
	}
}
