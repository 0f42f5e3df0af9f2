package charts

import (
	"hash/fnv"
	"image/color"
	"math"
	"strings"
)

// The main cities take the Okabe–Ito colours (safe for the common forms of
// colour blindness) in a fixed order, so a city keeps its colour whatever
// else is drawn. Okabe–Ito's black is left out (it is the text colour) and
// its yellow comes last of the seven because it is the weakest on white.
// After those come Paul Tol's "muted" colours, also colour-blind safe.
var cityTable = []struct {
	names []string // English key first, then other spellings
	light color.RGBA
}{
	{[]string{"chongqing", "重庆"}, rgb(0xE69F00)}, // orange
	{[]string{"guangzhou", "广州"}, rgb(0x56B4E9)}, // sky blue
	{[]string{"shanghai", "上海"}, rgb(0x009E73)},  // bluish green
	{[]string{"shenzhen", "深圳"}, rgb(0x0072B2)},  // blue
	{[]string{"xian", "西安"}, rgb(0xD55E00)},      // vermillion
	{[]string{"hefei", "合肥"}, rgb(0xCC79A7)},     // reddish purple
	{[]string{"liuzhou", "柳州"}, rgb(0xD4BE1E)},   // yellow, darkened to read on white
	{[]string{"changchun", "长春"}, rgb(0x6E6E6E)}, // grey (Okabe–Ito black, softened)
	{[]string{"beijing", "北京"}, rgb(0x332288)},   // Tol indigo
	{[]string{"wuhan", "武汉"}, rgb(0x44AA99)},     // Tol teal
	{[]string{"chengdu", "成都"}, rgb(0x999933)},   // Tol olive
	{[]string{"ningbo", "宁波"}, rgb(0x882255)},    // Tol wine
	{[]string{"zhengzhou", "郑州"}, rgb(0xCC6677)}, // Tol rose
	{[]string{"tianjin", "天津"}, rgb(0x117733)},   // Tol green
}

// extendedPalette is for cities not in the table: a stable hash of the
// name picks one. Tol's "muted" and "bright" sets, minus near-duplicates of
// the table's first colours.
var extendedPalette = []color.RGBA{
	rgb(0x4477AA), rgb(0xEE6677), rgb(0x228833), rgb(0xCCBB44),
	rgb(0x66CCEE), rgb(0xAA3377), rgb(0x88CCEE), rgb(0xDDCC77),
	rgb(0xAA4499),
}

var cityIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range cityTable {
		for _, n := range c.names {
			m[n] = i
		}
	}
	return m
}()

// CityColor is the colour of a city in every chart: the fixed table for the
// main car-making cities (English or Chinese names, any case, "Xi'an" or
// "Xian"), a stable hashed colour for any other name. The dark variant is
// lightened where needed to read on the dark background.
func CityColor(city string, t Theme) color.RGBA {
	key := cityKey(city)
	var c color.RGBA
	if i, ok := cityIndex[key]; ok {
		c = cityTable[i].light
	} else {
		h := fnv.New32a()
		h.Write([]byte(key))
		c = extendedPalette[h.Sum32()%uint32(len(extendedPalette))]
	}
	if t == Dark {
		return forDark(c)
	}
	return c
}

// cityKey folds the spellings of a name: case, spaces, apostrophes,
// hyphens and a trailing "city" or 市.
func cityKey(city string) string {
	s := strings.ToLower(strings.TrimSpace(city))
	s = strings.TrimSuffix(s, "市")
	s = strings.TrimSuffix(s, " city")
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\'', '’', '‘', '-', '_', '.', '`':
			return -1
		}
		return r
	}, s)
}

// forDark lightens a colour until it has a contrast of at least 3:1 with
// the dark background (WCAG's minimum for graphics), keeping its hue.
func forDark(c color.RGBA) color.RGBA {
	bg := Background(Dark)
	for i := 0; i < 20 && contrast(c, bg) < 3; i++ {
		c = mix(c, color.RGBA{255, 255, 255, 255}, 0.12)
	}
	return c
}

// Background is the chart background of a theme.
func Background(t Theme) color.RGBA {
	if t == Dark {
		return rgb(0x1E1E1E)
	}
	return rgb(0xFFFFFF)
}

// TextColor is the colour of titles, labels and values.
func TextColor(t Theme) color.RGBA {
	if t == Dark {
		return rgb(0xE8E8E8)
	}
	return rgb(0x1A1A1A)
}

// MutedTextColor is the colour of subtitles, ticks and footers.
func MutedTextColor(t Theme) color.RGBA {
	if t == Dark {
		return rgb(0xA8A8A8)
	}
	return rgb(0x5C5C5C)
}

// GridColor is the colour of grid lines.
func GridColor(t Theme) color.RGBA {
	if t == Dark {
		return rgb(0x3A3A3A)
	}
	return rgb(0xE2E2E2)
}

// axisColor is the colour of the zero line and axis ticks.
func axisColor(t Theme) color.RGBA {
	if t == Dark {
		return rgb(0x8A8A8A)
	}
	return rgb(0x7A7A7A)
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// mix blends a toward b by f (0: a, 1: b).
func mix(a, b color.RGBA, f float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-f) + float64(y)*f)) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.RGBA) float64 {
	ch := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}
