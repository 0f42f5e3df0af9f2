package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync/atomic"
	"unicode"
)

// Place is one entry of the gazetteer: a region with its code, level,
// names and the other spellings people write.
type Place struct {
	Code    string // GB/T 2260 for China's regions, ISO 3166-1 alpha-3 (as OWID writes it) for countries
	Level   Level
	Chinese string // full name: 重庆市, 河北省, 内蒙古自治区
	Name    string // canonical English name: Chongqing, Hebei, Inner Mongolia, United States
	Parent  string // a city's province code
	Aliases []string
	short   string // Chinese without its suffix: 重庆, 河北, 内蒙古
}

// gazetteer is the place list the importer matches names against; the app
// hands it over at start (UseGazetteer) from assets/data/regions.csv.
type gazetteer struct {
	places []Place
	byKey  map[string]int   // folded name, Chinese name or alias → place
	short  map[string][]int // folded Chinese name without its suffix → places (吉林: the province and the city)
	byName map[string]int   // canonical English name → place
}

var places atomic.Pointer[gazetteer]

// UseGazetteer reads the place list (assets/data/regions.csv: code, level,
// zh, en, parent, aliases) and makes it the one names are matched against.
func UseGazetteer(r io.Reader) error {
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	if len(recs) < 2 || strings.Join(recs[0], ",") != "code,level,zh,en,parent,aliases" {
		return fmt.Errorf("gazetteer: the header must be code,level,zh,en,parent,aliases")
	}
	g := &gazetteer{byKey: map[string]int{}, short: map[string][]int{}, byName: map[string]int{}}
	for i, rec := range recs[1:] {
		if len(rec) != 6 {
			return fmt.Errorf("gazetteer: row %d has %d fields, want 6", i+2, len(rec))
		}
		l, ok := ParseLevel(rec[1])
		if !ok || l == LevelUnknown {
			return fmt.Errorf("gazetteer: row %d: level %q", i+2, rec[1])
		}
		p := Place{Code: rec[0], Level: l, Chinese: rec[2], Name: rec[3], Parent: rec[4], Aliases: splitList(rec[5])}
		p.short = p.Chinese
		if l == LevelCity || l == LevelProvince || l == LevelMunicipality {
			p.short = stripRegionSuffix(p.Chinese)
		}
		g.add(p)
	}
	places.Store(g)
	return nil
}

func (g *gazetteer) add(p Place) {
	i := len(g.places)
	g.places = append(g.places, p)
	g.byName[p.Name] = i
	for _, s := range append([]string{p.Name, p.Chinese}, p.Aliases...) {
		if k := foldRegion(s); k != "" {
			if _, taken := g.byKey[k]; !taken {
				g.byKey[k] = i
			}
		}
	}
	// Names that are two places (吉林 the province and the city, 海南 the
	// province and the prefecture in Qinghai): the short Chinese name and
	// the English name before " City" or " (Province)".
	bases := []string{p.short}
	if b, ok := strings.CutSuffix(p.Name, " City"); ok {
		bases = append(bases, b)
	}
	if b, _, ok := strings.Cut(p.Name, " ("); ok {
		bases = append(bases, b)
	}
	for _, b := range bases {
		if k := foldRegion(b); k != "" && b != p.Chinese {
			g.short[k] = append(g.short[k], i)
		}
	}
}

// regionSuffixes end the official Chinese names, longest first.
var regionSuffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"}

// stripRegionSuffix takes the suffix off a Chinese name (and the people
// named before 自治州: 延边朝鲜族自治州 → 延边).
func stripRegionSuffix(s string) string {
	for _, suf := range regionSuffixes {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			if suf == "自治州" {
				t = peopleStem(t)
			}
			return t
		}
	}
	return s
}

// peoples are the peoples named in the autonomous prefectures' names.
var peoples = []string{"朝鲜", "蒙古", "哈萨克", "柯尔克孜", "土家", "布依", "哈尼", "傈僳", "景颇",
	"藏", "彝", "苗", "侗", "傣", "白", "壮", "回", "羌", "黎"}

// peopleStem drops the peoples named before 自治州 (延边朝鲜族 → 延边,
// 黔东南苗族侗族 → 黔东南).
func peopleStem(s string) string {
	for {
		t := strings.TrimSuffix(s, "族")
		for _, people := range peoples {
			if u, ok := strings.CutSuffix(t, people); ok && u != "" {
				t = u
				break
			}
		}
		if t == s {
			return s
		}
		s = t
	}
}

// foldRegion reduces a written name to a lookup key: full-width folded,
// lower case, without spaces (北 京), apostrophes, hyphens and dots.
func foldRegion(s string) string {
	s = strings.ToLower(normText(s))
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '\u3000', strings.ContainsRune("'’‘`´-–—.·・", r):
			return -1
		case r == 'ü':
			return 'u'
		}
		return r
	}, s)
}

// englishSuffixes are words after an English place name that do not change
// the place: "Chongqing Municipality", "Hebei Province", "Xi'an City".
var englishSuffixes = []string{"autonomousregion", "municipality", "prefecture", "province", "sar", "city", "shi"}

// MatchRegion finds a written name in the gazetteer: its canonical English
// name and level. An unknown name comes back trimmed, as written, with
// known false.
func MatchRegion(s string) (name string, level Level, known bool) {
	p, ok := findPlace(s, LevelUnknown)
	if !ok {
		return strings.TrimSpace(normText(s)), LevelUnknown, false
	}
	return p.Name, p.Level, true
}

// MatchRegionAt is MatchRegion for a name among regions of a level: where
// a name is two places (吉林 the province and the city), the one of that
// level.
func MatchRegionAt(s string, want Level) (name string, level Level, known bool) {
	p, ok := findPlace(s, want)
	if !ok {
		return strings.TrimSpace(normText(s)), LevelUnknown, false
	}
	return p.Name, p.Level, true
}

func findPlace(s string, want Level) (Place, bool) {
	g := places.Load()
	if g == nil {
		return Place{}, false
	}
	k := foldRegion(s)
	if k == "" {
		return Place{}, false
	}
	if want != LevelUnknown {
		for _, i := range g.short[k] {
			if want.Includes(g.places[i].Level) {
				return g.places[i], true
			}
		}
	}
	if i, ok := g.byKey[k]; ok {
		return g.places[i], true
	}
	if t := foldRegion(stripRegionSuffix(normText(strings.TrimSpace(s)))); t != k {
		if i, ok := g.byKey[t]; ok {
			return g.places[i], true
		}
		if is := g.short[t]; len(is) > 0 {
			return g.places[is[0]], true
		}
	}
	for _, suf := range englishSuffixes {
		if t, ok := strings.CutSuffix(k, suf); ok && t != "" {
			if i, ok := g.byKey[t]; ok {
				return g.places[i], true
			}
		}
	}
	if is := g.short[k]; len(is) > 0 {
		return g.places[is[0]], true
	}
	return Place{}, false
}

// PlaceNamed is the gazetteer's entry for a canonical name.
func PlaceNamed(name string) (Place, bool) {
	g := places.Load()
	if g == nil {
		return Place{}, false
	}
	i, ok := g.byName[name]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// RegionChinese is a known region's Chinese name as people say it, without
// its suffix (重庆, 河北, 内蒙古; 美国 for a country), or "" for a name the
// gazetteer does not know or has no Chinese name for.
func RegionChinese(name string) string {
	p, ok := PlaceNamed(name)
	if !ok {
		return ""
	}
	if p.short != "" {
		return p.short
	}
	return p.Chinese
}

func gazetteerLevel(name string) Level {
	if p, ok := PlaceNamed(name); ok {
		return p.Level
	}
	return LevelUnknown
}

// matchName is MatchRegion without the level.
func matchName(s string) (string, bool) {
	name, _, known := MatchRegion(s)
	return name, known
}

// UseAssets loads what the importer needs from the app's assets: the
// gazetteer (data/regions.csv) and the translation tables (translations/).
func UseAssets(fsys fs.FS) error {
	f, err := fsys.Open("data/regions.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := UseGazetteer(f); err != nil {
		return err
	}
	sub, err := fs.Sub(fsys, "translations")
	if err != nil {
		return err
	}
	return UseTranslations(sub)
}
