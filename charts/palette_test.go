package charts

import (
	"fmt"
	"image/color"
	"math"
	"math/rand"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The colour rule: any two regions drawn together differ by at least 15
// CIEDE2000 units, in normal vision and in simulated deuteranopia and
// protanopia, in both themes.
const minDeltaE = 15

// lab is a CIE L*a*b* colour (D65).
type lab struct{ L, a, b float64 }

func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// labOfLinear converts linear sRGB to L*a*b*.
func labOfLinear(r, g, b float64) lab {
	x := (0.4124564*r + 0.3575761*g + 0.1804375*b) / 0.95047
	y := 0.2126729*r + 0.7151522*g + 0.0721750*b
	z := (0.0193339*r + 0.1191920*g + 0.9503041*b) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return lab{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model
// for Simulation of Color Vision Deficiency", severity 1.0, applied to
// linear RGB.
var (
	protanopia = [9]float64{0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998}
	deutanopia = [9]float64{0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881}
)

// seen is a colour as normal vision (nil matrix) or a deficiency sees it.
func seen(c color.RGBA, m *[9]float64) lab {
	r, g, b := linear(c.R), linear(c.G), linear(c.B)
	if m != nil {
		clamp := func(v float64) float64 { return math.Max(0, math.Min(1, v)) }
		r, g, b = clamp(m[0]*r+m[1]*g+m[2]*b), clamp(m[3]*r+m[4]*g+m[5]*b), clamp(m[6]*r+m[7]*g+m[8]*b)
	}
	return labOfLinear(r, g, b)
}

// deltaE2000 is the CIEDE2000 colour difference (Sharma, Wu and Dalal 2005).
func deltaE2000(p, q lab) float64 {
	rad := math.Pi / 180
	c7 := func(c float64) float64 { return math.Sqrt(math.Pow(c, 7) / (math.Pow(c, 7) + math.Pow(25, 7))) }
	cBar := (math.Hypot(p.a, p.b) + math.Hypot(q.a, q.b)) / 2
	g := 0.5 * (1 - c7(cBar))
	a1, a2 := (1+g)*p.a, (1+g)*q.a
	c1, c2 := math.Hypot(a1, p.b), math.Hypot(a2, q.b)
	hue := func(b, a float64) float64 {
		if a == 0 && b == 0 {
			return 0
		}
		return math.Mod(math.Atan2(b, a)/rad+360, 360)
	}
	h1, h2 := hue(p.b, a1), hue(q.b, a2)
	dh := 0.0
	if c1*c2 != 0 {
		dh = h2 - h1
		if dh > 180 {
			dh -= 360
		} else if dh < -180 {
			dh += 360
		}
	}
	dL, dC := q.L-p.L, c2-c1
	dH := 2 * math.Sqrt(c1*c2) * math.Sin(dh/2*rad)
	lBar, cBarP := (p.L+q.L)/2, (c1+c2)/2
	hBar := h1 + h2
	if c1*c2 != 0 {
		switch {
		case math.Abs(h1-h2) <= 180:
			hBar = (h1 + h2) / 2
		case h1+h2 < 360:
			hBar = (h1 + h2 + 360) / 2
		default:
			hBar = (h1 + h2 - 360) / 2
		}
	}
	t := 1 - 0.17*math.Cos((hBar-30)*rad) + 0.24*math.Cos(2*hBar*rad) + 0.32*math.Cos((3*hBar+6)*rad) - 0.20*math.Cos((4*hBar-63)*rad)
	sl := 1 + 0.015*math.Pow(lBar-50, 2)/math.Sqrt(20+math.Pow(lBar-50, 2))
	sc, sh := 1+0.045*cBarP, 1+0.015*cBarP*t
	rt := -math.Sin(2*30*math.Exp(-math.Pow((hBar-275)/25, 2))*rad) * 2 * c7(cBarP)
	return math.Sqrt(math.Pow(dL/sl, 2) + math.Pow(dC/sc, 2) + math.Pow(dH/sh, 2) + rt*(dC/sc)*(dH/sh))
}

// TestDeltaE2000 checks the formula against pairs from Sharma et al.'s
// test data.
func TestDeltaE2000(t *testing.T) {
	for _, tt := range []struct {
		p, q lab
		want float64
	}{
		{lab{50, 2.6772, -79.7751}, lab{50, 0, -82.7485}, 2.0425},
		{lab{50, -1.3802, -84.2814}, lab{50, 0, -82.7485}, 1.0000},
		{lab{50, 2.5, 0}, lab{73, 25, -18}, 27.1492},
		{lab{50, 2.5, 0}, lab{56, -27, -3}, 31.9030},
		{lab{60.2574, -34.0099, 36.2677}, lab{60.4626, -34.1751, 39.4387}, 1.2644},
		{lab{22.7233, 20.0904, -46.6940}, lab{23.0331, 14.9730, -42.5619}, 2.0373},
		{lab{90.8027, -2.0831, 1.4410}, lab{91.1528, -1.6435, 0.0447}, 1.4441},
	} {
		if got := deltaE2000(tt.p, tt.q); math.Abs(got-tt.want) > 1e-4 {
			t.Errorf("ΔE00(%v, %v) = %.4f, want %.4f", tt.p, tt.q, got, tt.want)
		}
	}
}

var visions = []struct {
	name string
	m    *[9]float64
}{{"normal vision", nil}, {"deuteranopia", &deutanopia}, {"protanopia", &protanopia}}

// apart checks that colours drawn together differ enough to every eye.
func apart(t *testing.T, what string, names []string, cs []color.RGBA) {
	t.Helper()
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			for _, v := range visions {
				if d := deltaE2000(seen(cs[i], v.m), seen(cs[j], v.m)); d < minDeltaE {
					t.Errorf("%s: %s %v and %s %v differ by ΔE00 %.1f in %s (want ≥ %d)", what, names[i], cs[i], names[j], cs[j], d, v.name, minDeltaE)
				}
			}
		}
	}
}

// TestPaletteApartToEveryEye: every two palette colours, in each theme.
func TestPaletteApartToEveryEye(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		var names []string
		var cs []color.RGBA
		for i, p := range palette {
			names = append(names, fmt.Sprint("palette ", i))
			cs = append(cs, map[Theme]color.RGBA{Light: p.light, Dark: p.dark}[th])
		}
		apart(t, map[Theme]string{Light: "light", Dark: "dark"}[th], names, cs)
	}
}

// TestColorsOfAChart: random sets of up to ten regions (main cities,
// provinces, countries) get colours that are apart to every eye, the same
// whatever their order; the main cities keep theirs.
func TestColorsOfAChart(t *testing.T) {
	pool := []string{"Chongqing", "Shenzhen", "Shanghai", "Guangzhou", "Xi'an", "Hefei", "Liuzhou", "Changchun",
		"Beijing", "Wuhan", "Ningbo", "Chengdu", "Tianjin", "Zhengzhou", "Foshan", "Hebei", "Guangdong", "Jilin",
		"Inner Mongolia", "China", "Germany", "World", "重庆", "Taizhou", "Yantai"}
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 300; trial++ {
		set := randomRegions(rng, pool, 2+rng.Intn(len(palette)-1))
		for _, th := range []Theme{Light, Dark} {
			cs := Colors(set, th)
			apart(t, fmt.Sprint(set), set, cs)
			rev := slices.Clone(set)
			slices.Reverse(rev)
			back := Colors(rev, th)
			for i := range set {
				if back[len(set)-1-i] != cs[i] {
					t.Fatalf("%v: %s changes colour when the regions come in another order", set, set[i])
				}
			}
		}
	}
	if Colors([]string{"Chongqing", "Hebei"}, Light)[0] != Colors([]string{"Wuhan", "Chongqing"}, Light)[1] {
		t.Error("Chongqing's colour depends on the other regions")
	}
	a, b := Colors([]string{"Xi'an", "xian", "西安市"}, Light), Colors([]string{"Xi’an"}, Light)
	if a[0] != a[1] || a[0] != a[2] || a[0] != b[0] {
		t.Error("spellings of Xi'an differ in colour")
	}
}

// randomRegions picks n different regions (重庆 and Chongqing are one).
func randomRegions(rng *rand.Rand, pool []string, n int) []string {
	var set []string
	keys := map[string]bool{}
	for _, i := range rng.Perm(len(pool)) {
		k := cityKey(pool[i])
		if k == "重庆" {
			k = "chongqing"
		}
		if !keys[k] {
			keys[k] = true
			set = append(set, pool[i])
		}
		if len(set) == n {
			break
		}
	}
	return set
}

// TestHighlightGreyStandsApart: the grey of the others differs from every
// palette colour to every eye, and text reads on both backgrounds.
func TestHighlightGreyStandsApart(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		for i, p := range palette {
			c := map[Theme]color.RGBA{Light: p.light, Dark: p.dark}[th]
			apart(t, "highlight", []string{"grey", fmt.Sprint("palette ", i)}, []color.RGBA{otherColor(th), c})
		}
	}
	if contrast(TextColor(Light), Background(Light)) < 7 || contrast(TextColor(Dark), Background(Dark)) < 7 {
		t.Error("text colour contrast below 7:1")
	}
}

// TestSmokeKnowsThePalette: the smoke test recognises a chart on screen
// by the regions' colours; its list (.ci/lib.sh) must be the palette's,
// light then dark.
func TestSmokeKnowsThePalette(t *testing.T) {
	b, err := os.ReadFile("../.ci/lib.sh")
	if err != nil {
		t.Skip("no .ci/lib.sh:", err)
	}
	m := regexp.MustCompile(`(?s)city_hexes=\(([^)]*)\)`).FindSubmatch(b)
	if m == nil {
		t.Fatal(".ci/lib.sh has no city_hexes")
	}
	var want []string
	for _, theme := range []func(p struct{ light, dark color.RGBA }) color.RGBA{
		func(p struct{ light, dark color.RGBA }) color.RGBA { return p.light },
		func(p struct{ light, dark color.RGBA }) color.RGBA { return p.dark },
	} {
		for _, p := range palette {
			c := theme(p)
			want = append(want, fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B))
		}
	}
	if got := strings.Fields(string(m[1])); !slices.Equal(got, want) {
		t.Errorf(".ci/lib.sh city_hexes:\n%v\nthe palette, light then dark:\n%v", got, want)
	}
}
