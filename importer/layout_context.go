package importer

import (
	"path/filepath"
	"strings"
)

// sheetContext reads what the titles and the sheet's name say about every
// value: a year or period, a metric or indicator, a unit, the regions'
// level, a region (全国 in a title: China), the source. Each fact keeps
// where it was said. The file's name is only a fallback (fileContext).
func (t *tableReader) sheetContext(p *sheetPlan, titles []gridRow) {
	for _, r := range titles {
		for _, c := range r.cells {
			p.titleSays(c.text)
		}
	}
	if t.sheet != "" && t.sheet == t.name { // a worksheet's own name
		p.nameSays(t.name, M("place.sheet", t.name))
	}
}

// titleSays reads one line above the header.
func (p *sheetPlan) titleSays(s string) {
	at := M("place.title", clip(s))
	if pub, ok := sourceLine(s); ok {
		if p.source == "" {
			p.source, p.sourceAt = pub, at
		}
		return
	}
	if isFootnote(s) && !isUnitStatement(s) {
		return // 注：… speaks of a few figures, not of the table
	}
	if l := levelWords(s); p.levelHint == LevelUnknown {
		p.levelHint = l
	}
	if p.region == "" && saysNational(s) {
		p.region, p.regionAt = "China", at
	}
	p.nameSays(s, at)
	if p.metric == "" {
		if in, ok := titleIndicator(s); ok {
			p.metric, p.metricAt, p.ind = in.Metric, at, &in
		}
	}
}

// nameSays reads a title or a sheet's name: a time, a metric, a unit, and
// (a sheet named after one) a region.
func (p *sheetPlan) nameSays(s string, at Msg) {
	if w := parseWhen(s); p.sheetWhen.empty() && !w.empty() {
		p.sheetWhen, p.whenAt = w, at
	}
	if m, ok := findMetric(s); ok && p.metric == "" {
		p.metric, p.metricAt = m, at
	}
	if p.unit == nil {
		if u, ok := findUnit(s); ok {
			p.unit, p.unitAt = &u, at
		} else if u, ok := parseUnit(s); ok {
			p.unit, p.unitAt = &u, at
		}
	}
	if at.Code == "place.sheet" && p.region == "" {
		if r, ok := matchName(s); ok {
			p.region, p.regionAt = r, at
		}
	}
}

// nationalWords in a title say that a table's figures are for the whole
// country: read as China when no column names regions.
var nationalWords = []string{"全国", "national", "nationwide", "全中国"}

func saysNational(s string) bool {
	if db, ok := strings.CutPrefix(strings.ReplaceAll(normText(s), " ", ""), "数据库:"); ok {
		return db == "年度数据" || db == "月度数据" || db == "季度数据" // NBS's national databases (分省年度数据: by province)
	}
	l := strings.ToLower(s)
	for _, w := range nationalWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// levelWords say what the regions of a table are: 分省 (by province),
// 主要城市 (major cities), by country.
func levelWords(s string) Level {
	l := strings.ToLower(strings.ReplaceAll(s, " ", ""))
	for _, lw := range []struct {
		level Level
		words []string
	}{
		{LevelProvince, []string{"分省", "各省", "省份", "省级", "省区市", "省市区", "byprovince", "provinces"}},
		{LevelCity, []string{"城市", "各市", "地级", "bycity", "cities"}},
		{LevelCountry, []string{"各国", "世界各国", "bycountry", "countries"}},
	} {
		for _, w := range lw.words {
			if strings.Contains(l, w) {
				return lw.level
			}
		}
	}
	return LevelUnknown
}

// fileStem is a file's name without folder and extension.
func fileStem(name string) string {
	b := filepath.Base(name)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// fileContext falls back on the file's name for what the table and its
// sheet leave unsaid and need: a year, an indicator, the region. Each is a
// guess, and the report says so.
func (t *tableReader) fileContext(p *sheetPlan) {
	stem := fileStem(t.rep.File)
	at := M("place.file", filepath.Base(t.rep.File))
	if w := parseWhen(stem); p.sheetWhen.empty() && !w.empty() && t.needsYear() {
		p.sheetWhen, p.whenAt = w, at
		t.issue(t.sheet, 0, 0, true, "table.year_from_file", w.year, filepath.Base(t.rep.File))
	}
	if p.region == "" && !t.hasRegions() {
		if r, ok := matchName(stem); ok {
			p.region, p.regionAt = r, at // reported with the plan (table.region_from)
		}
	}
}

// needsYear: no column states a year (a year or period column, years in
// the headers).
func (t *tableReader) needsYear() bool {
	for _, c := range t.plan.cols {
		if c.role == roleYear || c.role == rolePeriod || c.role == roleValue && c.when.year != 0 {
			return false
		}
	}
	return true
}

// hasRegions: a column holds regions, or headers name them.
func (t *tableReader) hasRegions() bool {
	for _, c := range t.plan.cols {
		if c.role == roleRegion || c.role == roleValue && c.region != "" {
			return true
		}
	}
	return false
}
