package importer

import (
	"regexp"
	"strings"
	"unicode"
)

// A user indicator is named as its file writes it: the header, a title's
// "指标：" line, or (when the file states none anywhere) the sheet's or the
// file's name, with the unit, the years and the scope ("各省", "主要城市")
// taken out.

var (
	reTableNo   = regexp.MustCompile(`(?i)^(?:表|table)\s*[0-9a-z]+(?:[-–—.][0-9]+)*\s*`)
	reYearWord  = regexp.MustCompile(`(?:19|20)[0-9]{2}\s*年?(?:度)?`)
	reMonthWord = regexp.MustCompile(`[0-9]{1,2}\s*(?:[-—–~至]\s*[0-9]{1,2}\s*)?月(?:份)?(?:累计)?`)
	reCamel     = regexp.MustCompile(`([a-z])([A-Z])`)
)

// scopeWords say which regions or time a name covers, not what it
// measures; indicator names drop them.
var scopeWords = []string{"分省年度数据", "分省月度数据", "分省", "各省份", "各省市", "各省区市", "各省", "分地区",
	"各地区", "主要城市", "各城市", "分城市", "各市", "全国", "全年", "累计", "本月", "当月", "上半年", "前三季度",
	"一季度", "年末", "年底", "情况", "统计", "数据", "一览表", "by province", "by city", "by region",
	"by country", "in china", "china's", "china", "data", "statistics"}

// labelWords start a title line that names the indicator ("指标：汽车产量").
var labelWords = []string{"指标名称", "指标", "indicator", "series", "variable"}

// indicatorName is what a header calls its figures, as written, without
// its unit, table number, years and months; "" when nothing is left that
// names a measure.
func indicatorName(s string) string {
	s, held := holdQualifiers(normText(s))
	if i := strings.Index(s, "单位"); i > 0 {
		s = s[:i]
	}
	s = reTableNo.ReplaceAllString(s, "")
	s = reMonthWord.ReplaceAllString(reYearWord.ReplaceAllString(s, " "), " ")
	s = strings.Join(strings.Fields(strings.Trim(s, " :：,，.。;；-_/#")), " ")
	if !namesSomething(s) {
		return ""
	}
	return putBack(s, held)
}

// nameIndicator is what a title or a file's or sheet's name calls the
// figures: indicatorName without the scope ("各省", "主要城市", "China"),
// a CamelCase name split into words ("ChinaVehicleOwnership" → "Vehicle
// ownership").
func nameIndicator(s string) string {
	s = reCamel.ReplaceAllString(normText(s), "$1 $2")
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	for _, w := range scopeWords {
		for i := indexFold(s, w); i >= 0; i = indexFold(s, w) {
			s = s[:i] + " " + s[i+len(w):]
		}
	}
	return sentenceCase(strings.TrimPrefix(strings.TrimSuffix(indicatorName(s), "的"), "的"))
}

// namesSomething: two Chinese characters or a Latin word of three letters
// or more, and no more than a header holds.
func namesSomething(s string) bool {
	han, latin := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r):
			latin++
		}
	}
	return (han >= 2 || latin >= 3) && len([]rune(s)) <= 60
}

// sentenceCase writes a Latin name split from CamelCase as a name:
// "Vehicle Ownership" → "Vehicle ownership"; Chinese and names with
// capitals of their own (GDP) stay.
func sentenceCase(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return ""
	}
	for i, w := range words[1:] {
		r := []rune(w)
		if len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
			words[i+1] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// titleIndicator reads a title line that names an indicator the app does
// not know: "指标：民用汽车拥有量(万辆)", or a title with a unit,
// "2023年分省民用汽车拥有量（万辆）", whose scope and years are left out.
func titleIndicator(s string) (Indicator, bool) {
	t := normText(s)
	for _, w := range labelWords {
		if rest, ok := cutPrefixFold(t, w); ok && strings.HasPrefix(strings.TrimSpace(rest), ":") {
			return headerIndicator(strings.TrimSpace(rest)[1:])
		}
	}
	u, ok := indicatorUnit(t)
	name := nameIndicator(t)
	if !ok || name == "" || isUnitStatement(t) {
		return Indicator{}, false
	}
	in, ok := headerIndicator(name)
	in.Unit, in.Kind = u.canonical(), u.unitKind()
	return in, ok
}

// headerIndicator is the user indicator a header (or a title's 指标 line)
// names: its name as written, the English beside it where the header gives
// both ("地区生产总值 GDP"), and its unit.
func headerIndicator(h string) (Indicator, bool) {
	if m, ok := findMetric(h); ok {
		return Indicator{Metric: m}, true
	}
	name := indicatorName(h)
	if name == "" || isTotal(name) {
		return Indicator{}, false
	}
	in := Indicator{Metric: Metric(name)}
	if zh, en := splitLanguages(name); zh != "" && en != "" {
		in.Metric, in.English = Metric(zh), en
	}
	if u, ok := indicatorUnit(h); ok {
		in.Unit, in.Kind = u.canonical(), u.unitKind()
	}
	return in, true
}

// splitLanguages cuts a name written in Chinese and English into the two.
func splitLanguages(s string) (zh, en string) {
	var a, b []string
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			a = append(a, w)
		} else {
			b = append(b, w)
		}
	}
	return strings.Join(a, ""), strings.Join(b, " ")
}

// indexFold is the byte index of the first w in s, ASCII case ignored
// (strings.ToLower may change a text's length, so its indexes are not s's).
func indexFold(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// cutPrefixFold is strings.CutPrefix with ASCII case ignored.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
