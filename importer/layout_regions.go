package importer

// A region column's level is decided from its names, so that a name that
// is two places (吉林 the province and the city, 海南) is read as the one
// of the column's level: among cities 吉林 is Jilin City, among provinces
// Jilin. The header speaks first (城市, 省份, country), then the names
// that are one place only, then the titles (分省年度数据).

// headerLevels are headers that say what level their regions are.
var headerLevels = map[string]Level{"城市": LevelCity, "城市名称": LevelCity, "地市": LevelCity, "市": LevelCity,
	"city": LevelCity, "cities": LevelCity, "所在城市": LevelCity, "地级市": LevelCity, "城市名": LevelCity,
	"省份": LevelProvince, "省": LevelProvince, "省市": LevelProvince, "省区市": LevelProvince, "省区": LevelProvince,
	"省份名称": LevelProvince, "省级行政区": LevelProvince, "province": LevelProvince, "provinces": LevelProvince,
	"country": LevelCountry, "countries": LevelCountry, "国家": LevelCountry, "国家/地区": LevelCountry,
	"国家和地区": LevelCountry}

// namesLevel is the level most of the names are, counting only names that
// are one place whatever the level (吉林 is not counted; 北京, a city and a
// province-level unit at once, neither).
func namesLevel(names []string) Level {
	count := map[Level]int{}
	for _, s := range names {
		name, l, known := MatchRegion(s)
		if !known || l == LevelMunicipality || l == LevelAggregate || name == "China" {
			continue // China: the 全国 row of a table of provinces or cities
		}
		if c, _, _ := MatchRegionAt(s, LevelCity); c != name {
			continue
		}
		if p, _, _ := MatchRegionAt(s, LevelProvince); p != name {
			continue
		}
		count[l]++
	}
	best, n := LevelUnknown, 0
	for _, l := range []Level{LevelCity, LevelProvince, LevelCountry} {
		switch {
		case count[l] > n:
			best, n = l, count[l]
		case count[l] == n && n > 0:
			best = LevelUnknown // as many of each: the names do not say
		}
	}
	return best
}

// columnTexts lists the texts of a column's first rows.
func columnTexts(col int, data []gridRow) []string {
	var out []string
	for _, r := range data[:min(len(data), 400)] {
		if cl, ok := cellAt(r, col); ok {
			out = append(out, cl.text)
		}
	}
	return out
}

// settleRegions decides the level of the regions the table names (in a
// column, or in the headers of a years × regions table), reads headers
// at that level, and keeps one region column when there are several: the
// finest (a city column beside its province's).
func (p *sheetPlan) settleRegions(data []gridRow) {
	var cols []*column
	for i := range p.cols {
		if c := &p.cols[i]; c.role == roleRegion {
			c.level = cmpLevel(headerLevels[headerKey(c.header)], namesLevel(columnTexts(c.col, data)), p.levelHint)
			cols = append(cols, c)
		}
	}
	if len(cols) > 0 {
		keep := finest(cols)
		for _, c := range cols {
			if c != keep && !c.chosen {
				c.role, c.note = roleSkip, M("column.region_other", clip(c.header), ColumnName(keep.col))
			}
		}
		p.level = keep.level
		return
	}
	p.level = p.headerRegions()
	if p.level == LevelUnknown && p.region != "" {
		p.level = gazetteerLevel(p.region)
	}
}

// cmpLevel is the first level that is known.
func cmpLevel(ls ...Level) Level {
	for _, l := range ls {
		if l != LevelUnknown {
			return l
		}
	}
	return LevelUnknown
}

// finest is the region column of the finest level (city before province
// before country); the first of equals.
func finest(cols []*column) *column {
	rank := func(l Level) int {
		switch l {
		case LevelCity:
			return 0
		case LevelProvince, LevelMunicipality:
			return 1
		case LevelUnknown:
			return 2
		}
		return 3
	}
	best := cols[0]
	for _, c := range cols[1:] {
		if c.chosen && !best.chosen || rank(c.level) < rank(best.level) {
			best = c
		}
	}
	return best
}

// headerRegions reads the regions named in the headers (years × regions)
// at the level most of them are.
func (p *sheetPlan) headerRegions() Level {
	var names []string
	for _, c := range p.cols {
		if c.role == roleValue && c.region != "" {
			names = append(names, stripBrackets(c.header))
		}
	}
	if len(names) == 0 {
		return LevelUnknown
	}
	l := cmpLevel(namesLevel(names), p.levelHint)
	for i := range p.cols {
		if c := &p.cols[i]; c.role == roleValue && c.region != "" {
			c.region, _, _ = MatchRegionAt(stripBrackets(c.header), l)
		}
	}
	return l
}

// regionHit is a region cell read once: the canonical name, whether the
// gazetteer knows it, whether it is a total (合计) and not a region.
type regionHit struct {
	name  string
	known bool
	total bool
}

// region reads a region cell at the column's level, once per text; an
// unknown name gets the column's level.
func (t *tableReader) region(s string, c *column) regionHit {
	hit, ok := t.regions[s]
	if ok {
		return hit
	}
	name, _, known := MatchRegionAt(s, c.level)
	hit = regionHit{name: name, known: known, total: isTotal(s) && !known}
	if !known && !hit.total && c.level != LevelUnknown {
		t.d.SetLevel(name, c.level)
	}
	t.regions[s] = hit
	return hit
}

// levelName is a level as the report says it: "cities", "provinces".
func levelName(l Level) Msg {
	switch l {
	case LevelCity:
		return M("levels.cities")
	case LevelProvince, LevelMunicipality:
		return M("levels.provinces")
	case LevelCountry:
		return M("levels.countries")
	case LevelAggregate:
		return M("levels.aggregates")
	}
	return M("levels.unknown")
}
