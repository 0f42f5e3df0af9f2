package importer

import (
	"fmt"
	"strings"
)

// Unit kinds. A bare scale ("million", "万") has no kind: it takes the
// metric's.
const (
	kindVehicles = UnitVehicles
	kindCNY      = UnitCNY
	kindRank     = UnitRank
	kindUSD      = UnitUSD
	kindPercent  = UnitPercent
	kindPeople   = UnitPeople
	kindTonnes   = UnitTonnes
	kindCount    = UnitCount
	kindOther    = "other" // a unit kept as written (万千瓦时, 平方公里): only a user indicator takes it
)

// unit is a unit as written and how to convert it to the canonical one.
type unit struct {
	written string
	kind    string // vehicles, CNY, USD, rank, percent, people, tonnes, count, other or "" (a bare scale)
	factor  float64
}

// unitWords maps normalised unit spellings (lower case, no spaces) to
// kind and factor.
var unitWords = map[string]unit{
	"辆": {"", kindVehicles, 1}, "台": {"", kindVehicles, 1}, "units": {"", kindVehicles, 1},
	"unit": {"", kindVehicles, 1}, "vehicles": {"", kindVehicles, 1}, "vehicle": {"", kindVehicles, 1},
	"cars": {"", kindVehicles, 1}, "veh": {"", kindVehicles, 1}, "万辆": {"", kindVehicles, 1e4},
	"万台": {"", kindVehicles, 1e4}, "千辆": {"", kindVehicles, 1e3}, "百万辆": {"", kindVehicles, 1e6},
	"10,000units": {"", kindVehicles, 1e4}, "10000units": {"", kindVehicles, 1e4},
	"10kunits": {"", kindVehicles, 1e4}, "10thousandunits": {"", kindVehicles, 1e4},
	"tenthousandunits": {"", kindVehicles, 1e4}, "10,000vehicles": {"", kindVehicles, 1e4},
	"10kvehicles": {"", kindVehicles, 1e4}, "thousandunits": {"", kindVehicles, 1e3},
	"thousandvehicles": {"", kindVehicles, 1e3}, "'000units": {"", kindVehicles, 1e3},
	"millionunits": {"", kindVehicles, 1e6}, "millionvehicles": {"", kindVehicles, 1e6},
	"元": {"", kindCNY, 1}, "yuan": {"", kindCNY, 1}, "cny": {"", kindCNY, 1}, "rmb": {"", kindCNY, 1},
	"万元": {"", kindCNY, 1e4}, "千元": {"", kindCNY, 1e3}, "百万元": {"", kindCNY, 1e6},
	"亿元": {"", kindCNY, 1e8}, "十亿元": {"", kindCNY, 1e9}, "万亿元": {"", kindCNY, 1e12},
	"亿元人民币": {"", kindCNY, 1e8}, "万元人民币": {"", kindCNY, 1e4},
	"10,000yuan": {"", kindCNY, 1e4}, "10kyuan": {"", kindCNY, 1e4}, "thousandyuan": {"", kindCNY, 1e3},
	"millionyuan": {"", kindCNY, 1e6}, "100millionyuan": {"", kindCNY, 1e8},
	"hundredmillionyuan": {"", kindCNY, 1e8}, "100mnyuan": {"", kindCNY, 1e8},
	"100million": {"", "", 1e8}, "billionyuan": {"", kindCNY, 1e9}, "bnyuan": {"", kindCNY, 1e9},
	"billioncny": {"", kindCNY, 1e9}, "cnybn": {"", kindCNY, 1e9}, "rmbbn": {"", kindCNY, 1e9},
	"cnybillion": {"", kindCNY, 1e9}, "rmbbillion": {"", kindCNY, 1e9}, "millioncny": {"", kindCNY, 1e6},
	"trillionyuan": {"", kindCNY, 1e12},
	"美元":           {"", kindUSD, 1}, "万美元": {"", kindUSD, 1e4}, "亿美元": {"", kindUSD, 1e8},
	"usd": {"", kindUSD, 1}, "us$": {"", kindUSD, 1}, "$": {"", kindUSD, 1},
	"millionusd": {"", kindUSD, 1e6}, "billionusd": {"", kindUSD, 1e9}, "usdbn": {"", kindUSD, 1e9},
	"usdmillion": {"", kindUSD, 1e6}, "usdbillion": {"", kindUSD, 1e9}, "千美元": {"", kindUSD, 1e3},
	"百万美元": {"", kindUSD, 1e6}, "十亿美元": {"", kindUSD, 1e9}, "thousandusd": {"", kindUSD, 1e3},
	"人": {"", kindPeople, 1}, "万人": {"", kindPeople, 1e4}, "千人": {"", kindPeople, 1e3},
	"百万人": {"", kindPeople, 1e6}, "亿人": {"", kindPeople, 1e8}, "people": {"", kindPeople, 1},
	"persons": {"", kindPeople, 1}, "person": {"", kindPeople, 1}, "10,000persons": {"", kindPeople, 1e4},
	"10,000people": {"", kindPeople, 1e4}, "thousandpeople": {"", kindPeople, 1e3},
	"millionpeople": {"", kindPeople, 1e6}, "millionpersons": {"", kindPeople, 1e6},
	"吨": {"", kindTonnes, 1}, "万吨": {"", kindTonnes, 1e4}, "千吨": {"", kindTonnes, 1e3},
	"亿吨": {"", kindTonnes, 1e8}, "tonnes": {"", kindTonnes, 1}, "tons": {"", kindTonnes, 1},
	"10,000tons": {"", kindTonnes, 1e4}, "10,000tonnes": {"", kindTonnes, 1e4},
	"thousandtonnes": {"", kindTonnes, 1e3}, "milliontonnes": {"", kindTonnes, 1e6},
	"个": {"", kindCount, 1}, "家": {"", kindCount, 1}, "户": {"", kindCount, 1}, "万个": {"", kindCount, 1e4},
	"万家": {"", kindCount, 1e4}, "万户": {"", kindCount, 1e4}, "件": {"", kindCount, 1}, "项": {"", kindCount, 1},
	"所": {"", kindCount, 1}, "座": {"", kindCount, 1}, "number": {"", kindCount, 1}, "count": {"", kindCount, 1},
	"万": {"", "", 1e4}, "千": {"", "", 1e3}, "亿": {"", "", 1e8}, "百万": {"", "", 1e6},
	"thousand": {"", "", 1e3}, "thousands": {"", "", 1e3}, "'000": {"", "", 1e3}, "k": {"", "", 1e3},
	"million": {"", "", 1e6}, "millions": {"", "", 1e6}, "mn": {"", "", 1e6}, "m": {"", "", 1e6},
	"billion": {"", "", 1e9}, "bn": {"", "", 1e9}, "10,000": {"", "", 1e4}, "10000": {"", "", 1e4},
	"%": {"", kindPercent, 1}, "percent": {"", kindPercent, 1}, "百分比": {"", kindPercent, 1},
	"位": {"", kindRank, 1}, "名": {"", kindRank, 1}, "rank": {"", kindRank, 1},
}

var unitFold = strings.NewReplacer(" ", "", "（", "(", "）", ")", "units:", "", "unit:", "", "单位:", "",
	"单位：", "", "单位", "")

var bracketKinds = [][2]string{{"(", ")"}, {"[", "]"}, {"【", "】"}}

func unitKey(s string) string {
	s = strings.ToLower(normText(s))
	s = unitFold.Replace(s)
	return strings.Trim(s, "()[]:：,;/ ")
}

// parseUnit reads a whole cell as a unit ("万辆", "(100 million yuan)",
// "单位：亿元").
func parseUnit(s string) (unit, bool) {
	u, ok := unitWords[unitKey(s)]
	if ok {
		u.written = strings.TrimSpace(s)
	}
	return u, ok
}

// findUnit looks for a unit inside text: in brackets first ("产量（万辆）",
// "Output (10,000 units)"), then after "单位" or "unit".
func findUnit(s string) (unit, bool) {
	t := normText(s)
	for _, part := range bracketed(t) {
		if u, ok := parseUnit(part); ok {
			return u, true
		}
	}
	for _, part := range bracketed(t) {
		if u, ok := currencyAtEnd(part); ok {
			return u, true
		}
	}
	lower := strings.ToLower(t)
	for _, mark := range []string{"单位", "units", "unit", " in "} {
		i := strings.Index(lower, mark)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(lower[i+len(mark):], ":： ")
		if j := strings.IndexAny(rest, ",;)，；"); j >= 0 {
			rest = rest[:j]
		}
		words := strings.Fields(rest)
		for n := min(3, len(words)); n >= 1; n-- {
			if u, ok := parseUnit(strings.Join(words[:n], " ")); ok {
				return u, true
			}
		}
	}
	return unit{}, false
}

// bracketed returns the parts of s inside (), [] or 【】.
func bracketed(s string) []string {
	var out []string
	replaceBrackets(s, func(open, inner, close string) string {
		out = append(out, inner)
		return open + inner + close
	})
	return out
}

// replaceBrackets rebuilds s with each bracketed part — in (), [] or 【】,
// one kind after the other — replaced by what with returns for it.
func replaceBrackets(s string, with func(open, inner, close string) string) string {
	for _, pair := range bracketKinds {
		rest, out := s, ""
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			j := strings.Index(rest[i:], pair[1])
			if j < 0 {
				break
			}
			out += rest[:i] + with(pair[0], rest[i+len(pair[0]):i+j], pair[1])
			rest = rest[i+j+len(pair[1]):]
		}
		s = out + rest
	}
	return s
}

// unitSeparators split a bracketed part into a qualifier and a unit:
// "constant 2015 US$", "当年价格，亿元".
const unitSeparators = " ,，;；、/"

// splitQualifier cuts a bracketed part into what qualifies the measure
// and the unit that ends it: "constant 2015 US$" → "constant 2015", US$;
// "万辆" → "", 万辆; "per capita" → "per capita", no unit.
func splitQualifier(part string) (qualifier string, u unit, ok bool) {
	if u, ok := parseUnit(part); ok {
		return "", u, true
	}
	if u, ok := otherUnit(part); ok {
		return "", u, true
	}
	t := strings.TrimRight(part, unitSeparators)
	i := strings.LastIndexAny(t, unitSeparators)
	if i < 0 {
		return part, unit{}, false
	}
	u, ok = parseUnit(t[i+1:])
	if !ok || u.kind == "" { // a bare scale ("万") ends no qualifier
		return part, unit{}, false
	}
	return strings.TrimRight(t[:i], unitSeparators), u, true
}

// currencyAtEnd reads a unit that ends a bracketed qualifier, as OWID and
// the World Bank write them: "constant 2015 US$", "当年价格，亿元".
func currencyAtEnd(part string) (unit, bool) {
	q, u, ok := splitQualifier(part)
	if !ok || q == "" {
		return unit{}, false
	}
	u.written = strings.TrimSpace(part)
	return u, true
}

// holdQualifiers takes out the bracketed parts that state only a unit
// ("（万辆）", "(%)") and puts a mark in place of those that qualify what is
// measured ("(per capita)", "(constant 2015 US$)" without its unit), so
// that the year and month words around them can be taken out without
// touching them; putBack restores them.
func holdQualifiers(s string) (string, []string) {
	var held []string
	s = replaceBrackets(s, func(open, inner, close string) string {
		q, _, _ := splitQualifier(inner)
		if q = strings.TrimSpace(q); q == "" || isUnitStatement(q) {
			return ""
		}
		held = append(held, open+q+close)
		return fmt.Sprintf(" \x00%d\x00 ", len(held)-1)
	})
	return s, held
}

// putBack puts the qualifiers holdQualifiers held back in their places.
func putBack(s string, held []string) string {
	for i, q := range held {
		s = strings.Replace(s, fmt.Sprintf("\x00%d\x00", i), q, 1)
	}
	return s
}

// stripBrackets removes bracketed parts, leaving the header's words.
func stripBrackets(s string) string {
	return replaceBrackets(s, func(string, string, string) string { return "" })
}

// msg describes the unit and its conversion for the report, e.g.
// "万辆 = 10,000 vehicles".
func (u unit) msg() Msg {
	f := map[float64]string{1: "1", 1e3: "1,000", 1e4: "10,000", 1e6: "1,000,000",
		1e8: "100,000,000", 1e9: "1,000,000,000", 1e12: "1,000,000,000,000"}[u.factor]
	switch u.kind {
	case "":
		return M("unit.scale", u.written, f)
	case kindOther:
		return M("unit.kept", u.written)
	}
	return M("unit.conversion", u.written, f, M("unit."+u.kind))
}

// otherUnitEnds end units that have no kind here but are units all the
// same (万千瓦时, 平方公里, 元/人): a user indicator keeps them as written.
var otherUnitEnds = []string{"千瓦时", "千瓦", "瓦时", "公里", "千米", "米", "公顷", "亩", "升", "千克", "公斤",
	"小时", "张", "床", "人次", "辆次", "标准箱", "吨公里", "kwh", "km", "km2", "m2", "sqkm", "gwh", "mwh"}

// otherUnit reads a bracketed part of an indicator's header as a unit kept
// as written: one of otherUnitEnds, or a rate such as 元/人.
func otherUnit(s string) (unit, bool) {
	k := unitKey(s)
	if k == "" || len([]rune(k)) > 12 {
		return unit{}, false
	}
	ok := strings.Contains(k, "/") && !strings.ContainsAny(k, "0123456789")
	for _, e := range otherUnitEnds {
		ok = ok || strings.HasSuffix(k, e)
	}
	if !ok {
		return unit{}, false
	}
	return unit{written: strings.TrimSpace(s), kind: kindOther, factor: 1}, true
}

// indicatorUnit is the unit an indicator's header states: a known unit
// (findUnit), else a bracketed unit kept as written.
func indicatorUnit(h string) (unit, bool) {
	if u, ok := findUnit(h); ok {
		return u, true
	}
	for _, part := range bracketed(normText(h)) {
		if u, ok := otherUnit(part); ok {
			return u, true
		}
	}
	return unit{}, false
}

// unitKind is what a unit counts, as the data model names it: "" (no
// unit, or a bare scale) and units kept as written are KindOther.
func (u unit) unitKind() UnitKind {
	switch u.kind {
	case kindVehicles, kindPeople, kindPercent, kindTonnes, kindCount:
		return UnitKind(u.kind)
	case kindCNY:
		return KindCNY
	case kindUSD:
		return KindUSD
	case kindRank:
		return KindRank
	}
	return KindOther
}

// canonical is the unit a user indicator's values are kept in: the kind's
// canonical unit, the unit as written for one kept as written, or "" for
// none.
func (u unit) canonical() string {
	switch u.kind {
	case kindOther:
		return u.written
	case "":
		return ""
	}
	return u.kind
}
