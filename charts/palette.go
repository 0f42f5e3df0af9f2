package charts

import (
	"hash/fnv"
	"image/color"
	"math"
	"slices"
	"strings"
)

// Colours. Any two regions drawn together must stay apart to every eye:
// at least 15 CIEDE2000 units, in normal vision and in simulated
// deuteranopia and protanopia (Machado et al. 2009), in the light and the
// dark theme. Only about ten colours can all be that far apart (colour
// blindness folds the colour space onto lightness and a blue–yellow axis),
// so with ~400 regions "one colour per region everywhere" cannot hold for
// all of them. The scheme:
//   - palette holds ten colours, all pairwise that far apart (tested in
//     palette_test.go), each with a dark-theme variant of the same hue;
//   - the ten main car-making cities own one each (homes): Chongqing is
//     always orange, Shenzhen always blue, in every chart and export;
//   - any other region takes a free palette colour in that chart: regions
//     are served in name order, each starting from the colour its name
//     hashes to, so a chart's set of regions always gets the same colours;
//   - a chart of more than ten regions draws the rest in grey (their names
//     are written on the bars and line ends), and "highlight" draws all but
//     one region in grey on purpose.
//
// The light variants were found by a search (simulated annealing) over
// sRGB for the largest normal-vision spread with the colour-blind
// distances held at 15 or more; Chongqing's orange is
// Okabe–Ito's orange, kept fixed in the search, as was the grey of the
// others, which stays as far from every colour.
var palette = []struct {
	light, dark color.RGBA
}{
	{rgb(0xE69F00), rgb(0xFEBF5A)}, // orange (Chongqing)
	{rgb(0x4B75DB), rgb(0x7D9AFC)}, // cornflower blue (Shenzhen)
	{rgb(0x2E6853), rgb(0x57927B)}, // dark green (Shanghai)
	{rgb(0x22C7F6), rgb(0x91DEFE)}, // sky blue (Guangzhou)
	{rgb(0x8A6700), rgb(0xB58D30)}, // ochre (Xi'an)
	{rgb(0xAC7191), rgb(0xD294B5)}, // mauve (Hefei)
	{rgb(0x71A27D), rgb(0x91C39D)}, // sage (Liuzhou)
	{rgb(0x663618), rgb(0x986141)}, // brown (Changchun)
	{rgb(0x1000E1), rgb(0x7649FD)}, // deep blue (Beijing)
	{rgb(0x614266), rgb(0x8E6C93)}, // plum (Wuhan)
}

// homes are the main car-making cities' own colours (palette indexes),
// under every spelling cityKey folds.
var homes = func() map[string]int {
	m := map[string]int{}
	for i, names := range [][]string{
		{"chongqing", "重庆"}, {"shenzhen", "深圳"}, {"shanghai", "上海"}, {"guangzhou", "广州"},
		{"xian", "西安"}, {"hefei", "合肥"}, {"liuzhou", "柳州"}, {"changchun", "长春"},
		{"beijing", "北京"}, {"wuhan", "武汉"},
	} {
		for _, n := range names {
			m[n] = i
		}
	}
	return m
}()

// otherColor is the grey of regions drawn without a colour of their own.
func otherColor(t Theme) color.RGBA {
	if t == Dark {
		return rgb(0x5E5E5E)
	}
	return rgb(0xBDBDBD)
}

// Colors gives the regions of one chart their colours, in the order given
// (see palette for the scheme). The same set of regions always gets the
// same colours, whatever its order.
func Colors(regions []string, t Theme) []color.RGBA {
	idx := paletteIndexes(regions)
	out := make([]color.RGBA, len(regions))
	for i, r := range regions {
		out[i] = otherColor(t)
		if j, ok := idx[cityKey(r)]; ok {
			out[i] = palette[j].light
			if t == Dark {
				out[i] = palette[j].dark
			}
		}
	}
	return out
}

// paletteIndexes assigns palette entries to the regions' keys: homes
// first, then the others in key order from the entry their key hashes to.
func paletteIndexes(regions []string) map[string]int {
	idx := map[string]int{}
	used := make([]bool, len(palette))
	var others []string
	for _, r := range regions {
		k := cityKey(r)
		if _, done := idx[k]; done {
			continue
		}
		if h, ok := homes[k]; ok {
			idx[k], used[h] = h, true
		} else if !slices.Contains(others, k) {
			others = append(others, k)
		}
	}
	slices.Sort(others)
	for _, k := range others {
		h := fnv.New32a()
		h.Write([]byte(k))
		start := int(h.Sum32() % uint32(len(palette)))
		for n := 0; n < len(palette); n++ {
			if j := (start + n) % len(palette); !used[j] {
				idx[k], used[j] = j, true
				break
			}
		}
	}
	return idx
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
